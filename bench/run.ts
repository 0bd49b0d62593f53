/**
 * `npm run bench`: the speed targets of the counter, measured in Debian's Chromium with
 * a real IndexedDB (fake-indexeddb would measure the wrong thing):
 *  - a scanned item is in the cart within one frame (16 ms) with 100,000 products;
 *  - a sale commits within twice the time of a bare IndexedDB transaction of the same rows;
 *  - the X and Z reports and the day's envelope over 2,000 sales within 200 ms;
 *  - sign-in at the keypad with 50 users (PBKDF2) within 300 ms;
 *  - returning one line of a 10-line sale: the dialog's read and preview, and commitReturn.
 * Then the host's journal under Node (bench/journal.ts): append latency with fsync, and a
 * year of sales opened and paged out.
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { benchJournal } from './journal';
import { benchJournalRenderer } from './journal-renderer';
import { benchUiScan } from './ui-scan';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const DAY_SALES = Number(process.env.BENCH_DAY_SALES ?? 2_000);
const RETURN_SALES = Number(process.env.BENCH_RETURN_SALES ?? 50);

const bundle = await build({
  entryPoints: ['bench/browser-bench.ts'], bundle: true, write: false, format: 'iife',
  platform: 'browser', target: 'chrome120', conditions: ['browser'],
});
const script = bundle.outputFiles[0]!.text;
const server = createServer((req, res) => {
  if (req.url === '/bench.js') { res.setHeader('content-type', 'text/javascript'); res.end(script); return; }
  res.setHeader('content-type', 'text/html');
  res.end('<!doctype html><title>bench</title><script src="/bench.js"></script>');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  const signIn = await page.evaluate(() => (globalThis as unknown as { runSignInBench(n: number): Promise<unknown> }).runSignInBench(50)) as
    { users: number; right: Stats; wrong: Stats };
  const ms = (s: Stats) => `p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (n=${s.n})`;
  console.log(`sign-in, right PIN (${signIn.users} users): ${ms(signIn.right)}   target p95 < 300 ms: ${signIn.right.p95 < 300 ? 'met' : 'MISSED'}`);
  console.log(`sign-in, wrong PIN (${signIn.users} users): ${ms(signIn.wrong)}`);
  const result = await page.evaluate((n) => (globalThis as unknown as { runBench(n: number): Promise<unknown> }).runBench(n), PRODUCTS);
  const r = result as {
    productCount: number; seedMs: number;
    scan: Stats; search: Stats; commit: Stats; bareTransaction: Stats;
  };
  const fmt = (s: Stats) => `p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms, max ${s.max.toFixed(2)} ms (n=${s.n})`;
  console.log(`products in store:   ${r.productCount.toLocaleString('en-IN')} (loaded in ${r.seedMs} ms)`);
  console.log(`scan → cart line:    ${fmt(r.scan)}   target p95 < 16 ms: ${r.scan.p95 < 16 ? 'met' : 'MISSED'}`);
  console.log(`name search:         ${fmt(r.search)}`);
  console.log(`commitSale (3 lines): ${fmt(r.commit)}`);
  console.log(`bare IDB transaction: ${fmt(r.bareTransaction)}`);
  const ratio = r.commit.p50 / r.bareTransaction.p50;
  console.log(`commit / bare (p50):  ${ratio.toFixed(2)}×   target ≤ 2×: ${ratio <= 2 ? 'met' : 'MISSED'}`);
  const day = await page.evaluate((n) => (globalThis as unknown as { runDayBench(n: number): Promise<unknown> }).runDayBench(n), DAY_SALES) as
    { sales: number; fillMs: number; x: Stats; xRead: Stats; closeMs: number; z: Stats; envelopeBytes: number };
  const worst = Math.max(day.x.p95, day.closeMs, day.z.p95);
  console.log(`day of ${day.sales.toLocaleString('en-IN')} sales (rung up in ${day.fillMs} ms):`);
  console.log(`  X report, the store's read:     ${fmt(day.xRead)}`);
  console.log(`  X report (read + document):     ${fmt(day.x)}`);
  console.log(`  Z close (figures, envelope, outbox, one transaction): ${day.closeMs.toFixed(1)} ms; envelope ${day.envelopeBytes.toLocaleString('en-IN')} bytes`);
  console.log(`  Z reprint + envelope:           ${fmt(day.z)}   target < 200 ms: ${worst < 200 ? 'met' : 'MISSED'}`);
  const ret = await page.evaluate((n) => (globalThis as unknown as { runReturnBench(n: number): Promise<unknown> }).runReturnBench(n), RETURN_SALES) as
    { sales: number; read: Stats; preview: Stats; commit: Stats; readAfter: Stats };
  console.log(`returning one line of a 10-line sale (${ret.sales} sales):`);
  console.log(`  invoice read for the dialog:    ${ms(ret.read)}`);
  console.log(`  refund preview (one line):      ${fmt(ret.preview)}`);
  console.log(`  commitReturn (one line):        ${ms(ret.commit)}`);
  console.log(`  invoice read, one return in it: ${ms(ret.readAfter)}`);
} finally {
  await browser.close();
  server.close();
}

// The same scan through the whole app: keyboard wedge → lookup → React → screen.
if (!existsSync('dist/renderer/index.html')) {
  console.log('scan in the app:      skipped: run `npm run build` first');
} else {
  const ui = await benchUiScan(PRODUCTS);
  const fmt = (samples: number[]) => {
    const s = [...samples].sort((a, b) => a - b);
    const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
    return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s[s.length - 1]!.toFixed(1)} ms (n=${s.length})`;
  };
  console.log(`scan in the app, Enter → line in DOM:   ${fmt(ui.toDom)}`);
  console.log(`scan in the app, Enter → frame painted: ${fmt(ui.toPaint)}`);
}

await benchJournal();
await benchJournalRenderer();

interface Stats { n: number; p50: number; p95: number; p99: number; max: number }
