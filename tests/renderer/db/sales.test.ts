import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  commitSale, DEMO_PINS, DISK_FULL_MESSAGE, findProductByBarcode, findSaleByReceiptNo, openChinarDb, peekNextReceiptNo,
  SaleNotRecordedError, searchProducts, seedDemoIfEmpty, signInWithPin, openDay, closeBusinessDay,
} from '../../../renderer/db';
import { EMPTY_CASH_COUNT } from '../../../shared/cash-count';
import { setDiscount, type Cart } from '../../../shared/cart';
import { verifyAuditChain } from '../../../shared/hash';
import { settleTenders } from '../../../shared/tender';
import type { Paise } from '../../../shared/money';
import { cartOf, fillDiskAtAudit, freshStore, NOON_IN_SRINAGAR, openTestDay, sellCart } from './helpers';

describe('demo market', () => {
  it('is seeded once on an empty store and signs in with the demo PINs', async () => {
    const { db, newId } = await freshStore();
    expect(await seedDemoIfEmpty(db, { now: NOON_IN_SRINAGAR, newId })).toBe(false);
    expect((await signInWithPin(db, DEMO_PINS.operator))?.role).toBe('operator');
    expect((await signInWithPin(db, DEMO_PINS.manager))?.role).toBe('manager');
    expect(await signInWithPin(db, '0000')).toBeNull();
    expect(await signInWithPin(db, '11')).toBeNull();
  });
});

describe('catalog lookups', () => {
  it('finds a product and its artisan by barcode, and nothing for an unknown code', async () => {
    const { db } = await freshStore();
    const found = await findProductByBarcode(db, '2000000000015');
    expect(found?.product.sku).toBe('DEMO-PSH-1');
    expect(found?.artisan.name).toBe('Haleema Akhter');
    expect(await findProductByBarcode(db, '2999999999999')).toBeNull();
  });

  it('finds a UPC-A product whichever way the scanner spells it', async () => {
    const { db } = await freshStore();
    const { product } = (await findProductByBarcode(db, '2000000000022'))!;
    await db.products.update(product.id, { barcode: '036000291452' });
    expect((await findProductByBarcode(db, '0036000291452'))?.product.id).toBe(product.id);
    expect((await findProductByBarcode(db, '036000291452'))?.product.id).toBe(product.id);
  });

  it('searches by word prefixes of the name and by SKU', async () => {
    const { db } = await freshStore();
    expect((await searchProducts(db, 'pash sto')).map((r) => r.product.sku)).toEqual(['DEMO-PSH-2']);
    expect((await searchProducts(db, 'demo-wal-1')).map((r) => r.product.sku)).toEqual(['DEMO-WAL-1']);
    expect((await searchProducts(db, 'PAPIER')).length).toBe(2);
    expect(await searchProducts(db, '   ')).toEqual([]);
  });
});

describe('commitSale', () => {
  it('writes sale, lines, payments, stock, invoice number and audit entry together', async () => {
    const { db, newId } = await freshStore();
    const cart = await cartOf(db, '2000000000015', '2000000000077', '2000000000077');
    expect(await peekNextReceiptNo(db, NOON_IN_SRINAGAR)).toBe('K01/2627/000001');
    const { sale, lines, payments } = await sellCart(db, cart, { newId });

    expect(sale.receiptNo).toBe('K01/2627/000001');
    expect(sale.businessDate).toBe('2026-11-22');
    expect(sale.total).toBe(1_250_000 + 2 * 85_000);
    expect(lines.map((l) => [l.sku, l.qty])).toEqual([['DEMO-PSH-1', 1], ['DEMO-PAP-1', 2]]);
    expect(lines.reduce((s, l) => s + l.gross, 0)).toBe(sale.total);
    expect(lines.reduce((s, l) => s + l.tax + l.commission + l.artisanNet, 0)).toBe(sale.total);
    expect(payments.reduce((s, p) => s + p.amount, 0)).toBe(sale.total);

    const stored = await findSaleByReceiptNo(db, 'K01/2627/000001');
    expect(stored).toEqual({ sale, lines, payments });
    expect((await findProductByBarcode(db, '2000000000077'))!.product.stock).toBe(28);
    const day = (await openDay(db))!;
    expect(sale.dayId).toBe(day.id);
    expect(lines.every((l) => l.dayId === day.id) && payments.every((p) => p.dayId === day.id)).toBe(true);
    const audit = await db.audit.orderBy('seq').toArray();
    expect(audit.map((a) => a.action)).toEqual(['store.seed-demo', 'day.open', 'sale.commit']);
    expect(verifyAuditChain(audit)).toBe(-1);
  });

  it('records discounts and the manager who approved them in the audit chain', async () => {
    const { db, newId } = await freshStore();
    const operator = (await signInWithPin(db, DEMO_PINS.operator))!;
    const manager = (await signInWithPin(db, DEMO_PINS.manager))!;
    const cart = setDiscount(await cartOf(db, '2000000000015'), (await cartOf(db, '2000000000015')).items[0]!.productId, 250_000 as Paise);
    const settled = settleTenders(1_000_000 as Paise, [{ method: 'cash', tendered: 1_000_000 as Paise }]);
    if (!settled.ok) throw new Error('settle');
    const { sale, lines } = await commitSale(db, {
      cart, payments: settled.payments, operator, roundOff: 0 as Paise, deviceId: 'd/K01', now: NOON_IN_SRINAGAR, newId,
      discountApprovals: [{ productId: cart.items[0]!.productId, managerId: manager.id }],
    });
    expect(sale).toMatchObject({ total: 1_000_000, discount: 250_000 });
    expect(lines[0]).toMatchObject({ unitPrice: 1_250_000, discount: 250_000, gross: 1_000_000 });
    expect((await db.audit.orderBy('seq').last())?.detail).toMatchObject({ discount: 250_000, discountApprovals: [{ managerId: manager.id }] });
  });

  it('refuses a discount above the limit without an active manager’s approval', async () => {
    const { db, newId } = await freshStore();
    const operator = (await signInWithPin(db, DEMO_PINS.operator))!;
    const base = await cartOf(db, '2000000000015');
    const cart = setDiscount(base, base.items[0]!.productId, 250_000 as Paise); // 20% > the demo's 10%
    const settled = settleTenders(1_000_000 as Paise, [{ method: 'cash', tendered: 1_000_000 as Paise }]);
    if (!settled.ok) throw new Error('settle');
    const attempt = (discountApprovals: { productId: string; managerId: string }[]) => commitSale(db, {
      cart, payments: settled.payments, operator, roundOff: 0 as Paise, deviceId: 'd/K01', now: NOON_IN_SRINAGAR, newId, discountApprovals,
    });
    await expect(attempt([])).rejects.toThrow(/needs a manager's approval/);
    await expect(attempt([{ productId: cart.items[0]!.productId, managerId: operator.id }])).rejects.toThrow(/needs a manager's approval/);
    expect(await db.sales.count()).toBe(0);
    const within = setDiscount(base, base.items[0]!.productId, 125_000 as Paise); // exactly 10%
    const s2 = settleTenders(1_125_000 as Paise, [{ method: 'cash', tendered: 1_125_000 as Paise }]);
    if (!s2.ok) throw new Error('settle');
    await expect(commitSale(db, { cart: within, payments: s2.payments, operator, roundOff: 0 as Paise, deviceId: 'd/K01', now: NOON_IN_SRINAGAR, newId })).resolves.toBeTruthy();
  });

  it('numbers invoices consecutively without gaps', async () => {
    const { db, newId } = await freshStore();
    const numbers = [];
    for (let i = 0; i < 3; i++) numbers.push((await sellCart(db, await cartOf(db, '2000000000046'), { newId })).sale.receiptNo);
    expect(numbers).toEqual(['K01/2627/000001', 'K01/2627/000002', 'K01/2627/000003']);
  });

  it('starts a new series on 1 April', async () => {
    const { db, newId } = await freshStore({ openDay: false });
    const march = await openTestDay(db, newId, new Date('2027-03-31T10:00:00Z'));
    await sellCart(db, await cartOf(db, '2000000000046'), { newId, now: new Date('2027-03-31T10:00:00Z') });
    await closeBusinessDay(db, {
      dayId: march.id, count: EMPTY_CASH_COUNT, managerId: march.openedBy, marketId: 'demo-market', deviceId: 'demo-market/K01',
      now: new Date('2027-03-31T12:00:00Z'), timeZone: 'Asia/Kolkata', newId,
    });
    await openTestDay(db, newId, new Date('2027-04-01T04:00:00Z'));
    const april = await sellCart(db, await cartOf(db, '2000000000046'), { newId, now: new Date('2027-04-01T04:00:00Z') });
    expect(april.sale.receiptNo).toBe('K01/2728/000001');
  });

  it('writes nothing at all when any part fails', async () => {
    const { db, newId } = await freshStore();
    const cart = await cartOf(db, '2000000000015', '2000000000022');
    await db.products.delete(cart.items[1]!.productId);
    const before = { audit: await db.audit.count(), counters: await db.counters.count(), stock: (await findProductByBarcode(db, '2000000000015'))!.product.stock };

    await expect(sellCart(db, cart, { newId })).rejects.toThrow(SaleNotRecordedError);
    expect(await db.sales.count()).toBe(0);
    expect(await db.saleLines.count()).toBe(0);
    expect(await db.payments.count()).toBe(0);
    expect(await db.businessDays.count()).toBe(1);
    expect(await db.audit.count()).toBe(before.audit);
    expect(await db.counters.count()).toBe(before.counters);
    expect((await findProductByBarcode(db, '2000000000015'))!.product.stock).toBe(before.stock);
  });

  it('refuses a sale the disk has no room for: NOT recorded, none of it written, and it sells once there is room', async () => {
    const { db, newId } = await freshStore();
    const cart = await cartOf(db, '2000000000015', '2000000000022');
    const snapshot = async () => ({
      sales: await db.sales.count(), lines: await db.saleLines.count(), payments: await db.payments.count(),
      audit: await db.audit.count(), counters: await db.counters.toArray(), queued: await db.journalQueue.count(),
      stock: (await db.products.bulkGet(cart.items.map((i) => i.productId))).map((p) => p!.stock),
    });
    const before = await snapshot();
    // The browser refuses the audit entry, the sale's last write, when the other rows are
    // already in the transaction: IndexedDB's own QuotaExceededError, as a full disk gives.
    const disk = fillDiskAtAudit();
    try {
      const refused = await sellCart(db, cart, { newId }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(SaleNotRecordedError);
      expect((refused as Error).message).toBe(DISK_FULL_MESSAGE);
      expect(await snapshot()).toEqual(before);
      disk.free();
      const sold = await sellCart(db, cart, { newId });
      // The refused sale used no invoice number.
      expect(sold.sale.receiptNo).toBe('K01/2627/000001');
      expect(await db.sales.count()).toBe(1);
      expect(await db.journalQueue.count()).toBe(before.queued + 1);
    } finally {
      disk.restore();
    }
  });

  it('refuses payments that do not add up to the total', async () => {
    const { db, newId } = await freshStore();
    const operator = (await signInWithPin(db, DEMO_PINS.operator))!;
    const cart = await cartOf(db, '2000000000015');
    await expect(commitSale(db, {
      cart, operator, roundOff: 0 as Paise, deviceId: 'd/K01', now: NOON_IN_SRINAGAR, newId,
      payments: [{ method: 'cash', amount: 100 as Paise, tendered: 100 as Paise, change: 0 as Paise, reference: null }],
    })).rejects.toThrow(/Payments add up/);
    expect(await db.sales.count()).toBe(0);
  });

  it('refuses cash of ₹2,00,000 or more in one sale (Income-tax Act s.269ST), and writes nothing', async () => {
    const { db, newId } = await freshStore();
    const operator = (await signInWithPin(db, DEMO_PINS.operator))!;
    const cart = await cartOf(db, '2000000000091', '2000000000039'); // ₹1,85,000 carpet + ₹24,000 shawl
    // The pay screen would not offer this (settleTenders refuses it); the store refuses it too.
    const cash = { method: 'cash' as const, amount: 20_900_000 as Paise, tendered: 20_900_000 as Paise, change: 0 as Paise, reference: null };
    await expect(commitSale(db, { cart, payments: [cash], operator, roundOff: 0 as Paise, deviceId: 'd/K01', now: NOON_IN_SRINAGAR, newId }))
      .rejects.toThrow(/269ST/);
    expect(await db.sales.count()).toBe(0);
  });

  it('sells past the stock count within the store\'s limit, and further only with a manager\'s approval', async () => {
    const { db, newId } = await freshStore();
    const manager = (await signInWithPin(db, DEMO_PINS.manager))!;
    const operator = (await signInWithPin(db, DEMO_PINS.operator))!;
    const [carpet] = (await cartOf(db, '2000000000046')).items; // Sozni cushion cover, 12 in stock, ₹1,850
    const sellQty = (qty: number, stockApprovals?: { productId: string; managerId: string }[]) => {
      const cart: Cart = { items: [{ ...carpet!, qty }] };
      const total = (carpet!.unitPrice * qty) as Paise;
      const settled = settleTenders(total, [{ method: 'cash', tendered: total }]);
      if (!settled.ok) throw new Error('settle failed');
      return commitSale(db, { cart, payments: settled.payments, operator, roundOff: 0 as Paise, deviceId: 'd/K01', now: NOON_IN_SRINAGAR, newId, ...(stockApprovals ? { stockApprovals } : {}) });
    };
    await sellQty(14); // 2 beyond the count of 12: the limit is 2
    expect((await findProductByBarcode(db, '2000000000046'))!.product.stock).toBe(-2);
    await expect(sellQty(3)).rejects.toThrow(/beyond the stock count and needs a manager/);
    await expect(sellQty(3, [{ productId: carpet!.productId, managerId: operator.id }])).rejects.toThrow(/needs a manager/);
    const { sale } = await sellQty(3, [{ productId: carpet!.productId, managerId: manager.id }]);
    expect((await db.audit.toArray()).at(-1)?.detail).toMatchObject({ saleId: sale.id, stockApprovals: [{ managerId: manager.id }] });
    expect((await findProductByBarcode(db, '2000000000046'))!.product.stock).toBe(-5);
  });

  it('finds a receipt as a person types it: any case, or just its sequence', async () => {
    const { db, newId } = await freshStore();
    const first = await sellCart(db, await cartOf(db, '2000000000077'), { newId });
    const second = await sellCart(db, await cartOf(db, '2000000000084'), { newId });
    expect(second.sale.receiptNo).toMatch(/^K01\/\d{4}\/000002$/);
    for (const typed of [second.sale.receiptNo.toLowerCase(), ` ${second.sale.receiptNo} `, '000002', '2']) {
      expect((await findSaleByReceiptNo(db, typed))?.sale.id, typed).toBe(second.sale.id);
    }
    expect((await findSaleByReceiptNo(db, '1'))?.sale.id).toBe(first.sale.id);
    expect(await findSaleByReceiptNo(db, '3')).toBeNull();
    expect(await findSaleByReceiptNo(db, '')).toBeNull();
  });

  it('keeps a committed sale when the store is closed and opened again', async () => {
    const { db, factory, newId } = await freshStore();
    const { sale } = await sellCart(db, await cartOf(db, '2000000000039'), { newId });
    db.close();
    const reopened = await openChinarDb('test', { indexedDB: factory, IDBKeyRange });
    expect((await findSaleByReceiptNo(reopened, sale.receiptNo))?.sale).toEqual(sale);
  });
});
