/**
 * `npm run bench` (after `npm run build`): the counter at a market's scale (issue 11).
 * The built app in Debian's Chromium with a year in its store (bench/app-bench.ts), twice:
 * with a short history and with the whole year, so what grows with history shows; the
 * paper side under Node (bench/print.ts); then the older store-level benches (sign-in,
 * returns: bench/browser-bench.ts) and the host's journal (bench/journal.ts,
 * journal-renderer.ts). Every figure with its p50, p95, n and the store's size goes to
 * bench/results/latest.json (a small run to bench/results/small.json), each target met or
 * MISSED is printed. Sizes: see README.md "Speed at a market's scale".
 */
import { execSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { chromium } from 'playwright-core';
import { benchApp, CHROMIUM, type AppBenchOptions, type AppBenchResult } from './app-bench';
import { serveBenchPage } from './page-server';
import { benchJournal } from './journal';
import { benchJournalRenderer } from './journal-renderer';
import { benchPrint } from './print';
import { markdownTables } from './table';
import { figure, type Figure, type Percentiles, type StoreSize } from './stats';
import type { YearSize } from '../tests/fixtures/year-store';
import { benchEnv, benchYear, small } from './sizes';

const year: YearSize = benchYear;
// The short history keeps the year's sales a day, so only the number of days differs.
const shortSales = benchEnv('BENCH_SHORT_SALES', 10_000, 1_000);
const shortHistory: YearSize = { ...year, sales: shortSales, closedDays: Math.max(1, Math.round(shortSales / (year.sales / year.closedDays))) };
const common: Omit<AppBenchOptions, 'size' | 'sessionSales'> = {
  coldStarts: benchEnv('BENCH_COLD_STARTS', 10, 3),
  scans: benchEnv('BENCH_SCANS', 60, 10),
  cartLines: 30,
  scanGapMs: benchEnv('BENCH_SCAN_GAP_MS', 0, 0),
  commitRuns: benchEnv('BENCH_COMMITS', 200, 30),
  reportRuns: benchEnv('BENCH_REPORTS', 20, 5),
  daySales: benchEnv('BENCH_DAY_SALES', 2_000, 300),
  log: (line) => console.log(line),
};
const sessionSales = benchEnv('BENCH_SESSION_SALES', 1_000, 40);

const ms = (s: Percentiles) => `p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (n=${s.n})`;
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

function storeOf(r: AppBenchResult): StoreSize {
  return { products: r.seeded.products, artisans: r.seeded.artisans, sales: r.seeded.sales, lines: r.seeded.lines, closedDays: r.seeded.closedDays };
}

/** The figures of one store, with the targets of issue 11. */
function figuresOf(r: AppBenchResult, label: string): Figure[] {
  const store = storeOf(r);
  const floor = r.commit.floorPut;
  const within200 = { text: 'p95 ≤ 200 ms', met: (s: Percentiles) => s.p95 <= 200 };
  const out: Figure[] = [
    figure(`${label}cold start (page load → ready to scan)`, r.coldStart, store, { text: 'p95 ≤ 1,000 ms', met: (s) => s.p95 <= 1000 }),
    figure(`${label}  of which page load → sign-in screen`, r.coldToSignIn, store),
    figure(`${label}  of which PIN Enter → sell screen ready`, r.signInToSell, store),
    figure(`${label}scan → cart line painted (30-line cart)`, r.scan, store, { text: 'p95 ≤ 8 ms', met: (s) => s.p95 <= 8 }),
    // Where that time goes: the app's work (the line in the DOM, ready for the next frame), then the wait for a frame.
    figure(`${label}  of which scan → line in the DOM (ready for the next frame)`, r.scanInDom, store),
    figure(`${label}  frame interval (requestAnimationFrame to the next)`, r.frameInterval, store),
    figure(`${label}sale commit (3 lines, whole transaction)`, r.commit.commit, store),
    figure(`${label}storage floor: bare transaction, same rows`, floor, store),
    figure(`${label}storage floor: bare get by key`, r.commit.floorGet, store),
    // The issue's target, as it is worded: the commit's p95 within 1.5× the floor's.
    figure(`${label}commit ÷ floor (p50 ÷ p50, p95 ÷ p95)`, { n: Math.min(r.commit.commit.n, floor.n), p50: r.commit.commit.p50 / floor.p50, p95: r.commit.commit.p95 / floor.p95, max: Number.NaN }, store, { text: 'p95 ≤ 1.5×', met: (s) => s.p95 <= 1.5 }, '×'),
    // Stricter, for the record: each commit over the floor taken right after it (the same moment's load).
    figure(`${label}commit ÷ floor, per pair`, r.commit.ratio, store, undefined, '×'),
    // The floor that adds keys as the sale does (app-page.ts commitFigures): what the app's own work costs over the store's.
    figure(`${label}storage floor: bare transaction, same rows as new rows`, r.commit.floorNew, store),
    figure(`${label}commit ÷ new-rows floor (p50 ÷ p50, p95 ÷ p95)`, { n: Math.min(r.commit.commit.n, r.commit.floorNew.n), p50: r.commit.commit.p50 / r.commit.floorNew.p50, p95: r.commit.commit.p95 / r.commit.floorNew.p95, max: Number.NaN }, store, { text: 'p95 ≤ 1.5×', met: (s) => s.p95 <= 1.5 }, '×'),
    figure(`${label}X report, day of ${r.day.daySales.toLocaleString('en-IN')} sales`, r.day.x, store, within200),
    // The close as the manager meets it: the day's rows read and folded while the drawer is
    // counted (the dialog open), then Close pressed to the day closed, which only writes.
    figure(`${label}Z close prepared (dialog open → rows folded, during the count), ${r.day.daySales.toLocaleString('en-IN')} sales`, r.day.prepare, store),
    figure(`${label}Z close (figures, envelope, outbox), ${r.day.daySales.toLocaleString('en-IN')} sales`, r.day.close, store, within200),
    figure(`${label}Z reprint + envelope, ${r.day.daySales.toLocaleString('en-IN')} sales`, r.day.zAndEnvelope, store, within200),
    figure(`${label}artisan's earnings, 90 days`, r.reports.earnings90, store),
    figure(`${label}GST month export (${r.reports.gstMonthLines.toLocaleString('en-IN')} lines, two CSVs)`, r.reports.gstMonth, store),
  ];
  if (r.memory) {
    const { half, end, sales } = r.memory;
    const heapFlat = end.heapMb <= half.heapMb * 1.05 + 1;
    const nodesFlat = end.nodes <= half.nodes * 1.05 + 50;
    out.push(
      { name: `${label}JS heap after sale ${sales / 2} → ${sales} (forced GC)`, unit: 'MB', p50: round(half.heapMb), p95: round(end.heapMb), n: 2, target: 'flat (≤ +5% + 1 MB)', met: heapFlat, store },
      { name: `${label}DOM nodes after sale ${sales / 2} → ${sales}`, unit: 'nodes', p50: half.nodes, p95: end.nodes, n: 2, target: 'flat (≤ +5% + 50)', met: nodesFlat, store },
    );
  }
  return out;
}
const round = (v: number) => Math.round(v * 100) / 100;

function printFigures(figures: readonly Figure[]): void {
  for (const f of figures) {
    const unit = f.unit === '×' ? '×' : ` ${f.unit}`;
    const values = f.unit === 'MB' || f.unit === 'nodes' ? `${f.p50}${unit} → ${f.p95}${unit}` : `p50 ${f.p50}${unit}, p95 ${f.p95}${unit} (n=${f.n})`;
    console.log(`${f.name.padEnd(62)} ${values}${f.target ? `   target ${f.target}: ${verdict(f.met!)}` : ''}`);
  }
}

interface Growth { name: string; short: number; full: number; ratio: number; shortSales: number; fullSales: number }

function growthOf(name: string, short: Percentiles, full: Percentiles, a: AppBenchResult, b: AppBenchResult): Growth {
  return { name: `${name} (p50)`, short: round(short.p50), full: round(full.p50), ratio: round(full.p50 / short.p50), shortSales: a.seeded.sales, fullSales: b.seeded.sales };
}

function machine(chromiumVersion: string) {
  const sh = (cmd: string) => { try { return execSync(cmd, { encoding: 'utf8' }).trim(); } catch { return 'unknown'; } };
  return {
    cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', ramGb: Math.round(totalmem() / 1024 ** 3), node: process.version,
    chromium: `${CHROMIUM} ${chromiumVersion}`, os: sh('uname -sr'), load: sh('cat /proc/loadavg'),
  };
}

console.log(`Chinar POS bench (${small ? 'small' : 'market'} scale), ${new Date().toISOString()}; the machine is shared, so numbers are noisy.`);
console.log(`store with a short history: ${shortHistory.sales.toLocaleString('en-IN')} sales over ${shortHistory.closedDays} days`);
const short = await benchApp({ ...common, size: shortHistory, sessionSales: 0 });
console.log(`store with the whole year: ${year.sales.toLocaleString('en-IN')} sales over ${year.closedDays} days`);
const full = await benchApp({ ...common, size: year, sessionSales });
const figures = [...figuresOf(short, '[short history] '), ...figuresOf(full, '')];

const paper = await benchPrint();
const noStore: StoreSize = { products: 10, artisans: 6, sales: 1, lines: 5, closedDays: 0 };
figures.push(
  figure(`receipt: 5-line sale built and ESC/POS encoded (${paper.receiptBytes} bytes)`, paper.receipt, noStore),
  figure(`100 labels built and encoded into one job (${(paper.labelsBytes / 1024).toFixed(0)} kB)`, paper.labelsJob, noStore),
  figure(`100 labels into an A4 PDF (${(paper.pdfBytes / 1024).toFixed(0)} kB)`, paper.labelsPdf, noStore),
);

const growth: Growth[] = [
  growthOf('scan → cart', short.scan, full.scan, short, full),
  growthOf('scan → line in the DOM', short.scanInDom, full.scanInDom, short, full),
  growthOf('sale commit', short.commit.commit, full.commit.commit, short, full),
  growthOf('cold start', short.coldStart, full.coldStart, short, full),
  growthOf(`Z close prepared, ${full.day.daySales} day sales`, short.day.prepare, full.day.prepare, short, full),
  growthOf(`Z close, ${full.day.daySales} day sales`, short.day.close, full.day.close, short, full),
  growthOf(`Z reprint + envelope, ${full.day.daySales} day sales`, short.day.zAndEnvelope, full.day.zAndEnvelope, short, full),
  growthOf('X report', short.day.x, full.day.x, short, full),
  growthOf("artisan's earnings, 90 days", short.reports.earnings90, full.reports.earnings90, short, full),
];

console.log('\nfigures:');
printFigures(figures);
console.log(`\ncost growth with history (${short.seeded.sales.toLocaleString('en-IN')} → ${full.seeded.sales.toLocaleString('en-IN')} sales in the store):`);
for (const g of growth) console.log(`${g.name.padEnd(48)} ${g.short} ms → ${g.full} ms   ×${g.ratio.toFixed(2)}`);
console.log(`Z report with the day's sales: ${full.day.daySales} sales, close prepared p50 ${full.day.prepare.p50.toFixed(1)} ms, close p50 ${full.day.close.p50.toFixed(1)} ms, reprint p50 ${full.day.zAndEnvelope.p50.toFixed(1)} ms (the day of the short run had ${short.day.daySales})`);
const seeding = { shortMs: short.seedMs, fullMs: full.seedMs };
console.log(`seeding: ${(short.seedMs / 1000).toFixed(1)} s and ${(full.seedMs / 1000).toFixed(1)} s`);

const out = process.env.BENCH_OUT ?? (small ? 'bench/results/small.json' : 'bench/results/latest.json');
await mkdir('bench/results', { recursive: true });
await writeFile(out, `${JSON.stringify({ at: new Date().toISOString(), scale: small ? 'small' : 'market', machine: machine(full.chromium), store: storeOf(full), figures, growth, seeding }, null, 2)}\n`);
console.log(`written to ${out}; for the README:\n`);
console.log(markdownTables(JSON.parse(await readFile(out, 'utf8'))));

if (process.env.BENCH_OTHER !== '0') await otherStoreBenches();
if (process.env.BENCH_JOURNAL !== '0') {
  await benchJournal();
  await benchJournalRenderer();
}

/** Sign-in with 50 users and returning one line of a 10-line sale (issue 9), on a blank page's IndexedDB. */
async function otherStoreBenches(): Promise<void> {
  const server = await serveBenchPage('bench/browser-bench.ts', 'bench');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    type Bench = { runSignInBench(n: number): Promise<{ users: number; right: Percentiles; wrong: Percentiles }>; runReturnBench(n: number): Promise<{ sales: number; read: Percentiles; preview: Percentiles; commit: Percentiles; readAfter: Percentiles }> };
    const signIn = await page.evaluate(() => (globalThis as unknown as Bench).runSignInBench(50));
    console.log(`sign-in, right PIN (${signIn.users} users): ${ms(signIn.right)}   target p95 < 300 ms: ${verdict(signIn.right.p95 < 300)}`);
    console.log(`sign-in, wrong PIN (${signIn.users} users): ${ms(signIn.wrong)}`);
    const ret = await page.evaluate((n) => (globalThis as unknown as Bench).runReturnBench(n), Number(process.env.BENCH_RETURN_SALES ?? 50));
    console.log(`returning one line of a 10-line sale (${ret.sales} sales): read ${ms(ret.read)}; preview ${ms(ret.preview)}; commitReturn ${ms(ret.commit)}; read after ${ms(ret.readAfter)}`);
  } finally {
    await browser.close();
    server.close();
  }
}
