/**
 * Runs inside the built app's page (its origin, so its own IndexedDB `chinar-pos`), put
 * there by bench/app-bench.ts with esbuild: seeds the year store, and times the store-level
 * figures on it with the app's own functions (commit against the storage floor, the day's
 * X and Z and envelope, an artisan's 90 days, the month's GST export). Each call opens its
 * own Dexie on the app's database and closes it again.
 */
import './zod-jitless';
import { addToCart, cartItemFor, cartTotals, EMPTY_CART, type Cart } from '../shared/cart';
import { EMPTY_CASH_COUNT } from '../shared/cash-count';
import { buildXReport, buildZReport } from '../shared/day-documents';
import { gstB2csCsv, gstHsnCsv } from '../shared/gst-export';
import type { Paise } from '../shared/money';
import { settleTenders } from '../shared/tender';
import { calendarDateIn, type BusinessDate } from '../shared/time';
import {
  CLOSE_STAGES, closeBusinessDay, commitSale, dayTotals, earningsOfArtisan, findProductByBarcode, getStoreProfile, getTaxTable,
  gstMonthFromStore, newId, openChinarDb, prepareDayClose, type PreparedClose,
} from '../renderer/db';
import { placeOfSupply, shiftDay } from '../renderer/app/earnings';
import { fillOpenDay, openSeedingDb, seedYearStore, yearProductBarcode, type SeededYear, type YearSize } from '../tests/fixtures/year-store';
import { percentiles, type Percentiles } from './stats';

export const BENCH_DEVICE_ID = 'demo-market/K01';

/** The year seeded through a connection of its own (bulk writes need no flush per transaction: the seeding is set-up, not what is measured). */
async function seedYear(size: YearSize): Promise<SeededYear> {
  const db = await openSeedingDb();
  try {
    // Told to Node through the console (bench/app-bench.ts prints these lines).
    return await seedYearStore(db, {
      ...size, now: new Date(), deviceId: BENCH_DEVICE_ID,
      onProgress: (p) => console.log(`bench: seeding: ${p.records} records, ${p.rows} rows written, up to ${p.last.kind} at ${p.last.at}`),
    });
  } catch (error) {
    // Errors from inside Dexie reach Node as their bare (minified) message: say what and where.
    const e = error as { name?: string; message?: string; stack?: string; inner?: unknown };
    throw new Error(`Seeding the year failed: ${e.name ?? typeof error}: ${e.message ?? String(error)}; inner ${String(e.inner)}\n${e.stack ?? ''}`);
  } finally {
    db.close();
  }
}

async function time<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const s = performance.now();
  const value = await run();
  return { ms: performance.now() - s, value };
}

function idbDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** What a sale wrote, as the storage floor puts it again. */
interface SaleRows { sale: object; lines: readonly object[]; payments: readonly object[]; products: readonly (object | undefined)[]; counter: object | undefined; audit: object; queueRow: object; summary: object | undefined }

/** The storage floor: a bare strict IndexedDB transaction putting a sale's rows, as commitSale's scope holds them (and the cart's delete). */
async function putSaleRows(idb: IDBDatabase, rows: SaleRows): Promise<void> {
  const tx = idb.transaction(['sales', 'saleLines', 'payments', 'products', 'counters', 'audit', 'journalQueue', 'daySummaries', 'carts'], 'readwrite', { durability: 'strict' });
  tx.objectStore('sales').put(rows.sale);
  for (const l of rows.lines) tx.objectStore('saleLines').put(l);
  for (const p of rows.payments) tx.objectStore('payments').put(p);
  for (const p of rows.products) tx.objectStore('products').put(p);
  if (rows.counter) tx.objectStore('counters').put(rows.counter);
  tx.objectStore('audit').put(rows.audit);
  tx.objectStore('journalQueue').put(rows.queueRow);
  if (rows.summary) tx.objectStore('daySummaries').put(rows.summary);
  tx.objectStore('carts').delete('open');
  await idbDone(tx);
}

export interface CommitFigures { commit: Percentiles; floorPut: Percentiles; floorNew: Percentiles; floorGet: Percentiles; ratio: Percentiles }

/**
 * commitSale of a 3-line cash sale (the whole strict transaction: its reads, the rows, the
 * journal queue row) against the storage floor: a bare IndexedDB transaction, strict too,
 * putting again exactly the rows that sale wrote, under their own keys (its sale, lines and
 * payments, the products, its invoice counter, its audit entry, its journal queue row, the
 * day's summary, and the cart's delete), and a bare get of one product by key. Interleaved,
 * so both see the same load on the machine; the ratio is taken per pair, not of percentiles.
 *
 * The floor above puts rows over keys the store already holds; the sale adds keys (its
 * sale, lines and payment, its audit entry and queue row, with their index entries), and
 * Chromium's LevelDB pays more for a new key in a store of a year's rows than for an
 * overwrite. So a second floor, `floorNew`, puts the same rows as new ones: those five
 * under fresh keys (the sale with a receipt number of its own), the products, counter,
 * summary and cart as the sale writes them; taken out again, untimed, before the next sale.
 */
async function commitFigures(runs: number, yearProducts: number): Promise<CommitFigures> {
  // Each timed step is also a User Timing measure, so a CPU profile or a request count
  // taken around the run can tell the commit's own work from the floor's and from what
  // runs between them (the live app's reactions to each commit).
  const measured = async <T>(name: string, run: () => Promise<T>) => {
    const taken = await time(run);
    performance.measure(`commit-figures:${name}`, { start: performance.now() - taken.ms, duration: taken.ms });
    return taken;
  };
  for (const name of ['sale', 'floor', 'floor-new', 'get']) performance.clearMeasures(`commit-figures:${name}`);
  const db = await openChinarDb();
  try {
    const operator = (await db.users.filter((u) => u.active && u.role === 'operator').first())!;
    const taxTable = await getTaxTable(db);
    const idb = db.backendDB();
    const commit: number[] = [];
    const floorPut: number[] = [];
    const floorNew: number[] = [];
    const floorGet: number[] = [];
    const ratio: number[] = [];
    for (let i = 0; i <= runs; i++) {
      let cart: Cart = EMPTY_CART;
      for (let k = 0; k < 3; k++) {
        const found = (await findProductByBarcode(db, yearProductBarcode(((i * 3 + k) * 7919) % yearProducts)))!;
        cart = addToCart(cart, cartItemFor(found.product, found.artisan));
      }
      const total = cartTotals(cart, taxTable).gross;
      const settled = settleTenders(total, [{ method: 'cash', tendered: total }]);
      if (!settled.ok) throw new Error('The bench sale could not be settled.');
      const sold = await measured('sale', () => commitSale(db, { cart, payments: settled.payments, operator, roundOff: 0 as Paise, deviceId: BENCH_DEVICE_ID, now: new Date(), newId }));
      const { sale, lines, payments, journalId } = sold.value;
      // What the sale wrote, read back as it is now in the store.
      const [products, audit, counters, summary, queued] = await Promise.all([
        db.products.bulkGet(lines.map((l) => l.productId)), db.audit.orderBy('seq').last(), db.counters.toArray(),
        sale.dayId ? db.daySummaries.get(sale.dayId) : undefined, journalId ? db.journalQueue.where('id').equals(journalId).first() : undefined,
      ]);
      const counter = counters.find((c) => sale.receiptNo.endsWith(`/${String(c.value).padStart(6, '0')}`));
      // The link may have sent the queue row already: then a copy of it stands in (and goes after).
      const queueRow = queued ?? { id: `floor-${i}`, kind: 'sale', at: sale.createdAt, data: { sales: [sale], saleLines: lines, payments, products, counters: counter ? [counter] : [], audit: [audit] }, bytes: 0 };
      const put = await measured('floor', () => putSaleRows(idb, { sale, lines, payments, products, counter, audit: audit!, queueRow, summary }));
      // The same rows as new ones (see above): fresh keys where the sale added keys.
      const fresh = { saleId: newId(), receiptNo: `FLOOR/${newId()}`, seq: audit!.seq + 1, queueId: `floor-new-${i}` };
      const newSale = { ...sale, id: fresh.saleId, receiptNo: fresh.receiptNo };
      const newLines = lines.map((l) => ({ ...l, id: newId(), saleId: fresh.saleId }));
      const newPayments = payments.map((p) => ({ ...p, id: newId(), saleId: fresh.saleId }));
      const { qseq: _qseq, ...queueRowWithoutKey } = queueRow as typeof queueRow & { qseq?: number };
      const putNew = await measured('floor-new', () => putSaleRows(idb, {
        sale: newSale, lines: newLines, payments: newPayments, products, counter, audit: { ...audit!, seq: fresh.seq }, queueRow: { ...queueRowWithoutKey, id: fresh.queueId }, summary,
      }));
      // Out again before the next sale reads the audit head and the queue.
      await db.transaction('rw', [db.sales, db.saleLines, db.payments, db.audit, db.journalQueue], async () => {
        await Promise.all([
          db.sales.delete(fresh.saleId), db.saleLines.bulkDelete(newLines.map((l) => l.id)), db.payments.bulkDelete(newPayments.map((p) => p.id)),
          db.audit.delete(fresh.seq), db.journalQueue.where('id').equals(fresh.queueId).delete(),
        ]);
      });
      const get = await measured('get', async () => {
        const tx = idb.transaction('products', 'readonly');
        tx.objectStore('products').get(lines[0]!.productId);
        await idbDone(tx);
      });
      if (i === 0) continue; // the first of the session warms the caches
      commit.push(sold.ms);
      floorPut.push(put.ms);
      floorNew.push(putNew.ms);
      floorGet.push(get.ms);
      ratio.push(sold.ms / put.ms);
    }
    // The stand-in queue rows are not the app's: take them out.
    await db.journalQueue.where('id').startsWith('floor-').delete();
    return { commit: percentiles(commit), floorPut: percentiles(floorPut), floorNew: percentiles(floorNew), floorGet: percentiles(floorGet), ratio: percentiles(ratio) };
  } finally {
    db.close();
  }
}

export interface DayFigures {
  daySales: number;
  filledMs: number;
  x: Percentiles;
  /** The close dialog opening to its fold ready (prepareDayClose): while the manager counts. */
  prepare: Percentiles;
  /** Close pressed to the close committed, with the fold prepared: what the manager waits for. */
  close: Percentiles;
  zAndEnvelope: Percentiles;
  envelopeBytes: number;
}

/**
 * The open day filled up to `daySales` sales, then its X (the store's read and the printed
 * document), the Z close as the close dialog makes it (the day's rows read and folded when
 * it opens, then Close: one transaction writing the figures, envelope and outbox) and the
 * Z reprinted with its envelope, as the Day page does. The close ends the day: run this last.
 */
async function dayFiguresAt(daySales: number, runs: number): Promise<DayFigures> {
  const db = await openChinarDb();
  try {
    const filled = await time(() => fillOpenDay(db, { total: daySales, now: new Date(), deviceId: BENCH_DEVICE_ID }));
    const day = (await db.businessDays.where('status').equals('open').first())!;
    const profile = await getStoreProfile(db);
    const manager = (await db.users.filter((u) => u.active && u.role === 'manager').first())!;
    const x: number[] = [];
    for (let i = 0; i < runs; i++) {
      x.push((await time(async () => {
        const { figures } = await dayTotals(db, day.id);
        buildXReport({ store: profile, figures, printedAt: new Date(), width: 48 });
      })).ms);
    }
    // As the close dialog does: the fold prepared when it opens (repeatable: it only reads),
    // then the close, which finds nothing moved and only writes.
    const prepare: number[] = [];
    let prepared: PreparedClose | undefined;
    for (let i = 0; i < runs; i++) {
      const run = await time(() => prepareDayClose(db, day.id));
      prepare.push(run.ms);
      prepared = run.value;
    }
    // The close's own marks split its time (renderer/db/days.ts CLOSE_STAGES); it clears
    // them when done, so an observer collects them as they are made.
    const marks = new Map<string, number>();
    const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) marks.set(e.name, e.startTime); });
    observer.observe({ entryTypes: ['mark'] });
    const closed = await time(() => closeBusinessDay(db, {
      dayId: day.id, count: EMPTY_CASH_COUNT, managerId: manager.id, marketId: profile.marketId, deviceId: BENCH_DEVICE_ID, now: new Date(), timeZone: profile.timeZone, newId,
      ...(prepared ? { prepared } : {}),
    }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.disconnect();
    if (!closed.value.fromPrepared) throw new Error('The close did not take the fold prepared just before it: something wrote into the day in between.');
    const at = (stage: string) => marks.get(`z-close:${stage}`) ?? Number.NaN;
    const split = CLOSE_STAGES.slice(1).map((stage, i) => `${stage} ${(at(stage) - at(CLOSE_STAGES[i]!)).toFixed(1)} ms`);
    const prep = percentiles(prepare);
    console.log(`bench: Z close of ${daySales} sales, prepared when the dialog opened in p50 ${prep.p50.toFixed(1)} ms; the close ${closed.ms.toFixed(1)} ms: ${split.join(', ')}`);
    const z: number[] = [];
    for (let i = 0; i < runs; i++) {
      z.push((await time(async () => {
        // As the Day page does: the Z from the day's running totals, and the envelope as the
        // close stored it in the outbox (what upload.saveEnvelope writes to a USB stick).
        const { figures } = await dayTotals(db, day.id);
        buildZReport({ store: profile, figures, auditHead: closed.value.day.auditHead, copy: 'duplicate', width: 48 });
        const row = await db.outbox.where('dayId').equals(day.id).first();
        if (!row || row.body.length === 0) throw new Error('The closed day has no upload body in its outbox.');
      })).ms);
    }
    const count = await db.sales.where('businessDate').equals(day.businessDate).filter((s) => s.dayId === day.id).count();
    return { daySales: count, filledMs: Math.round(filled.ms), x: percentiles(x), prepare: percentiles(prepare), close: percentiles([closed.ms]), zAndEnvelope: percentiles(z), envelopeBytes: closed.value.outbox.body.length };
  } finally {
    db.close();
  }
}

export interface ReportFigures { earnings90: Percentiles; gstMonth: Percentiles; gstMonthLines: number }

/** An artisan's earnings over 90 days (her screen's read and sums), and last month's GST export with its two CSVs. */
async function reportFigures(runs: number): Promise<ReportFigures> {
  const db = await openChinarDb();
  try {
    const profile = await getStoreProfile(db);
    const today = calendarDateIn(new Date(), profile.timeZone);
    const artisans = await db.artisans.toArray();
    const earnings: number[] = [];
    for (let i = 0; i < runs; i++) {
      const artisan = artisans[(i * 37) % artisans.length]!;
      earnings.push((await time(() => earningsOfArtisan(db, artisan.id, shiftDay(today, -89), today))).ms);
    }
    const lastMonth = shiftDay(`${today.slice(0, 7)}-01` as BusinessDate, -1).slice(0, 7);
    const gst: number[] = [];
    for (let i = 0; i < Math.max(3, Math.floor(runs / 4)); i++) {
      gst.push((await time(async () => {
        const month = await gstMonthFromStore(db, lastMonth);
        gstB2csCsv(month, placeOfSupply(profile.gstin));
        gstHsnCsv(month);
      })).ms);
    }
    const lines = await db.saleLines.where('[businessDate+artisanId]').between([`${lastMonth}-01`, ''], [`${lastMonth}-31`, '\uffff']).count();
    return { earnings90: percentiles(earnings), gstMonth: percentiles(gst), gstMonthLines: lines };
  } finally {
    db.close();
  }
}

const api = { seedYear, commitFigures, dayFiguresAt, reportFigures };
export type AppPageBench = typeof api;
(globalThis as unknown as { chinarBench: AppPageBench }).chinarBench = api;
