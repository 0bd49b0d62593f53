import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readAppVersion } from './host/app-info';
import { parseKioskArgs, UsageError, KIOSK_USAGE, type KioskCliOptions } from './host/cli';
import { installCrashHandlers } from './host/crash';
import { OriginError } from './web/origin';
import { startWebHost, type WebHost } from './web/server';

/**
 * Browser kiosk mode in one command (`npm run kiosk`, `node dist/electron/kiosk.cjs`):
 * starts the loopback host in this process and Chromium in `--kiosk --app` mode on it.
 *
 * The token never goes on a command line: anything in argv is readable by every local
 * user (`ps`, /proc/PID/cmdline). Chromium is started on `file://DATA/launch.html`,
 * which the host wrote readable by this user alone (0600) and which forwards to
 * `http://127.0.0.1:PORT/#token=…`; the page then keeps the token in sessionStorage.
 *
 * Chromium gets its own profile (default `DATA/browser-profile`), so the store of record
 * (IndexedDB, per origin) sits beside the host's data folder instead of in whoever's
 * personal profile, and a second Chromium window of the desktop user cannot hold it.
 * When Chromium exits, the host stops and this process exits with Chromium's code, so a
 * service manager (systemd `Restart=always`) can start the pair again.
 */

const BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'];

/** Chromium's switches for a till: full screen, no first-run or crash bubbles, no translate bar. */
export function kioskBrowserArgs(launchPage: string, profileDir: string): string[] {
  return [
    '--kiosk',
    `--app=${pathToFileURL(launchPage).href}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    '--disable-features=Translate',
    // No desktop keyring on a kiosk; without this Chromium may block asking for one.
    '--password-store=basic',
  ];
}

/**
 * The customer display's Chromium: full screen on the screen at `at`, on its own launch
 * page (0600, forwarding to the display's address with its own token), in its own profile.
 */
export function displayBrowserArgs(displayLaunchPage: string, profileDir: string, at: { x: number; y: number }): string[] {
  return [...kioskBrowserArgs(displayLaunchPage, profileDir), `--window-position=${at.x},${at.y}`];
}

export function findBrowser(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = explicit ?? env.CHROMIUM_PATH;
  if (chosen) return chosen;
  for (const path of BROWSERS) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // Not here; try the next.
    }
  }
  throw new UsageError(`No Chromium found (looked at ${BROWSERS.join(', ')}). Install chromium, or pass --browser PATH or set CHROMIUM_PATH.`);
}

/**
 * Chromium grants `navigator.storage.persist()` (no eviction under disk pressure) to a
 * site it deems important, and a bookmark is enough: so a new kiosk profile starts with
 * the kiosk's address bookmarked. A profile that already has bookmarks is left alone.
 * The file is Chromium's own format (no checksum needed); if a future Chromium ignores
 * it, the manager sees the storage warning and bookmarks by hand (README).
 */
export async function seedBookmark(profileDir: string, origin: string): Promise<boolean> {
  const file = join(profileDir, 'Default', 'Bookmarks');
  const folder = (id: string, name: string, children: unknown[]): Record<string, unknown> =>
    ({ id, name, type: 'folder', date_added: '0', date_modified: '0', children });
  const bookmarks = {
    version: 1,
    roots: {
      bookmark_bar: folder('1', 'Bookmarks bar', [{ id: '4', name: 'Chinar POS', type: 'url', url: `${origin}/`, date_added: '0' }]),
      other: folder('2', 'Other bookmarks', []),
      synced: folder('3', 'Mobile bookmarks', []),
    },
  };
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  try {
    await writeFile(file, JSON.stringify(bookmarks, null, 2), { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

export interface Kiosk {
  web: WebHost;
  browser: ChildProcess;
  /** The customer display's Chromium, with `--display-at`. */
  displayBrowser: ChildProcess | null;
  /** Chromium's exit code (or 1 if it was killed); the host is closed by then. */
  exited: Promise<number>;
  stop(): void;
}

export async function startKiosk(options: KioskCliOptions, env: NodeJS.ProcessEnv = process.env): Promise<Kiosk> {
  const browserPath = findBrowser(options.browser, env);
  const web = await startWebHost(options.web);
  try {
    await mkdir(options.profileDir, { recursive: true, mode: 0o700 });
    await seedBookmark(options.profileDir, `http://127.0.0.1:${web.port}`);
    if (options.display) await mkdir(options.display.profileDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    await web.close();
    throw error;
  }
  const browser = spawn(browserPath, kioskBrowserArgs(web.launchPage, options.profileDir), { stdio: 'inherit', env });
  let displayBrowser: ChildProcess | null = null;
  if (options.display) {
    displayBrowser = spawn(browserPath, displayBrowserArgs(web.displayLaunchPage, options.display.profileDir, options.display), { stdio: 'inherit', env });
    // The display is the tourist's screen: if it fails, the counter sells on regardless.
    displayBrowser.once('error', (error) => process.stderr.write(`Could not start the customer display (${browserPath}): ${error.message}\n`));
  }
  const stopDisplay = (): void => {
    if (displayBrowser && displayBrowser.exitCode === null && displayBrowser.signalCode === null) displayBrowser.kill('SIGTERM');
  };
  const exited = new Promise<number>((resolve) => {
    let settled = false;
    const finish = (code: number): void => {
      if (settled) return;
      settled = true;
      // The counter's window is the kiosk: when it goes, the display goes with it.
      stopDisplay();
      void web.close().then(() => resolve(code));
    };
    browser.once('error', (error) => {
      process.stderr.write(`Could not start ${browserPath}: ${error.message}\n`);
      finish(1);
    });
    browser.once('exit', (code) => finish(code ?? 1));
  });
  return {
    web, browser, displayBrowser, exited,
    stop: () => {
      stopDisplay();
      browser.kill('SIGTERM');
    },
  };
}

async function runCli(argv: readonly string[]): Promise<void> {
  let options: KioskCliOptions;
  let kiosk: Kiosk;
  try {
    options = parseKioskArgs(argv);
    installCrashHandlers({ dataDir: options.web.dataDir, appVersion: readAppVersion() });
    kiosk = await startKiosk(options);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${KIOSK_USAGE}\n`);
      process.exit(2);
    }
    throw error;
  }
  // No token here: stdout may end up in a journal other users can read.
  process.stdout.write(`Chinar POS kiosk: http://127.0.0.1:${kiosk.web.port}/ in ${options.profileDir}\n`);
  process.once('SIGINT', kiosk.stop);
  process.once('SIGTERM', kiosk.stop);
  process.exit(await kiosk.exited);
}

if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  runCli(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`Chinar POS kiosk could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof OriginError ? 3 : 1);
  });
}
