import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  commitSale, DEMO_PINS, findProductByBarcode, loadOpenCart, openChinarDb, parkCart, parkedCarts, recallCart,
  saveOpenCart, signInWithPin, type CartDraft, type ChinarDb,
} from '../../../renderer/db';
import { addToCart, cartItemFor, EMPTY_CART, type Cart } from '../../../shared/cart';
import type { Paise } from '../../../shared/money';
import { settleTenders } from '../../../shared/tender';
import { freshStore, NOON_IN_SRINAGAR } from './helpers';

const AT = '2026-11-22T12:00:00+05:30';

async function draftOf(db: ChinarDb, ...barcodes: string[]): Promise<CartDraft> {
  let cart: Cart = EMPTY_CART;
  for (const code of barcodes) {
    const found = (await findProductByBarcode(db, code))!;
    cart = addToCart(cart, cartItemFor(found.product, found.artisan));
  }
  return { cart, discountApprovals: [], stockApprovals: [], operatorId: 'op' };
}

describe('the cart on the counter', () => {
  it('comes back after the store is closed and opened again (a reload mid-sale)', async () => {
    const { db, factory } = await freshStore();
    const draft = await draftOf(db, '2000000000015', '2000000000015', '2000000000077');
    await saveOpenCart(db, draft, AT);
    db.close();
    const reopened = await openChinarDb('test', { indexedDB: factory, IDBKeyRange });
    const row = await loadOpenCart(reopened);
    expect(row?.cart.items.map((i) => [i.sku, i.qty])).toEqual([['DEMO-PSH-1', 2], ['DEMO-PAP-1', 1]]);
  });

  it('is gone once it is a sale, in the same transaction, so it cannot be charged twice', async () => {
    const { db, newId } = await freshStore();
    const draft = await draftOf(db, '2000000000077');
    await saveOpenCart(db, draft, AT);
    const operator = (await signInWithPin(db, DEMO_PINS.operator))!;
    const settled = settleTenders(85_000 as Paise, [{ method: 'cash', tendered: 85_000 as Paise }]);
    if (!settled.ok) throw new Error('settle');
    await commitSale(db, { cart: draft.cart, payments: settled.payments, operator, roundOff: 0 as Paise, deviceId: 'd/K01', now: NOON_IN_SRINAGAR, newId });
    expect(await loadOpenCart(db)).toBeNull();
  });

  it('stays when the sale is NOT recorded', async () => {
    const { db, newId } = await freshStore();
    const draft = await draftOf(db, '2000000000077');
    await saveOpenCart(db, draft, AT);
    const operator = (await signInWithPin(db, DEMO_PINS.operator))!;
    const short = [{ method: 'cash' as const, amount: 1 as Paise, tendered: 1 as Paise, change: 0 as Paise, reference: null }];
    await expect(commitSale(db, { cart: draft.cart, payments: short, operator, roundOff: 0 as Paise, deviceId: 'd/K01', now: NOON_IN_SRINAGAR, newId })).rejects.toThrow();
    expect(await loadOpenCart(db)).not.toBeNull();
  });

  it('parks under a label and is recalled; a cart on the counter is parked in its place, never lost', async () => {
    const { db, newId } = await freshStore();
    const first = await draftOf(db, '2000000000015');
    await saveOpenCart(db, first, AT);
    const parked = await parkCart(db, first, { label: ' red pheran ', savedAt: AT, newId });
    expect(parked.label).toBe('red pheran');
    expect(await loadOpenCart(db)).toBeNull();

    const second = await draftOf(db, '2000000000077');
    await saveOpenCart(db, second, '2026-11-22T12:05:00+05:30');
    const recalled = await recallCart(db, parked.id, { current: second, savedAt: '2026-11-22T12:06:00+05:30', newId });
    expect(recalled?.cart.items[0]?.sku).toBe('DEMO-PSH-1');
    expect((await loadOpenCart(db))?.cart.items[0]?.sku).toBe('DEMO-PSH-1');
    expect((await parkedCarts(db)).map((r) => r.cart.items[0]?.sku)).toEqual(['DEMO-PAP-1']);
    expect(await recallCart(db, parked.id, { current: second, savedAt: AT, newId })).toBeNull();
  });

  it('refuses to park an empty cart, and an emptied counter keeps no row', async () => {
    const { db, newId } = await freshStore();
    await expect(parkCart(db, { cart: EMPTY_CART, discountApprovals: [], stockApprovals: [], operatorId: 'op' }, { label: '', savedAt: AT, newId })).rejects.toThrow(/empty/);
    await saveOpenCart(db, await draftOf(db, '2000000000015'), AT);
    await saveOpenCart(db, { cart: EMPTY_CART, discountApprovals: [], stockApprovals: [], operatorId: 'op' }, AT);
    expect(await db.carts.count()).toBe(0);
  });
});
