import type { ReturnQuantity } from '../../../shared/returns';
import type { KeypadKey } from '../components/keypadInput';

/** Pieces to return, per original line id. */
export type Quantities = Readonly<Record<string, number>>;

/**
 * A quantity typed on the keypad, never more than `left`. A digit appends; when that would
 * go past `left` the digit starts afresh (2 then 1, of 3 left, is 1), and a digit that is
 * itself too many gives `left`. Backspace drops the last digit, Clear gives 0; the decimal
 * point means nothing for pieces.
 */
export function editQuantity(current: number, key: KeypadKey, left: number): number {
  if (key === 'clear') return 0;
  if (key === 'backspace') return Math.floor(current / 10);
  if (key === '.') return current;
  const digit = Number(key);
  const next = current * 10 + digit;
  if (next <= left) return next;
  return Math.min(digit, left);
}

/** One more or one fewer, kept between 0 and `left`. */
export function stepQuantity(current: number, by: 1 | -1, left: number): number {
  return Math.max(0, Math.min(left, current + by));
}

/** The quantities the store is asked to return, in line order, leaving out zeros. */
export function toReturnQuantities(quantities: Quantities, lineIds: readonly string[]): ReturnQuantity[] {
  return lineIds.flatMap((lineId) => ((quantities[lineId] ?? 0) > 0 ? [{ lineId, qty: quantities[lineId]! }] : []));
}

/** A receipt's barcode holds its number, which has a "/"; product barcodes never do. */
export function looksLikeReceiptNo(code: string): boolean {
  return code.includes('/');
}
