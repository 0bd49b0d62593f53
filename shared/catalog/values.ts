import { formatRupeesPlain, parseRupees, type Paise } from '../money';

/**
 * Cell values of the catalog files: each parser takes the trimmed text of one cell and
 * answers with the value or with why it is not one, in words for the manager. Numbers
 * are read with string arithmetic only: "12.5" % is 1250 basis points exactly.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; why: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (why: string): Parsed<never> => ({ ok: false, why });

/** GST rates in force (CBIC rate notifications, incl. the September 2025 revision), in basis points. */
export const GST_RATES_BPS: readonly number[] = [0, 25, 150, 300, 500, 1200, 1800, 2800, 4000];

/** "12.5" → 1250 basis points; a trailing "%" is allowed. Null when not a plain decimal. */
function percentToBps(text: string): Parsed<number> | null {
  const m = /^(\d{1,6})(?:\.(\d+))?%?$/.exec(text);
  if (!m) return null;
  const [, whole = '0', fraction = ''] = m;
  if (fraction.length > 2) return bad('has more than 2 decimals');
  return ok(Number(whole) * 100 + Number(fraction.padEnd(2, '0')));
}

/** 1250 → "12.5", 1500 → "15", 25 → "0.25": the way the sample files write percentages. */
export function formatBpsAsPercent(bps: number): string {
  const whole = Math.floor(bps / 100);
  const fraction = String(bps % 100).padStart(2, '0').replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

export function parseCommissionPct(text: string): Parsed<number> {
  if (text === '') return bad('is empty — enter the market\'s commission in percent, e.g. 12.5');
  const bps = percentToBps(text);
  if (bps === null) {
    if (/^-/.test(text)) return bad(`"${text}" is below 0 — enter a percentage from 0 to 100`);
    return bad(`"${text}" is not a percentage — write a number from 0 to 100, e.g. 12.5`);
  }
  if (!bps.ok) return bad(`"${text}" ${bps.why} — use at most 2, e.g. 12.75`);
  if (bps.value > 10_000) return bad(`"${text}" is more than 100 — enter a percentage from 0 to 100`);
  return bps;
}

/** Empty: the rate comes from the tax table (null). Otherwise one of the GST rates. */
export function parseGstRate(text: string): Parsed<number | null> {
  if (text === '') return ok(null);
  const bps = percentToBps(text);
  if (bps !== null && bps.ok && GST_RATES_BPS.includes(bps.value)) return bps;
  const rates = GST_RATES_BPS.map(formatBpsAsPercent).join(', ');
  return bad(`"${text}" is not a GST rate — use one of ${rates}, or leave it empty to take the rate from the tax table`);
}

export function formatGstRate(bps: number | null): string {
  return bps === null ? '' : formatBpsAsPercent(bps);
}

/** A GST-inclusive price in rupees, more than zero, to the paisa. */
export function parsePrice(text: string): Parsed<Paise> {
  if (text === '') return bad('is empty — enter the price in rupees including GST, e.g. 12500.00');
  if (/^(₹|rs\.?|inr)/i.test(text)) return bad(`"${text}" has a currency sign — write the number only, e.g. 12500.00`);
  if (/^-?[\d,]+(\.\d*)?$/.test(text) && text.includes(',')) {
    return bad(`"${text}" has a comma — write the amount without commas, e.g. ${text.replace(/,/g, '')}`);
  }
  const rupees = parseRupees(text);
  if (!rupees.ok) {
    if (/^-?\d+\.\d{3,}$/.test(text)) return bad(`"${text}" has more than 2 decimals — rupees and paise only, e.g. 12500.50`);
    return bad(`"${text}" is not an amount in rupees — write it like 12500.00`);
  }
  if (rupees.value <= 0) return bad(`"${text}" must be more than zero`);
  return ok(rupees.value);
}

export function formatPrice(price: Paise): string {
  return formatRupeesPlain(price);
}

/** "yes"/"no" in any letter case. */
export function parseYesNo(text: string): Parsed<boolean> {
  const lower = text.toLowerCase();
  if (lower === 'yes') return ok(true);
  if (lower === 'no') return ok(false);
  if (text === '') return bad('is empty — write yes or no');
  return bad(`"${text}" must be yes or no`);
}

export function formatYesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

export function parseGender(text: string): Parsed<'F' | 'M' | 'X' | null> {
  if (text === '') return ok(null);
  const upper = text.toUpperCase();
  if (upper === 'F' || upper === 'M' || upper === 'X') return ok(upper);
  return bad(`"${text}" must be F, M, X or empty`);
}

/** Whole pieces on the shelf, 0 or more. */
export function parseStock(text: string): Parsed<number> {
  if (text === '') return bad('is empty — enter how many pieces are in stock, or 0');
  if (/^-\d+$/.test(text)) return bad(`"${text}" is below 0 — enter how many pieces are in stock, or 0`);
  if (!/^\d{1,7}$/.test(text)) {
    if (/^\d{8,}$/.test(text)) return bad(`"${text}" is more pieces than a market can hold — check the number`);
    return bad(`"${text}" is not a whole number of pieces — write it like 12`);
  }
  return ok(Number(text));
}

/** GST invoices carry 4, 6 or 8 HSN digits; we accept any 4–8 as the tax table matches by prefix. */
export function parseHsn(text: string): Parsed<string> {
  if (text === '') return bad('is empty — enter the HSN code of the goods, e.g. 6214');
  if (!/^\d{4,8}$/.test(text)) return bad(`"${text}" must be 4 to 8 digits, e.g. 6214`);
  return ok(text);
}

/** Codes and SKUs are scanned and typed at the till: letters, digits and a few separators. */
export function parseCode(text: string, what: string, example: string): Parsed<string> {
  if (text === '') return bad(`is empty — every row needs a ${what}, e.g. ${example}`);
  if (!/^[A-Za-z0-9][A-Za-z0-9\-_/.]{0,39}$/.test(text)) {
    return bad(`"${text}" may use only English letters, digits and - _ / . (at most 40 characters), e.g. ${example}`);
  }
  return ok(text);
}

export function parseText(text: string, options: { required: boolean; max: number; example: string }): Parsed<string> {
  if (text === '' && options.required) return bad(`is empty — fill it in, e.g. ${options.example}`);
  // Counted in code points, not UTF-16 units, so no script is charged double.
  const length = [...text].length;
  if (length > options.max) return bad(`is ${length} characters long; the most is ${options.max}`);
  return ok(text);
}
