import { IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyAuditLog } from '../../../shared/audit-chain';
import { paise } from '../../../shared/money';
import { settleTenders } from '../../../shared/tender';
import {
  commitSale, dayTotals, DEMO_PINS, findProductByBarcode, openChinarDb, signInWithPin, updateStoreProfile, type ChinarDb,
} from '../../../renderer/db';
import { getStoreProfile, getTaxTable } from '../../../renderer/db/settings';
import { sameData } from '../../../renderer/db/sale-presumption';
import { cartOf, freshStore, NOON_IN_SRINAGAR, sellBarcodes, sellCart, sequentialIds } from './helpers';

/** 30 in the demo catalog: enough for every sale here without a manager's approval. */
const BAUBLES = '2000000000077';
const MANAGER = { id: 'manager-1', name: 'Manager' };

/** The invoice numbers of the store's sales, in order. */
async function soldNumbers(db: ChinarDb): Promise<string[]> {
  return (await db.sales.toArray()).map((s) => s.receiptNo).sort();
}

async function stockOf(db: ChinarDb, barcode: string): Promise<number> {
  return (await findProductByBarcode(db, barcode))!.product.stock;
}

/**
 * Counts, while `run` runs, the store's reads answered before the sale's row went in: 0
 * means the sale wrote in the same round as it read (the presumption was taken).
 */
async function readsAnsweredBeforeTheSaleRow(run: () => Promise<unknown>): Promise<number> {
  let answered = 0;
  let atSaleRow = -1;
  const get = IDBObjectStore.prototype.get;
  const add = IDBObjectStore.prototype.add;
  const spyGet = vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['get']>) {
    const request = get.apply(this, args);
    request.addEventListener('success', () => { answered++; });
    return request;
  });
  const spyAdd = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
    if (this.name === 'sales' && atSaleRow < 0) atSaleRow = answered;
    return add.apply(this, args);
  });
  try {
    await run();
  } finally {
    spyGet.mockRestore();
    spyAdd.mockRestore();
  }
  return atSaleRow;
}

afterEach(() => vi.restoreAllMocks());

describe('sale presumption (a sale writes in the round it reads, checked before it commits)', () => {
  it('writes the next sale in the same round as its reads, and the first one after them', async () => {
    const { db, newId } = await freshStore();
    const operator = (await signInWithPin(db, DEMO_PINS.operator))!;
    const saleOf = async () => {
      const cart = await cartOf(db, BAUBLES);
      const settled = settleTenders(cart.items[0]!.unitPrice, [{ method: 'cash', tendered: cart.items[0]!.unitPrice }]);
      if (!settled.ok) throw new Error(settled.reason);
      return () => commitSale(db, { cart, payments: settled.payments, operator, roundOff: paise(0), deviceId: 'demo-market/K01', now: NOON_IN_SRINAGAR, newId });
    };
    expect(await readsAnsweredBeforeTheSaleRow(await saleOf())).toBeGreaterThan(0);
    expect(await readsAnsweredBeforeTheSaleRow(await saleOf())).toBe(0);
    expect(await soldNumbers(db)).toEqual(['K01/2627/000001', 'K01/2627/000002']);
  });

  it('never issues a number twice nor breaks the chain when two connections sell in turn and at once', async () => {
    const { db, factory, newId } = await freshStore();
    const other = await openChinarDb('test', { indexedDB: factory, IDBKeyRange });
    const otherIds = sequentialIds('tab2');
    try {
      // In turn: each connection's memory of the last sale is wrong every time.
      for (let i = 0; i < 3; i++) {
        await sellBarcodes(db, [BAUBLES], { newId });
        await sellBarcodes(other, [BAUBLES], { newId: otherIds });
      }
      // At once: the two transactions queue on the store; the second sees the first's rows.
      const [cartA, cartB] = [await cartOf(db, BAUBLES), await cartOf(other, BAUBLES)];
      await Promise.all([sellCart(db, cartA, { newId }), sellCart(other, cartB, { newId: otherIds })]);

      expect(await soldNumbers(db)).toEqual(Array.from({ length: 8 }, (_, i) => `K01/2627/${String(i + 1).padStart(6, '0')}`));
      expect(verifyAuditLog(await db.audit.orderBy('seq').toArray())).toMatchObject({ status: 'intact' });
      expect(await stockOf(db, BAUBLES)).toBe(30 - 8);
      const day = (await db.businessDays.where('status').equals('open').first())!;
      expect((await dayTotals(db, day.id)).figures.saleCount).toBe(8);
      expect((await db.journalQueue.toArray()).filter((r) => r.kind === 'sale')).toHaveLength(8);
    } finally {
      other.close();
    }
  });

  it('takes a stock count changed since the last sale and the scan, even by a write that leaves no audit entry', async () => {
    const { db, newId } = await freshStore();
    await sellBarcodes(db, [BAUBLES], { newId });
    const cart = await cartOf(db, BAUBLES);
    await db.products.update(cart.items[0]!.productId, { stock: 5 });
    await sellCart(db, cart, { newId });
    expect(await stockOf(db, BAUBLES)).toBe(4);
  });

  it('taxes the next sale by a tax table changed since the last sale', async () => {
    const { db, newId } = await freshStore();
    await sellBarcodes(db, [BAUBLES], { newId });
    const cart = await cartOf(db, BAUBLES);
    expect((await getTaxTable(db)).length).toBeGreaterThan(1);
    await db.settings.put({ key: 'taxTable', value: [{ id: 'all', hsnPrefix: '', handmade: null, label: 'All', slabs: [{ upToPaise: null, rateBps: 1200 }] }] });
    const sold = await sellCart(db, cart, { newId });
    expect(sold.lines[0]!.taxRateBps).toBe(1200);
  });

  it('numbers the next sale in a series changed since the last sale', async () => {
    const { db, newId } = await freshStore();
    await sellBarcodes(db, [BAUBLES], { newId });
    const cart = await cartOf(db, BAUBLES);
    await updateStoreProfile(db, { ...(await getStoreProfile(db)), invoiceSeries: 'K02' }, { actor: MANAGER, now: NOON_IN_SRINAGAR });
    const sold = await sellCart(db, cart, { newId });
    expect(sold.sale.receiptNo).toBe('K02/2627/000001');
    expect(sold.sale.issuer?.name).toBe((await getStoreProfile(db)).name);
  });

  it('refuses on the store as it is, not as the last sale left it: a product taken out of the catalog', async () => {
    const { db, newId } = await freshStore();
    await sellBarcodes(db, [BAUBLES], { newId });
    const cart = await cartOf(db, BAUBLES);
    await db.products.delete(cart.items[0]!.productId);
    const before = { audit: await db.audit.count(), sales: await db.sales.count() };
    await expect(sellCart(db, cart, { newId })).rejects.toThrow('is no longer in the catalog');
    expect({ audit: await db.audit.count(), sales: await db.sales.count() }).toEqual(before);
  });
});

describe('sameData', () => {
  it('compares stored rows deeply, an undefined property as an absent one', () => {
    expect(sameData({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameData({ a: 1, reference: undefined }, { a: 1 })).toBe(true);
    expect(sameData({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameData([1, 2], [1, 2, 3])).toBe(false);
    expect(sameData({ a: [1] }, { a: { 0: 1 } })).toBe(false);
    expect(sameData({ tally: { artisans: { x: 5 } } }, { tally: { artisans: { x: 6 } } })).toBe(false);
  });
});
