import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { closeBusinessDay, commitSale, dayReport, dayTotals, openChinarDb, restoreJournalPage } from '../../../renderer/db';
import { buildOpenDaySummary } from '../../../renderer/db/day-summary';
import { addToCart, cartItemFor, EMPTY_CART } from '../../../shared/cart';
import { EMPTY_CASH_COUNT } from '../../../shared/cash-count';
import type { DayFigures, DayTotals } from '../../../shared/day-report';
import { GENESIS_HEAD } from '../../../shared/journal';
import { paise, type Paise } from '../../../shared/money';
import { seeded } from '../../fixtures/random';
import { openVersion30Store } from './helpers';
import { counterWithFloat, later, randomEvent } from './random-counter';

const TZ = 'Asia/Kolkata';

/** The rows' figures as the X and Z print them: without each artisan's lines. */
function totalsOf(figures: DayFigures): DayTotals {
  return { ...figures, artisans: figures.artisans.map(({ lines: _lines, ...a }) => a) };
}

describe('the day summary (the X and Z from one row)', () => {
  it.each([11, 23, 47])('seed %i: gives the figures the rows give, to the paisa, after every record, and the close keeps them', async (seed) => {
    const c = await counterWithFloat();
    const next = seeded(seed);
    for (let i = 0; i < 40; i++) {
      await randomEvent(c, next);
      if (i % 8 === 7) expect((await dayTotals(c.db, c.dayId)).figures).toEqual(totalsOf((await dayReport(c.db, c.dayId)).figures));
    }
    const open = await dayTotals(c.db, c.dayId);
    expect(open.figures).toEqual(totalsOf((await dayReport(c.db, c.dayId)).figures));
    expect(open.figures.returnCount).toBeGreaterThan(0);
    expect(open.figures.cash.paidOut).toBeGreaterThan(0);
    expect(open.movements.map((m) => m.at)).toEqual([...open.movements.map((m) => m.at)].sort());

    const closed = await closeBusinessDay(c.db, {
      dayId: c.dayId, count: EMPTY_CASH_COUNT, managerId: c.manager.id, marketId: 'demo-market', deviceId: 'demo-market/K01',
      now: later(c), timeZone: TZ, newId: c.newId,
    });
    const z = await dayTotals(c.db, c.dayId);
    expect(z.figures.status).toBe('closed');
    expect(z.figures).toEqual(totalsOf(closed.figures));
    expect(z.figures).toEqual(totalsOf((await dayReport(c.db, c.dayId)).figures));
  });

  it('is written in the same transaction as the sale: a sale that is not recorded leaves the summary as it was', async () => {
    const c = await counterWithFloat();
    const next = seeded(5);
    for (let i = 0; i < 5; i++) await randomEvent(c, next);
    const before = await c.db.daySummaries.get(c.dayId);
    const p = c.products[0]!;
    const cart = addToCart(EMPTY_CART, cartItemFor(p, c.artisans.get(p.artisanId)!));
    await expect(commitSale(c.db, {
      cart, payments: [{ method: 'card', amount: paise(1), tendered: null, change: null, reference: 'C9' }], operator: c.operator,
      roundOff: 0 as Paise, deviceId: 'demo-market/K01', now: later(c), newId: c.newId,
    })).rejects.toThrow(/Payments add up/);
    expect(await c.db.daySummaries.get(c.dayId)).toEqual(before);
  });

  it('sums a day without a summary (from before v40, or restored) from its rows, once, and goes on from there', async () => {
    const c = await counterWithFloat();
    const next = seeded(7);
    for (let i = 0; i < 10; i++) await randomEvent(c, next);
    const kept = (await c.db.daySummaries.get(c.dayId))!;
    await c.db.daySummaries.clear();
    const rebuilt = await dayTotals(c.db, c.dayId);
    expect(rebuilt.figures).toEqual(totalsOf((await dayReport(c.db, c.dayId)).figures));
    expect((await c.db.daySummaries.get(c.dayId))!.tally).toEqual(kept.tally);
    await c.db.daySummaries.clear();
    for (let i = 0; i < 10; i++) await randomEvent(c, next); // the first of these sums the day from its rows
    expect((await dayTotals(c.db, c.dayId)).figures).toEqual(totalsOf((await dayReport(c.db, c.dayId)).figures));
  });

  it('takes a summary from before v42 (no HSN sums) as none: the next sale sums the day from its rows and keeps the HSN sums', async () => {
    const c = await counterWithFloat();
    const next = seeded(21);
    for (let i = 0; i < 8; i++) await randomEvent(c, next);
    const kept = (await c.db.daySummaries.get(c.dayId))!;
    const { byHsn: _byHsn, ...before42 } = kept.tally;
    await c.db.daySummaries.put({ ...kept, tally: before42 as typeof kept.tally });
    const sold = c.sold.length;
    while (c.sold.length === sold) await randomEvent(c, next);
    const now = (await c.db.daySummaries.get(c.dayId))!.tally;
    expect(Object.keys(now.byHsn).length).toBeGreaterThan(0);
    await c.db.daySummaries.clear();
    expect((await dayTotals(c.db, c.dayId)).figures).toEqual(totalsOf((await dayReport(c.db, c.dayId)).figures));
    expect((await c.db.daySummaries.get(c.dayId))!.tally).toEqual(now);
  });

  it('is dropped when rows come back from the journal, and summed again from them', async () => {
    const c = await counterWithFloat();
    const next = seeded(9);
    for (let i = 0; i < 6; i++) await randomEvent(c, next);
    const before = (await dayTotals(c.db, c.dayId)).figures;
    // A journal page that brings back a sale the summary never saw.
    const extra = c.sold[0]!;
    const copy = { ...extra.sale, id: 'restored-sale', receiptNo: 'K01/2627/999999' };
    await restoreJournalPage(c.db, {
      sales: [copy], saleLines: extra.lines.map((l) => ({ ...l, id: `restored-${l.id}`, saleId: copy.id })),
      payments: extra.payments.map((p) => ({ ...p, id: `restored-${p.id}`, saleId: copy.id })),
    } as never, GENESIS_HEAD);
    expect(await c.db.daySummaries.count()).toBe(0);
    const after = (await dayTotals(c.db, c.dayId)).figures;
    expect(after.saleCount).toBe(before.saleCount + 1);
    expect(after).toEqual(totalsOf((await dayReport(c.db, c.dayId)).figures));
  });

  it("version 40's upgrade sums a version-30 store's open day from its rows, and leaves closed days to be summed when read", async () => {
    const c = await counterWithFloat();
    const next = seeded(17);
    for (let i = 0; i < 8; i++) await randomEvent(c, next);
    const kept = (await c.db.daySummaries.get(c.dayId))!;
    const tables = ['artisans', 'products', 'users', 'sales', 'saleLines', 'payments', 'businessDays', 'cashMovements', 'payouts', 'audit', 'settings', 'counters'] as const;
    const rows = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await c.db.table(t).toArray()] as const)));

    const factory = new IDBFactory();
    const old = await openVersion30Store(factory, 'v30');
    await old.transaction('rw', tables.map((t) => old.table(t)), async () => {
      for (const t of tables) await old.table(t).bulkAdd(rows[t]!);
    });
    old.close();
    const upgraded = await openChinarDb('v30', { indexedDB: factory, IDBKeyRange });
    expect(await upgraded.daySummaries.toArray()).toEqual([kept]);
    expect((await dayTotals(upgraded, c.dayId)).figures).toEqual((await dayTotals(c.db, c.dayId)).figures);
  });

  it("version 40's upgrade step builds the open day's summary inside its transaction", async () => {
    const c = await counterWithFloat();
    const next = seeded(13);
    for (let i = 0; i < 8; i++) await randomEvent(c, next);
    const kept = (await c.db.daySummaries.get(c.dayId))!;
    await c.db.daySummaries.clear();
    await c.db.transaction('rw', [c.db.businessDays, c.db.daySummaries, c.db.sales, c.db.saleLines, c.db.payments, c.db.cashMovements], () =>
      buildOpenDaySummary(Dexie.currentTransaction));
    expect(await c.db.daySummaries.get(c.dayId)).toEqual(kept);
  });
});
