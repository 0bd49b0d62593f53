import { paise, sumPaise, type Paise } from './money';
import { gstRateBps, splitCgstSgst, taxInside, type TaxTable } from './tax';
import { divideRoundHalfUp } from './money';
import type { ArtisanEntity, ProductEntity, SaleLineEntity } from './entities';

/**
 * The cart: plain data in, new data out. The UI dispatches; these functions decide.
 * Amounts follow DESIGN.md per line: gross (after discount) → tax = round(gross × r/(100+r))
 * → taxable = gross − tax → commission = round(taxable × bps/10000) → net = taxable − commission.
 */
export interface CartItem {
  productId: ProductEntity['id'];
  sku: string;
  barcode: string;
  name: string;
  hsn: string;
  handmade: boolean;
  gstRateBpsOverride: number | null;
  unitPrice: Paise;
  qty: number;
  /** Discount on the whole line, in paise. */
  discount: Paise;
  artisanId: ArtisanEntity['id'];
  artisanCode: string;
  artisanName: string;
  fairWageCertified: boolean;
  commissionBps: number;
}

export interface Cart {
  items: readonly CartItem[];
}

export const EMPTY_CART: Cart = { items: [] };

/** A line's amounts, as a sale line stores them when the sale is recorded. */
export type LineAmounts = Pick<SaleLineEntity, 'gross' | 'taxRateBps' | 'tax' | 'cgst' | 'sgst' | 'taxable' | 'commission' | 'artisanNet'>;

export function cartItemFor(product: ProductEntity, artisan: ArtisanEntity): CartItem {
  return {
    productId: product.id, sku: product.sku, barcode: product.barcode, name: product.name,
    hsn: product.hsn, handmade: product.handmade, gstRateBpsOverride: product.gstRateBpsOverride,
    unitPrice: product.price, qty: 1, discount: paise(0),
    artisanId: artisan.id, artisanCode: artisan.code, artisanName: artisan.name,
    fairWageCertified: artisan.fairWageCertified, commissionBps: artisan.commissionBps,
  };
}

/** Scanning the same product again adds a piece to its line. */
export function addToCart(cart: Cart, item: CartItem): Cart {
  const existing = cart.items.findIndex((i) => i.productId === item.productId);
  if (existing === -1) return { items: [...cart.items, item] };
  return { items: cart.items.map((i, n) => (n === existing ? { ...i, qty: i.qty + item.qty } : i)) };
}

/** Sets a line's quantity; 0 or less removes the line. The discount is kept within the new gross. */
export function setQuantity(cart: Cart, productId: string, qty: number): Cart {
  if (!Number.isInteger(qty)) throw new RangeError('Quantity must be a whole number');
  if (qty <= 0) return removeFromCart(cart, productId);
  return {
    items: cart.items.map((i) =>
      i.productId === productId ? { ...i, qty, discount: paise(Math.min(i.discount, i.unitPrice * qty)) } : i),
  };
}

export function setDiscount(cart: Cart, productId: string, discount: Paise): Cart {
  return {
    items: cart.items.map((i) => {
      if (i.productId !== productId) return i;
      if (discount < 0 || discount > i.unitPrice * i.qty) throw new RangeError('A discount must be between zero and the line price');
      return { ...i, discount };
    }),
  };
}

export function removeFromCart(cart: Cart, productId: string): Cart {
  return { items: cart.items.filter((i) => i.productId !== productId) };
}

export function lineAmounts(item: CartItem, table: TaxTable): LineAmounts {
  const gross = paise(item.unitPrice * item.qty - item.discount);
  // The slab is a property of the pieces, so a negative line (a return priced afresh) takes the rate of its pieces.
  const taxRateBps = gstRateBps(table, item, paise(Math.abs(gross)), Math.abs(item.qty));
  const tax = taxInside(gross, taxRateBps);
  const { cgst, sgst } = splitCgstSgst(tax);
  const taxable = paise(gross - tax);
  const commission = paise(divideRoundHalfUp(taxable * item.commissionBps, 10_000));
  return { gross, taxRateBps, tax, cgst, sgst, taxable, commission, artisanNet: paise(taxable - commission) };
}

/** The lines' amounts summed (a cart has no one tax rate), with the pieces and the discounts. */
export interface CartTotals extends Omit<LineAmounts, 'taxRateBps'> {
  itemCount: number;
  discount: Paise;
}

export function cartTotals(cart: Cart, table: TaxTable): CartTotals {
  const lines = cart.items.map((i) => lineAmounts(i, table));
  return {
    itemCount: cart.items.reduce((n, i) => n + i.qty, 0),
    gross: sumPaise(lines, (l) => l.gross),
    discount: sumPaise(cart.items, (i) => i.discount),
    tax: sumPaise(lines, (l) => l.tax),
    cgst: sumPaise(lines, (l) => l.cgst),
    sgst: sumPaise(lines, (l) => l.sgst),
    taxable: sumPaise(lines, (l) => l.taxable),
    commission: sumPaise(lines, (l) => l.commission),
    artisanNet: sumPaise(lines, (l) => l.artisanNet),
  };
}
