import type { DBCore, DBCoreTable } from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  CLOSE_STAGES, closeBusinessDay, commitReturn, commitSale, dayReport, DayClosedError, prepareDayClose, recordCashMovement, recordPayout, type ChinarDb,
} from '../../../renderer/db';
import { addToCart, cartItemFor, EMPTY_CART } from '../../../shared/cart';
import { EMPTY_CASH_COUNT } from '../../../shared/cash-count';
import { buildEnvelope, serializeEnvelope } from '../../../shared/envelope';
import type { DailyEarnings } from '../../../shared/protocol/daily-earnings';
import { paise, type Paise } from '../../../shared/money';
import { settleTenders } from '../../../shared/tender';
import { seeded } from '../../fixtures/random';
import { sequentialIds } from './helpers';
import { counterWithFloat, later, nextDay, randomEvent, type Counter } from './random-counter';

/**
 * The Z close's quick path (issue 11): with the day's summary at hand the close reads the
 * day's sales, lines and cash movements but not its payments, and its upload body must be
 * byte for byte the one every row gives (the day's figures folded from all its rows, as
 * the close did before, and zod's serializeEnvelope).
 */

/**
 * The tables each read of `db` touches from now on, in order (a Dexie middleware: the reads
 * as IndexedDB gets them). Dexie builds its middleware stack when it opens, so it reopens.
 */
async function watchReads(db: ChinarDb): Promise<string[]> {
  const reads: string[] = [];
  db.close();
  db.use({
    stack: 'dbcore', name: 'watch-reads',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name: string): DBCoreTable {
        const table = down.table(name);
        return {
          ...table,
          get: (req) => { reads.push(name); return table.get(req); },
          getMany: (req) => { reads.push(name); return table.getMany(req); },
          // A ranged read says how it is made: `sales by key`, `saleLines by [businessDate+artisanId]`.
          query: (req) => { reads.push(name, `${name} by ${req.query.index.isPrimaryKey ? 'key' : req.query.index.name}`); return table.query(req); },
          openCursor: (req) => { reads.push(name); return table.openCursor(req); },
        };
      },
    }),
  });
  await db.open();
  return reads;
}

/** The body every row of the closed day gives, the way the close built it before it trusted the summary. */
async function bodyFromEveryRow(c: Counter, dayId: string): Promise<string> {
  const { figures } = await dayReport(c.db, dayId);
  return serializeEnvelope(buildEnvelope(figures, { deviceId: 'demo-market/K01', marketId: 'demo-market' }));
}

async function outboxBody(c: Counter, dayId: string): Promise<string> {
  const row = await c.db.outbox.where('dayId').equals(dayId).first();
  if (!row) throw new Error(`no outbox row for ${dayId}`);
  return row.body;
}

describe('the Z close of a day with its summary', () => {
  it('uploads exactly the bytes every row of the day gives, over random days (returns, voids, split tenders, paid-ins, payouts)', async () => {
    for (const seed of [3, 17, 2026]) {
      const c = await counterWithFloat();
      const next = seeded(seed);
      for (let d = 0; d < 3; d++) {
        for (let i = 0; i < 25; i++) await randomEvent(c, next);
        const dayId = c.dayId;
        await nextDay(c);
        expect(await outboxBody(c, dayId)).toBe(await bodyFromEveryRow(c, dayId));
      }
    }
  });

  it('reads no payment when the summary is current, and every row when the day has none (restored, or from before v40)', async () => {
    const c = await counterWithFloat();
    const next = seeded(41);
    for (let i = 0; i < 15; i++) await randomEvent(c, next);
    const reads = await watchReads(c.db);
    let dayId = c.dayId;
    await nextDay(c);
    expect(reads).toContain('saleLines');
    expect(reads).not.toContain('payments');
    expect(await outboxBody(c, dayId)).toBe(await bodyFromEveryRow(c, dayId));

    for (let i = 0; i < 15; i++) await randomEvent(c, next);
    await c.db.daySummaries.delete(c.dayId);
    reads.length = 0;
    dayId = c.dayId;
    await nextDay(c);
    expect(reads).toContain('payments');
    expect(await outboxBody(c, dayId)).toBe(await bodyFromEveryRow(c, dayId));
  });

  it('folds every row when the summary does not match them: the rows are the truth, and the body is still theirs', async () => {
    const c = await counterWithFloat();
    const next = seeded(7);
    for (let i = 0; i < 20; i++) await randomEvent(c, next);
    const summary = (await c.db.daySummaries.get(c.dayId))!;
    // A summary one piece and a rupee off the rows (as a bug or a half-restored store might leave it).
    await c.db.daySummaries.put({ ...summary, tally: { ...summary.tally, itemsSold: summary.tally.itemsSold + 1, salesGross: summary.tally.salesGross + 100 } });
    const reads = await watchReads(c.db);
    const dayId = c.dayId;
    await nextDay(c);
    expect(reads).toContain('payments');
    expect(await outboxBody(c, dayId)).toBe(await bodyFromEveryRow(c, dayId));
    // The Z reprint reads the summary the close wrote: the rows' figures, not the bad ones.
    expect((await c.db.daySummaries.get(dayId))!.tally.itemsSold).toBe(summary.tally.itemsSold);
  });
});

const TZ = 'Asia/Kolkata';

/** A one-line cash sale at the counter, its rows' ids from `newId` (the counter's own by default). */
async function sellOne(c: Counter, newId = c.newId) {
  const p = c.products[0]!;
  const cart = addToCart(EMPTY_CART, cartItemFor(p, c.artisans.get(p.artisanId)!));
  const total = paise(cart.items[0]!.unitPrice);
  const settled = settleTenders(total, [{ method: 'cash', tendered: total }]);
  if (!settled.ok) throw new Error(settled.reason);
  const sold = await commitSale(c.db, { cart, payments: settled.payments, operator: c.operator, roundOff: 0 as Paise, deviceId: 'demo-market/K01', now: later(c), newId });
  c.sold.push(sold);
  return sold;
}

const bodyOf = (text: string) => JSON.parse(text) as DailyEarnings;

describe('the Z close prepared when its dialog opens', () => {
  it('only writes when nothing moved since: no row of the day is read again, and the body is the one every row gives', async () => {
    const c = await counterWithFloat();
    const next = seeded(11);
    for (let i = 0; i < 20; i++) await randomEvent(c, next);
    const reads = await watchReads(c.db);
    const prepared = await prepareDayClose(c.db, c.dayId);
    expect(reads).toContain('sales by key');
    expect(reads).toContain('saleLines by key');
    reads.length = 0;
    const dayId = c.dayId;
    const closed = await nextDay(c, prepared);
    expect(closed.fromPrepared).toBe(true);
    expect(reads.filter((r) => ['sales', 'saleLines', 'payments', 'cashMovements'].includes(r))).toEqual([]);
    expect(closed.outbox.body).toBe(await bodyFromEveryRow(c, dayId));
  });

  const between: [string, (c: Counter) => Promise<(before: DailyEarnings, after: DailyEarnings) => void>][] = [
    ['a sale', async (c) => {
      const sold = await sellOne(c);
      return (before, after) => {
        expect(after.totals.saleCount).toBe(before.totals.saleCount + 1);
        expect(after.artisans.flatMap((a) => a.lines.map((l) => l.receiptNo))).toContain(sold.sale.receiptNo);
      };
    }],
    ['a paid-in', async (c) => {
      await recordCashMovement(c.db, { dayId: c.dayId, kind: 'paid-in', amount: 12_300, reason: 'change from the bank', by: c.operator.id, approvedBy: c.manager.id, now: later(c), timeZone: TZ, newId: c.newId });
      return (before, after) => expect(after.cash.expected).toBe(before.cash.expected + 12_300);
    }],
    ['a cash payout', async (c) => {
      await recordPayout(c.db, { dayId: c.dayId, artisanId: [...c.artisans.keys()][0]!, amount: 4_500, method: 'cash', reference: null, paidBy: c.manager.id, now: later(c), timeZone: TZ, newId: c.newId });
      return (before, after) => expect(after.cash.expected).toBe(before.cash.expected - 4_500);
    }],
    ['a return', async (c) => {
      const sale = c.sold.at(-1)!; // the one-line sale sellOne made: nothing of it returned yet
      await commitReturn(c.db, {
        originalSaleId: sale.sale.id, quantities: [{ lineId: sale.lines[0]!.id, qty: 1 }], refundMode: 'cash',
        kind: 'return', operator: c.operator, managerId: c.manager.id, deviceId: 'demo-market/K01', now: later(c), newId: c.newId,
      });
      return (before, after) => expect(after.totals.returnCount).toBe(before.totals.returnCount + 1);
    }],
  ];
  it.each(between)('reads and folds the day again when %s came in after the dialog opened, and the body has it', async (_what, happen) => {
    // Two counters on the same seed: one closed straight after the prepare (what the fold
    // held), one with the write in between.
    const stores = [await counterWithFloat(), await counterWithFloat()];
    for (const c of stores) {
      const next = seeded(5);
      for (let i = 0; i < 12; i++) await randomEvent(c, next);
      await sellOne(c);
    }
    const [held, moved] = stores as [Counter, Counter];
    const heldBody = bodyOf((await nextDay(held, await prepareDayClose(held.db, held.dayId))).outbox.body);
    const prepared = await prepareDayClose(moved.db, moved.dayId);
    const check = await happen(moved);
    const dayId = moved.dayId;
    const closed = await nextDay(moved, prepared);
    expect(closed.fromPrepared).toBe(false);
    expect(closed.outbox.body).toBe(await bodyFromEveryRow(moved, dayId));
    check(heldBody, bodyOf(closed.outbox.body));
  });

  it('finds a sale whose ids sort below the day\'s (a clock set back): what it read by key disagrees with the summary, so it reads every row', async () => {
    const c = await counterWithFloat();
    const next = seeded(23);
    for (let i = 0; i < 10; i++) await randomEvent(c, next);
    // 'back-0001' sorts before the counter's 'id-…': as if issued before the day opened.
    const early = await sellOne(c, sequentialIds('back'));
    expect(early.sale.id < c.dayId).toBe(true);
    const reads = await watchReads(c.db);
    const prepared = await prepareDayClose(c.db, c.dayId);
    expect(reads).toContain('payments');
    const dayId = c.dayId;
    const closed = await nextDay(c, prepared);
    expect(closed.fromPrepared).toBe(true);
    expect(bodyOf(closed.outbox.body).artisans.flatMap((a) => a.lines.map((l) => l.receiptNo))).toContain(early.sale.receiptNo);
    expect(closed.outbox.body).toBe(await bodyFromEveryRow(c, dayId));
  });

  it('is refused for a day already closed, and a close leaves none of its User Timing marks behind (an observer still sees them all)', async () => {
    const c = await counterWithFloat();
    await sellOne(c);
    const seen: string[] = [];
    const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.name.startsWith('z-close:')) seen.push(e.name); });
    observer.observe({ entryTypes: ['mark'] });
    const dayId = c.dayId;
    const zMarks = () => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('z-close:'));
    // A close refused (an operator is not a manager) leaves none either.
    await expect(closeBusinessDay(c.db, {
      dayId, count: EMPTY_CASH_COUNT, managerId: c.operator.id, marketId: 'demo-market', deviceId: 'demo-market/K01', now: later(c), timeZone: TZ, newId: c.newId,
    })).rejects.toThrow("Closing the day needs an active manager's approval.");
    expect(zMarks()).toEqual([]);
    seen.length = 0;
    await nextDay(c);
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.disconnect();
    expect(seen).toEqual(CLOSE_STAGES.map((stage) => `z-close:${stage}`));
    expect(zMarks()).toEqual([]);
    await expect(prepareDayClose(c.db, dayId)).rejects.toBeInstanceOf(DayClosedError);
  });
});
