import { addToCart, EMPTY_CART, removeFromCart, setDiscount, setQuantity, type Cart, type CartItem } from '../../../shared/cart';
import type { UserEntity } from '../../../shared/entities';
import type { Paise } from '../../../shared/money';
import { exceedsLimit, keepApprovals, linePrice, type DiscountApproval } from './discount';
import { checkStock, keepStockApprovals, type StockApproval, type StockCounts } from './stockCheck';

/**
 * The sell screen's cart, as a reducer over the shared cart rules. `touched` names the
 * line the last action changed, so the screen can show it (a scan may land on a line
 * far down the list); `seq` makes a repeat scan of the same line count as new.
 * `approvals` are the managers' approvals of discounts above the store's limit: they
 * belong to the cart, and go with it into the sale's audit entry. `stock` is each line's
 * count in the store as read when it was scanned, and `stockApprovals` the say-so for lines
 * that sell past it (see stockCheck.ts).
 */
export interface SellState {
  cart: Cart;
  touched: { productId: string; seq: number } | null;
  approvals: readonly DiscountApproval[];
  stock: StockCounts;
  stockApprovals: readonly StockApproval[];
}

export const EMPTY_SELL: SellState = { cart: EMPTY_CART, touched: null, approvals: [], stock: {}, stockApprovals: [] };

/**
 * What a change that may raise a quantity carries: the store's limit of pieces beyond the
 * count without a manager, and, when it goes past the count, the say-so it was given
 * (`managerId` null for the operator's confirmation alone). Without it such a change is
 * refused, so no path can sell past the count unconfirmed.
 */
export interface OverStock {
  limit: number;
  confirmed?: { managerId: UserEntity['id'] | null };
}

export type SellAction =
  /** One piece of a product; `stock` is its count in the store as just read. */
  | { type: 'add'; item: CartItem; stock?: number; overStock?: OverStock }
  | { type: 'increment'; productId: string; overStock?: OverStock }
  /** A quantity typed on the keypad (a whole number of at least one piece). */
  | { type: 'setQty'; productId: string; qty: number; overStock?: OverStock }
  | { type: 'decrement'; productId: string }
  | { type: 'remove'; productId: string }
  /**
   * A discount on a line (0 removes it). Above `limitPct` it is applied only with the
   * approving manager's id; a discount within the limit needs and keeps no approval.
   */
  | { type: 'discount'; productId: string; discount: Paise; limitPct: number; approvedBy: UserEntity['id'] | null }
  | { type: 'clear' }
  /** A cart brought back (kept across a reload, or recalled from the parked ones). */
  | { type: 'restore'; state: SellState };

function touch(state: SellState, cart: Cart, productId: string, approvals = state.approvals): SellState {
  return { ...state, cart, touched: { productId, seq: (state.touched?.seq ?? 0) + 1 }, approvals };
}

/**
 * After a quantity change: the discount was kept within the line (setQuantity), the
 * discount approval only if it still covers it, the stock say-so shrunk to the line.
 */
function changed(state: SellState, cart: Cart, productId: string, stock = state.stock, stockApprovals = state.stockApprovals): SellState {
  return {
    ...touch(state, cart, productId, keepApprovals(state.approvals, cart)),
    stock,
    stockApprovals: keepStockApprovals(stockApprovals, cart, stock),
  };
}

/**
 * The stock approvals with `qty` pieces of a product in the cart, or null when that many
 * may not go in: above the count with no say-so that covers it.
 */
function withStockSayso(state: SellState, productId: string, qty: number, stock: StockCounts, overStock: OverStock | undefined): readonly StockApproval[] | null {
  const check = checkStock(productId, qty, stock[productId], state.stockApprovals, overStock?.limit ?? 0);
  if (check.status === 'ok') return state.stockApprovals;
  const given = overStock?.confirmed;
  if (!given || (check.needsManager && given.managerId === null)) return null;
  return [...state.stockApprovals.filter((a) => a.productId !== productId), { productId, qty, managerId: given.managerId }];
}

export function sellReducer(state: SellState, action: SellAction): SellState {
  switch (action.type) {
    case 'add': {
      const { productId } = action.item;
      const stock = action.stock === undefined ? state.stock : { ...state.stock, [productId]: action.stock };
      const qty = (state.cart.items.find((i) => i.productId === productId)?.qty ?? 0) + action.item.qty;
      const sayso = withStockSayso(state, productId, qty, stock, action.overStock);
      if (sayso === null) return state;
      return changed(state, addToCart(state.cart, action.item), productId, stock, sayso);
    }
    case 'increment':
    case 'setQty': {
      const line = state.cart.items.find((i) => i.productId === action.productId);
      if (!line) return state;
      const qty = action.type === 'increment' ? line.qty + 1 : action.qty;
      if (!Number.isSafeInteger(qty) || qty < 1 || qty === line.qty) return state;
      // Only a rise can go past the count; lowering never needs anyone's say-so.
      const sayso = qty > line.qty ? withStockSayso(state, action.productId, qty, state.stock, action.overStock) : state.stockApprovals;
      if (sayso === null) return state;
      return changed(state, setQuantity(state.cart, action.productId, qty), action.productId, state.stock, sayso);
    }
    case 'decrement': {
      const line = state.cart.items.find((i) => i.productId === action.productId);
      if (!line) return state;
      const qty = line.qty - 1;
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
        ...state,
        cart: removeFromCart(state.cart, action.productId),
        touched: null,
        approvals: state.approvals.filter((a) => a.productId !== action.productId),
        stockApprovals: state.stockApprovals.filter((a) => a.productId !== action.productId),
      };
    case 'clear':
      return EMPTY_SELL;
    case 'restore':
      return action.state;
  }
}
