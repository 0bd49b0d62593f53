import { resolve } from 'node:path';

/**
 * Command-line flags shared by both entries. `--printer file:DIR` sends the file
 * printer's output to DIR (demos, tests, a shared folder a technician watches); any
 * other printer is configured in the app's settings, where it is validated.
 */

export class UsageError extends Error {}

export interface WebCliOptions {
  /** Absent: the data folder's remembered port, else 47615 (electron/web/origin.ts). */
  port?: number;
  dataDir: string;
  fileDirOverride?: string;
  /** `--move-origin`: serve the folder on a new port although it remembers another. */
  moveOrigin?: true;
}

export const WEB_USAGE = [
  'Usage: node dist/electron/web.cjs [--port P] [--data-dir DIR (default ./.data)] [--printer file:DIR] [--move-origin]',
  '  --port P         default: the port this data folder first used, else 47615; 0 = that port, else any free one',
  '  --move-origin    serve the folder on --port P although it remembers another port; DANGEROUS: the',
  '                   browser keeps the store (sales, invoice numbers) with the old address',
].join('\n');

/**
 * Splits `--name value` and `--name=value` into pairs (`switches` take no value and map
 * to ''); anything else is an error.
 */
function flags(argv: readonly string[], known: ReadonlySet<string>, strict: boolean, switches: ReadonlySet<string> = new Set()): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (switches.has(arg)) {
      out.set(arg, '');
      continue;
    }
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

const WEB_FLAGS = ['--port', '--data-dir', '--printer'];

export function parseWebArgs(argv: readonly string[], cwd: string = process.cwd()): WebCliOptions {
  return webOptions(flags(argv, new Set(WEB_FLAGS), true, new Set(['--move-origin'])), cwd);
}

function webOptions(f: ReadonlyMap<string, string>, cwd: string): WebCliOptions {
  const options: WebCliOptions = { dataDir: resolve(cwd, f.get('--data-dir') ?? '.data') };
  const portText = f.get('--port');
  if (portText !== undefined) {
    if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65_535) throw new UsageError(`--port must be 0-65535, not ${portText}`);
    options.port = Number(portText);
  }
  if (f.has('--move-origin')) options.moveOrigin = true;
  const printer = f.get('--printer');
  if (printer !== undefined) options.fileDirOverride = parsePrinterFlag(printer, cwd);
  return options;
}

export interface KioskCliOptions {
  web: WebCliOptions;
  /** The Chromium to start; found on the usual paths when absent. */
  browser?: string;
  /** Chromium's profile, where IndexedDB (the store of record) lives. */
  profileDir: string;
  /**
   * The customer display (issue 12) in a second Chromium, full screen on the screen at this
   * desktop position (`--display-at X,Y`, e.g. 1920,0 for a screen to the right of a
   * 1920-wide one), with a profile of its own (it keeps only its key, in sessionStorage).
   */
  display?: { x: number; y: number; profileDir: string };
}

export const KIOSK_USAGE = [
  'Usage: node dist/electron/kiosk.cjs [host options] [--browser PATH] [--profile DIR (default DATA-DIR/browser-profile)] [--display-at X,Y (the customer display on the screen at that position)]',
  WEB_USAGE.replace(/^Usage: \S+ \S+ /, 'Host options: '),
].join('\n');

export function parseKioskArgs(argv: readonly string[], cwd: string = process.cwd()): KioskCliOptions {
  const f = flags(argv, new Set([...WEB_FLAGS, '--browser', '--profile', '--display-at']), true, new Set(['--move-origin']));
  const web = webOptions(f, cwd);
  const browser = f.get('--browser');
  const profile = f.get('--profile');
  const displayAt = f.get('--display-at');
  let display: KioskCliOptions['display'];
  if (displayAt !== undefined) {
    const at = /^(-?\d{1,5}),(-?\d{1,5})$/.exec(displayAt);
    if (!at) throw new UsageError(`--display-at takes the customer screen's position as X,Y (e.g. 1920,0), not ${displayAt}`);
    display = { x: Number(at[1]), y: Number(at[2]), profileDir: resolve(web.dataDir, 'display-profile') };
  }
  return {
    web,
    ...(display ? { display } : {}),
    // A bare name (`chromium`) is looked up on PATH when started; a path is taken as given.
    ...(browser === undefined ? {} : { browser: browser.includes('/') ? resolve(cwd, browser) : browser }),
    profileDir: profile === undefined ? resolve(web.dataDir, 'browser-profile') : resolve(cwd, profile),
  };
}

/**
 * Electron's argv also carries Chromium switches and the app path, so only our own
 * flag is picked out and everything else is left alone.
 */
export function parseElectronArgs(argv: readonly string[], cwd: string = process.cwd()): { fileDirOverride?: string } {
  const printer = flags(argv, new Set(['--printer']), false).get('--printer');
  return printer === undefined ? {} : { fileDirOverride: parsePrinterFlag(printer, cwd) };
}
