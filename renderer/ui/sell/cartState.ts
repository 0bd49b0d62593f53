import { addToCart, EMPTY_CART, removeFromCart, setQuantity, type Cart, type CartItem } from '../../../shared/cart';

/**
 * The sell screen's cart, as a reducer over the shared cart rules. `touched` names the
 * line the last action changed, so the screen can show it (a scan may land on a line
 * far down the list); `seq` makes a repeat scan of the same line count as new.
 */
export interface SellState {
  cart: Cart;
  touched: { productId: string; seq: number } | null;
}

export const EMPTY_SELL: SellState = { cart: EMPTY_CART, touched: null };

export type SellAction =
  | { type: 'add'; item: CartItem }
  | { type: 'increment'; productId: string }
  | { type: 'decrement'; productId: string }
  | { type: 'remove'; productId: string }
  | { type: 'clear' };

function touch(state: SellState, cart: Cart, productId: string): SellState {
  return { cart, touched: { productId, seq: (state.touched?.seq ?? 0) + 1 } };
}

export function sellReducer(state: SellState, action: SellAction): SellState {
  switch (action.type) {
    case 'add':
      return touch(state, addToCart(state.cart, action.item), action.item.productId);
    case 'increment':
    case 'decrement': {
      const line = state.cart.items.find((i) => i.productId === action.productId);
      if (!line) return state;
      const qty = line.qty + (action.type === 'increment' ? 1 : -1);
      // The minus button stops at one piece: taking a line away is the remove button's
      // job, so a double tap on minus cannot silently drop an item.
      if (qty < 1) return state;
      return touch(state, setQuantity(state.cart, action.productId, qty), action.productId);
    }
    case 'remove':
      return { cart: removeFromCart(state.cart, action.productId), touched: null };
    case 'clear':
      return EMPTY_SELL;
  }
}
