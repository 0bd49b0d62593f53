import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileTimestamp } from './files';
import { getLogger } from './log';

/**
 * Crash reports: when the host process hits an error nobody caught, it writes what
 * happened into `<dataDir>/crash-reports/` before anything else, so a technician can
 * see it later even if the screen only showed a frozen till.
 */

const log = getLogger('crash');
/** Old reports are pruned so a crash loop cannot fill the disk. */
const KEEP_REPORTS = 50;

export type CrashKind = 'uncaughtException' | 'unhandledRejection';

export interface CrashReport {
  /** ISO time the error reached the handler. */
  time: string;
  kind: CrashKind;
  message: string;
  stack: string | null;
  /** Runtime versions (node, electron, chrome, v8) and the app's own. */
  versions: Record<string, string>;
  platform: string;
  arch: string;
  pid: number;
}

export interface CrashOptions {
  dataDir: string;
  appVersion?: string;
  now?: () => Date;
}

function describe(error: unknown): { message: string; stack: string | null } {
  if (error instanceof Error) return { message: error.message, stack: error.stack ?? null };
  try {
    return { message: `Non-error value thrown: ${JSON.stringify(error)}`, stack: null };
  } catch {
    return { message: `Non-error value thrown: ${String(error)}`, stack: null };
  }
}

/**
 * Writes one crash report synchronously (the process may be about to die, so nothing
 * async can be trusted to finish) and returns its path, or null if even that failed.
 */
export function writeCrashReport(options: CrashOptions, kind: CrashKind, error: unknown): string | null {
  const at = (options.now ?? (() => new Date()))();
  const { message, stack } = describe(error);
  const runtime = process.versions as Record<string, string | undefined>;
  const versions: Record<string, string> = {};
  for (const key of ['node', 'electron', 'chrome', 'v8'] as const) {
    const value = runtime[key];
    if (value) versions[key] = value;
  }
  if (options.appVersion) versions.app = options.appVersion;
  const report: CrashReport = {
    time: at.toISOString(),
    kind,
    message,
    stack,
    versions,
    platform: process.platform,
    arch: process.arch,
    pid: process.pid,
  };
  const dir = join(options.dataDir, 'crash-reports');
  // Two errors can arrive in the same millisecond (a rejection, then the exception it
  // caused); a random tail keeps the first report from being overwritten.
  const file = join(dir, `crash-${fileTimestamp(at)}-${process.pid}-${randomBytes(3).toString('hex')}.json`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    prune(dir);
    return file;
  } catch (writeError) {
    log.error('Could not write a crash report', writeError);
    return null;
  }
}

function prune(dir: string): void {
  const reports = readdirSync(dir).filter((n) => n.startsWith('crash-') && n.endsWith('.json')).sort();
  for (const name of reports.slice(0, Math.max(0, reports.length - KEEP_REPORTS))) {
    rmSync(join(dir, name), { force: true });
  }
}

export interface CrashHandlerOptions extends CrashOptions {
  /**
   * Called after an uncaught exception has been reported. The process state is unknown
   * by then, so the default ends the process (Node's own behaviour); Electron's main
   * passes `app.exit(1)`.
   */
  onFatal?: (error: unknown) => void;
  /** What to listen on; `process` unless a test passes its own emitter. */
  target?: Pick<NodeJS.EventEmitter, 'on' | 'off'>;
}

/**
 * Installs the handlers and returns a function that removes them. An unhandled promise
 * rejection is reported and logged but does not end the process: a lost printer socket
 * must not take the till down in the middle of a sale. An uncaught exception does.
 */
export function installCrashHandlers(options: CrashHandlerOptions): () => void {
  const target = options.target ?? process;
  const onFatal = options.onFatal ?? (() => process.exit(1));
  const onException = (error: unknown): void => {
    const file = writeCrashReport(options, 'uncaughtException', error);
    log.error(`Uncaught exception; crash report: ${file ?? 'not written'}`, error);
    onFatal(error);
  };
  const onRejection = (reason: unknown): void => {
    const file = writeCrashReport(options, 'unhandledRejection', reason);
    log.error(`Unhandled promise rejection; crash report: ${file ?? 'not written'}`, reason);
  };
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    target.off('uncaughtException', onException);
    target.off('unhandledRejection', onRejection);
  };
}
