import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  closeBusinessDay, dayReport, DAY_NOT_OPEN, DEMO_PINS, findProductByBarcode, openBusinessDay, openChinarDb, openDay,
  recordCashMovement, recordPayout, restoreJournalPage, signInWithPin, type ChinarDb,
} from '../../../renderer/db';
import { rowsToRestore } from '../../../shared/journal';
import { EMPTY_CASH_COUNT } from '../../../shared/cash-count';
import { dayFigures } from '../../../shared/day-report';
import type { CashCount } from '../../../shared/entities';
import { buildEnvelope, serializeEnvelope } from '../../../shared/envelope';
import { verifyAuditChain } from '../../../shared/hash';
import type { Paise } from '../../../shared/money';
import { checkEnvelope } from '../../../shared/protocol/daily-earnings';
import type { BusinessDate } from '../../../shared/time';
import { HALEEMA, idMaker, makeSale } from '../../shared/day-fixture';
import { freshStore, NOON_IN_SRINAGAR, openVersion2Store, sellBarcodes } from './helpers';

const TZ = 'Asia/Kolkata';
const at = (hhmm: string, date = '2026-11-22') => new Date(`${date}T${hhmm}:00+05:30`);
const count = (notes: Partial<Record<500 | 200 | 100 | 50 | 20 | 10, number>>, coins = 0): CashCount =>
  ({ notes: { ...EMPTY_CASH_COUNT.notes, ...notes }, coins: coins as Paise });

async function people(db: ChinarDb) {
  return { manager: (await signInWithPin(db, DEMO_PINS.manager))!, operator: (await signInWithPin(db, DEMO_PINS.operator))! };
}

/** A cash sale of the demo's ₹850 papier-mâché box, paid with `tendered` paise. */
function sellBox(db: ChinarDb, newId: () => string, now: Date, tendered = 85_000) {
  return sellBarcodes(db, ['2000000000077'], { newId, now, tenders: () => [{ method: 'cash', tendered: tendered as Paise }] });
}

async function openWithFloat(db: ChinarDb, newId: () => string, now = at('09:00')) {
  const { manager } = await people(db);
  // ₹2,000 float: 2 × 500, 4 × 200, 2 × 100, and no coins.
  return openBusinessDay(db, { managerId: manager.id, count: count({ 500: 2, 200: 4, 100: 2 }), deviceId: 'demo-market/K01', now, timeZone: TZ, newId });
}

async function close(db: ChinarDb, newId: () => string, dayId: string, drawer: CashCount, now = at('18:00')) {
  const { manager } = await people(db);
  return closeBusinessDay(db, { dayId, count: drawer, managerId: manager.id, marketId: 'demo-market', deviceId: 'demo-market/K01', now, timeZone: TZ, newId });
}

describe('opening the day', () => {
  it('opens with the float counted by denomination, by a manager, once', async () => {
    const { db, newId } = await freshStore({ openDay: false });
    const { operator, manager } = await people(db);
    await expect(openBusinessDay(db, { managerId: operator.id, count: EMPTY_CASH_COUNT, deviceId: 'demo-market/K01', now: at('09:00'), timeZone: TZ, newId }))
      .rejects.toThrow("Opening the day needs an active manager's approval.");
    await expect(openBusinessDay(db, { managerId: manager.id, count: count({ 500: 1.5 }), deviceId: 'demo-market/K01', now: at('09:00'), timeZone: TZ, newId }))
      .rejects.toThrow(/not a count/);
    const day = await openWithFloat(db, newId);
    expect(day).toMatchObject({ status: 'open', businessDate: '2026-11-22', openingFloat: 200_000, openedBy: manager.id, openedAt: '2026-11-22T09:00:00+05:30' });
    expect(await openDay(db)).toEqual(day);
    await expect(openWithFloat(db, newId)).rejects.toThrow('The day of 2026-11-22 is already open. Close it before opening another.');
    expect((await db.audit.orderBy('seq').last())).toMatchObject({ action: 'day.open', detail: { dayId: day.id, openingFloat: 200_000 } });
  });

  it('refuses a sale while no day is open, writing nothing', async () => {
    const { db, newId } = await freshStore({ openDay: false });
    const audit = await db.audit.count();
    await expect(sellBox(db, newId, NOON_IN_SRINAGAR)).rejects.toThrow(DAY_NOT_OPEN);
    expect(await db.sales.count()).toBe(0);
    expect(await db.businessDays.count()).toBe(0);
    expect(await db.audit.count()).toBe(audit);
  });

  it('keeps selling into a day left open past midnight', async () => {
    const { db, newId } = await freshStore({ openDay: false });
    const day = await openWithFloat(db, newId);
    const { sale } = await sellBox(db, newId, at('00:30', '2026-11-23'));
    expect(sale).toMatchObject({ businessDate: '2026-11-22', dayId: day.id });
  });
});

describe('cash movements and payouts', () => {
  it('puts paid-in, paid-out and cash payouts into the expected cash; UPI payouts only carry a reference', async () => {
    const { db, newId } = await freshStore({ openDay: false });
    const { operator, manager } = await people(db);
    const day = await openWithFloat(db, newId);
    await sellBox(db, newId, at('10:00'), 100_000); // ₹1,000 handed over, ₹150 change
    const move = (kind: 'paid-in' | 'paid-out', amount: number, approvedBy = manager.id, reason = 'change from the bank') =>
      recordCashMovement(db, { dayId: day.id, kind, amount, reason, by: operator.id, approvedBy, now: at('11:00'), timeZone: TZ, newId });
    await move('paid-in', 50_000);
    await move('paid-out', 12_000, manager.id, 'tea for the stall');
    await expect(move('paid-out', 100, operator.id)).rejects.toThrow("A paid-out needs an active manager's approval.");
    await expect(move('paid-out', 0)).rejects.toThrow('must be more than ₹0');
    await expect(move('paid-in', 100, manager.id, '   ')).rejects.toThrow(/Say why/);

    const haleema = (await findProductByBarcode(db, '2000000000015'))!.artisan;
    const cash = await recordPayout(db, { dayId: day.id, artisanId: haleema.id, amount: 30_000, method: 'cash', reference: null, paidBy: manager.id, now: at('12:00'), timeZone: TZ, newId });
    expect(cash.movement).toMatchObject({ kind: 'paid-out', amount: 30_000, payoutId: cash.payout.id, dayId: day.id });
    expect(cash.payout).toMatchObject({ artisanCode: haleema.code, method: 'cash', cashMovementId: cash.movement!.id });
    await expect(recordPayout(db, { dayId: day.id, artisanId: haleema.id, amount: 5_000, method: 'upi', reference: ' ', paidBy: manager.id, now: at('12:05'), timeZone: TZ, newId }))
      .rejects.toThrow('A UPI payout needs its transaction reference.');
    const upi = await recordPayout(db, { dayId: day.id, artisanId: haleema.id, amount: 5_000, method: 'upi', reference: 'UPI-4471', paidBy: manager.id, now: at('12:05'), timeZone: TZ, newId });
    expect(upi).toMatchObject({ movement: null, payout: { reference: 'UPI-4471', cashMovementId: null } });

    const { figures } = await dayReport(db, day.id);
    expect(figures.cash).toMatchObject({ openingFloat: 200_000, cashTaken: 100_000, changeGiven: 15_000, paidIn: 50_000, paidOut: 42_000 });
    expect(figures.cash.expected).toBe(200_000 + 100_000 - 15_000 + 50_000 - 42_000);
    expect(figures.status).toBe('open');
    expect(await db.payouts.where('artisanId').equals(haleema.id).count()).toBe(2);
  });
});

describe('closing the day', () => {
  it('locks the day with its Z, the cash over/short and the grand total, and queues the upload in the same commit', async () => {
    const { db, newId } = await freshStore({ openDay: false });
    const { operator, manager } = await people(db);
    const day = await openWithFloat(db, newId);
    await sellBox(db, newId, at('10:00'), 100_000);
    await sellBox(db, newId, at('11:00'));
    await recordCashMovement(db, { dayId: day.id, kind: 'paid-out', amount: 10_000, reason: 'porter', by: operator.id, approvedBy: manager.id, now: at('12:00'), timeZone: TZ, newId });
    // Expected: 2,000 + 1,000 − 150 + 850 − 100 = ₹3,600. Counted ₹3,590: ₹10 short.
    const closed = await close(db, newId, day.id, count({ 500: 7, 50: 1, 20: 2 }));
    expect(closed.day).toMatchObject({
      status: 'closed', zNumber: 1, expectedCash: 360_000, countedCash: 359_000, overShort: -1_000, grandTotal: 170_000,
      closedBy: manager.id, closedAt: '2026-11-22T18:00:00+05:30',
    });
    expect(await db.businessDays.get(day.id)).toEqual(closed.day);

    const audit = await db.audit.orderBy('seq').toArray();
    expect(verifyAuditChain(audit)).toBe(-1);
    expect(audit.at(-1)).toMatchObject({ action: 'day.close', hash: closed.day.auditHead, detail: { zNumber: 1, overShort: -1_000 } });

    const [row] = await db.outbox.toArray();
    expect(row).toMatchObject({ dayId: day.id, businessDate: '2026-11-22', zNumber: 1, state: { status: 'queued' }, attempts: 0, nextAttemptAt: null });
    const check = checkEnvelope(JSON.parse(row!.body));
    expect(check.ok).toBe(true);
    const sales = await db.sales.toArray();
    const rebuilt = dayFigures({
      day: closed.day, sales, lines: await db.saleLines.toArray(), payments: await db.payments.toArray(),
      cashMovements: await db.cashMovements.toArray(), previous: null,
    });
    expect(row!.body).toBe(serializeEnvelope(buildEnvelope(rebuilt, { deviceId: 'demo-market/K01', marketId: 'demo-market' })));
    expect(JSON.parse(row!.body)).toMatchObject({ zNumber: 1, cash: { openingFloat: 200_000, expected: 360_000, counted: 359_000, overShort: -1_000 } });
  });

  it('refuses every write into a closed day, saying so', async () => {
    const { db, newId } = await freshStore({ openDay: false });
    const { operator, manager } = await people(db);
    const day = await openWithFloat(db, newId);
    await close(db, newId, day.id, count({ 500: 4 }));
    const locked = 'The day of 2026-11-22 (Z 1) is closed: nothing more can be written into it. A manager opens the next day.';
    await expect(recordCashMovement(db, { dayId: day.id, kind: 'paid-in', amount: 100, reason: 'x', by: operator.id, approvedBy: manager.id, now: at('19:00'), timeZone: TZ, newId }))
      .rejects.toThrow(locked);
    const artisanId = (await findProductByBarcode(db, '2000000000015'))!.artisan.id;
    await expect(recordPayout(db, { dayId: day.id, artisanId, amount: 100, method: 'cash', reference: null, paidBy: manager.id, now: at('19:00'), timeZone: TZ, newId }))
      .rejects.toThrow(locked);
    await expect(close(db, newId, day.id, EMPTY_CASH_COUNT)).rejects.toThrow(locked);
    await expect(sellBox(db, newId, at('19:00'))).rejects.toThrow(DAY_NOT_OPEN);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.sales.count()).toBe(0);
  });

  it('opens a second day on the same date after a close, with the next Z and the grand total carried on', async () => {
    const { db, newId } = await freshStore({ openDay: false });
    const first = await openWithFloat(db, newId);
    await sellBox(db, newId, at('10:00'));
    const z1 = await close(db, newId, first.id, count({ 500: 5, 200: 1, 100: 1, 50: 1 }), at('13:00')); // exactly ₹2,850
    expect(z1.day.overShort).toBe(0);
    const second = await openWithFloat(db, newId, at('14:00'));
    expect(second.businessDate).toBe(first.businessDate);
    await sellBox(db, newId, at('15:00'));
    await sellBox(db, newId, at('16:00'));
    const x = await dayReport(db, second.id);
    expect(x.figures).toMatchObject({ status: 'open', zNumber: 2, saleCount: 2, previousGrandTotal: 85_000, grandTotal: 255_000 });
    const z2 = await close(db, newId, second.id, count({ 500: 7, 200: 1 }), at('18:00'));
    expect(z2.day).toMatchObject({ zNumber: 2, grandTotal: 255_000, expectedCash: 370_000, overShort: 0 });
    const third = await openWithFloat(db, newId, at('09:00', '2026-11-23'));
    const z3 = await close(db, newId, third.id, count({ 500: 4 }), at('18:00', '2026-11-23'));
    expect(z3.day).toMatchObject({ zNumber: 3, grandTotal: 255_000 });
    expect((await db.outbox.toArray()).map((r) => [r.businessDate, r.zNumber]).sort()).toEqual([['2026-11-22', 1], ['2026-11-22', 2], ['2026-11-23', 3]]);
    // A closed day reads back as its Z: the same figures as at the close.
    expect((await dayReport(db, first.id)).figures).toEqual(z1.figures);
    expect((await dayReport(db, second.id)).figures).toEqual(z2.figures);
  });

  it("takes its Z above the journal's highest when the store has lost closed days, and the Z shows the gap", async () => {
    const { db, newId } = await freshStore({ openDay: false });
    const { manager } = await people(db);
    const day = await openWithFloat(db, newId);
    await sellBox(db, newId, at('10:00'));
    // The journal holds Z 1 to 7; this store (restored from an old backup) knows none of them.
    const z = await closeBusinessDay(db, {
      dayId: day.id, count: count({ 500: 5, 200: 1, 100: 1, 50: 1 }), managerId: manager.id, marketId: 'demo-market',
      deviceId: 'demo-market/K01', now: at('18:00'), timeZone: TZ, newId, zFloor: 7,
    });
    expect(z.day).toMatchObject({ zNumber: 8, grandTotal: 85_000 });
    expect(z.outbox.zNumber).toBe(8);
    // Read back from the store, it is still Z 8.
    expect((await dayReport(db, day.id)).figures).toMatchObject({ zNumber: 8 });
    // A floor at or below the store's own last Z changes nothing.
    const next = await openWithFloat(db, newId, at('09:00', '2026-11-23'));
    const z9 = await closeBusinessDay(db, {
      dayId: next.id, count: count({ 500: 4 }), managerId: manager.id, marketId: 'demo-market',
      deviceId: 'demo-market/K01', now: at('18:00', '2026-11-23'), timeZone: TZ, newId, zFloor: 3,
    });
    expect(z9.day.zNumber).toBe(9);
  });
});

describe('version 20 upgrade', () => {
  it('moves the days keyed by date into business days, losing nothing', async () => {
    const factory = new IDBFactory();
    const v2 = await openVersion2Store(factory, 'test');
    await v2.table('days').bulkAdd([
      { businessDate: '2026-11-21', status: 'closed', openedAt: '2026-11-21T09:00:00+05:30', openingFloat: 150_000, openedBy: 'm1', closedAt: '2026-11-21T18:00:00+05:30', closedBy: 'm1', zNumber: 1, countedCash: 149_500, expectedCash: 150_000 },
      { businessDate: '2026-11-22', status: 'open', openedAt: '2026-11-22T09:00:00+05:30', openingFloat: 0, openedBy: 'u1' },
    ]);
    const legacy = makeSale({ receiptNo: 'K01/2627/000009', date: '2026-11-22' as BusinessDate, createdAt: '2026-11-22T10:00:00+05:30', pieces: [{ artisan: HALEEMA, sku: 'PSH-1', price: 250_000 }] }, idMaker('old'));
    await v2.table('sales').add(legacy.sale);
    await v2.table('saleLines').bulkAdd(legacy.lines);
    await v2.table('payments').bulkAdd(legacy.payments);
    v2.close();

    const db = await openChinarDb('test', { indexedDB: factory, IDBKeyRange });
    expect(db.tables.map((t) => t.name)).not.toContain('days');
    const days = await db.businessDays.orderBy('businessDate').toArray();
    expect(days).toEqual([
      {
        id: 'day-2026-11-21', businessDate: '2026-11-21', deviceId: '', status: 'closed', openedAt: '2026-11-21T09:00:00+05:30', openedBy: 'm1',
        openingCount: { ...EMPTY_CASH_COUNT, coins: 150_000 }, openingFloat: 150_000, closedAt: '2026-11-21T18:00:00+05:30', closedBy: 'm1',
        zNumber: 1, closingCount: { ...EMPTY_CASH_COUNT, coins: 149_500 }, countedCash: 149_500, expectedCash: 150_000, overShort: -500,
        grandTotal: 0, auditHead: '0'.repeat(64),
      },
      {
        id: 'day-2026-11-22', businessDate: '2026-11-22', deviceId: 'pv/K01', status: 'open', openedAt: '2026-11-22T09:00:00+05:30', openedBy: 'u1',
        openingCount: { ...EMPTY_CASH_COUNT, coins: 0 }, openingFloat: 0,
      },
    ]);
    expect((await openDay(db))?.id).toBe('day-2026-11-22');
    // Its sale, written before days had ids, is still its own.
    expect((await dayReport(db, 'day-2026-11-22')).figures).toMatchObject({ saleCount: 1, sales: 250_000, previousGrandTotal: 0, zNumber: 2 });
    // The migrated day's close takes the Z after the old table's last.
    const { seedDemoIfEmpty } = await import('../../../renderer/db');
    const newId = (() => { let n = 0; return () => `m-${++n}`; })();
    await seedDemoIfEmpty(db, { now: NOON_IN_SRINAGAR, newId });
    const manager = (await signInWithPin(db, DEMO_PINS.manager))!;
    const z = await closeBusinessDay(db, { dayId: 'day-2026-11-22', count: EMPTY_CASH_COUNT, managerId: manager.id, marketId: 'pv', deviceId: 'demo-market/K01', now: at('18:00'), timeZone: TZ, newId });
    expect(z.day).toMatchObject({ zNumber: 2, deviceId: 'pv/K01', grandTotal: 250_000, expectedCash: 250_000 });
    expect(checkEnvelope(JSON.parse((await db.outbox.toArray())[0]!.body)).ok).toBe(true);
  });
});

describe('the day in the journal (issue 8: a lost store comes back from it)', () => {
  it('journals the open, the movements, the payout and the close with its outbox row; a rebuilt store goes on to the next Z', async () => {
    const { db, newId } = await freshStore({ openDay: false });
    const { manager } = await people(db);
    const day = await openWithFloat(db, newId);
    await sellBox(db, newId, at('10:00'));
    await recordCashMovement(db, { dayId: day.id, kind: 'paid-in', amount: 50_000, reason: 'change from the bank', by: manager.id, approvedBy: manager.id, now: at('11:00'), timeZone: TZ, newId });
    const artisan = (await db.artisans.toCollection().first())!;
    await recordPayout(db, { dayId: day.id, artisanId: artisan.id, amount: 20_000, method: 'cash', reference: null, paidBy: manager.id, now: at('12:00'), timeZone: TZ, newId });
    const closed = await close(db, newId, day.id, count({ 500: 5 }));
    const records = await db.journalQueue.orderBy('qseq').toArray();
    expect(records.map((r) => r.kind)).toEqual(['seed', 'day-open', 'sale', 'cash', 'payout', 'day-close']);
    expect(records.at(-1)!.data).toMatchObject({ businessDays: [closed.day], outbox: [closed.outbox] });

    // The journal folded into a wiped store gives back the same days, cash, payouts and outbox.
    const wiped = await openChinarDb('rebuilt', { indexedDB: new IDBFactory(), IDBKeyRange });
    await restoreJournalPage(wiped, rowsToRestore(records.map((r, i) => ({ seq: i + 1, data: r.data }))), { seq: records.length, hash: 'h' });
    for (const table of ['businessDays', 'cashMovements', 'payouts', 'outbox', 'sales', 'audit'] as const) {
      expect(await wiped[table].toArray()).toEqual(await db[table].toArray());
    }
    // The next day on the rebuilt store gets Z 2, never Z 1 again.
    const next = await openWithFloat(wiped, newId, at('09:00', '2026-11-23'));
    const second = await close(wiped, newId, next.id, count({ 500: 4 }), at('18:00', '2026-11-23'));
    expect(second.day.zNumber).toBe(closed.day.zNumber + 1);
  });

  it('takes the old days table of a journal written before version 20 as open business days', async () => {
    const { db } = await freshStore({ openDay: false });
    const legacy = { businessDate: '2026-11-20', status: 'open', openedAt: '2026-11-20T09:00:00+05:30', openingFloat: 0, openedBy: 'u1' };
    await restoreJournalPage(db, rowsToRestore([{ seq: 1, data: { days: [legacy] } }]), { seq: 1, hash: 'h' });
    expect(await db.businessDays.toArray()).toMatchObject([{ id: 'day-2026-11-20', businessDate: '2026-11-20', status: 'open', openingFloat: 0 }]);
  });
});
