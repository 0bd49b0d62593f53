import type { Cart } from '../../shared/cart';
import type { CartRow, ChinarDb } from './schema';
import type { LineApproval } from './sales';
import type { NewId } from './ids';

/**
 * The cart on the counter is kept in the store as it changes, so reloading the page or a
 * crash mid-sale gives it back; commitSale removes it in the sale's own transaction, so
 * a recorded sale can never come back as a cart to be charged again. Parking puts the
 * cart aside under a label while the operator serves the next buyer.
 */
export const OPEN_CART_ID = 'open';

export interface CartDraft {
  cart: Cart;
  discountApprovals: readonly LineApproval[];
  stockApprovals: readonly LineApproval[];
  operatorId: string;
}

/** Keeps the counter's cart; an empty cart removes the row. */
export async function saveOpenCart(db: ChinarDb, draft: CartDraft, savedAt: string): Promise<void> {
  if (draft.cart.items.length === 0) {
    await db.carts.delete(OPEN_CART_ID);
    return;
  }
  await db.carts.put(rowOf(OPEN_CART_ID, 'open', draft, savedAt, ''));
}

export async function loadOpenCart(db: ChinarDb): Promise<CartRow | null> {
  return (await db.carts.get(OPEN_CART_ID)) ?? null;
}

/** Parks the counter's cart under a label; the counter is then empty. */
export async function parkCart(db: ChinarDb, draft: CartDraft, options: { label: string; savedAt: string; newId: NewId }): Promise<CartRow> {
  if (draft.cart.items.length === 0) throw new RangeError('An empty cart cannot be parked.');
  const row = rowOf(options.newId(), 'parked', draft, options.savedAt, options.label.trim().slice(0, 60));
  await db.transaction('rw', [db.carts], async () => {
    await db.carts.add(row);
    await db.carts.delete(OPEN_CART_ID);
  });
  return row;
}

/** The parked carts, oldest first. */
export async function parkedCarts(db: ChinarDb): Promise<CartRow[]> {
  const rows = await db.carts.where('status').equals('parked').toArray();
  return rows.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

/**
 * Brings a parked cart back to the counter. A cart already on the counter is parked in
 * its place (nothing is thrown away); returns the recalled row, or null if another
 * counter screen recalled it first.
 */
export async function recallCart(db: ChinarDb, id: string, options: { current: CartDraft; savedAt: string; newId: NewId }): Promise<CartRow | null> {
  return db.transaction('rw', [db.carts], async () => {
    const parked = await db.carts.get(id);
    if (!parked || parked.status !== 'parked') return null;
    await db.carts.delete(id);
    if (options.current.cart.items.length > 0) {
      await db.carts.add(rowOf(options.newId(), 'parked', options.current, options.savedAt, ''));
    }
    const open = { ...parked, id: OPEN_CART_ID, status: 'open' as const, savedAt: options.savedAt };
    await db.carts.put(open);
    return open;
  });
}

function rowOf(id: string, status: CartRow['status'], draft: CartDraft, savedAt: string, label: string): CartRow {
  return {
    id, status, cart: { items: [...draft.cart.items] },
    discountApprovals: [...draft.discountApprovals], stockApprovals: [...draft.stockApprovals],
    operatorId: draft.operatorId, savedAt, label,
  };
}

/** The count in the store of each of these products (a product gone from the catalog is left out). */
export async function stockCounts(db: ChinarDb, productIds: readonly string[]): Promise<Record<string, number>> {
  const products = await db.products.bulkGet([...new Set(productIds)]);
  const counts: Record<string, number> = {};
  for (const p of products) if (p) counts[p.id] = p.stock;
  return counts;
}
