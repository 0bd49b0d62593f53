/**
 * The renderer's side of the journal (issue 8), under Node on fake-indexeddb with the REAL
 * host journal (electron/host, fsync and all, called in-process as a transport would):
 *  - commit → done with the journal (commitSale, then the sender's append acknowledged)
 *    against commitSale alone, p50/p95: what the journal adds before "Sale recorded";
 *  - rebuilding an empty store from a journal of BENCH_REBUILD_SALES sales (default
 *    20,000; a year is 200,000): journal.read pages, the links checked, rowsToRestore, bulkPut.
 * fake-indexeddb is slower than Chromium's IndexedDB, so absolute store times are upper
 * bounds; the difference the journal makes is the point. `npm run bench` runs it too.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createHost } from '../electron/host';
import type { HostApi } from '../shared/contract';
import { addToCart, cartItemFor, cartTotals, EMPTY_CART } from '../shared/cart';
import type { Paise } from '../shared/money';
import { GENESIS_HEAD } from '../shared/journal';
import { settleTenders } from '../shared/tender';
import { EMPTY_CASH_COUNT } from '../shared/cash-count';
import {
  commitSale, DEMO_PINS, findProductByBarcode, newId, openBusinessDay, openChinarDb, seedDemoIfEmpty, signInWithPin, type ChinarDb,
} from '../renderer/db';
import { createJournalLink, rebuildFromJournal } from '../renderer/app/journal';

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms (n=${s.length})`;
}

/** A seeded store with the day open (a sale needs one), as a counter in the morning. */
async function store(name: string): Promise<ChinarDb> {
  const db = await openChinarDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  await seedDemoIfEmpty(db, { now: new Date(), newId });
  const manager = (await signInWithPin(db, DEMO_PINS.manager))!;
  await openBusinessDay(db, { managerId: manager.id, count: EMPTY_CASH_COUNT, deviceId: 'K01', now: new Date(), timeZone: 'Asia/Kolkata', newId });
  return db;
}

async function sale(db: ChinarDb, floor: Record<string, number> = {}) {
  let cart = EMPTY_CART;
  for (const code of ['2000000000077', '2000000000046', '2000000000084']) {
    const found = (await findProductByBarcode(db, code))!;
    cart = addToCart(cart, cartItemFor(found.product, found.artisan));
  }
  const operator = (await signInWithPin(db, DEMO_PINS.operator))!;
  const total = cartTotals(cart, []).gross;
  const settled = settleTenders(total, [{ method: 'cash', tendered: total }]);
  if (!settled.ok) throw new Error('settle');
  return commitSale(db, { cart, payments: settled.payments, operator, roundOff: 0 as Paise, deviceId: 'K01', now: new Date(), newId, numberFloor: floor });
}

export async function benchJournalRenderer(): Promise<void> {
  const sales = Number(process.env.BENCH_REBUILD_SALES ?? 20_000);
  const runs = 200;
  const base = await mkdtemp(join(tmpdir(), 'chinar-journal-renderer-bench-'));
  try {
    const host = createHost({ dataDir: base, transport: 'web', appVersion: 'bench' });
    const api: HostApi = { call: ((m: string, i: unknown) => host.dispatch(m, i)) as HostApi['call'], on: () => () => undefined };

    const alone = await store('alone');
    const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await sale(alone);
      bare.push(performance.now() - t0);
    }
    const journaled = await store('journaled');
    const link = createJournalLink(journaled, api);
    link.start();
    await link.whenCopied('warm-up', 1);
    const withJournal: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const done = await sale(journaled, link.floor());
      link.nudge();
      if (!(await link.whenCopied(done.journalId!, 5_000))) throw new Error('not copied');
      withJournal.push(performance.now() - t0);
    }
    link.stop();
    console.log(`commit → done, commitSale alone (3 lines):   ${stats(bare)}`);
    console.log(`commit → done, with the journal (ack, fsync): ${stats(withJournal)}`);

    // A journal of `sales` sales on a second kiosk's host: the renderer's own records, sent in batches of 100.
    const yearHost = createHost({ dataDir: join(base, 'year'), transport: 'web', appVersion: 'bench' });
    const yearApi: HostApi = { call: ((m: string, i: unknown) => yearHost.dispatch(m, i)) as HostApi['call'], on: () => () => undefined };
    const source = await store('source');
    const feed = createJournalLink(source, yearApi);
    let n = 0;
    while (n < sales) {
      const batch = Math.min(500, sales - n);
      for (let i = 0; i < batch; i++) await sale(source, {});
      n += batch;
    }
    feed.start();
    for (let i = 0; i < 6000 && (await source.journalQueue.count()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    feed.stop();
    const status = await yearApi.call('journal.status', {});
    const count = status.ok ? status.value.count : 0;
    const empty = await openChinarDb('rebuilt', { indexedDB: new IDBFactory(), IDBKeyRange });
    const t0 = performance.now();
    const rebuilt = await rebuildFromJournal(empty, yearApi, { from: GENESIS_HEAD, skipIds: [], clear: true });
    const seconds = (performance.now() - t0) / 1000;
    if (rebuilt.status !== 'ok') throw new Error(rebuilt.message);
    const perSale = seconds / rebuilt.value.sales;
    console.log(`rebuild an empty store from ${count.toLocaleString('en-IN')} journal records (${rebuilt.value.sales.toLocaleString('en-IN')} sales, fake-indexeddb): ${seconds.toFixed(1)} s, so a year of 200,000 sales ≈ ${(perSale * 200_000).toFixed(0)} s`);
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchJournalRenderer();
