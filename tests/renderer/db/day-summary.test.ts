import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  closeBusinessDay, commitReturn, commitSale, dayReport, dayTotals, DEMO_PINS, openChinarDb, recordCashMovement, recordPayout, restoreJournalPage,
  signInWithPin, type ChinarDb, type CommittedSale,
} from '../../../renderer/db';
import { buildOpenDaySummary } from '../../../renderer/db/day-summary';
import { addToCart, cartItemFor, EMPTY_CART, setDiscount, type Cart } from '../../../shared/cart';
import { EMPTY_CASH_COUNT } from '../../../shared/cash-count';
import type { DayFigures, DayTotals } from '../../../shared/day-report';
import type { ArtisanEntity, ProductEntity, UserEntity } from '../../../shared/entities';
import { GENESIS_HEAD } from '../../../shared/journal';
import { paise, type Paise } from '../../../shared/money';
import { settleTenders, type TenderInput } from '../../../shared/tender';
import { seeded } from '../../fixtures/random';
import { freshStore, NOON_IN_SRINAGAR, openTestDay, openVersion30Store } from './helpers';

const TZ = 'Asia/Kolkata';

/** The rows' figures as the X and Z print them: without each artisan's lines. */
function totalsOf(figures: DayFigures): DayTotals {
  return { ...figures, artisans: figures.artisans.map(({ lines: _lines, ...a }) => a) };
}

interface Counter {
  db: ChinarDb;
  newId: () => string;
  dayId: string;
  operator: UserEntity;
  manager: UserEntity;
  products: ProductEntity[];
  artisans: Map<string, ArtisanEntity>;
  sold: CommittedSale[];
  /** The latest sale, while it may still be voided. */
  justSold: CommittedSale | null;
  /** Pieces returned so far per sale line. */
  returned: Map<string, number>;
  minutes: number;
}

async function counterWithFloat(): Promise<Counter> {
  const { db, newId } = await freshStore({ openDay: false });
  const day = await openTestDay(db, newId, NOON_IN_SRINAGAR, 500_000);
  // Enough stock that no line needs a manager for it (a test write, not a sale).
  const products = (await db.products.toArray()).map((p) => ({ ...p, stock: 10_000 }));
  await db.products.bulkPut(products);
  return {
    db, newId, dayId: day.id, products, sold: [], justSold: null, returned: new Map(), minutes: 0,
    artisans: new Map((await db.artisans.toArray()).map((a) => [a.id, a])),
    operator: (await signInWithPin(db, DEMO_PINS.operator))!, manager: (await signInWithPin(db, DEMO_PINS.manager))!,
  };
}

const later = (c: Counter) => new Date(NOON_IN_SRINAGAR.getTime() + 60_000 * ++c.minutes);

/** One random thing that happens at a counter: a sale (any tender, split too), a return, a void, cash in or out, a payout. */
async function randomEvent(c: Counter, next: () => number): Promise<void> {
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T,>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const roll = next();
  const last = c.justSold;
  if (roll < 0.55 || c.sold.length === 0) {
    let cart: Cart = EMPTY_CART;
    for (let k = int(1, 4); k > 0; k--) {
      const p = pick(c.products);
      for (let q = int(1, 2); q > 0; q--) cart = addToCart(cart, cartItemFor(p, c.artisans.get(p.artisanId)!));
    }
    const discounted = cart.items[0]!;
    if (next() < 0.3) cart = setDiscount(cart, discounted.productId, paise(Math.floor(discounted.unitPrice * discounted.qty * 0.05)));
    const total = paise(cart.items.reduce((s, i) => s + i.unitPrice * i.qty - i.discount, 0));
    const half = paise(Math.floor(total / 2));
    // Cash of ₹2,00,000 or more in one sale is refused (section 269ST): such a sale goes on the card.
    const tenders: TenderInput[] = total >= 19_000_000 ? [{ method: 'card', amount: total, reference: 'C0' }] : pick<TenderInput[]>([
      [{ method: 'cash', tendered: paise(Math.ceil(total / 50_000) * 50_000) }],
      [{ method: 'card', amount: total, reference: 'C1' }],
      [{ method: 'upi', amount: total, reference: 'U1' }],
      [{ method: 'upi', amount: paise(total - half), reference: 'U2' }, { method: 'cash', tendered: half }],
    ]);
    const settled = settleTenders(total, tenders);
    if (!settled.ok) throw new Error(settled.reason);
    c.justSold = await commitSale(c.db, {
      cart, payments: settled.payments, operator: c.operator, roundOff: 0 as Paise, deviceId: 'demo-market/K01', now: later(c), newId: c.newId,
    });
    c.sold.push(c.justSold);
  } else if (roll < 0.7) {
    const sale = pick(c.sold);
    const line = sale.lines.find((l) => (c.returned.get(l.id) ?? 0) < l.qty);
    if (!line) return;
    c.returned.set(line.id, (c.returned.get(line.id) ?? 0) + 1);
    await commitReturn(c.db, {
      originalSaleId: sale.sale.id, quantities: [{ lineId: line.id, qty: 1 }], refundMode: next() < 0.5 ? 'cash' : 'original-tenders',
      kind: 'return', operator: c.operator, managerId: c.manager.id, deviceId: 'demo-market/K01', now: later(c), newId: c.newId,
    });
  } else if (roll < 0.78) {
    // Only the sale just made can be voided, and only whole.
    if (!last || last.lines.some((l) => c.returned.has(l.id))) return;
    const voided = await commitReturn(c.db, {
      originalSaleId: last.sale.id, quantities: last.lines.map((l) => ({ lineId: l.id, qty: l.qty })), refundMode: 'original-tenders',
      kind: 'void', operator: c.operator, managerId: c.manager.id, deviceId: 'demo-market/K01', now: later(c), newId: c.newId,
    });
    expect(voided.sale.kind).toBe('void');
    c.sold.pop();
    c.justSold = null;
  } else if (roll < 0.9) {
    await recordCashMovement(c.db, {
      dayId: c.dayId, kind: next() < 0.5 ? 'paid-in' : 'paid-out', amount: int(100, 20_000), reason: 'change from the bank',
      by: c.operator.id, approvedBy: c.manager.id, now: later(c), timeZone: TZ, newId: c.newId,
    });
  } else {
    const method = pick(['cash', 'upi', 'bank'] as const);
    await recordPayout(c.db, {
      dayId: c.dayId, artisanId: pick([...c.artisans.keys()]), amount: int(100, 50_000), method, reference: method === 'cash' ? null : 'REF-1',
      paidBy: c.manager.id, now: later(c), timeZone: TZ, newId: c.newId,
    });
  }
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
