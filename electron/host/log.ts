import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Named loggers for the host. Every line goes to stderr (so `npm run start:web` shows it
 * and stdout stays reserved for the launch URL) and, once a host has been created, to
 * `<dataDir>/logs/host.log`, which is what a technician asks for after a bad day.
 *
 * Writes are synchronous on purpose: the log is low-volume, and a line written just
 * before a crash must not be lost in a buffer.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
/** One rotation step is plenty for a kiosk: keep the log from filling a small disk. */
const ROTATE_AT_BYTES = 5 * 1024 * 1024;

interface Sink {
  file: string | null;
  echo: boolean;
  level: LogLevel;
}

const sink: Sink = {
  file: null,
  echo: true,
  level: process.env.CHINAR_LOG_LEVEL === 'debug' ? 'debug' : 'info',
};

/**
 * Points the log at a file (and/or turns the stderr echo off, e.g. in tests). The last
 * call wins: one process runs one host.
 */
export function configureLogging(options: { file?: string | null; echo?: boolean; level?: LogLevel }): void {
  if (options.file !== undefined) {
    sink.file = options.file;
    if (options.file) prepareFile(options.file);
  }
  if (options.echo !== undefined) sink.echo = options.echo;
  if (options.level !== undefined) sink.level = options.level;
}

function prepareFile(file: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > ROTATE_AT_BYTES) {
      renameSync(file, `${file}.1`);
    }
  } catch (error) {
    // A log that cannot be written must never stop the till; stderr still works.
    sink.file = null;
    process.stderr.write(`[log] cannot write ${file}: ${String(error)}\n`);
  }
}

function formatDetail(detail: unknown): string {
  if (detail === undefined) return '';
  if (detail instanceof Error) return `\n${detail.stack ?? `${detail.name}: ${detail.message}`}`;
  try {
    return ` ${JSON.stringify(detail)}`;
  } catch {
    return ` ${String(detail)}`;
  }
}

function write(level: LogLevel, name: string, message: string, detail: unknown): void {
  if (LEVEL_RANK[level] < LEVEL_RANK[sink.level]) return;
  const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${name}] ${message}${formatDetail(detail)}\n`;
  if (sink.echo) process.stderr.write(line);
  if (sink.file) {
    try {
      appendFileSync(sink.file, line, { mode: 0o600 });
    } catch {
      // Disk full or folder gone: keep serving; the stderr copy is the fallback.
    }
  }
}

/** A logger for one module, e.g. `const log = getLogger('settings')`. */
export function getLogger(name: string): Logger {
  return {
    debug: (message, detail) => write('debug', name, message, detail),
    info: (message, detail) => write('info', name, message, detail),
    warn: (message, detail) => write('warn', name, message, detail),
    error: (message, detail) => write('error', name, message, detail),
  };
}
