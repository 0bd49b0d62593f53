/**
 * Money is an integer number of paise everywhere. A rupee string is parsed straight to
 * paise with string arithmetic, never through a float, so "0.29" is exactly 29 paise.
 */
export type Paise = number & { readonly __brand: 'Paise' };

export const ZERO = 0 as Paise;

/** Brands a whole number of paise; throws on fractions, NaN or unsafe integers. */
export function paise(n: number): Paise {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not a whole number of paise: ${n}`);
  return (n === 0 ? 0 : n) as Paise; // never -0
}

export function addPaise(...amounts: readonly number[]): Paise {
  let sum = 0;
  for (const a of amounts) sum += a;
  return paise(sum);
}

export function sumPaise<T>(items: readonly T[], pick: (item: T) => number): Paise {
  let sum = 0;
  for (const item of items) sum += pick(item);
  return paise(sum);
}

export type ParsedRupees = { ok: true; value: Paise } | { ok: false; reason: string };

const RUPEES = /^(-)?(\d{1,12})(?:\.(\d{1,2}))?$/;

/**
 * Parses "12500", "12500.5" or "12500.50" (an optional leading "-", no thousands
 * separators, at most 2 decimals) into paise.
 */
export function parseRupees(text: string): ParsedRupees {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'is empty' };
  const m = RUPEES.exec(trimmed);
  if (!m) {
    if (/^-?\d+\.\d{3,}$/.test(trimmed)) return { ok: false, reason: 'has more than 2 decimals' };
    return { ok: false, reason: `"${trimmed}" is not an amount in rupees (e.g. 1250.50)` };
  }
  const [, minus, whole = '0', fraction = ''] = m;
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return { ok: true, value: paise(minus ? -value : value) };
}

/** Plain rupees with exactly two decimals and no grouping: 125050 → "1250.50" (CSV, UPI). */
export function formatRupeesPlain(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100).padStart(2, '0');
  return `${sign}${whole}.${fraction}`;
}

/** Indian digit grouping (12,34,567) without Intl, for printed documents. */
function groupIndian(whole: number): string {
  const digits = String(whole);
  if (digits.length <= 3) return digits;
  const last3 = digits.slice(-3);
  const rest = digits.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',');
  return `${rest},${last3}`;
}

/**
 * For thermal printers, which print Latin text only: ₹ becomes "Rs.".
 * 125050 → "Rs. 1,250.50"; -500 → "-Rs. 5.00".
 */
export function formatRupeesForPrint(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}Rs. ${groupIndian(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Rounds numerator / denominator half up (away from zero on .5) using integers only.
 * Both must be safe integers and the denominator positive.
 */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  const quotient = Math.floor(abs / denominator);
  const remainder = abs - quotient * denominator;
  const rounded = remainder * 2 >= denominator ? quotient + 1 : quotient;
  return sign * rounded + 0;
}
