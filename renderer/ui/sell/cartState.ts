import { addToCart, EMPTY_CART, removeFromCart, setDiscount, setQuantity, type Cart, type CartItem } from '../../../shared/cart';
import type { UserEntity } from '../../../shared/entities';
import type { Paise } from '../../../shared/money';
import { exceedsLimit, keepApprovals, linePrice, type DiscountApproval } from './discount';

/**
 * The sell screen's cart, as a reducer over the shared cart rules. `touched` names the
 * line the last action changed, so the screen can show it (a scan may land on a line
 * far down the list); `seq` makes a repeat scan of the same line count as new.
 * `approvals` are the managers' approvals of discounts above the store's limit: they
 * belong to the cart, and go with it into the sale's audit entry.
 */
export interface SellState {
  cart: Cart;
  touched: { productId: string; seq: number } | null;
  approvals: readonly DiscountApproval[];
}

export const EMPTY_SELL: SellState = { cart: EMPTY_CART, touched: null, approvals: [] };

export type SellAction =
  | { type: 'add'; item: CartItem }
  | { type: 'increment'; productId: string }
  | { type: 'decrement'; productId: string }
  | { type: 'remove'; productId: string }
  /**
   * A discount on a line (0 removes it). Above `limitPct` it is applied only with the
   * approving manager's id; a discount within the limit needs and keeps no approval.
   */
  | { type: 'discount'; productId: string; discount: Paise; limitPct: number; approvedBy: UserEntity['id'] | null }
  | { type: 'clear' };

function touch(state: SellState, cart: Cart, productId: string, approvals = state.approvals): SellState {
  return { cart, touched: { productId, seq: (state.touched?.seq ?? 0) + 1 }, approvals };
}

/** After a quantity change: the discount was kept within the line (setQuantity), the approval only if it still covers it. */
function changed(state: SellState, cart: Cart, productId: string): SellState {
  return touch(state, cart, productId, keepApprovals(state.approvals, cart));
}

export function sellReducer(state: SellState, action: SellAction): SellState {
  switch (action.type) {
    case 'add':
      return changed(state, addToCart(state.cart, action.item), action.item.productId);
    case 'increment':
    case 'decrement': {
      const line = state.cart.items.find((i) => i.productId === action.productId);
      if (!line) return state;
      const qty = line.qty + (action.type === 'increment' ? 1 : -1);
      // The minus button stops at one piece: taking a line away is the remove button's
      // job, so a double tap on minus cannot silently drop an item.
      if (qty < 1) return state;
      return changed(state, setQuantity(state.cart, action.productId, qty), action.productId);
    }
    case 'discount': {
      const line = state.cart.items.find((i) => i.productId === action.productId);
      if (!line) return state;
      const price = linePrice(line);
      // The dialog checks these first; the reducer still refuses, so no path can put an
      // unapproved or impossible discount in the cart (setDiscount would throw in render).
      if (!Number.isSafeInteger(action.discount) || action.discount < 0 || action.discount > price) return state;
      const needsApproval = exceedsLimit(action.discount, price, action.limitPct);
      if (needsApproval && action.approvedBy === null) return state;
      const others = state.approvals.filter((a) => a.productId !== action.productId);
      const approvals = needsApproval && action.approvedBy !== null
        ? [...others, { productId: action.productId, managerId: action.approvedBy, discount: action.discount, price }]
        : others;
      return touch(state, setDiscount(state.cart, action.productId, action.discount), action.productId, approvals);
    }
    case 'remove':
      return {
        cart: removeFromCart(state.cart, action.productId),
        touched: null,
        approvals: state.approvals.filter((a) => a.productId !== action.productId),
      };
    case 'clear':
      return EMPTY_SELL;
  }
}
