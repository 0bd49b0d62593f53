import type { HostApi, HostInput, HostMethod, HostOutput } from '../../shared/contract';
import type { ErrorCode, HostResult } from '../../shared/result';
import { StoreRefusal } from '../db';

/**
 * What every service in renderer/app answers a screen with. A screen switches on
 * `status` and never catches: the services do.
 */
export type Outcome<T> =
  | { status: 'ok'; value: T }
  /**
   * The store or the host said no, and `message` says why in the person's words ("SKU
   * SH-001 is already in use."); nothing was done. Shown as it is.
   */
  | { status: 'refused'; message: string }
  /**
   * Something broke underneath (IndexedDB, lost contact, a printer fault); nothing was
   * done. `message` is the reason; the screen puts its own words around it.
   */
  | { status: 'failed'; message: string };

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : String(error);
}

/**
 * Runs one store operation: a StoreRefusal (the catalog's, the settings', a closed day)
 * is a refusal, anything else a failure.
 */
export async function attempt<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { status: 'ok', value: await run() };
  } catch (error) {
    if (error instanceof StoreRefusal) return { status: 'refused', message: error.message };
    return { status: 'failed', message: messageOf(error) };
  }
}

/**
 * Host errors that mean "not like that": the call was checked and turned down (a field the
 * contract refuses, a missing setting). The others (printer, disk, lost contact) are failures.
 */
const REFUSALS: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['bad-request', 'not-configured', 'not-found', 'unauthorized']);

/** The host's `{ ok, value } | { ok: false, error }` as an Outcome. */
export function fromHost<T>(result: HostResult<T>): Outcome<T> {
  if (result.ok) return { status: 'ok', value: result.value };
  return { status: REFUSALS.has(result.error.code) ? 'refused' : 'failed', message: result.error.message };
}

/**
 * Calls the host. Never throws: renderer/host already answers a lost host as data, and a
 * transport that throws anyway (a test's fake, a bridge bug) is a failure like any other.
 */
export async function callHost<K extends HostMethod>(host: HostApi, method: K, input: HostInput<K>): Promise<Outcome<HostOutput<K>>> {
  try {
    return fromHost(await host.call(method, input));
  } catch (error) {
    return { status: 'failed', message: messageOf(error) };
  }
}

/** For loaders (useLoadable): the value, or the outcome's message as a thrown Error. */
export function valueOf<T>(outcome: Outcome<T>): T {
  if (outcome.status === 'ok') return outcome.value;
  throw new Error(outcome.message);
}
