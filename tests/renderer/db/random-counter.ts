import { expect } from 'vitest';
import { closeBusinessDay, commitReturn, commitSale, DEMO_PINS, recordCashMovement, recordPayout, signInWithPin, type ChinarDb, type ClosedDay, type CommittedSale, type PreparedClose } from '../../../renderer/db';
import { addToCart, cartItemFor, EMPTY_CART, setDiscount, type Cart } from '../../../shared/cart';
import { EMPTY_CASH_COUNT } from '../../../shared/cash-count';
import type { ArtisanEntity, ProductEntity, UserEntity } from '../../../shared/entities';
import { paise, type Paise } from '../../../shared/money';
import { settleTenders, type TenderInput } from '../../../shared/tender';
import { freshStore, NOON_IN_SRINAGAR, openTestDay } from './helpers';

/**
 * A counter driven by a seeded generator (tests/fixtures/random.ts): sales with any
 * tender (split too), discounts, returns (of any earlier day's sale), voids, paid-ins,
 * paid-outs and payouts, so the store's quick figures can be checked against the rows.
 */

const TZ = 'Asia/Kolkata';

export interface Counter {
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
  /** Days after NOON_IN_SRINAGAR's: nextDay moves on to the next. */
  dayNo: number;
}

/** A store with the demo catalog and a day open with a float, `dayNo` days after NOON_IN_SRINAGAR's. */
export async function counterWithFloat(dayNo = 0): Promise<Counter> {
  const { db, newId } = await freshStore({ openDay: false });
  const day = await openTestDay(db, newId, new Date(NOON_IN_SRINAGAR.getTime() + 86_400_000 * dayNo), 500_000);
  // Enough stock that no line needs a manager for it (a test write, not a sale).
  const products = (await db.products.toArray()).map((p) => ({ ...p, stock: 10_000 }));
  await db.products.bulkPut(products);
  return {
    db, newId, dayId: day.id, products, sold: [], justSold: null, returned: new Map(), minutes: 0, dayNo,
    artisans: new Map((await db.artisans.toArray()).map((a) => [a.id, a])),
    operator: (await signInWithPin(db, DEMO_PINS.operator))!, manager: (await signInWithPin(db, DEMO_PINS.manager))!,
  };
}

export const later = (c: Counter) => new Date(NOON_IN_SRINAGAR.getTime() + 86_400_000 * c.dayNo + 60_000 * ++c.minutes);

/**
 * The Z close of the counter's day (nothing counted: the difference is recorded), with the
 * fold prepared when its dialog opened if one is given, and the next day opened.
 */
export async function nextDay(c: Counter, prepared?: PreparedClose): Promise<ClosedDay> {
  const closed = await closeBusinessDay(c.db, {
    dayId: c.dayId, count: EMPTY_CASH_COUNT, managerId: c.manager.id, marketId: 'demo-market', deviceId: 'demo-market/K01',
    now: later(c), timeZone: TZ, newId: c.newId, ...(prepared ? { prepared } : {}),
  });
  c.dayNo++;
  c.minutes = 0;
  c.justSold = null;
  c.dayId = (await openTestDay(c.db, c.newId, later(c), 500_000)).id;
  return closed;
}

/** One random thing that happens at a counter: a sale (any tender, split too), a return, a void, cash in or out, a payout. */
export async function randomEvent(c: Counter, next: () => number): Promise<void> {
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

