import { z } from 'zod';
import { divideRoundHalfUp, formatRupeesForPrint, formatRupeesPlain, type Paise } from './money';
import { isBusinessDate, type BusinessDate } from './time';

/**
 * Tourist currencies (issue 12, item 3): the sale's INR total also shown in US dollars,
 * euros or pounds, at rates the manager enters with the date they were read. Display only:
 * the sale, its payments and its receipt amounts stay in INR, and nothing here is stored
 * with a sale.
 *
 * A rate is an integer number of paise per unit of the currency (1 USD = 8,412 paise is
 * ₹84.12), so the conversion is integer arithmetic: cents = paise × 100 / rate, rounded
 * half up to the cent (divideRoundHalfUp, as every other rounding in the till).
 */

export const TOURIST_CURRENCIES = ['USD', 'EUR', 'GBP'] as const;
export type TouristCurrency = (typeof TOURIST_CURRENCIES)[number];

/** After this many days a rate is shown with a warning beside its date. */
export const RATE_STALE_AFTER_DAYS = 7;

/** Above any rate the rupee has had against these currencies (₹10,000 a unit), to catch a slipped key. */
export const MAX_PAISE_PER_UNIT = 1_000_000;

export const TouristRateSchema = z.object({
  code: z.enum(TOURIST_CURRENCIES),
  /** Shown on the pay screen and the customer display (the manager's choice). */
  shown: z.boolean(),
  /** Paise per one unit of the currency; null until the manager enters one (then not shown). */
  paisePerUnit: z.number().int().min(1).max(MAX_PAISE_PER_UNIT).nullable(),
  /** The day the rate was read, YYYY-MM-DD; null with no rate. */
  rateDate: z.string().refine((text): boolean => isBusinessDate(text), 'A rate date is YYYY-MM-DD').nullable(),
}).strict().refine((r) => (r.paisePerUnit === null) === (r.rateDate === null), 'A rate needs its date, and a date its rate');
export type TouristRate = z.infer<typeof TouristRateSchema>;

export const TouristCurrencySettingsSchema = z.object({
  rates: z.array(TouristRateSchema).max(TOURIST_CURRENCIES.length)
    .refine((rates) => new Set(rates.map((r) => r.code)).size === rates.length, 'Each currency once'),
  /** Print the approximate amounts under the receipt's total. */
  onReceipt: z.boolean(),
}).strict();
export type TouristCurrencySettings = z.infer<typeof TouristCurrencySettingsSchema>;

/** What a store that never set currencies has: all three known, none shown, no rates. */
export const DEFAULT_TOURIST_CURRENCIES: TouristCurrencySettings = {
  rates: TOURIST_CURRENCIES.map((code) => ({ code, shown: false, paisePerUnit: null, rateDate: null })),
  onReceipt: false,
};

/** One currency's approximate amount for a total. */
export interface TouristAmount {
  code: TouristCurrency;
  /** The amount in cents (hundredths of the currency), rounded half up. */
  cents: number;
  paisePerUnit: number;
  /** YYYY-MM-DD. */
  rateDate: string;
  /** The rate is older than RATE_STALE_AFTER_DAYS: its date must be shown clearly. */
  stale: boolean;
}

/** Cents for a paise amount at `paisePerUnit`, half up: 253_000 paise at 8_400 → 3012 (30.119… → 30.12). */
export function paiseToCents(amount: Paise | number, paisePerUnit: number): number {
  if (!Number.isSafeInteger(amount)) throw new RangeError('An amount in paise is a whole number');
  if (!Number.isSafeInteger(paisePerUnit) || paisePerUnit < 1) throw new RangeError('A rate is a whole number of paise above zero');
  return divideRoundHalfUp(amount * 100, paisePerUnit);
}

function daysBetween(from: string, to: BusinessDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The total in each currency the manager chose to show and has a rate for, in the order of
 * TOURIST_CURRENCIES. `today` is the market's calendar date (staleness is counted from it).
 */
export function touristAmounts(total: Paise | number, settings: TouristCurrencySettings, today: BusinessDate): TouristAmount[] {
  const out: TouristAmount[] = [];
  for (const code of TOURIST_CURRENCIES) {
    const rate = settings.rates.find((r) => r.code === code);
    if (!rate?.shown || rate.paisePerUnit === null || rate.rateDate === null) continue;
    const rateDate = rate.rateDate;
    out.push({
      code,
      cents: paiseToCents(total, rate.paisePerUnit),
      paisePerUnit: rate.paisePerUnit,
      rateDate,
      stale: daysBetween(rateDate, today) > RATE_STALE_AFTER_DAYS,
    });
  }
  return out;
}

/**
 * "USD 30.12" style amount for screens, in the UI's locale (`en-IN`, `hi-IN`, …). The cents
 * reach Intl as an exact decimal string, never through a float, as rupees do.
 */
export function formatForeign(cents: number, code: TouristCurrency, locale: string): string {
  const decimal = formatRupeesPlain(cents) as `${number}`; // hundredths, like paise
  return new Intl.NumberFormat(locale, { style: 'currency', currency: code, currencyDisplay: 'code' }).format(decimal);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "1 Dec 2026": ASCII, no Intl, so it prints the same on every thermal code page. */
export function printableDate(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** "30.12": plain ASCII digits for the printer (no grouping: tourist totals are small). */
function plainCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * The receipt's lines for one amount, ASCII only (₹ prints as "Rs."):
 * "approx. USD 30.12" and "(rate 1 USD = Rs. 84.12, 1 Dec 2026)".
 */
export function receiptApproxLines(amount: TouristAmount): [string, string] {
  return [
    `approx. ${amount.code} ${plainCents(amount.cents)}`,
    `(rate 1 ${amount.code} = ${formatRupeesForPrint(amount.paisePerUnit)}, ${printableDate(amount.rateDate)})`,
  ];
}
