/**
 * `npm run bench:seed`: how long seeding a year of a market takes (the set-up of
 * `npm run bench` and of the year drill), in Debian's Chromium on a blank page of a
 * loopback origin, with the sizes of `npm run bench` (BENCH_PRODUCTS, BENCH_ARTISANS,
 * BENCH_SALES, BENCH_DAYS; full scale by default, BENCH_SCALE=small). Prints the time
 * making the rows alone, then the whole seeding with its progress. SEED_PROFILE=file
 * writes a Chrome CPU profile of the seeding (DevTools protocol Profiler) to look at.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './app-bench';
import { serveBenchPage } from './page-server';
import type { SeedPage } from './seed-page';
import type { YearSize } from '../tests/fixtures/year-store';
import { benchYear } from './sizes';

const size: YearSize = benchYear;

const server = await serveBenchPage('bench/seed-page.ts', 'seed');
// A profile on disk, as the kiosk's: an off-the-record context keeps IndexedDB in memory, under a quota a year exceeds.
const profile = await mkdtemp(join(tmpdir(), 'chinar-seed-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.on('console', (m) => { if (m.text().startsWith('seed: ')) console.log(`  ${m.text()}`); });
  page.on('crash', () => console.log('  the page crashed (out of memory?)'));
  await page.goto(server.url);
  console.log(`seeding ${size.sales.toLocaleString('en-IN')} sales over ${size.closedDays} days, ${size.products.toLocaleString('en-IN')} products, ${size.artisans} artisans`);
  const made = await page.evaluate((s) => (globalThis as unknown as { chinarSeed: SeedPage }).chinarSeed.makeOnly('seed-make-only', s), size);
  console.log(`  making the rows alone: ${made.records.toLocaleString('en-IN')} records, ${made.rows.toLocaleString('en-IN')} rows in ${(made.ms / 1000).toFixed(1)} s`);
  const cdp = process.env.SEED_PROFILE ? await context.newCDPSession(page) : null;
  if (cdp) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.start'); }
  const t0 = performance.now();
  const seeded = await page.evaluate((s) => (globalThis as unknown as { chinarSeed: SeedPage }).chinarSeed.seed('seed-bench', s), size);
  const ms = performance.now() - t0;
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    await writeFile(process.env.SEED_PROFILE!, JSON.stringify(profile));
    console.log(`  CPU profile: ${process.env.SEED_PROFILE}`);
  }
  console.log(`  seeded ${seeded.sales.toLocaleString('en-IN')} sales, ${seeded.lines.toLocaleString('en-IN')} lines, ${seeded.rows.toLocaleString('en-IN')} rows in ${(ms / 1000).toFixed(1)} s `
    + `(waiting for the writes ${(seeded.writeWaitMs / 1000).toFixed(1)} s); load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await context.close();
  server.close();
  await rm(profile, { recursive: true, force: true });
}
