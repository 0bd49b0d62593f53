import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  closeBusinessDay, commitReturn, commitSale, DAY_NOT_OPEN, DISK_FULL_MESSAGE, DayNotOpenError, dayReport, DEMO_PINS, findProductByBarcode, findReturnableSale,
  findSaleByReceiptNo, openChinarDb, openDay, restoreJournalPage, ReturnNotRecordedError, ReturnRefusedError, signInWithPin,
  type ChinarDb, type CommitReturnInput, type CommittedSale,
} from '../../../renderer/db';
import { setDiscount, type Cart } from '../../../shared/cart';
import { EMPTY_CASH_COUNT } from '../../../shared/cash-count';
import type { SaleLineEntity, UserEntity } from '../../../shared/entities';
import { verifyAuditChain } from '../../../shared/hash';
import { rowsToRestore } from '../../../shared/journal';
import { paise, type Paise } from '../../../shared/money';
import { checkEnvelope } from '../../../shared/protocol/daily-earnings';
import { settleTenders, type TenderInput } from '../../../shared/tender';
import { cartOf, fillDiskAtAudit, freshStore, NOON_IN_SRINAGAR, openTestDay } from './helpers';

const PASHMINA = '2000000000015'; // ₹12,500, stock 6
const PAPIER = '2000000000077'; // ₹850

interface Till { db: ChinarDb; newId: () => string; operator: UserEntity; manager: UserEntity; minutes: number }

async function till(options: { float?: number } = {}): Promise<Till> {
  const { db, newId } = await freshStore({ openDay: options.float === undefined });
  if (options.float !== undefined) await openTestDay(db, newId, NOON_IN_SRINAGAR, options.float);
  return { db, newId, minutes: 0, operator: (await signInWithPin(db, DEMO_PINS.operator))!, manager: (await signInWithPin(db, DEMO_PINS.manager))! };
}

async function sell(t: Till, cart: Cart, tenders: (total: Paise) => TenderInput[], roundOff = 0): Promise<CommittedSale> {
  const gross = cart.items.reduce((s, i) => s + i.unitPrice * i.qty - i.discount, 0);
  const total = paise(gross + roundOff);
  const settled = settleTenders(total, tenders(total));
  if (!settled.ok) throw new Error(`settle failed: ${settled.reason}`);
  return commitSale(t.db, {
    cart, payments: settled.payments, operator: t.operator, roundOff: paise(roundOff),
    deviceId: 'demo-market/K01', now: new Date(NOON_IN_SRINAGAR.getTime() + 60_000 * t.minutes++), newId: t.newId,
  });
}

function returnOf(t: Till, sale: CommittedSale, quantities: [SaleLineEntity, number][], over: Partial<CommitReturnInput> = {}) {
  return commitReturn(t.db, {
    originalSaleId: sale.sale.id, quantities: quantities.map(([l, qty]) => ({ lineId: l.id, qty })),
    refundMode: 'original-tenders', kind: 'return', operator: t.operator, managerId: t.manager.id,
    deviceId: 'demo-market/K01', now: new Date(NOON_IN_SRINAGAR.getTime() + 3_600_000), newId: t.newId, ...over,
  });
}

async function stockOf(db: ChinarDb, barcode: string): Promise<number> {
  return (await findProductByBarcode(db, barcode))!.product.stock;
}

async function rowCounts(db: ChinarDb) {
  return {
    sales: await db.sales.count(), lines: await db.saleLines.count(), payments: await db.payments.count(),
    audit: await db.audit.count(), counters: JSON.stringify(await db.counters.toArray()),
    stock: JSON.stringify((await db.products.toArray()).map((p) => p.stock)), journal: await db.journalQueue.count(),
  };
}

async function closeToday(t: Till, coins = 0, now = new Date(NOON_IN_SRINAGAR.getTime() + 5 * 3_600_000)) {
  return closeBusinessDay(t.db, {
    dayId: (await openDay(t.db))!.id, count: { ...EMPTY_CASH_COUNT, coins: paise(coins) }, managerId: t.manager.id,
    marketId: 'demo-market', deviceId: 'demo-market/K01', now, timeZone: 'Asia/Kolkata', newId: t.newId,
  });
}

const AMOUNTS = ['qty', 'discount', 'gross', 'tax', 'cgst', 'sgst', 'taxable', 'commission', 'artisanNet'] as const;

describe('commitReturn', () => {
  it('gives back exactly the original amounts and payments after a partial return in two steps and then the rest', async () => {
    const t = await till();
    // Three papier-mâché boxes with ₹1 off the line (100 paise over 3 pieces does not divide),
    // a shawl, paid by cash and UPI, with a round-off.
    let cart = await cartOf(t.db, PAPIER, PAPIER, PAPIER, PASHMINA);
    cart = setDiscount(cart, cart.items[0]!.productId, paise(101));
    const sale = await sell(t, cart, (total) => [
      { method: 'upi', amount: paise(500_001), reference: 'UPI-778' }, { method: 'cash', tendered: paise(total - 500_001 + 5_000) },
    ], -99);
    const [papier, shawl] = sale.lines as [SaleLineEntity, SaleLineEntity];

    const first = await returnOf(t, sale, [[papier, 1]]);
    const second = await returnOf(t, sale, [[papier, 1]]);
    const last = await returnOf(t, sale, [[papier, 1], [shawl, 1]]);
    const returns = [first, second, last];

    for (const field of AMOUNTS) {
      for (const orig of sale.lines) {
        const back = returns.flatMap((r) => r.lines).filter((l) => l.originalLineId === orig.id).reduce((s, l) => s + l[field], 0);
        expect(back + orig[field], `${orig.sku} ${field}`).toBe(0);
      }
    }
    // ₹1.01 off three pieces: 34, 33, 34 paise, cumulatively allocated, not re-rounded per piece.
    expect(returns.map((r) => r.lines[0]!.discount)).toEqual([-34, -33, -34]);
    for (const field of ['total', 'gross', 'discount', 'tax', 'taxable', 'commission', 'artisanNet', 'roundOff', 'itemCount'] as const) {
      expect(returns.reduce((s, r) => s + r.sale[field], 0) + sale.sale[field], field).toBe(0);
    }
    for (const method of ['cash', 'upi'] as const) {
      const paid = sale.payments.filter((p) => p.method === method).reduce((s, p) => s + p.amount, 0);
      const refunded = returns.flatMap((r) => r.payments).filter((p) => p.method === method).reduce((s, p) => s + p.amount, 0);
      expect(refunded + paid, method).toBe(0);
      expect(paid).toBeGreaterThan(0);
    }
    for (const r of returns) {
      expect(r.sale.kind).toBe('return');
      expect(r.sale.originalSaleId).toBe(sale.sale.id);
      expect(r.payments.reduce((s, p) => s + p.amount, 0)).toBe(r.sale.total);
      expect(r.payments.every((p) => p.amount < 0 && p.saleId === r.sale.id)).toBe(true);
    }
    // The upi refund keeps the original reference, so the bank can match it.
    expect(returns.flatMap((r) => r.payments).filter((p) => p.method === 'upi').every((p) => p.reference === 'UPI-778')).toBe(true);

    // Nothing left: a fourth return is refused.
    await expect(returnOf(t, sale, [[shawl, 1]])).rejects.toThrow(/already been returned in full/);
    // The invoice itself is untouched.
    expect(await findSaleByReceiptNo(t.db, sale.sale.receiptNo)).toEqual({ sale: sale.sale, lines: sale.lines, payments: sale.payments });
  });

  it('refunds all in cash when asked', async () => {
    const t = await till();
    const sale = await sell(t, await cartOf(t.db, PAPIER, PASHMINA), (total) => [{ method: 'card', amount: total, reference: 'CARD-1' }]);
    const r = await returnOf(t, sale, [[sale.lines[1]!, 1]], { refundMode: 'cash' });
    expect(r.payments.map((p) => [p.method, p.amount])).toEqual([['cash', -1_250_000]]);
  });

  it('refuses more than was sold minus already returned, and writes nothing', async () => {
    const t = await till();
    const sale = await sell(t, await cartOf(t.db, PAPIER, PAPIER, PASHMINA), (total) => [{ method: 'cash', tendered: total }]);
    const papier = sale.lines[0]!;
    await returnOf(t, sale, [[papier, 1]]);
    const before = await rowCounts(t.db);
    const refused = returnOf(t, sale, [[papier, 2], [sale.lines[1]!, 1]]);
    await expect(refused).rejects.toBeInstanceOf(ReturnRefusedError);
    await expect(refused).rejects.toThrow(/Only 1 of Papier/);
    await expect(returnOf(t, sale, [])).rejects.toThrow(/Nothing is marked/);
    expect(await rowCounts(t.db)).toEqual(before);
    // What is left is still returnable.
    const found = (await findReturnableSale(t.db, sale.sale.receiptNo))!;
    expect(found.earlierReturnLines.map((l) => [l.originalLineId, l.qty])).toEqual([[papier.id, -1]]);
  });

  it('is NOT recorded when the disk has no room, writes none of it, and goes through once there is room', async () => {
    const t = await till();
    const sale = await sell(t, await cartOf(t.db, PAPIER, PASHMINA), (total) => [{ method: 'cash', tendered: total }]);
    const before = await rowCounts(t.db);
    // IndexedDB refuses the audit entry, the return's last write, with its own quota error.
    const disk = fillDiskAtAudit();
    try {
      const refused = await returnOf(t, sale, [[sale.lines[0]!, 1]]).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ReturnNotRecordedError);
      expect((refused as Error).message).toBe(DISK_FULL_MESSAGE);
      expect(await rowCounts(t.db)).toEqual(before);
      disk.free();
      const done = await returnOf(t, sale, [[sale.lines[0]!, 1]]);
      // The refused return used no credit-note number.
      expect(done.sale.receiptNo).toMatch(/\/0*1$/);
    } finally {
      disk.restore();
    }
  });

  it('numbers credit notes consecutively in a series of their own, apart from invoices', async () => {
    const t = await till();
    const a = await sell(t, await cartOf(t.db, PAPIER, PAPIER), (total) => [{ method: 'cash', tendered: total }]);
    const r1 = await returnOf(t, a, [[a.lines[0]!, 1]]);
    const b = await sell(t, await cartOf(t.db, PAPIER), (total) => [{ method: 'cash', tendered: total }]);
    const r2 = await returnOf(t, a, [[a.lines[0]!, 1]]);
    const r3 = await returnOf(t, b, [[b.lines[0]!, 1]]);
    expect([a.sale.receiptNo, b.sale.receiptNo]).toEqual(['K01/2627/000001', 'K01/2627/000002']);
    expect([r1, r2, r3].map((r) => r.sale.receiptNo)).toEqual(['K01/C2627/00001', 'K01/C2627/00002', 'K01/C2627/00003']);
    expect(r3.sale.receiptNo.length).toBeLessThanOrEqual(16);
    // The next invoice did not skip a number for the credit notes.
    const c = await sell(t, await cartOf(t.db, PAPIER), (total) => [{ method: 'cash', tendered: total }]);
    expect(c.sale.receiptNo).toBe('K01/2627/000003');
    // Typing a credit note's number to return it again is refused: it is not an invoice.
    await expect(findReturnableSale(t.db, r1.sale.receiptNo)).rejects.toThrow(/credit note, not an invoice/);
  });

  it('puts the stock back', async () => {
    const t = await till();
    const sale = await sell(t, await cartOf(t.db, PAPIER, PAPIER, PAPIER, PASHMINA), (total) => [{ method: 'cash', tendered: total }]);
    const [papierBefore, shawlBefore] = [await stockOf(t.db, PAPIER), await stockOf(t.db, PASHMINA)];
    await returnOf(t, sale, [[sale.lines[0]!, 2], [sale.lines[1]!, 1]]);
    expect(await stockOf(t.db, PAPIER)).toBe(papierBefore + 2);
    expect(await stockOf(t.db, PASHMINA)).toBe(shawlBefore + 1);
  });

  it('is refused without an active manager, and writes nothing', async () => {
    const t = await till();
    const sale = await sell(t, await cartOf(t.db, PAPIER), (total) => [{ method: 'cash', tendered: total }]);
    const before = await rowCounts(t.db);
    await expect(returnOf(t, sale, [[sale.lines[0]!, 1]], { managerId: t.operator.id })).rejects.toThrow(/active manager/);
    await expect(returnOf(t, sale, [[sale.lines[0]!, 1]], { managerId: 'nobody' })).rejects.toBeInstanceOf(ReturnRefusedError);
    await t.db.users.update(t.manager.id, { active: false });
    await expect(returnOf(t, sale, [[sale.lines[0]!, 1]])).rejects.toThrow(/active manager/);
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('writes an audit entry naming the approving manager, in the chain', async () => {
    const t = await till();
    const sale = await sell(t, await cartOf(t.db, PAPIER, PASHMINA), (total) => [{ method: 'cash', tendered: total }]);
    const r = await returnOf(t, sale, [[sale.lines[0]!, 1]]);
    const entries = await t.db.audit.orderBy('seq').toArray();
    const last = entries.at(-1)!;
    expect(last.action).toBe('sale.return');
    expect(last.actorId).toBe(t.operator.id);
    expect(last.detail).toMatchObject({
      saleId: r.sale.id, creditNoteNo: 'K01/C2627/00001', originalReceiptNo: sale.sale.receiptNo,
      approvedBy: t.manager.id, approvedByName: t.manager.name, total: -85_000, refundMode: 'original-tenders',
    });
    expect(verifyAuditChain(entries)).toBe(-1);
  });

  it('falls on the open day of the return, not the day of the sale, and is refused while no day is open', async () => {
    const t = await till();
    const sale = await sell(t, await cartOf(t.db, PAPIER), (total) => [{ method: 'cash', tendered: total }]);
    const first = await closeToday(t, 85_000);
    // The sale's day is closed and no other is open: refused in the day's own words, nothing written.
    const before = await rowCounts(t.db);
    const refused = returnOf(t, sale, [[sale.lines[0]!, 1]]);
    await expect(refused).rejects.toBeInstanceOf(DayNotOpenError);
    await expect(refused).rejects.toThrow(DAY_NOT_OPEN);
    expect(await rowCounts(t.db)).toEqual(before);

    const next = await openTestDay(t.db, t.newId, new Date('2026-11-23T03:30:00Z'));
    const r = await returnOf(t, sale, [[sale.lines[0]!, 1]], { now: new Date('2026-11-23T06:30:00Z') });
    for (const row of [r.sale, ...r.lines, ...r.payments]) expect(row).toMatchObject({ businessDate: '2026-11-23', dayId: next.id });
    // The artisan's earnings come off on the day of the return; the closed day's Z is as it was.
    const x = await dayReport(t.db, next.id);
    expect(x.figures).toMatchObject({ saleCount: 0, returnCount: 1, returns: 85_000, itemsReturned: 1 });
    expect(x.figures.artisans).toEqual([expect.objectContaining({ artisanId: sale.lines[0]!.artisanId, itemsSold: 0, itemsReturned: 1, returns: 85_000 })]);
    expect((await dayReport(t.db, first.day.id)).figures).toEqual(first.figures);
  });

  it('journals every row it writes in its own transaction: a store rebuilt from the journal goes on with the next credit note', async () => {
    const t = await till();
    const sale = await sell(t, await cartOf(t.db, PAPIER, PASHMINA), (total) => [{ method: 'cash', tendered: total }]);
    const r = await returnOf(t, sale, [[sale.lines[0]!, 1]], { refundMode: 'cash' });
    const records = await t.db.journalQueue.orderBy('qseq').toArray();
    const record = records.at(-1)!;
    expect(record).toMatchObject({ id: r.journalId, kind: 'return', at: r.sale.createdAt });
    expect(record.data).toEqual({
      sales: [r.sale], saleLines: r.lines, payments: r.payments,
      products: [await t.db.products.get(sale.lines[0]!.productId)],
      counters: [{ key: 'credit-note:K01/C2627', value: 1 }],
      audit: [await t.db.audit.orderBy('seq').last()],
    });

    const wiped = await openChinarDb('rebuilt', { indexedDB: new IDBFactory(), IDBKeyRange });
    await restoreJournalPage(wiped, rowsToRestore(records.map((rec, i) => ({ seq: i + 1, data: rec.data }))), { seq: records.length, hash: 'h' });
    for (const table of ['sales', 'saleLines', 'payments', 'products', 'counters', 'audit'] as const) {
      expect(await wiped[table].toArray(), table).toEqual(await t.db[table].toArray());
    }
    const rebuilt = { ...t, db: wiped };
    const again = await returnOf(rebuilt, sale, [[sale.lines[1]!, 1]]);
    expect(again.sale.receiptNo).toBe('K01/C2627/00002');
    // What was returned before the rebuild stays returned.
    await expect(returnOf(rebuilt, sale, [[sale.lines[0]!, 1]])).rejects.toThrow(/already been returned in full/);
    expect(verifyAuditChain(await wiped.audit.orderBy('seq').toArray())).toBe(-1);
  });

  it('refuses a credit-note number at or below the journal\'s highest of its series, writing nothing', async () => {
    const t = await till();
    const sale = await sell(t, await cartOf(t.db, PAPIER, PAPIER), (total) => [{ method: 'cash', tendered: total }]);
    const before = await rowCounts(t.db);
    // The journal holds credit notes up to 00002 that this store no longer has.
    const refused = returnOf(t, sale, [[sale.lines[0]!, 1]], { numberFloor: { 'K01/2627': 1, 'K01/C2627': 2 } });
    await expect(refused).rejects.toBeInstanceOf(ReturnNotRecordedError);
    await expect(refused).rejects.toThrow(/Credit note number K01\/C2627\/00001 was already issued.*highest is 00002 in K01\/C2627.*restore the store from the journal/);
    expect(await rowCounts(t.db)).toEqual(before);
    // The invoices' floor is another series: it does not hold credit notes back.
    const r = await returnOf(t, sale, [[sale.lines[0]!, 1]], { numberFloor: { 'K01/2627': 1 } });
    expect(r.sale.receiptNo).toBe('K01/C2627/00001');
    // Above the floor it goes on.
    const r2 = await returnOf(t, sale, [[sale.lines[0]!, 1]], { numberFloor: { 'K01/C2627': 1 } });
    expect(r2.sale.receiptNo).toBe('K01/C2627/00002');
  });

  it('voids the sale just made in full, and only that', async () => {
    const t = await till();
    const sale = await sell(t, await cartOf(t.db, PAPIER, PAPIER, PASHMINA), (total) => [{ method: 'cash', tendered: total }]);
    const all = sale.lines.map((l) => [l, l.qty] as [SaleLineEntity, number]);
    await expect(returnOf(t, sale, [[sale.lines[0]!, 1]], { kind: 'void' })).rejects.toThrow(/whole sale/);
    const voided = await returnOf(t, sale, all, { kind: 'void' });
    expect(voided.sale.kind).toBe('void');
    expect(voided.sale.total).toBe(-sale.sale.total);
    expect((await t.db.audit.orderBy('seq').last())!.action).toBe('sale.void');

    const older = await sell(t, await cartOf(t.db, PAPIER), (total) => [{ method: 'cash', tendered: total }]);
    await sell(t, await cartOf(t.db, PAPIER), (total) => [{ method: 'cash', tendered: total }]);
    await expect(returnOf(t, older, [[older.lines[0]!, 1]], { kind: 'void' })).rejects.toThrow(/Only the sale just made/);
  });
});

describe('a return in the day', () => {
  it('takes the cash refund off the expected cash: the Z and its upload say so', async () => {
    const t = await till({ float: 200_000 }); // ₹2,000 of float
    // A shawl (₹12,500) and a box (₹850): ₹13,350, paid with ₹14,000 in cash, ₹650 change.
    const sale = await sell(t, await cartOf(t.db, PASHMINA, PAPIER), () => [{ method: 'cash', tendered: paise(1_400_000) }]);
    const box = sale.lines.find((l) => l.unitPrice === 85_000)!;
    const r = await returnOf(t, sale, [[box, 1]], { refundMode: 'cash' });
    const dayId = (await openDay(t.db))!.id;
    expect(r.payments).toEqual([expect.objectContaining({ method: 'cash', amount: -85_000, dayId })]);

    const x = (await dayReport(t.db, dayId)).figures;
    const expected = 200_000 + 1_400_000 - 65_000 - 85_000;
    expect(x).toMatchObject({
      saleCount: 1, returnCount: 1, itemsSold: 2, itemsReturned: 1, sales: 1_335_000, returns: 85_000, netTakings: 1_250_000,
      tenders: { cash: 1_250_000, card: 0, upi: 0 },
      cash: { openingFloat: 200_000, cashTaken: 1_400_000, changeGiven: 65_000, cashRefunds: 85_000, expected },
    });
    expect(x.artisans.find((a) => a.artisanId === box.artisanId)).toMatchObject({ itemsSold: 1, itemsReturned: 1, gross: 85_000, returns: 85_000, net: 0 });

    const z = await closeToday(t, expected);
    expect(z.day).toMatchObject({ status: 'closed', expectedCash: expected, countedCash: expected, overShort: 0, grandTotal: 1_335_000 });
    expect(z.figures).toMatchObject({ returnCount: 1, returns: 85_000, cash: { cashRefunds: 85_000, expected, counted: expected } });
    const body: unknown = JSON.parse(z.outbox.body);
    expect(checkEnvelope(body).ok).toBe(true);
    expect(body).toMatchObject({ totals: { saleCount: 1, returnCount: 1, sales: 1_335_000, returns: 85_000 }, cash: { expected, overShort: 0 } });
    expect(JSON.stringify(body)).toContain(r.sale.receiptNo);
  });
});
