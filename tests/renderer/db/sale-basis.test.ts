import { IDBKeyRange, type IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyAuditLog } from '../../../shared/audit-chain';
import { dayTallyFromRows } from '../../../shared/day-report';
import { findProductByBarcode, openChinarDb, recordCashMovement, recordReprint, signInWithPin, DEMO_PINS, SaleNotRecordedError, type ChinarDb } from '../../../renderer/db';
import { dayRows } from '../../../renderer/db/day-summary';
import { DISK_FULL_MESSAGE } from '../../../renderer/db/storage';
import { cartOf, freshStore, NOON_IN_SRINAGAR, sellBarcodes, sellCart, sequentialIds } from './helpers';

/**
 * commitSale builds a connection's next sale on what its last sale left (the open day, its
 * tally, the audit log's last entry, the counters) and checks that basis in the sale's own
 * transaction. These are the ways that basis could be out of date, each of which must end
 * in the same store as selling without it would.
 */

/** 30 in the demo catalog: enough for every sale here without a manager's approval. */
const BAUBLES = '2000000000077';

const receiptNo = (n: number) => `K01/2627/${String(n).padStart(6, '0')}`;

async function openDayOf(db: ChinarDb) {
  return (await db.businessDays.where('status').equals('open').first())!;
}

/** The store's running summary of the open day equals the sum of the day's rows, and the audit chain holds. */
async function expectStoreConsistent(db: ChinarDb) {
  const day = await openDayOf(db);
  expect((await db.daySummaries.get(day.id))?.tally).toEqual(dayTallyFromRows(await dayRows(db, day)));
  expect(verifyAuditLog(await db.audit.orderBy('seq').toArray())).toMatchObject({ status: 'intact' });
}

const opened: ChinarDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  vi.restoreAllMocks();
});

async function secondTab(factory: IDBFactory): Promise<ChinarDb> {
  const db = await openChinarDb('test', { indexedDB: factory, IDBKeyRange });
  opened.push(db);
  return db;
}

describe('commitSale on the basis of the connection\'s last sale', () => {
  it('does not read the open day, its summaries or the counters again for the next sale on the same connection', async () => {
    const { db, newId } = await freshStore();
    const dayReads = vi.spyOn(db.businessDays, 'where');
    const counterReads = vi.spyOn(db.counters, 'toArray');
    await sellBarcodes(db, [BAUBLES], { newId });
    expect(dayReads).toHaveBeenCalledTimes(1);
    expect(counterReads).toHaveBeenCalledTimes(1);
    const second = await sellBarcodes(db, [BAUBLES, BAUBLES], { newId });
    expect(dayReads).toHaveBeenCalledTimes(1);
    expect(counterReads).toHaveBeenCalledTimes(1);
    expect(second.sale.receiptNo).toBe(receiptNo(2));
    expect((await findProductByBarcode(db, BAUBLES))!.product.stock).toBe(30 - 3);
    expect((await db.journalQueue.toArray()).filter((r) => r.kind === 'sale')).toHaveLength(2);
    await expectStoreConsistent(db);
  });

  it('takes the next number after another tab\'s sale, and the tally after its paid-out and reprint', async () => {
    const { db, factory, newId } = await freshStore();
    const other = await secondTab(factory);
    const otherIds = sequentialIds('tab2');
    const manager = (await signInWithPin(other, DEMO_PINS.manager))!;
    const first = await sellBarcodes(db, [BAUBLES], { newId });
    await sellBarcodes(other, [BAUBLES], { newId: otherIds });
    expect((await sellBarcodes(db, [BAUBLES], { newId })).sale.receiptNo).toBe(receiptNo(3));
    await recordCashMovement(other, { dayId: first.sale.dayId!, kind: 'paid-out', amount: 5_000, reason: 'porter', by: manager.id, approvedBy: manager.id, now: NOON_IN_SRINAGAR, timeZone: 'Asia/Kolkata', newId: otherIds });
    expect((await sellBarcodes(db, [BAUBLES], { newId })).sale.receiptNo).toBe(receiptNo(4));
    await recordReprint(other, first.sale, manager.id, NOON_IN_SRINAGAR, 'Asia/Kolkata');
    expect((await sellBarcodes(db, [BAUBLES], { newId })).sale.receiptNo).toBe(receiptNo(5));
    expect((await db.sales.toArray()).map((s) => s.receiptNo).sort()).toEqual([1, 2, 3, 4, 5].map(receiptNo));
    expect((await findProductByBarcode(db, BAUBLES))!.product.stock).toBe(30 - 5);
    await expectStoreConsistent(db);
  });

  it('never gives one number twice when two tabs, each on its own basis, sell at the same moment', async () => {
    const { db, factory, newId } = await freshStore();
    const other = await secondTab(factory);
    const otherIds = sequentialIds('tab2');
    // Each tab has a basis of its own before they race.
    await sellBarcodes(db, [BAUBLES], { newId });
    await sellBarcodes(other, [BAUBLES], { newId: otherIds });
    for (let round = 0; round < 3; round++) {
      const [a, b, c] = [await cartOf(db, BAUBLES), await cartOf(other, BAUBLES), await cartOf(db, BAUBLES)];
      await Promise.all([sellCart(db, a, { newId }), sellCart(other, b, { newId: otherIds }), sellCart(db, c, { newId })]);
    }
    expect((await db.sales.toArray()).map((s) => s.receiptNo).sort()).toEqual(Array.from({ length: 11 }, (_, i) => receiptNo(i + 1)));
    expect((await db.counters.get('invoice:K01/2627'))?.value).toBe(11);
    expect((await findProductByBarcode(db, BAUBLES))!.product.stock).toBe(30 - 11);
    await expectStoreConsistent(db);
  });

  it('leaves no basis ahead of the store when a sale is refused after its basis was checked', async () => {
    const { db, newId } = await freshStore();
    await sellBarcodes(db, [BAUBLES], { newId });
    const cart = await cartOf(db, BAUBLES, '2000000000022');
    // The second piece leaves the catalog between the scan and the payment (no audit entry: the basis still holds).
    await db.products.delete(cart.items[1]!.productId);
    await expect(sellCart(db, cart, { newId })).rejects.toThrow(/no longer in the catalog/);
    expect(await db.sales.count()).toBe(1);
    expect((await db.counters.get('invoice:K01/2627'))?.value).toBe(1);
    expect((await sellBarcodes(db, [BAUBLES], { newId })).sale.receiptNo).toBe(receiptNo(2));
    await expectStoreConsistent(db);
  });

  it('leaves no basis ahead of the store when the store refuses the sale\'s writes (the transaction aborts)', async () => {
    const { db, newId } = await freshStore();
    const first = await sellBarcodes(db, [BAUBLES], { newId });
    const summaryBefore = await db.daySummaries.get(first.sale.dayId!);
    const auditBefore = await db.audit.count();
    // Every id the same as the first sale's: the store refuses the second sale's rows.
    const error = await sellBarcodes(db, [BAUBLES], { newId: () => first.sale.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SaleNotRecordedError);
    expect(await db.sales.count()).toBe(1);
    expect(await db.audit.count()).toBe(auditBefore);
    expect((await db.counters.get('invoice:K01/2627'))?.value).toBe(1);
    expect(await db.daySummaries.get(first.sale.dayId!)).toEqual(summaryBefore);
    expect((await findProductByBarcode(db, BAUBLES))!.product.stock).toBe(30 - 1);
    const next = await sellBarcodes(db, [BAUBLES], { newId });
    expect(next.sale.receiptNo).toBe(receiptNo(2));
    const audit = await db.audit.orderBy('seq').toArray();
    expect(audit.filter((e) => e.action === 'sale.commit').map((e) => e.detail.receiptNo)).toEqual([receiptNo(1), receiptNo(2)]);
    await expectStoreConsistent(db);
  });

  it('says the disk is full when the store refuses a sale on a checked basis, writes none of it, and numbers the next one on', async () => {
    const { db, newId } = await freshStore();
    await sellBarcodes(db, [BAUBLES], { newId });
    const [sales, audit, queued] = [await db.sales.count(), await db.audit.count(), await db.journalQueue.count()];
    // The journal record is the last write, after the basis was checked: the store is full by then.
    vi.spyOn(db.journalQueue, 'bulkAdd').mockRejectedValueOnce(new DOMException('The disk is full.', 'QuotaExceededError'));
    await expect(sellBarcodes(db, [BAUBLES], { newId })).rejects.toThrow(DISK_FULL_MESSAGE);
    expect([await db.sales.count(), await db.audit.count(), await db.journalQueue.count()]).toEqual([sales, audit, queued]);
    expect((await db.counters.get('invoice:K01/2627'))?.value).toBe(1);
    expect((await findProductByBarcode(db, BAUBLES))!.product.stock).toBe(30 - 1);
    expect((await sellBarcodes(db, [BAUBLES], { newId })).sale.receiptNo).toBe(receiptNo(2));
    await expectStoreConsistent(db);
  });
});
