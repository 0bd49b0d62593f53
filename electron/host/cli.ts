import { resolve } from 'node:path';

/**
 * Command-line flags shared by both entries. `--printer file:DIR` sends the file
 * printer's output to DIR (demos, tests, a shared folder a technician watches); any
 * other printer is configured in the app's settings, where it is validated.
 */

export class UsageError extends Error {}

export interface WebCliOptions {
  port: number;
  dataDir: string;
  fileDirOverride?: string;
}

export const WEB_USAGE = 'Usage: node dist/electron/web.cjs [--port P (0 = any free port)] [--data-dir DIR (default ./.data)] [--printer file:DIR]';

/** Splits `--name value` and `--name=value` into pairs; anything else is an error. */
function flags(argv: readonly string[], known: ReadonlySet<string>, strict: boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!known.has(name)) {
      if (strict) throw new UsageError(`Unknown option ${arg}`);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    out.set(name, value);
  }
  return out;
}

export function parsePrinterFlag(value: string, cwd: string): string {
  if (!value.startsWith('file:') || value.length === 'file:'.length) {
    throw new UsageError('--printer takes file:DIR (other printers are set up in Settings)');
  }
  return resolve(cwd, value.slice('file:'.length));
}

export function parseWebArgs(argv: readonly string[], cwd: string = process.cwd()): WebCliOptions {
  const f = flags(argv, new Set(['--port', '--data-dir', '--printer']), true);
  const portText = f.get('--port') ?? '0';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65_535) throw new UsageError(`--port must be 0-65535, not ${portText}`);
  const options: WebCliOptions = { port: Number(portText), dataDir: resolve(cwd, f.get('--data-dir') ?? '.data') };
  const printer = f.get('--printer');
  if (printer !== undefined) options.fileDirOverride = parsePrinterFlag(printer, cwd);
  return options;
}

/**
 * Electron's argv also carries Chromium switches and the app path, so only our own
 * flag is picked out and everything else is left alone.
 */
export function parseElectronArgs(argv: readonly string[], cwd: string = process.cwd()): { fileDirOverride?: string } {
  const printer = flags(argv, new Set(['--printer']), false).get('--printer');
  return printer === undefined ? {} : { fileDirOverride: parsePrinterFlag(printer, cwd) };
}
