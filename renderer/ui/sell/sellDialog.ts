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
  /** A return: `receiptNo` scanned or typed to start with (null: the dialog asks for it). */
  | { name: 'return'; receiptNo: string | null; scanned: string | null }
  /** A void of the sale just made; `recorded` once it is on disk (closing then starts a new sale). */
  | { name: 'void'; receiptNo: string; recorded: boolean; scanned: string | null }
  | { name: 'clearCart' };

/**
 * Where a scan goes. With no dialog open it adds to the cart (or, when it is a receipt's
 * number, opens a return: the sell screen decides). While paying, discounting or
 * opening the drawer it goes to the dialog, which says it was not added: what is being
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
    case 'return':
    case 'void':
      return 'dialog';
    case 'clearCart':
      return 'ignore';
  }
}

/** The open dialog with a label scanned while it was open; a dialog that does not listen stays as it was. */
export function withScan(open: SellDialog | null, code: string): SellDialog | null {
  return open === null || open.name === 'clearCart' ? open : { ...open, scanned: code };
}
