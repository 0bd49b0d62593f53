import { describe, expect, it } from 'vitest';
import type { CartItem } from '../../../../shared/cart';
import { paise } from '../../../../shared/money';
import { EMPTY_SELL, sellReducer, type SellAction, type SellState } from '../../../../renderer/ui/sell/cartState';

function item(productId: string, price = 100_000): CartItem {
  return {
    productId, sku: `SKU-${productId}`, barcode: `200000000${productId}`, name: `Item ${productId}`, hsn: '6214',
    handmade: true, gstRateBpsOverride: null, unitPrice: paise(price), qty: 1, discount: paise(0),
    artisanId: 'a1', artisanCode: 'A-001', artisanName: 'Haleema Akhter', fairWageCertified: true, commissionBps: 1500,
  };
}

const run = (...actions: SellAction[]): SellState => actions.reduce(sellReducer, EMPTY_SELL);

describe('sell screen cart', () => {
  it('scanning the same item again adds a piece to its line and marks it as touched again', () => {
    const once = run({ type: 'add', item: item('1') });
    const twice = sellReducer(once, { type: 'add', item: item('1') });
    expect(twice.cart.items).toHaveLength(1);
    expect(twice.cart.items[0]!.qty).toBe(2);
    expect(twice.touched).toEqual({ productId: '1', seq: 2 });
  });

  it('keeps the other lines as they were (same objects), so only the changed line redraws', () => {
    const before = run({ type: 'add', item: item('1') }, { type: 'add', item: item('2') });
    const after = sellReducer(before, { type: 'increment', productId: '2' });
    expect(after.cart.items[0]).toBe(before.cart.items[0]);
    expect(after.cart.items[1]!.qty).toBe(2);
  });

  it('minus stops at one piece; remove takes the line away', () => {
    const one = run({ type: 'add', item: item('1') });
    expect(sellReducer(one, { type: 'decrement', productId: '1' })).toBe(one);
    expect(sellReducer(one, { type: 'remove', productId: '1' }).cart.items).toEqual([]);
  });

  it('ignores changes to a line that is not there', () => {
    const one = run({ type: 'add', item: item('1') });
    expect(sellReducer(one, { type: 'increment', productId: 'nope' })).toBe(one);
  });

  it('clears everything', () => {
    expect(run({ type: 'add', item: item('1') }, { type: 'clear' })).toEqual(EMPTY_SELL);
  });
});
