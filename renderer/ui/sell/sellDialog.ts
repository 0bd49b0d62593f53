import type { CartItem } from '../../../shared/cart';

/**
 * A quantity that goes past the stock count, waiting for the operator's confirmation (and
 * a manager's PIN beyond the store's limit). `adding` is the piece a scan or a pick would
 * add (its line may not be in the cart yet); null when a line's quantity is being raised.
 */
export interface StockQuestion {
  productId: string;
  name: string;
  /** The quantity asked for. */
  qty: number;
  /** The line's quantity now (0 if it is not in the cart yet): what stays on No. */
  current: number;
  stock: number;
  needsManager: boolean;
  adding: { item: CartItem } | null;
}

/**
 * Which dialog the sell screen has open: one value, so two cannot be open at once and a
 * dialog's state (the line being discounted, a label scanned while it was open) goes
 * away with it. `scanned` is the last label scanned while the dialog was open, which the
 * dialog shows instead of adding it to the sale.
 */
export type SellDialog =
  | { name: 'pay'; scanned: string | null }
  | { name: 'discount'; productId: string; scanned: string | null }
  | { name: 'drawer'; scanned: string | null }
  /** The keypad for typing a line's quantity. */
  | { name: 'quantity'; productId: string; scanned: string | null }
  | { name: 'stock'; question: StockQuestion; scanned: string | null }
  /** Putting the sale aside under an optional label. */
  | { name: 'park'; scanned: string | null }
  /** The parked sales, to bring one back. */
  | { name: 'recall'; scanned: string | null }
  /** A return: `receiptNo` scanned or typed to start with (null: the dialog asks for it). */
  | { name: 'return'; receiptNo: string | null; scanned: string | null }
  /** A void of the sale just made; `recorded` once it is on disk (closing then starts a new sale). */
  | { name: 'void'; receiptNo: string; recorded: boolean; scanned: string | null }
  | { name: 'clearCart' }
  /** The day is not open: a manager counts the float in (the scanner waits meanwhile). */
  | { name: 'openDay' };

/**
 * Where a scan goes. With no dialog open it adds to the cart (or, when it is a receipt's
 * number, opens a return: the sell screen decides). While paying, discounting, opening
 * the drawer, typing a quantity, answering the stock question or parking and recalling a
 * sale it goes to the dialog, which says it was not added: what is being
 * paid for or discounted must not change under the operator's eyes, and a barcode must
 * not land in the cash or PIN field. A return takes a scanned receipt number as the
 * invoice to return. "Clear the cart?" does not listen at all: the scanner
 * is off and nothing happens until it is answered.
 */
export function scanTarget(open: SellDialog | null): 'cart' | 'dialog' | 'ignore' {
  if (open === null) return 'cart';
  switch (open.name) {
    case 'pay':
    case 'discount':
    case 'drawer':
    case 'quantity':
    case 'stock':
    case 'park':
    case 'recall':
    case 'return':
    case 'void':
      return 'dialog';
    case 'clearCart':
    case 'openDay':
      return 'ignore';
  }
}

/** The open dialog with a label scanned while it was open; a dialog that does not listen stays as it was. */
export function withScan(open: SellDialog | null, code: string): SellDialog | null {
  return open === null || open.name === 'clearCart' || open.name === 'openDay' ? open : { ...open, scanned: code };
}
