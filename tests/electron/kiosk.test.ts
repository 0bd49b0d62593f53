import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKioskArgs } from '../../electron/host/cli';
import { displayBrowserArgs, findBrowser, kioskBrowserArgs, seedBookmark, startKiosk } from '../../electron/kiosk';
import { tempDir } from './helpers';

/**
 * The launcher against the real host on 127.0.0.1 and a stand-in "Chromium": a script
 * that records its command line, follows the launch page the way the browser would
 * (reads the file, calls the host with the token from it) and exits.
 */
const FAKE_BROWSER = `#!${process.execPath}
const { readFileSync, writeFileSync, statSync } = require('node:fs');
const { fileURLToPath } = require('node:url');
const app = process.argv.find((a) => a.startsWith('--app='));
const page = fileURLToPath(app.slice('--app='.length));
const html = readFileSync(page, 'utf8');
const url = /url=([^"]+)"/.exec(html)[1];
const token = /#token=([A-Za-z0-9_-]+)/.exec(url)[1];
fetch(new URL('/api/call/app.info', url), { method: 'POST', headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' }, body: '{}' })
  .then((r) => r.json())
  .then((answer) => {
    writeFileSync(process.env.FAKE_OUT, JSON.stringify({ argv: process.argv.slice(2), url, mode: statSync(page).mode & 0o777, answer }));
    process.exit(Number(process.env.FAKE_EXIT ?? 0));
  });
`;

/**
 * For --display-at: the counter's window waits until the display's has connected (so the
 * order of the two is not left to chance), and the display's stays up until it is killed.
 */
const FAKE_BROWSER_WITH_DISPLAY = `#!${process.execPath}
const { readFileSync, writeFileSync, statSync, existsSync } = require('node:fs');
const { fileURLToPath } = require('node:url');
const app = process.argv.find((a) => a.startsWith('--app='));
const page = fileURLToPath(app.slice('--app='.length));
const url = /url=([^"]+)"/.exec(readFileSync(page, 'utf8'))[1];
const display = /#display=([A-Za-z0-9_-]+)/.exec(url);
if (display) {
  fetch(new URL('/api/display/events', url), { headers: { authorization: 'Bearer ' + display[1] } }).then((r) => {
    writeFileSync(process.env.FAKE_DISPLAY_OUT, JSON.stringify({ argv: process.argv.slice(2), url, mode: statSync(page).mode & 0o777, status: r.status }));
    setInterval(() => undefined, 1000);
  });
} else {
  const wait = setInterval(() => {
    if (!existsSync(process.env.FAKE_DISPLAY_OUT)) return;
    clearInterval(wait);
    process.exit(0);
  }, 20);
}
`;

async function fakeBrowser(script = FAKE_BROWSER): Promise<{ path: string; out: string }> {
  const dir = await tempDir('chinar-browser-');
  const path = join(dir, 'chromium');
  await writeFile(path, script);
  await chmod(path, 0o755);
  return { path, out: join(dir, 'out.json') };
}

describe('browser kiosk launcher', () => {
  it('starts Chromium in kiosk app mode on the 0600 launch page, never with the token on its command line', async () => {
    const dataDir = await tempDir();
    const browser = await fakeBrowser();
    const options = parseKioskArgs(['--port', '0', '--data-dir', dataDir, '--browser', browser.path]);
    const kiosk = await startKiosk(options, { ...process.env, FAKE_OUT: browser.out, FAKE_EXIT: '7' });
    expect(await kiosk.exited).toBe(7);
    const seen = JSON.parse(await readFile(browser.out, 'utf8')) as { argv: string[]; url: string; mode: number; answer: unknown };
    expect(seen.argv).toEqual(kioskBrowserArgs(join(dataDir, 'launch.html'), join(dataDir, 'browser-profile')));
    expect(seen.argv).toContain('--kiosk');
    expect(seen.argv.join(' ')).not.toContain(kiosk.web.token);
    expect(seen.argv.join(' ')).not.toContain('token');
    expect(seen.url).toBe(kiosk.web.url);
    expect(seen.mode).toBe(0o600);
    expect(seen.answer).toMatchObject({ ok: true, value: { transport: 'web' } });
    // Chromium gone: the host stopped with it and took the launch page along.
    await expect(stat(join(dataDir, 'launch.html'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await stat(join(dataDir, 'browser-profile'))).isDirectory()).toBe(true);
  });

  it('bookmarks the kiosk address in a new profile (Chromium then grants persistent storage), and leaves an existing one alone', async () => {
    const profile = await tempDir('chinar-profile-');
    expect(await seedBookmark(profile, 'http://127.0.0.1:47615')).toBe(true);
    const file = join(profile, 'Default', 'Bookmarks');
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved.roots.bookmark_bar.children).toEqual([expect.objectContaining({ type: 'url', url: 'http://127.0.0.1:47615/' })]);
    await writeFile(file, '{"mine":true}');
    expect(await seedBookmark(profile, 'http://127.0.0.1:47615')).toBe(false);
    expect(await readFile(file, 'utf8')).toBe('{"mine":true}');
  });

  it('with --display-at, starts the customer display in its own kiosk window on its own key, and stops it with the counter', async () => {
    const dataDir = await tempDir();
    const browser = await fakeBrowser(FAKE_BROWSER_WITH_DISPLAY);
    const displayOut = join(await tempDir('chinar-display-out-'), 'display.json');
    const options = parseKioskArgs(['--port', '0', '--data-dir', dataDir, '--browser', browser.path, '--display-at', '1920,0']);
    expect(options.display).toEqual({ x: 1920, y: 0, profileDir: join(dataDir, 'display-profile') });
    const kiosk = await startKiosk(options, { ...process.env, FAKE_DISPLAY_OUT: displayOut });
    const displayGone = new Promise((resolve) => kiosk.displayBrowser!.once('exit', (_code, signal) => resolve(signal)));
    expect(await kiosk.exited).toBe(0);
    // The counter's window closed: the display's was stopped, not left running alone.
    expect(await displayGone).toBe('SIGTERM');
    const seen = JSON.parse(await readFile(displayOut, 'utf8')) as { argv: string[]; url: string; mode: number; status: number };
    expect(seen.argv).toEqual(displayBrowserArgs(join(dataDir, 'display-launch.html'), join(dataDir, 'display-profile'), { x: 1920, y: 0 }));
    expect(seen.argv).toEqual(expect.arrayContaining(['--kiosk', '--window-position=1920,0', `--user-data-dir=${join(dataDir, 'display-profile')}`]));
    expect(seen.argv.join(' ')).not.toContain(kiosk.web.displayToken);
    expect(seen.url).toBe(kiosk.web.displayUrl);
    expect(seen.mode).toBe(0o600);
    expect(seen.status).toBe(200);
    await expect(stat(join(dataDir, 'display-launch.html'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(() => parseKioskArgs(['--data-dir', dataDir, '--display-at', 'right'])).toThrow(/--display-at takes the customer screen's position as X,Y/);
  });

  it('takes --browser, then CHROMIUM_PATH, and says what to do when there is none', () => {
    expect(findBrowser('/opt/chrome', { CHROMIUM_PATH: '/x' })).toBe('/opt/chrome');
    expect(findBrowser(undefined, { CHROMIUM_PATH: '/x/chromium' })).toBe('/x/chromium');
    expect(parseKioskArgs(['--browser', 'chromium', '--data-dir', '/srv/d'], '/srv').browser).toBe('chromium');
    expect(parseKioskArgs(['--data-dir', '/srv/d', '--profile', 'p'], '/srv').profileDir).toBe('/srv/p');
    expect(() => parseKioskArgs(['--kiosk'])).toThrow(/Unknown option/);
  });
});
