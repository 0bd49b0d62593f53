import { join } from 'node:path';
import type { z } from 'zod';
import { hostMethods, mergeFeatureMaps, type HostEvent, type HostMethod } from '../../shared/contract';
import { fail, HostFailure, ok, type HostResult } from '../../shared/result';
import { createPrinter } from '../printing/printers';
import { readAppVersion } from './app-info';
import type { HostContext, HostHandlers, HostTransport } from './context';
import { createBusyGate } from './busy';
import type { SecretStorage } from './device-key';
import { createDisplayHub, type DisplayFeed } from './display';
import { createEventBus, type HostEventListener } from './events';
import { appHandlers } from './handlers/app';
import { displayHandlers } from './handlers/display';
import { journalHandlers } from './handlers/journal';
import { labelHandlers } from './handlers/labels';
import { printingHandlers } from './handlers/printing';
import { settingsHandlers } from './handlers/settings';
import { uploadHandlers } from './handlers/upload';
import { createJournalService } from './journal-service';
import { configureLogging, getLogger } from './log';
import { createPrinterManager, type PrinterFactory } from './printer-manager';
import { allowedPrinterPorts } from './printer-ports';
import { createSettingsStore } from './settings';
import type { SheetOpener } from '../labels/output';
import type { AttemptTimeouts } from '../upload/attempt';

/**
 * The host: every service behind the contract, shared by both transports (Electron IPC
 * and loopback HTTP). The renderer is untrusted, so every call is checked against the
 * contract's zod schemas here, whatever carried it.
 */

const log = getLogger('host');

export interface CreateHostOptions {
  /** The host's data folder: settings, device key, printer output, backups, logs. */
  dataDir: string;
  transport: HostTransport;
  /** The file printer's folder from `--printer file:DIR`; default `<dataDir>/printer-out`. */
  fileDirOverride?: string | undefined;
  /** Electron's `safeStorage`; absent under plain Node, where the key falls back to a 0600 file. */
  safeStorage?: SecretStorage | undefined;
  now?: () => Date;
  /** Tests may inject a printer; production uses createPrinter from electron/printing. */
  printerFactory?: PrinterFactory;
  /** Defaults to package.json's version. */
  appVersion?: string;
  /** Upload attempts' timeouts (tests shorten them). */
  uploadTimeouts?: Partial<AttemptTimeouts>;
  /**
   * Shows a sheet PDF for labels.open: Electron's `shell.openPath`, or the loopback host's
   * short-lived address. Absent, labels.open answers where the file is instead.
   */
  openSheet?: SheetOpener | undefined;
}

export interface Host {
  /** Validates and runs one contract call. Never throws: every failure is a HostResult. */
  dispatch(method: string, input: unknown): Promise<HostResult<unknown>>;
  on<E extends HostEvent>(event: E, listener: HostEventListener<E>): () => void;
  /** The customer display's feed, for the transports' display channels (never the contract's events). */
  display: DisplayFeed;
}

export function createHost(options: CreateHostOptions): Host {
  const { dataDir } = options;
  configureLogging({ file: join(dataDir, 'logs', 'host.log') });
  const now = options.now ?? (() => new Date());
  const settings = createSettingsStore(dataDir, now);
  const events = createEventBus();
  const display = createDisplayHub();
  const ctx: HostContext = {
    dataDir,
    transport: options.transport,
    appVersion: options.appVersion ?? readAppVersion(),
    settings,
    printers: createPrinterManager({
      readSettings: () => settings.read(),
      factory: options.printerFactory ?? createPrinter,
      fileDir: options.fileDirOverride ?? join(dataDir, 'printer-out'),
      readAllowedPorts: () => allowedPrinterPorts(dataDir),
    }),
    deviceKey: { dataDir, safeStorage: options.safeStorage },
    events,
    journal: createJournalService(dataDir, now),
    display,
    now,
    openSheet: options.openSheet ?? null,
    uploadTimeouts: options.uploadTimeouts ?? {},
  };
  const handlers: HostHandlers = mergeFeatureMaps('host handler', appHandlers(ctx), printingHandlers(ctx), settingsHandlers(ctx), labelHandlers(ctx), uploadHandlers(ctx), journalHandlers(ctx), displayHandlers(ctx));
  // One backup, one label sheet, one card sheet at a time (busy.ts says why not queued).
  const busy = createBusyGate();
  log.info(`Host started (${options.transport}, version ${ctx.appVersion}, data in ${dataDir})`);

  return {
    async dispatch(method, input) {
      if (typeof method !== 'string' || !Object.hasOwn(hostMethods, method)) {
        return fail('bad-request', `"${String(method).slice(0, 60)}" is not a host method; this page may be newer than the host. Restart Chinar POS.`);
      }
      const name = method as HostMethod;
      const spec = hostMethods[name];
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) return fail('bad-request', `${name}: ${describeIssues(parsed.error.issues)}`);
      return busy.run(name, () => run(name, parsed.data));
    },
    on: (event, listener) => events.on(event, listener),
    display: { last: () => display.last(), on: (listener) => display.on(listener) },
  };

  /** The handler, with its output checked against the contract. Never throws. */
  async function run(name: HostMethod, input: unknown): Promise<HostResult<unknown>> {
    const spec = hostMethods[name];
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      const value = await handler(input);
      // Parsing the output strips any property the contract does not declare, so a
      // handler mistake cannot leak something (the device key) to the renderer.
      const output = spec.output.safeParse(value);
      if (!output.success) {
        log.error(`${name} returned a result that breaks the contract: ${describeIssues(output.error.issues)}`);
        return fail('internal', `The kiosk host gave an unexpected answer to ${name}. Try again; if it keeps happening, restart Chinar POS and tell the market manager.`);
      }
      return ok(output.data);
    } catch (error) {
      return toFailure(name, error);
    }
  }
}

const IO_CODES = new Set(['ENOSPC', 'EACCES', 'EPERM', 'EROFS', 'EIO', 'EDQUOT', 'EMFILE']);

function toFailure(method: HostMethod, error: unknown): HostResult<never> {
  if (error instanceof HostFailure) return fail(error.code, error.message);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && IO_CODES.has(code)) {
    log.error(`${method} could not use the data folder (${code})`, error);
    return fail('io-error', code === 'ENOSPC' || code === 'EDQUOT'
      ? 'The kiosk\'s disk is full. Free some space (old backups, printer output), then try again.'
      : 'The kiosk could not write to its data folder. Restart Chinar POS; if it happens again, tell the market manager.');
  }
  // The stack goes to the log only: errors on screen never show one.
  log.error(`${method} failed`, error);
  return fail('internal', `Something went wrong in the kiosk host (${method}). Try again; if it keeps happening, restart Chinar POS and tell the market manager — details are in the host log.`);
}

/** "document.blocks[2].kind: Invalid input …", at most three issues, for a developer's console. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const path = issue.path.reduce<string>((acc, key) =>
      typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key), '');
    return `${path || 'input'}: ${issueMessage(issue)}`;
  });
  if (issues.length > 3) parts.push(`and ${issues.length - 3} more`);
  return parts.join('; ');
}

/** zod says only "Invalid input" for a union of literals (paperWidth); name the choices. */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue.message;
  const choices: unknown[] = [];
  for (const branch of issue.errors) {
    const only = branch.length === 1 ? branch[0] : undefined;
    if (only?.code !== 'invalid_value' || only.path.length > 0) return issue.message;
    choices.push(...only.values);
  }
  return `Invalid input: expected one of ${choices.map((v) => JSON.stringify(v)).join(', ')}`;
}

export { readDeviceKey } from './device-key';
export type { HostTransport } from './context';
export type { SecretStorage } from './device-key';
export type { PrinterFactory } from './printer-manager';
export type { SheetOpener } from '../labels/output';
