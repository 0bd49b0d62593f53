import { describe, expect, it } from 'vitest';
import type { CartItem } from '../../../../shared/cart';
import { paise } from '../../../../shared/money';
import { EMPTY_SELL, sellReducer, type SellAction, type SellState } from '../../../../renderer/ui/sell/cartState';
import { draftOf, stateOf } from '../../../../renderer/ui/sell/keptCart';
import { checkStock, stockApprovalsForCommit } from '../../../../renderer/ui/sell/stockCheck';

function item(productId: string, price = 18_500_000): CartItem {
  return {
    productId, sku: `SKU-${productId}`, barcode: `200000000${productId}`, name: `Item ${productId}`, hsn: '5701',
    handmade: true, gstRateBpsOverride: null, unitPrice: paise(price), qty: 1, discount: paise(0),
    artisanId: 'a1', artisanCode: 'A-001', artisanName: 'Haleema Akhter', fairWageCertified: true, commissionBps: 1500,
  };
}

const LIMIT = 2;
const rule = (managerId?: string | null) => ({ limit: LIMIT, ...(managerId === undefined ? {} : { confirmed: { managerId } }) });
const run = (...actions: SellAction[]): SellState => actions.reduce(sellReducer, EMPTY_SELL);
const carpet = (): SellAction => ({ type: 'add', item: item('c'), stock: 2, overStock: rule() });
const qty = (n: number, managerId?: string | null): SellAction => ({ type: 'setQty', productId: 'c', qty: n, overStock: rule(managerId) });

describe('checkStock', () => {
  it('needs nothing within the count, the operator just past it, a manager beyond the limit', () => {
    expect(checkStock('c', 2, 2, [], LIMIT)).toEqual({ status: 'ok' });
    expect(checkStock('c', 4, 2, [], LIMIT)).toEqual({ status: 'confirm', qty: 4, stock: 2, needsManager: false });
    expect(checkStock('c', 5, 2, [], LIMIT)).toEqual({ status: 'confirm', qty: 5, stock: 2, needsManager: true });
    // A count already below zero: the limit counts from none.
    expect(checkStock('c', 3, -1, [], LIMIT)).toMatchObject({ needsManager: true });
  });

  it('is satisfied by a say-so that covers the quantity, and only that', () => {
    expect(checkStock('c', 4, 2, [{ productId: 'c', qty: 4, managerId: null }], LIMIT)).toEqual({ status: 'ok' });
    expect(checkStock('c', 5, 2, [{ productId: 'c', qty: 5, managerId: null }], LIMIT).status).toBe('confirm');
    expect(checkStock('c', 5, 2, [{ productId: 'c', qty: 5, managerId: 'm1' }], LIMIT)).toEqual({ status: 'ok' });
    expect(checkStock('c', 6, 2, [{ productId: 'c', qty: 5, managerId: 'm1' }], LIMIT).status).toBe('confirm');
  });
});

describe('the cart past the stock count', () => {
  it('refuses a quantity past the count without a say-so, and a manager’s share without a manager', () => {
    const two = run(carpet(), qty(2));
    expect(two.cart.items[0]!.qty).toBe(2);
    expect(sellReducer(two, qty(3))).toBe(two);
    expect(sellReducer(two, { type: 'increment', productId: 'c', overStock: rule() })).toBe(two);
    expect(sellReducer(two, { ...carpet() })).toBe(two); // a third scan
    expect(sellReducer(two, qty(199, null))).toBe(two);
    const approved = sellReducer(two, qty(199, 'm1'));
    expect(approved.cart.items[0]!.qty).toBe(199);
    expect(approved.stockApprovals).toEqual([{ productId: 'c', qty: 199, managerId: 'm1' }]);
  });

  it('sends commitSale the manager of a line beyond the limit, and none once it is lowered within it', () => {
    const five = run(carpet(), qty(5, 'm1'));
    expect(stockApprovalsForCommit(five.stockApprovals, five.cart, five.stock, LIMIT)).toEqual([{ productId: 'c', managerId: 'm1' }]);
    const four = sellReducer(five, { type: 'decrement', productId: 'c' });
    expect(four.stockApprovals).toEqual([{ productId: 'c', qty: 4, managerId: 'm1' }]);
    expect(stockApprovalsForCommit(four.stockApprovals, four.cart, four.stock, LIMIT)).toEqual([]);
    // Back up to five needs the manager again: the say-so shrank with the line.
    expect(sellReducer(four, qty(5, null))).toBe(four);
  });

  it('drops the say-so of a line back within the count or removed', () => {
    const three = run(carpet(), qty(3, null));
    expect(sellReducer(three, qty(2)).stockApprovals).toEqual([]);
    expect(sellReducer(three, { type: 'remove', productId: 'c' }).stockApprovals).toEqual([]);
  });
});

describe('keptCart: the sell state as the store keeps it', () => {
  it('comes back with its approvals covering the lines as they were kept', () => {
    const state = run(
      carpet(), qty(5, 'm1'),
      { type: 'add', item: item('s', 1_250_000), stock: 6, overStock: rule() },
      { type: 'discount', productId: 's', discount: paise(250_000), limitPct: 10, approvedBy: 'm2' },
    );
    const draft = draftOf(state, 'op-1');
    expect(draft).toMatchObject({
      operatorId: 'op-1',
      discountApprovals: [{ productId: 's', managerId: 'm2' }],
      stockApprovals: [{ productId: 'c', managerId: 'm1' }],
    });
    const back = stateOf({ ...draft, discountApprovals: [...draft.discountApprovals], stockApprovals: [...draft.stockApprovals] }, { c: 2, s: 6 });
    expect(back.cart).toEqual(state.cart);
    expect(back.approvals).toEqual(state.approvals);
    expect(back.stockApprovals).toEqual(state.stockApprovals);
    expect(stockApprovalsForCommit(back.stockApprovals, back.cart, back.stock, LIMIT)).toEqual([{ productId: 'c', managerId: 'm1' }]);
  });
});
