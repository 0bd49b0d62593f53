import type { CartDraft, CartRow } from '../../db';
import type { SellState } from './cartState';
import { approvalsForCommit, linePrice } from './discount';
import type { StockCounts } from './stockCheck';

/**
 * The sell screen's state as the store keeps it (renderer/db/carts.ts) and back. The store
 * keeps which manager approved which line; the state also knows what each approval covered.
 * Every change re-checks the approvals (cartState.ts), so the ones kept covered the line as
 * it was saved, and come back covering it as it is.
 */
export function draftOf(state: SellState, operatorId: string): CartDraft {
  return {
    cart: state.cart,
    discountApprovals: approvalsForCommit(state.approvals),
    stockApprovals: state.stockApprovals.flatMap((a) => (a.managerId === null ? [] : [{ productId: a.productId, managerId: a.managerId }])),
    operatorId,
  };
}

/**
 * A kept cart as the sell screen's state, with the stock counts read as it came back. A
 * line above its count was confirmed before it was kept (no path puts it there otherwise);
 * its manager's approval comes back with it.
 */
export function stateOf(row: Pick<CartRow, 'cart' | 'discountApprovals' | 'stockApprovals'>, stock: StockCounts): SellState {
  const items = row.cart.items;
  const approvals = row.discountApprovals.flatMap((a) => {
    const item = items.find((i) => i.productId === a.productId);
    return item ? [{ productId: a.productId, managerId: a.managerId, discount: item.discount, price: linePrice(item) }] : [];
  });
  const stockApprovals = items.flatMap((item) => {
    const count = stock[item.productId];
    if (count === undefined || item.qty <= count) return [];
    const manager = row.stockApprovals.find((a) => a.productId === item.productId);
    return [{ productId: item.productId, qty: item.qty, managerId: manager?.managerId ?? null }];
  });
  return { cart: { items: [...items] }, touched: null, approvals, stock, stockApprovals };
}
