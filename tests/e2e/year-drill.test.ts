import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/entities';
import type { StoreProfile } from '../../shared/store-profile';
import type { TaxTable } from '../../shared/tax';
import type { BusinessDate } from '../../shared/time';
import { appendToJournalFile } from '../fixtures/year-journal';
import type { YearSeeder } from '../fixtures/year-store-page';
import { MARKET_YEAR, yearRecords, type YearBase, type YearOptions } from '../fixtures/year-store';
import { callHost, CHROMIUM, journalQueueDrained, MANAGER_PIN, openManagerTile, readTables, screenshot, signIn, spawnHost, waitForText } from './helpers';

/**
 * Issue 11's last drill: a year of data. The kiosk's store and the host's journal are
 * filled with the same year (tests/fixtures/year-store.ts: bulk writes of rows built the
 * way the app builds them), then, through the real UI in Debian's Chromium on a profile
 * on disk:
 *  1. a backup (Settings → Backup), whose progress bar moves as the rows are read;
 *  2. the store wiped, and the backup restored through the UI (its bar moving), and
 *     every table compared row by row with the store as it was before the backup;
 *  3. the store lost (the database deleted), and the kiosk rebuilds it from the host's
 *     journal on the recovery screen (its bar moving), compared again, for the tables
 *     the journal carries: all but the journal queue and the carts.
 *
 * DRILL_YEAR_SCALE (default 0.03) is the share of a year: 1 is 200,000 sales, about
 * 500,000 lines, 100,000 products, 300 artisans, 250 closed days. 0.03 (6,000 sales,
 * 3,000 products, 75 days) is what fits CI's two-minute budget on two cores: it took
 * 127 s on a heavily shared 2-core machine (before backups came in parts).
 *
 * Since issue 11's parts (backup.begin/part/finish, backup.read by offset: no step holds
 * the file as one string, so a year no longer meets the 200 MiB body limit or V8's
 * ~512 MB string limit), measured on the same 2 cores at a load average of ~10 (five
 * engineers' tests at once), 1 December 2026:
 *   0.03: backup 16.9 s (19.5 MB), reading + checking it 6.9 s, restore 43.8 s, journal
 *         replay 41.5 s (6,153 records); 269 s in all.
 *   0.1:  (20,000 sales, 191,574 rows seeded) backup 31.2–56.9 s (65.1 MB), reading +
 *         checking it 14.5–22.4 s; twice the restore outlasted its wait (then 120 s: the
 *         restore stages the rows, then copies them in one transaction, so it writes them
 *         twice), so LONG now grows with the scale and the test's budget is 8 × LONG.
 *         Restore and replay at 0.1 are not measured yet.
 * The whole year (1) was not run: at these rates (about 0.9 s per MB backed up, and
 * restore and replay growing with the rows) it is an hour and more on this machine, past
 * the time there was. Run it with DRILL_YEAR_SCALE=1 on a quiet machine.
 */

const SCALE = Number(process.env.DRILL_YEAR_SCALE ?? 0.03);
const YEAR: YearOptions = {
  sales: Math.round(MARKET_YEAR.sales * SCALE),
  products: Math.max(100, Math.round(MARKET_YEAR.products * SCALE)),
  artisans: MARKET_YEAR.artisans,
  // All 250 days from a tenth of a year up (fewer sales a day); fewer below that.
  closedDays: Math.max(1, Math.min(MARKET_YEAR.closedDays, Math.round(MARKET_YEAR.closedDays * SCALE * 10))),
  today: '2025-07-01' as BusinessDate,
  seed: 11,
};
/** Tables a journal replay does not bring back: the queue of records to send, the counter's carts, the days' derived summaries. */
const NOT_JOURNALED = new Set(['journalQueue', 'carts', 'daySummaries']);
const SEED_PATH = '/__year-seed';
/** One step's wait: the restore, the slowest, took 43.8 s at 0.03 (about 1,500 s a year) on a loaded machine. */
const LONG = Math.max(120_000, 2_000_000 * SCALE);

type Dump = Record<string, string[]>;

/**
 * Every table, each row as canonical JSON (keys sorted: a row put back from the journal
 * has its keys in another order than the one the app wrote), in primary key order, read
 * with the raw IndexedDB API in pages of 20,000 rows.
 */
async function dumpStore(page: Page): Promise<Dump> {
  const names = await page.evaluate(() => new Promise<string[]>((resolve, reject) => {
    const req = indexedDB.open('chinar-pos');
    req.onsuccess = () => { const names = [...req.result.objectStoreNames]; req.result.close(); resolve(names); };
    req.onerror = () => reject(req.error);
  }));
  const out: Dump = {};
  for (const name of names) {
    out[name] = [];
    let after: string | number | null = null;
    for (;;) {
      const chunk: { rows: string[]; last: string | number | null } = await page.evaluate(async ({ name, after }: { name: string; after: string | number | null }) => {
        const canonical = (value: unknown): string => {
          if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
          if (value && typeof value === 'object') {
            const o = value as Record<string, unknown>;
            return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
          }
          return JSON.stringify(value);
        };
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('chinar-pos');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        try {
          const store = db.transaction(name, 'readonly').objectStore(name);
          const range = after === null ? undefined : IDBKeyRange.lowerBound(after, true);
          const [values, keys] = await Promise.all([store.getAll(range, 20_000), store.getAllKeys(range, 20_000)].map((req) => new Promise<unknown[]>((resolve, reject) => {
            req.onsuccess = () => resolve(req.result as unknown[]);
            req.onerror = () => reject(req.error);
          })));
          return { rows: values!.map(canonical), last: (keys!.at(-1) ?? null) as string | number | null };
        } finally {
          db.close();
        }
      }, { name, after });
      out[name]!.push(...chunk.rows);
      if (chunk.rows.length < 20_000) break;
      after = chunk.last;
    }
  }
  return out;
}

/** The first difference between two dumps (table, row, both sides), or null when they are the same. */
function firstDifference(before: Dump, after: Dump, tables: readonly string[]): string | null {
  const cut = (row: string | undefined) => (row === undefined ? '(none)' : row.length > 600 ? `${row.slice(0, 600)}…` : row);
  for (const table of tables) {
    const a = before[table] ?? [];
    const b = after[table] ?? [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (a[i] !== b[i]) return `${table}: row ${i + 1} of ${a.length} before / ${b.length} after differs.\nbefore: ${cut(a[i])}\nafter:  ${cut(b[i])}`;
    }
  }
  return null;
}

function rowCount(dump: Dump): number {
  return Object.values(dump).reduce((n, rows) => n + rows.length, 0);
}

/** Every value a progress bar showed, recorded in the page from its first script on (a MutationObserver). */
async function watchProgressBars(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: { bar: string; now: number; max: number; text: string }[] = [];
    (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
    const look = () => {
      for (const el of document.querySelectorAll('[role="progressbar"]')) {
        const now = el.getAttribute('aria-valuenow');
        if (now === null) continue;
        const entry = { bar: el.parentElement?.dataset.testid ?? '?', now: Number(now), max: Number(el.getAttribute('aria-valuemax')), text: el.getAttribute('aria-valuetext') ?? '' };
        const last = seen.at(-1);
        if (!last || last.bar !== entry.bar || last.now !== entry.now || last.max !== entry.max) seen.push(entry);
      }
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
}

async function progressSeen(page: Page, bar: string): Promise<{ now: number; max: number; text: string }[]> {
  const all = await page.evaluate(() => (window as unknown as { progressSeen?: { bar: string; now: number; max: number; text: string }[] }).progressSeen ?? []);
  return all.filter((e) => e.bar === bar);
}

/** The bar moved: it showed a value part-way (neither 0 nor the end) and then the end. */
function expectMoved(seen: { now: number; max: number; text: string }[], bar: string, unit: RegExp): void {
  expect(seen.length, `${bar}: values seen ${JSON.stringify(seen.slice(0, 5))}`).toBeGreaterThanOrEqual(2);
  expect(seen.some((e) => e.now > 0 && e.now < e.max), `${bar} never showed a value part-way: ${JSON.stringify(seen)}`).toBe(true);
  const last = seen.at(-1)!;
  expect(last.now, `${bar} ended at ${last.now} of ${last.max}`).toBe(last.max);
  expect(last.text).toMatch(unit);
}

function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A page of the kiosk's origin that runs none of the app: where the store is seeded or deleted. */
async function blankPage(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  await page.route(`${origin}${SEED_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>year</title>' }));
  await page.goto(`${origin}${SEED_PATH}`);
  return page;
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
/** Each phase as it ends: a slow CI run shows where the time went even if it times out. */
const phase = (name: string, took: string) => console.log(`year drill: ${name} ${took}`);

describe(`a year of data (issue 11), at ${SCALE} of a year: ${YEAR.sales} sales, ${YEAR.products} products, ${YEAR.closedDays} days`, () => {
  let root: string;
  let dataDir: string;
  let printerDir: string;
  let host: ChildProcess | null = null;
  let context: BrowserContext | null = null;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'chinar-year-'));
    dataDir = join(root, 'data');
    printerDir = join(root, 'printer');
    await mkdir(printerDir, { recursive: true });
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    if (host) await stopHost(host);
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('backs up, restores and replays the journal with a moving progress bar, and gives back the same store', async () => {
    const timings: Record<string, string> = {};
    let started = Date.now();
    let spawned = await spawnHost(dataDir, printerDir);
    host = spawned.child;
    const url = spawned.url;
    const origin = new URL(url).origin;
    const token = /#token=([A-Za-z0-9_-]+)/.exec(url)![1]!;
    context = await chromium.launchPersistentContext(join(root, 'profile'), {
      executablePath: CHROMIUM, viewport: { width: 1366, height: 768 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    await watchProgressBars(context);

    // The kiosk's first start seeds its demo market (the users who sign in) and journals it.
    let page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('signin-screen').waitFor({ timeout: 60_000 });
    // The demo seed is copied to the journal before the year is laid over it.
    await journalQueueDrained(page, 10_000);
    const tables = await readTables(page, ['settings', 'users', 'audit']);
    const base = {
      settings: tables.settings as unknown as { key: string; value: unknown }[],
      users: tables.users as unknown as { id: string; name: string; role: string }[],
      audit: tables.audit as unknown as AuditEntry[],
    };
    const hostSettings = await callHost(page, token, 'settings.get', {}) as { ok: boolean; value: { settings: { deviceId: string } } };
    const operator = base.users.find((u) => u.role === 'operator')!;
    const yearBase: YearBase = {
      profile: base.settings.find((s) => s.key === 'storeProfile')!.value as StoreProfile,
      taxTable: base.settings.find((s) => s.key === 'taxTable')!.value as TaxTable,
      deviceId: hostSettings.value.settings.deviceId,
      operator: { id: operator.id, name: operator.name },
      managerId: base.users.find((u) => u.role === 'manager')!.id,
      lastAudit: base.audit.at(-1),
    };
    await page.close();

    // The host's journal gets the year (host stopped: it keeps the file's index in memory).
    await stopHost(host);
    started = Date.now();
    const head = await appendToJournalFile(dataDir, yearRecords(yearBase, YEAR));
    timings.journalWritten = seconds(started);
    phase('journalWritten', timings.journalWritten!);
    spawned = await spawnHost(dataDir, printerDir);
    host = spawned.child;
    expect(spawned.url).toBe(url);

    // The store gets the same year, by the app's schema, in a page that runs none of the app.
    const bundle = await build({
      entryPoints: [join(process.cwd(), 'tests/fixtures/year-store-page.ts')], bundle: true, write: false, format: 'iife',
      platform: 'browser', target: 'chrome120', logLevel: 'warning',
    });
    page = await blankPage(context, origin);
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    started = Date.now();
    const seeded = await page.evaluate(({ base, options, head }) => (globalThis as unknown as { chinarYear: YearSeeder }).chinarYear.seed(base, options, head),
      { base: yearBase, options: YEAR, head: { seq: head.seq, hash: head.hash } });
    timings.storeSeeded = `${(seeded.ms / 1000).toFixed(1)} s (${seeded.rows} rows)`;
    phase('storeSeeded', timings.storeSeeded!);
    await page.close();

    // The kiosk starts on the year: the store is as far as the journal, so no recovery.
    page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('signin-screen').waitFor({ timeout: 60_000 });
    await signIn(page, MANAGER_PIN, { openDay: false });
    const before = await dumpStore(page);
    expect(before.sales!.length).toBe(YEAR.sales);
    expect(before.businessDays!.length).toBe(YEAR.closedDays);
    expect(before.products!.length).toBeGreaterThanOrEqual(YEAR.products);

    // 1. A backup through the UI.
    await openManagerTile(page, 'settings');
    await page.getByTestId('settings-open-backup').click();
    await page.getByTestId('settings-backup').waitFor();
    started = Date.now();
    await page.getByTestId('backup-now').click();
    await page.getByTestId('backup-progress').waitFor({ timeout: 10_000 });
    const saved = await waitForText(page.getByTestId('backup-result'), 'Saved to', LONG);
    timings.backup = `${seconds(started)}, ${/\(([^()]+)\)\.?\s*$/.exec(saved)?.[1] ?? saved}`;
    phase('backup', timings.backup!);
    // The bar moves through the rows read, then through the bytes sent to the host in parts.
    const backupBar = await progressSeen(page, 'backup-progress');
    expect(backupBar.some((e) => /rows read/.test(e.text) && e.now > 0 && e.now < e.max), `the backup bar never moved through the rows: ${JSON.stringify(backupBar.slice(0, 5))}`).toBe(true);
    expectMoved(backupBar, 'backup-progress', /sent/);

    // 2. The store wiped under the running kiosk, then the backup restored through the UI.
    await page.evaluate(() => new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('chinar-pos');
      req.onsuccess = () => {
        const db = req.result;
        const tx = db.transaction([...db.objectStoreNames], 'readwrite');
        for (const name of db.objectStoreNames) tx.objectStore(name).clear();
        tx.oncomplete = () => { db.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
      req.onerror = () => reject(req.error);
    }));
    expect(rowCount(await dumpStore(page))).toBe(0);
    await page.getByTestId('backup-restore').first().click();
    started = Date.now();
    await page.getByTestId('backup-check').waitFor({ timeout: LONG });
    timings.restoreCheck = seconds(started);
    phase('restoreCheck', timings.restoreCheck!);
    expectMoved(await progressSeen(page, 'backup-check-progress'), 'backup-check-progress', /Reading and checking/);
    await screenshot(page, 'year-restore-check');
    started = Date.now();
    await page.getByTestId('backup-restore-confirm').click();
    await page.getByTestId('backup-restored').waitFor({ timeout: LONG });
    timings.restore = seconds(started);
    phase('restore', timings.restore!);
    expectMoved(await progressSeen(page, 'restore-progress'), 'restore-progress', /rows/);
    const restored = await dumpStore(page);
    const everyTable = Object.keys(before).sort();
    expect(Object.keys(restored).sort()).toEqual(everyTable);
    expect(firstDifference(before, restored, everyTable), 'the restored store differs from the one backed up').toBeNull();
    await page.close();

    // 3. The store lost, and rebuilt from the journal on the recovery screen.
    page = await blankPage(context, origin);
    await page.evaluate(() => new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase('chinar-pos');
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('another page still holds the store open'));
    }));
    await page.close();
    page = await context.newPage();
    started = Date.now();
    await page.goto(url);
    await page.getByTestId('recovery-screen').waitFor({ timeout: 60_000 });
    await screenshot(page, 'year-recovery');
    await page.getByTestId('recovery-done').waitFor({ timeout: LONG });
    timings.replay = seconds(started);
    phase('replay', timings.replay!);
    expectMoved(await progressSeen(page, 'recovery-progress'), 'recovery-progress', /records/);
    const replayed = await dumpStore(page);
    const journaled = everyTable.filter((t) => !NOT_JOURNALED.has(t));
    expect(firstDifference(before, replayed, journaled), 'the store rebuilt from the journal differs from the one before').toBeNull();
    console.log(`year drill at ${SCALE} of a year (${YEAR.sales} sales, ${before.saleLines!.length} lines, ${YEAR.products} products, ${YEAR.closedDays} days; `
      + `${rowCount(before)} rows, journal ${head.seq} records): ${JSON.stringify(timings)}; compared after the replay: ${journaled.join(', ')}`);
  }, LONG * 8);
});
