import { describe, expect, it } from 'vitest';
import { EMPTY_CASH_COUNT } from '../../shared/cash-count';
import { buildEnvelope, serializeEnvelope } from '../../shared/envelope';
import { checkAuditChain, closeBusinessDay, dayReport, DEMO_PINS, findProductByBarcode, signInWithPin } from '../../renderer/db';
import { dayTallyFromRows } from '../../shared/day-report';
import { JOURNAL_KIND_PATTERN, JournalRecordInputSchema, rowsToRestore } from '../../shared/journal';
import type { BusinessDate } from '../../shared/time';
import { dayRows } from '../../renderer/db/day-summary';
import {
  fillOpenDay, seedYearStore, writeYearRecords, yearBaseOf, yearProductBarcode, yearRecords, type YearOptions, type YearRecord,
} from '../fixtures/year-store';
import { cartOf, freshStore, NOON_IN_SRINAGAR, sellCart } from '../renderer/db/helpers';

const SMALL_YEAR = { products: 400, artisans: 25, sales: 600, closedDays: 12 };

async function seededYear() {
  const store = await freshStore({ openDay: false });
  const seeded = await seedYearStore(store.db, { ...SMALL_YEAR, now: NOON_IN_SRINAGAR, deviceId: 'demo-market/K01' });
  return { ...store, seeded };
}

const keysOf = (row: object) => Object.keys(row).sort();

describe('the year store (tests/fixtures/year-store.ts)', () => {
  it('writes the catalog, the sales and closed days it was asked for, and leaves today open', async () => {
    const { db, seeded } = await seededYear();
    expect(seeded).toMatchObject({ products: 400, artisans: 25, sales: 600, closedDays: 12 });
    expect(await db.products.count()).toBe(400);
    expect(await db.artisans.count()).toBe(25);
    expect(await db.sales.count()).toBe(600);
    expect(await db.saleLines.count()).toBe(seeded.lines);
    expect(seeded.lines / seeded.sales).toBeGreaterThan(2);
    expect(await db.businessDays.where('status').equals('closed').count()).toBe(12);
    expect((await db.businessDays.get(seeded.openDayId!))?.status).toBe('open');
    expect(await db.receiptPrints.count()).toBe(600);
    expect(await db.journalQueue.filter((r) => r.kind === 'sale').count()).toBe(0);
    // The demo's products and the seeded ones, numbered from 0.
    const last = seeded.yearProducts - 1;
    expect(seeded.yearProducts).toBeGreaterThan(350);
    expect((await findProductByBarcode(db, yearProductBarcode(last)))?.product.sku).toBe(`YR-${last}`);
    expect(await findProductByBarcode(db, yearProductBarcode(last + 1))).toBeNull();
  });

  it('closes each day as closeBusinessDay would: the Z figures and the upload body are what the store reads back', async () => {
    const { db } = await seededYear();
    const closed = await db.businessDays.orderBy('zNumber').toArray();
    expect(closed.map((d) => d.status === 'closed' && d.zNumber)).toEqual([...Array(12).keys()].map((i) => i + 1));
    for (const day of closed) {
      if (day.status !== 'closed') throw new Error('not closed');
      const { figures } = await dayReport(db, day.id);
      expect(figures.grandTotal).toBe(day.grandTotal);
      expect(day.overShort).toBe(0);
      const outbox = (await db.outbox.where('dayId').equals(day.id).first())!;
      expect(outbox.body).toBe(serializeEnvelope(buildEnvelope(figures, { deviceId: day.deviceId, marketId: 'demo-market' })));
      expect(outbox.state.status).toBe('delivered');
    }
    expect(await checkAuditChain(db)).toMatchObject({ status: 'intact' });
  });

  it('takes the sold pieces off the shelf and pays the artisans by bank each month', async () => {
    const { db, seeded } = await seededYear();
    const sold = new Map<string, number>();
    await db.saleLines.each((l) => sold.set(l.productId, (sold.get(l.productId) ?? 0) + l.qty));
    for (const p of await db.products.where('sku').startsWith('YR-').toArray()) expect(p.stock).toBe(1000 - (sold.get(p.id) ?? 0));
    expect(await db.payouts.count()).toBe(seeded.payouts);
    expect((await db.payouts.toArray()).every((p) => p.method === 'bank' && p.amount > 0)).toBe(true);
  });

  it('writes rows shaped like commitSale\'s, and the counter goes on selling and closing after the history', async () => {
    const { db, newId } = await seededYear();
    const seededSale = (await db.sales.limit(1).first())!;
    const real = await sellCart(db, await cartOf(db, yearProductBarcode(1), yearProductBarcode(2)), { newId, now: NOON_IN_SRINAGAR });
    expect(keysOf(seededSale)).toEqual(keysOf(real.sale));
    expect(keysOf(seededSale.issuer!)).toEqual(keysOf(real.sale.issuer!));
    const seededLine = (await db.saleLines.where('saleId').equals(seededSale.id).first())!;
    expect(keysOf(seededLine)).toEqual(keysOf(real.lines[0]!));
    const seededPayment = (await db.payments.where('saleId').equals(seededSale.id).first())!;
    expect(keysOf(seededPayment)).toEqual(keysOf(real.payments[0]!));
    // The invoice counter went on from the history (600 sales, all in this financial year).
    expect(real.sale.receiptNo).toMatch(/\/000601$/);

    expect(await fillOpenDay(db, { total: 40, now: NOON_IN_SRINAGAR, deviceId: 'demo-market/K01' })).toBe(39);
    const open = (await db.businessDays.where('status').equals('open').first())!;
    expect((await dayReport(db, open.id)).figures).toMatchObject({ zNumber: 13 });
    const manager = (await signInWithPin(db, DEMO_PINS.manager))!;
    const closed = await closeBusinessDay(db, {
      dayId: open.id, count: EMPTY_CASH_COUNT, managerId: manager.id, marketId: 'demo-market', deviceId: 'demo-market/K01', now: NOON_IN_SRINAGAR, timeZone: 'Asia/Kolkata', newId,
    });
    expect(closed.day.zNumber).toBe(13);
    expect(await db.sales.filter((sale) => sale.dayId === open.id).count()).toBe(40);
    expect(await checkAuditChain(db)).toMatchObject({ status: 'intact' });
  });
});

describe('the year\'s journal records (yearRecords, writeYearRecords)', () => {
  const OPTIONS: YearOptions = { products: 300, artisans: 12, sales: 240, closedDays: 30, today: '2026-03-02' as BusinessDate, seed: 5 };

  async function baseAndRecords(options: YearOptions = OPTIONS) {
    const store = await freshStore({ openDay: false });
    const base = await yearBaseOf(store.db, 'demo-market/K01');
    return { ...store, base, records: [...yearRecords(base, options)] };
  }

  it('makes the same records from the same base and seed, byte for byte, and others from another seed', async () => {
    const { base, records } = await baseAndRecords();
    expect(JSON.stringify([...yearRecords(base, OPTIONS)])).toBe(JSON.stringify(records));
    expect(JSON.stringify([...yearRecords(base, { ...OPTIONS, seed: 6 })])).not.toBe(JSON.stringify(records));
  });

  it('makes records the host\'s journal accepts, of the kinds the app writes, with every id unique', async () => {
    const { records } = await baseAndRecords();
    const kinds = new Set(records.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['catalog', 'day-close', 'day-open', 'payout', 'receipt', 'sale', 'upload']);
    for (const record of records) {
      expect(record.kind).toMatch(JOURNAL_KIND_PATTERN);
      const { derived: _derived, ...input } = record;
      expect(JournalRecordInputSchema.safeParse(input).success, `${record.kind} ${record.id}`).toBe(true);
    }
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    const rowIds = records.flatMap((r) => [...(r.data.sales ?? []), ...(r.data.saleLines ?? []), ...(r.data.payments ?? [])].map((row) => row.id));
    expect(new Set(rowIds).size).toBe(rowIds.length);
    // Each sale is followed by its original receipt; each close by its upload delivered.
    expect(records.filter((r) => r.kind === 'receipt').length).toBe(OPTIONS.sales);
    expect(records.filter((r) => r.kind === 'upload').map((r) => (r.data.outbox![0]!.state as { status: string }).status)).toEqual(Array(30).fill('delivered'));
    expect(records.filter((r) => r.kind === 'day-close').map((r) => (r.data.outbox![0]!.state as { status: string }).status)).toEqual(Array(30).fill('queued'));
  });

  it('writes the store a replay of the records would leave, with each closed day\'s summary as the app sums its rows, and moves the journal head', async () => {
    const { db, records } = await baseAndRecords();
    const progress: number[] = [];
    const written = await writeYearRecords(db, records[Symbol.iterator](), { head: { seq: records.length, hash: 'a'.repeat(64) }, onProgress: (p) => progress.push(p.records) });
    expect(written.records).toBe(records.length);
    expect(progress.at(-1)).toBe(records.length);
    const fold = rowsToRestore(records.map((r, i) => ({ seq: i + 1, data: r.data })));
    for (const [table, rows] of Object.entries(fold)) {
      const key = table === 'audit' ? 'seq' : table === 'counters' ? 'key' : 'id';
      const stored = new Map((await db.table(table).toArray()).map((row: Record<string, string | number>) => [row[key], row]));
      for (const row of rows) expect(stored.get(row[key] as string), `${table} ${String(row[key])}`).toEqual(row);
    }
    const closed = (await db.businessDays.toArray()).filter((d) => d.status === 'closed');
    expect(closed.length).toBe(30);
    for (const day of closed) {
      const summary = await db.daySummaries.get(day.id);
      expect(summary?.status).toBe('closed');
      expect(summary?.tally).toEqual(dayTallyFromRows(await dayRows(db, day)));
    }
    expect(await db.settings.get('journalHead')).toEqual({ key: 'journalHead', value: { seq: records.length, hash: 'a'.repeat(64) } });
    expect(await checkAuditChain(db)).toMatchObject({ status: 'intact' });
  });

  it('says which records it was writing when the store refuses them, and keeps none of that transaction', async () => {
    const { db, records } = await baseAndRecords();
    const bad: YearRecord = { id: 'bad', kind: 'sale', at: '2026-03-01T10:00:00+05:30', data: { sales: [{ id: 'bad-sale', cannotBeCloned: () => 1 }] } };
    const withBad = [...records.slice(0, 40), bad, ...records.slice(40)];
    await expect(writeYearRecords(db, withBad[Symbol.iterator]())).rejects.toThrow(
      /^Writing the year into the store failed at records 1–\d+ \(up to \w[\w-]* at 20\d\d-[^)]*\): DataCloneError: .*Free some space and seed again\.$/s,
    );
    expect(await db.sales.count()).toBe(0);
    expect(await db.saleLines.count()).toBe(0);
    db.close();
    await expect(writeYearRecords(db, records[Symbol.iterator]())).rejects.toThrow('The store is not open: open it (openSeedingDb) before writing the year into it.');
  });

  it('fills the open day with its running summary kept as commitSale keeps it', async () => {
    const { db } = await seededYear();
    await fillOpenDay(db, { total: 25, now: NOON_IN_SRINAGAR, deviceId: 'demo-market/K01' });
    const open = (await db.businessDays.where('status').equals('open').first())!;
    expect((await db.daySummaries.get(open.id))?.tally).toEqual(dayTallyFromRows(await dayRows(db, open)));
    expect(await db.receiptPrints.count()).toBe(625);
  });
});
