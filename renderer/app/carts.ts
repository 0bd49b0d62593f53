import { useLiveQuery } from 'dexie-react-hooks';
import {
  loadOpenCart, newId, parkCart, parkedCarts, recallCart, saveOpenCart, stockCounts, type CartDraft, type CartRow,
} from '../db';
import { attempt, type Outcome } from './outcome';
import type { Station } from './station';

/**
 * The sale in progress, kept in the store as it changes (renderer/db/carts.ts): a reload or
 * a crash mid-sale gives it back at the next sign-in, and the operator can park a sale to
 * serve someone else and recall it later. A cart comes back with its products' stock
 * counts as they are now, so the counter can tell which lines still sell past them.
 */
export interface KeptCart {
  row: CartRow;
  stock: Record<string, number>;
}

/** Saves the counter's cart (an empty one removes the kept row). */
export function keepOpenCart(station: Station, draft: CartDraft): Promise<Outcome<void>> {
  return attempt(() => saveOpenCart(station.db, draft, new Date().toISOString()));
}

/** The cart that was on the counter when the page last went away, or null. */
export function keptOpenCart(station: Station): Promise<Outcome<KeptCart | null>> {
  return attempt(async () => {
    const row = await loadOpenCart(station.db);
    return row ? withStock(station, row) : null;
  });
}

/** Puts the counter's sale aside under an optional label; the counter is then empty. */
export function parkSale(station: Station, draft: CartDraft, label: string): Promise<Outcome<CartRow>> {
  return attempt(() => parkCart(station.db, draft, { label, savedAt: new Date().toISOString(), newId }));
}

/**
 * Brings a parked sale back; the sale on the counter, if any, is parked in its place.
 * Null: it was recalled already (the list was out of date).
 */
export function recallSale(station: Station, id: string, current: CartDraft): Promise<Outcome<KeptCart | null>> {
  return attempt(async () => {
    const row = await recallCart(station.db, id, { current, savedAt: new Date().toISOString(), newId });
    return row ? withStock(station, row) : null;
  });
}

/** The parked sales, oldest first, kept up to date as sales are parked and recalled (none while loading). */
export function useParkedSales(station: Station): CartRow[] {
  return useLiveQuery(() => parkedCarts(station.db), [station.db], NONE);
}

const NONE: CartRow[] = [];

async function withStock(station: Station, row: CartRow): Promise<KeptCart> {
  return { row, stock: await stockCounts(station.db, row.cart.items.map((i) => i.productId)) };
}
