import type { HostMethod } from '../../shared/contract';
import { fail, type HostResult } from '../../shared/result';

/**
 * Calls that take the host seconds of CPU and hundreds of MiB (a sheet PDF draws every
 * barcode): at most one of each at a time (issue 10, item 7). A backup is written in parts
 * and keeps its own one-at-a-time rule (backup.ts: one backup being written). A second
 * one while the first runs is refused at once with 'busy', not queued:
 * - a queue would hold each waiting request's body in memory (a few queued sheets are
 *   hundreds of MiB), which is the exhaustion this limit is for;
 * - the second is nearly always a double tap or a second tab doing the same thing, and
 *   running it again straight after would only write the same file twice;
 * - the person gets an answer now ("try again in a moment") instead of a button that
 *   seems stuck behind work they cannot see; the first call still finishes normally.
 * Each method has its own slot: a label sheet does not block a card sheet.
 */
export const ONE_AT_A_TIME: ReadonlySet<HostMethod> = new Set<HostMethod>(['labels.pdf', 'cards.pdf']);

const WHAT: Partial<Record<HostMethod, string>> = {
  'labels.pdf': 'A label sheet',
  'cards.pdf': 'An artisan card sheet',
};

export function busyMessage(method: HostMethod): string {
  return `${WHAT[method] ?? method} is already being made. Try again in a moment, when it is done.`;
}

export interface BusyGate {
  /** Runs `work` unless the method is already running; then answers 'busy' without running it. */
  run<T>(method: HostMethod, work: () => Promise<HostResult<T>>): Promise<HostResult<T>>;
}

export function createBusyGate(limited: ReadonlySet<HostMethod> = ONE_AT_A_TIME): BusyGate {
  const running = new Set<HostMethod>();
  return {
    async run(method, work) {
      if (!limited.has(method)) return work();
      if (running.has(method)) return fail('busy', busyMessage(method));
      running.add(method);
      try {
        return await work();
      } finally {
        running.delete(method);
      }
    },
  };
}
