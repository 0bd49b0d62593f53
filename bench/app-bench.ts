/**
 * The counter as the operator meets it: the built app in Debian's Chromium, served by the
 * real loopback host (`dist/electron/web.cjs`, a temp data folder, the file printer), with
 * a year of the market seeded into the app's own IndexedDB (bench/app-page.ts, bundled
 * with esbuild and put into the page). Then, in this order:
 *  - cold start, repeated: navigation start to the sign-in screen drawn, plus the PIN's
 *    Enter to the sell screen ready to scan (its day read: data-day set);
 *  - scan to cart with 30 lines already in it: the scanner's keys sent a few ms apart
 *    without waiting for the page, the clock started at the Enter event's own timestamp
 *    (so keys still queued count), stopped at the first frame after the new line is in;
 *  - memory over a session of sales rung up through the screens (scan, Pay, exact cash,
 *    Complete, New sale): JS heap and DOM nodes after a forced GC, half-way and at the end;
 *  - the store's figures in the page (bench/app-page.ts), the day's close last.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import type { AppPageBench, CommitFigures, DayFigures, ReportFigures } from './app-page';
import { yearProductBarcode, yearProductSku, type SeededYear, type YearSize } from '../tests/fixtures/year-store';
import { percentiles, type Percentiles } from './stats';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The built loopback host (`npm run start:web`'s entry) on a free port, with its own data and printer folders. */
async function startBuiltHost(root: string): Promise<{ url: string; stop(): void }> {
  await mkdir(join(root, 'printer'), { recursive: true });
  const child = spawn(process.execPath, ['dist/electron/web.cjs', '--port', '0', '--data-dir', join(root, 'data'), '--printer', `file:${join(root, 'printer')}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(out);
      if (match) ok(match[0]);
    });
    child.on('exit', (code) => fail(new Error(`The host exited with ${code} before printing its address: run \`npm run build\` and try again.\n${out}`)));
  });
  return { url, stop: () => child.kill() };
}

let pageBundle: Promise<string> | null = null;
function appPageScript(): Promise<string> {
  pageBundle ??= build({
    entryPoints: ['bench/app-page.ts'], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', conditions: ['browser'],
  }).then((out) => out.outputFiles[0]!.text);
  return pageBundle;
}

/**
 * Put in every page before the app's own scripts, so its capture listener runs before the
 * app's scanner listener: the Enter's timestamp, the moment the expected cart line is in
 * the DOM (the MutationObserver's callback: the app's work is done, the line waits for the
 * next frame), the first frame after it, and when the sign-in and the sell screens first
 * became ready. Also how many IndexedDB requests each scan started between its Enter and
 * its line: none when its product was read while the scanner typed (the app's look-ahead).
 */
function pageProbe(): void {
  const probe = { enterAt: 0, enterSeenAt: 0, expect: '', samples: [] as number[], seen: [] as number[], inDom: [] as number[], signinAt: 0, sellReadyAt: 0, requests: 0, readsAfterEnter: [] as number[] };
  (window as unknown as { __probe: typeof probe }).__probe = probe;
  // Loops, not a helper function: tsx would wrap a named function of the page's in a helper the page lacks.
  for (const proto of [IDBIndex.prototype, IDBObjectStore.prototype] as unknown as Record<string, unknown>[]) {
    for (const name of ['get', 'getAll', 'getKey', 'getAllKeys', 'openCursor', 'openKeyCursor', 'count']) {
      const own = proto[name] as (...a: unknown[]) => unknown;
      proto[name] = function (this: unknown, ...args: unknown[]) {
        probe.requests++;
        return own.apply(this, args);
      };
    }
  }
  let requestsAtEnter = 0;
  window.addEventListener('keydown', (e) => { if (e.key === 'Enter') { probe.enterAt = e.timeStamp; probe.enterSeenAt = performance.now(); requestsAtEnter = probe.requests; } }, true);
  new MutationObserver(() => {
    if (!probe.signinAt && document.querySelector('[data-testid="signin-screen"]')) probe.signinAt = performance.now();
    if (!probe.sellReadyAt && document.querySelector('[data-testid="sell-screen"][data-day="open"]')) probe.sellReadyAt = performance.now();
    if (probe.expect && document.querySelector(`[data-testid="cart-line"][data-sku="${probe.expect}"]`)) {
      const [start, seen, inDomAt, reads] = [probe.enterAt, probe.enterSeenAt, performance.now(), probe.requests - requestsAtEnter];
      probe.expect = '';
      requestAnimationFrame(() => setTimeout(() => {
        probe.seen.push(performance.now() - seen);
        probe.inDom.push(inDomAt - start);
        probe.readsAfterEnter.push(reads);
        probe.samples.push(performance.now() - start);
      }, 0));
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-day', 'data-sku'] });
}
interface Probe { enterAt: number; enterSeenAt: number; expect: string; samples: number[]; seen: number[]; inDom: number[]; signinAt: number; sellReadyAt: number; readsAfterEnter: number[] }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A USB scanner in keyboard-wedge mode: key i is sent at t0 + i·gap by the wall clock,
 * without waiting for the page to handle the keys before it. The digits are stamped with
 * their scheduled instants (the scanner's rhythm, whatever this process's timers do); the
 * Enter with the instant it is really sent, so a late Enter (a busy machine) is not counted
 * against the app, while digits still queued in the page are.
 */
async function scannerTypes(cdp: CDPSession, code: string, gapMs = 4): Promise<void> {
  const sent: Promise<unknown>[] = [];
  const t0 = Date.now() + 1;
  for (const [i, ch] of [...code, '\r'].entries()) {
    const at = t0 + i * gapMs;
    const wait = at - Date.now();
    if (wait > 0) await sleep(wait);
    const enter = ch === '\r';
    const key = enter ? 'Enter' : ch;
    const domCode = enter ? 'Enter' : `Digit${ch}`;
    const keyCode = enter ? 13 : ch.charCodeAt(0);
    const timestamp = (enter ? Date.now() : at) / 1000;
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, code: domCode, text: ch, unmodifiedText: ch, windowsVirtualKeyCode: keyCode, timestamp }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code: domCode, windowsVirtualKeyCode: keyCode, timestamp: timestamp + 0.0005 }));
  }
  await Promise.all(sent);
}

/** Scans that had to be repeated (the page read the keys as typing): printed, never timed. */
let rescans = 0;

/**
 * Scans product `i` and waits for its line (and for the frame after it). A scan the page
 * did not take (a stall on this busy machine stretched a gap past the wedge's limit, and
 * it said "scan again") is scanned again, as the operator would.
 */
async function scanProduct(page: Page, cdp: CDPSession, i: number): Promise<void> {
  const sku = yearProductSku(i);
  for (let attempt = 1; ; attempt++) {
    const before = await page.evaluate((s) => { const p = (window as unknown as { __probe: Probe }).__probe; p.expect = s; return p.samples.length; }, sku);
    await scannerTypes(cdp, yearProductBarcode(i));
    try {
      await page.waitForFunction((n) => (window as unknown as { __probe: Probe }).__probe.samples.length > n, before, { timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      rescans++;
    }
  }
}

/**
 * The page's frame interval: `requestAnimationFrame` to the next, `frames` times, on the
 * sell screen left alone. A line that reaches the DOM at a random moment waits up to one
 * interval for its frame (half of one on average): the floor under "painted" that no app
 * work can lower.
 */
async function frameInterval(page: Page, frames = 120): Promise<number[]> {
  // A string: tsx would wrap a named function of the page's in a helper the page lacks.
  return page.evaluate(`new Promise((resolve) => {
    const deltas = [];
    let last = 0;
    const tick = (at) => {
      if (last > 0) deltas.push(at - last);
      last = at;
      if (deltas.length < ${frames}) requestAnimationFrame(tick);
      else resolve(deltas);
    };
    requestAnimationFrame(tick);
  })`);
}

async function payExactCash(page: Page): Promise<void> {
  await page.getByTestId('pay').click();
  const dialog = page.getByTestId('pay-dialog');
  await dialog.getByTestId('quick-cash').first().click();
  await dialog.getByTestId('complete-sale').click();
  await page.getByTestId('new-sale').click();
  await page.locator('[data-testid="cart"].cart--empty').waitFor();
}

async function probeOf(page: Page): Promise<Probe> {
  return page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);
}

async function memory(cdp: CDPSession): Promise<{ heapMb: number; nodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { heapMb: value('JSHeapUsedSize') / 1024 / 1024, nodes: value('Nodes') };
}

export interface AppBenchOptions {
  size: YearSize;
  coldStarts: number;
  /** Timed scans, each adding a line to a cart that already holds `cartLines`. */
  scans: number;
  cartLines: number;
  /**
   * A pause before each timed scan, as an operator's reach for the next item gives (0:
   * back to back, the next scan's keys meeting the last line's frame and after-paint work).
   */
  scanGapMs: number;
  /** Sales rung up through the screens for the memory figure (0: none). */
  sessionSales: number;
  commitRuns: number;
  reportRuns: number;
  daySales: number;
  log: (line: string) => void;
}

export interface AppBenchResult {
  seeded: SeededYear;
  seedMs: number;
  coldStart: Percentiles;
  coldToSignIn: Percentiles;
  signInToSell: Percentiles;
  scan: Percentiles;
  /** The same scans from the Enter's timestamp to the line in the DOM: the app's share, before the wait for a frame. */
  scanInDom: Percentiles;
  /** requestAnimationFrame to the next on the idle sell screen: the frame a line waits for. */
  frameInterval: Percentiles;
  /** The same scans timed the old way, from the Enter reaching the first keydown listener: what the event's own timestamp adds is the queue. */
  scanFromListener: Percentiles;
  /** Of the timed scans, how many started an IndexedDB read between their Enter and their line (the product not read ahead). */
  scanReadAfterEnter: { scans: number; read: number };
  memory: { sales: number; first: { heapMb: number; nodes: number }; half: { heapMb: number; nodes: number }; end: { heapMb: number; nodes: number } } | null;
  commit: CommitFigures;
  reports: ReportFigures;
  day: DayFigures;
  chromium: string;
}

export async function benchApp(options: AppBenchOptions): Promise<AppBenchResult> {
  const { log } = options;
  /** The step under way, named in a failure. */
  let current = 'starting the host and Chromium';
  const root = await mkdtemp(join(tmpdir(), 'chinar-bench-'));
  const host = await startBuiltHost(root);
  // A profile on disk, as the kiosk's: a context of chromium.launch() alone is off the record,
  // its IndexedDB held in memory under a quota a whole year exceeds (QuotaExceededError).
  const context = await chromium.launchPersistentContext(join(root, 'profile'), { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1366, height: 768 } });
  const chromiumVersion = context.browser()?.version() ?? 'unknown';
  try {
    await context.addInitScript(pageProbe);
    const page = context.pages()[0] ?? await context.newPage();
    page.on('pageerror', (error) => log(`  page error: ${error.message}`));
    page.on('console', (message) => { if (message.text().startsWith('bench: ')) log(`  ${message.text().slice(7)}`); });
    page.on('crash', () => log('  the page crashed (out of memory?)'));
    await page.goto(host.url);
    await page.getByTestId('signin-screen').waitFor();
    const bench = () => page.evaluate(() => (window as unknown as { chinarBench?: AppPageBench }).chinarBench !== undefined);
    // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly refuses an inline script tag.
    const inject = async () => { if (!(await bench())) await page.evaluate(await appPageScript()); };
    await inject();
    const t0 = performance.now();
    current = 'seeding the year';
    const seeded = await page.evaluate((size) => (window as unknown as { chinarBench: AppPageBench }).chinarBench.seedYear(size), options.size);
    const seedMs = Math.round(performance.now() - t0);
    log(`  seeded ${seeded.sales.toLocaleString('en-IN')} sales, ${seeded.lines.toLocaleString('en-IN')} lines, ${seeded.closedDays} closed days, ${seeded.products.toLocaleString('en-IN')} products, ${seeded.artisans} artisans in ${(seedMs / 1000).toFixed(1)} s (waiting for the bulk writes ${(seeded.writeWaitMs / 1000).toFixed(1)} s)`);

    // Cold start: a reload is a kiosk switched on again (the host keeps running, as it does).
    current = 'cold start';
    const toSignIn: number[] = [];
    const toSell: number[] = [];
    const cold: number[] = [];
    for (let i = 0; i < options.coldStarts; i++) {
      await page.reload();
      await page.getByTestId('signin-screen').waitFor();
      await page.waitForTimeout(300);
      // The PIN at a person's pace (four fast keys and Enter would read as an ID card).
      await page.keyboard.type('1111', { delay: 80 });
      await page.keyboard.press('Enter');
      await page.locator('[data-testid="sell-screen"][data-day="open"]').waitFor();
      const probe = await probeOf(page);
      toSignIn.push(probe.signinAt);
      toSell.push(probe.sellReadyAt - probe.enterAt);
      cold.push(probe.signinAt + probe.sellReadyAt - probe.enterAt);
    }
    await page.waitForTimeout(500);
    const cdp = await context.newCDPSession(page);

    // Scan to cart, each timed scan into a cart of `cartLines` lines or more (5 timed per cart).
    current = 'scan to cart';
    let next = 0;
    const product = () => (next++ * 7919) % seeded.yearProducts;
    const perCart = 5;
    const timedScans: number[] = [];
    const fromListener: number[] = [];
    const inDom: number[] = [];
    const readsAfterEnter: number[] = [];
    const frames = percentiles(await frameInterval(page));
    for (let done = 0; done < options.scans; done += perCart) {
      for (let k = 0; k < options.cartLines; k++) await scanProduct(page, cdp, product());
      const before = (await probeOf(page)).samples.length;
      for (let k = 0; k < Math.min(perCart, options.scans - done); k++) {
        if (options.scanGapMs > 0) await sleep(options.scanGapMs);
        await scanProduct(page, cdp, product());
      }
      const probe = await probeOf(page);
      timedScans.push(...probe.samples.slice(before));
      fromListener.push(...probe.seen.slice(before));
      inDom.push(...probe.inDom.slice(before));
      readsAfterEnter.push(...probe.readsAfterEnter.slice(before));
      await payExactCash(page);
    }
    const scan = percentiles(timedScans);
    const scanFromListener = percentiles(fromListener);
    const scanInDom = percentiles(inDom);
    if (rescans > 0) log(`  ${rescans} scans were not read (a stall between keys) and were scanned again`);
    log(`  scan to cart (${options.cartLines}+ lines): p50 ${scan.p50.toFixed(1)} ms, p95 ${scan.p95.toFixed(1)} ms (n=${scan.n}); from the Enter reaching the page's listener: p50 ${scanFromListener.p50.toFixed(1)} ms, p95 ${scanFromListener.p95.toFixed(1)} ms`);
    log(`  scan to the line in the DOM: p50 ${scanInDom.p50.toFixed(1)} ms, p95 ${scanInDom.p95.toFixed(1)} ms; frame interval p50 ${frames.p50.toFixed(1)} ms, p95 ${frames.p95.toFixed(1)} ms`);
    const readAfterEnter = readsAfterEnter.filter((n) => n > 0).length;
    log(`  scans that read the store after their Enter: ${readAfterEnter} of ${readsAfterEnter.length} (the others found their product read ahead, while the scanner typed)`);

    let session: AppBenchResult['memory'] = null;
    if (options.sessionSales > 0) {
      current = 'memory over a session of sales';
      await cdp.send('Performance.enable');
      const first = await memory(cdp);
      let half = first;
      for (let s = 1; s <= options.sessionSales; s++) {
        await scanProduct(page, cdp, product());
        await payExactCash(page);
        if (s === Math.floor(options.sessionSales / 2)) half = await memory(cdp);
        if (s % 100 === 0) log(`  session: ${s} sales`);
      }
      session = { sales: options.sessionSales, first, half, end: await memory(cdp) };
    }
    await cdp.detach();

    await inject();
    const call = <K extends keyof AppPageBench>(name: K, ...args: Parameters<AppPageBench[K]>) =>
      page.evaluate(([n, a]) => (window as unknown as { chinarBench: Record<string, (...x: unknown[]) => unknown> }).chinarBench[n as string]!(...(a as unknown[])), [name, args] as const) as Promise<Awaited<ReturnType<AppPageBench[K]>>>;
    current = 'sale commit against the storage floor';
    const commit = await call('commitFigures', options.commitRuns, seeded.yearProducts);
    current = "artisan's earnings and the GST export";
    const reports = await call('reportFigures', options.reportRuns);
    current = `X, Z and envelope over a day of ${options.daySales} sales`;
    const day = await call('dayFiguresAt', options.daySales, 10);
    return {
      seeded, seedMs, coldStart: percentiles(cold), coldToSignIn: percentiles(toSignIn), signInToSell: percentiles(toSell),
      scan, scanInDom, frameInterval: frames, scanFromListener, scanReadAfterEnter: { scans: readsAfterEnter.length, read: readAfterEnter }, memory: session, commit, reports, day, chromium: chromiumVersion,
    };
  } catch (error) {
    const shot = join(tmpdir(), 'chinar-bench-failed.png');
    await context.pages()[0]?.screenshot({ path: shot }).catch(() => undefined);
    log(`  the bench stopped at the step "${current}"; the screen at that moment: ${shot}`);
    throw new Error(`The bench failed at the step "${current}": ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await context.close();
    host.stop();
    await rm(root, { recursive: true, force: true });
  }
}
