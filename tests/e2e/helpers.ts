import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/**
 * Drives the real kiosk: the built renderer served by the real loopback host (with the
 * file printer), in Debian's Chromium. Helpers are named after what the operator does.
 */

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENS_DIR = '/tmp/screens';

export interface RunningHost {
  url: string;
  /** The customer display's address, with its own token (`#display=…`). */
  displayUrl: string;
  dataDir: string;
  printerDir: string;
  stop(): Promise<void>;
}

/**
 * Starts `node dist/electron/web.cjs` on a free port with fresh data and printer folders
 * (`spawn` adds Node options and environment, such as a fault drill's `--require`).
 */
export async function startHost(spawnOptions: Parameters<typeof spawnHost>[2] = {}): Promise<RunningHost> {
  const root = await mkdtemp(join(tmpdir(), 'chinar-e2e-'));
  const dataDir = join(root, 'data');
  const printerDir = join(root, 'printer');
  await mkdir(printerDir, { recursive: true });
  const { child, url, displayUrl } = await spawnHost(dataDir, printerDir, spawnOptions);
  return {
    url, displayUrl, dataDir, printerDir,
    async stop() {
      await stopChild(child);
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * One host process on `dataDir` (`--port 0`: the port that folder remembers, else a free
 * one, so a restart on the same folder comes back at the same address with the same
 * token), resolved once it prints its URL.
 */
export async function spawnHost(
  dataDir: string, printerDir: string, options: { nodeArgs?: readonly string[]; env?: Readonly<Record<string, string>> } = {},
): Promise<{ child: ChildProcess; url: string; displayUrl: string }> {
  const child = spawn(process.execPath, [...options.nodeArgs ?? [], 'dist/electron/web.cjs', '--port', '0', '--data-dir', dataDir, '--printer', `file:${printerDir}`], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  const urls = await new Promise<[string, string]>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`The host printed no URL within 20 s.\nstdout: ${out}\nstderr: ${err}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+/.exec(out);
      const display = /http:\/\/127\.0\.0\.1:\d+\/display\.html#display=[A-Za-z0-9_-]+/.exec(out);
      if (match && display) {
        clearTimeout(timer);
        resolve([match[0], display[0]]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The host exited (${code}) before printing its URL.\nstdout: ${out}\nstderr: ${err}`));
    });
  });
  return { child, url: urls[0], displayUrl: urls[1] };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

const pageErrors = new WeakMap<Page, string[]>();

/** Uncaught errors the page threw so far (a test ends by checking there were none). */
export function errorsOf(page: Page): string[] {
  return pageErrors.get(page) ?? [];
}

/** A fresh context (its own IndexedDB is irrelevant: the store lives on the host's origin per context). */
export async function openKiosk(
  browser: Browser, url: string, viewport = { width: 1366, height: 768 },
  /** Runs on the blank page before the kiosk loads (a drill's CDP setup, which must come before the store opens). */
  beforeLoad?: (page: Page) => Promise<void>,
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(error.message));
  await beforeLoad?.(page);
  await page.goto(url);
  // A new browser context is a fresh, empty store. Once the host's journal holds records
  // (an earlier test sold something), the kiosk rebuilds that store from the journal
  // before anyone signs in, as it would on a wiped profile: let it, then go on.
  const ready = page.getByTestId('signin-screen').or(page.getByTestId('recovery-continue'));
  await ready.first().waitFor();
  if (await page.getByTestId('recovery-continue').isVisible()) {
    await page.getByTestId('recovery-continue').click();
    await page.getByTestId('signin-screen').waitFor();
  }
  return page;
}

/** The demo manager's PIN, which opens the day when a test signs in to a counter that is not open yet. */
export const MANAGER_PIN = '9999';

/**
 * Types the PIN on the on-screen keypad (as on a touch screen) and signs in. A counter
 * whose day is not open cannot sell, so by default the demo manager opens it with no float,
 * as a market would each morning; `{ openDay: false }` leaves it to the test.
 */
export async function signIn(page: Page, pin: string, options: { openDay?: boolean } = {}): Promise<void> {
  const keypad = page.getByRole('group', { name: 'PIN keypad' });
  for (const digit of pin) await keypad.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByTestId('sell-screen').waitFor();
  await page.locator('[data-testid="sell-screen"]:not([data-day="loading"])').waitFor();
  if ((options.openDay ?? true) && (await page.getByTestId('sell-screen').getAttribute('data-day')) === 'none') await openDayFromSell(page);
}

/** From the sell screen's "The day is not open" notice: a manager's PIN and a counted float (rupees per note). */
export async function openDayFromSell(page: Page, float: Partial<Record<'500' | '200' | '100' | '50' | '20' | '10' | 'coins', string>> = {}): Promise<void> {
  await page.getByTestId('sell-open-day').click();
  const dialog = page.getByTestId('open-day-dialog');
  await dialog.waitFor();
  for (const [field, value] of Object.entries(float)) await dialog.getByTestId(`float-${field}`).fill(value);
  await dialog.getByTestId('open-day-pin-input').fill(MANAGER_PIN);
  await dialog.getByTestId('open-day-confirm').click();
  await page.locator('[data-testid="sell-screen"][data-day="open"]').waitFor();
  await settleAfterOpeningDay(page, dialog);
}

/**
 * The counter redraws once the day opens (its notice goes, the store is read again): a
 * scan typed into that moment can see a gap between its first keys longer than a
 * scanner's and lose its first digit, so tests wait for the page to be still first.
 */
export async function settleAfterOpeningDay(page: Page, dialog: Locator = page.getByTestId('open-day-dialog')): Promise<void> {
  await dialog.waitFor({ state: 'detached' });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForTimeout(250);
}

/** Signs whoever is in out, then signs in with another PIN. */
export async function signInAs(page: Page, pin: string): Promise<void> {
  await page.getByTestId('sign-out').click();
  await page.getByTestId('signin-screen').waitFor();
  await signIn(page, pin);
}

/** From anywhere in a manager's kiosk: back to the manager's home, then one of its tiles. */
export async function openManagerTile(page: Page, tile: string): Promise<void> {
  await page.getByTestId('nav-manager').click();
  for (;;) {
    const back = page.getByTestId('manager-back');
    if (!(await back.isVisible())) break;
    await back.click();
  }
  await page.getByTestId(`tile-${tile}`).click();
}

/** Windows virtual key code and DOM `code` of a character a scanner types. */
function keyOf(ch: string): { code: string; keyCode: number } {
  if (/\d/.test(ch)) return { code: `Digit${ch}`, keyCode: ch.charCodeAt(0) };
  if (/[a-z]/i.test(ch)) return { code: `Key${ch.toUpperCase()}`, keyCode: ch.toUpperCase().charCodeAt(0) };
  if (ch === '/') return { code: 'Slash', keyCode: 191 };
  if (ch === '-') return { code: 'Minus', keyCode: 189 };
  if (ch === '.') return { code: 'Period', keyCode: 190 };
  throw new Error(`scan(): no key for ${JSON.stringify(ch)}`);
}

/**
 * A USB scanner in keyboard-wedge mode: the characters 5 ms apart, then Enter. The keys go
 * in as real (trusted) input events whose timestamps say 5 ms apart, as a scanner's do,
 * whatever the machine's load: typing them with a delay instead lets a busy test machine
 * stretch the gaps past the wedge detector's 35 ms and turn a scan into "typing".
 */
export async function scan(page: Page, code: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const start = Date.now() / 1000;
    const keys = [...code, '\r'];
    for (const [i, ch] of keys.entries()) {
      const at = start + i * 0.005;
      const { code: domCode, keyCode } = ch === '\r' ? { code: 'Enter', keyCode: 13 } : keyOf(ch);
      const key = ch === '\r' ? 'Enter' : ch;
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, code: domCode, text: ch, unmodifiedText: ch, windowsVirtualKeyCode: keyCode, timestamp: at });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code: domCode, windowsVirtualKeyCode: keyCode, timestamp: at + 0.001 });
    }
  } finally {
    await cdp.detach();
  }
}

export function cartLines(page: Page): Locator {
  return page.getByTestId('cart-line');
}

export function payDialog(page: Page): Locator {
  return page.getByTestId('pay-dialog');
}

/** Taps rupees on a keypad inside the pay dialog. */
export async function tapAmount(keypad: Locator, rupees: string): Promise<void> {
  for (const ch of rupees) {
    await keypad.getByRole('button', { name: ch === '.' ? 'Decimal point' : ch, exact: true }).click();
  }
}

export async function openPay(page: Page): Promise<Locator> {
  await page.getByTestId('pay').click();
  const dialog = payDialog(page);
  await dialog.waitFor();
  return dialog;
}

/** Cash handed over, typed on the cash keypad. */
export async function enterCash(dialog: Locator, rupees: string): Promise<void> {
  await dialog.getByTestId('pay-method-cash').click();
  await dialog.getByTestId('cash-input').fill('');
  await tapAmount(dialog.getByRole('group', { name: 'Cash amount keypad' }), rupees);
}

/** UPI for what is still to pay: the QR is shown, the buyer pays, the operator confirms. */
export async function payRestByUpi(dialog: Locator): Promise<string> {
  await dialog.getByTestId('pay-method-upi').click();
  await dialog.getByTestId('upi-qr').locator('canvas').waitFor();
  await dialog.locator('[data-testid="upi-qr"][data-state="drawn"]').waitFor();
  const amount = await dialog.getByTestId('upi-amount').inputValue();
  await dialog.getByTestId('upi-received').click();
  return amount;
}

export async function completeSale(page: Page): Promise<string> {
  await payDialog(page).getByTestId('complete-sale').click();
  await page.getByTestId('sale-done').waitFor();
  const text = await page.getByTestId('done-receipt-no').innerText();
  const match = /[A-Za-z0-9-]{1,4}\/\d{4}\/\d{6}/.exec(text);
  if (!match) throw new Error(`No invoice number in "${text}"`);
  return match[0];
}

/** The file printer's readable previews (.txt), oldest first (file names start with a timestamp). */
export async function printedTexts(printerDir: string): Promise<{ name: string; text: string }[]> {
  const names = (await readdir(printerDir)).filter((n) => n.endsWith('.txt') && !n.startsWith('.')).sort();
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(join(printerDir, name), 'utf8') })));
}

/** The file printer's files whose names contain `part` and end in `ext`, oldest first. */
export async function filesIn(printerDir: string, part: string, ext: string): Promise<string[]> {
  return (await readdir(printerDir)).filter((n) => n.includes(part) && n.endsWith(ext)).sort();
}

/** Waits until the printer folder holds `count` previews. */
export async function waitForPrints(printerDir: string, count: number, timeoutMs = 10_000): Promise<{ name: string; text: string }[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const texts = await printedTexts(printerDir);
    if (texts.length >= count) return texts;
    if (Date.now() > until) throw new Error(`Expected ${count} printed receipts, found ${texts.length}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENS_DIR, { recursive: true });
  // Canvas drawing (barcodes, QR) is async: let it settle before the picture.
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`) });
}

/**
 * Layout checks a kiosk needs on every screen: nothing wider than the window, and every
 * visible button at least 44 × 44 CSS pixels. Returns the offenders (empty when fine).
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > window.innerWidth + 1) problems.push(`page is ${root.scrollWidth}px wide in a ${window.innerWidth}px window`);
    for (const el of document.querySelectorAll<HTMLElement>('button, [role="tab"], input')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue; // not shown
      if (el.closest('[inert]') || getComputedStyle(el).visibility === 'hidden') continue;
      const inOpenDialog = !!el.closest('dialog[open]');
      const anyDialogOpen = !!document.querySelector('dialog[open]');
      if (anyDialogOpen && !inOpenDialog) continue; // behind the modal, not reachable
      if (r.width < 44 || r.height < 44) {
        const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('data-testid') || el.id || el.tagName).trim().slice(0, 40);
        problems.push(`"${name}" is ${Math.round(r.width)}×${Math.round(r.height)}px`);
      }
      if (r.right > window.innerWidth + 1 || r.bottom > window.innerHeight + 1) {
        const scroller = el.closest('.cart, .results, .receipts__list, .receipts__detail, .dialog__body, .done__preview, .sell--done');
        if (!scroller) problems.push(`"${(el.textContent ?? el.tagName).trim().slice(0, 40)}" is outside the window`);
      }
    }
    return problems;
  });
}

/**
 * The manager screens' stricter check: targets (links and selects too) at least 44 px,
 * nothing wider than the window, nothing off screen that cannot be scrolled to.
 */
export async function touchProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > window.innerWidth + 1) out.push(`page is ${root.scrollWidth}px wide in a ${window.innerWidth}px window`);
    const modal = document.querySelector('dialog[open]');
    const scrollable = (el: Element): boolean => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (/(auto|scroll)/.test(style.overflowY) && p.scrollHeight > p.clientHeight) return true;
      }
      return false;
    };
    for (const el of document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href]')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (modal && !modal.contains(el)) continue;
      const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('data-testid') || el.tagName).trim().slice(0, 40);
      if (r.width < 44 || r.height < 44) out.push(`"${name}" is ${Math.round(r.width)}×${Math.round(r.height)}px`);
      if ((r.right > window.innerWidth + 1 || r.bottom > window.innerHeight + 1) && !scrollable(el)) out.push(`"${name}" is off screen`);
    }
    return out;
  });
}

/**
 * Takes a picture of each step and keeps its `layoutProblems`, so a test goes on through
 * every screen and then reports all that do not fit at once (`expect(problems).toEqual({})`).
 */
export function layoutLog(page: Page, picturePrefix: string): { check(name: string): Promise<void>; problems: Record<string, string[]> } {
  const problems: Record<string, string[]> = {};
  return {
    problems,
    async check(name) {
      await screenshot(page, `${picturePrefix}-${name}`);
      const found = await layoutProblems(page);
      if (found.length > 0) problems[name] = found;
    },
  };
}

/** A receipt's lines without the duplicate marks, to compare an original with its reprint. */
export function withoutDuplicateMarks(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() === 'DUPLICATE COPY') {
      // The mark sits with a blank feed line on the side away from the receipt body.
      if (i === 0 && lines[i + 1]?.trim() === '') i++;
      else if (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
      continue;
    }
    out.push(lines[i]!);
  }
  return out;
}

/** Waits until the element's text contains `expected`; returns the text, or fails saying what it was. */
export async function waitForText(locator: Locator, expected: string, timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last = '(not on screen)';
  for (;;) {
    try {
      last = await locator.innerText({ timeout: 500 });
      if (last.includes(expected)) return last;
    } catch {
      // Not rendered yet.
    }
    if (Date.now() > until) throw new Error(`Expected text containing "${expected}", found "${last}"`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the locator matches exactly `count` elements. */
export async function waitForCount(locator: Locator, count: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await locator.count();
    if (found === count) return;
    if (Date.now() > until) throw new Error(`Expected ${count} elements, found ${found}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface KioskRig {
  /** The running host (valid inside the tests of the describe that asked for it). */
  readonly host: RunningHost;
  readonly browser: Browser;
  /** A fresh kiosk page on this host, at the sign-in screen. */
  open(viewport?: { width: number; height: number }): Promise<Page>;
}

/**
 * Call inside a `describe`: starts a fresh host and a Chromium before its tests, and stops
 * both after them.
 */
export function useKioskRig(): KioskRig {
  let host: RunningHost | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    host = await startHost();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });
  const started = <T>(thing: T | undefined): T => {
    if (thing === undefined) throw new Error('useKioskRig(): the host and browser start in beforeAll; use them inside a test or hook');
    return thing;
  };
  return {
    get host() { return started(host); },
    get browser() { return started(browser); },
    open(viewport) { return openKiosk(started(browser), started(host).url, viewport); },
  };
}

/** The host contract over its loopback HTTP, from the page (same origin, with the launch token). */
export async function callHost(page: Page, token: string, method: string, input: unknown): Promise<unknown> {
  return page.evaluate(async ({ token, method, input }) => {
    const response = await fetch(`/api/call/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(input) });
    return response.json() as Promise<unknown>;
  }, { token, method, input });
}

/**
 * Whole tables of the kiosk's store as IndexedDB holds them, read in the page with the raw
 * API (no app code), each sorted as IndexedDB keeps it (by primary key).
 */
export function readTables<N extends string>(page: Page, names: readonly N[]): Promise<Record<N, Record<string, unknown>[]>> {
  return page.evaluate(async (names: readonly string[]) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('chinar-pos');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const tx = db.transaction(names, 'readonly');
      const rows = await Promise.all(names.map((name) => new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const request = tx.objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
        request.onerror = () => reject(request.error);
      })));
      return Object.fromEntries(names.map((name, i) => [name, rows[i]!]));
    } finally {
      db.close();
    }
  }, names) as Promise<Record<N, Record<string, unknown>[]>>;
}

/**
 * Polls the raw store until nothing waits in its journal queue: every record the kiosk
 * wrote is on the host.
 */
export async function journalQueueDrained(page: Page, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await readTables(page, ['journalQueue'])).journalQueue.length > 0) {
    if (Date.now() > until) throw new Error(`The journal queue did not drain in ${timeoutMs / 1000} s: the host has not taken every record`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
