import { formatRupeesPlain } from '../../shared/money';

/**
 * Amounts and dates for people, at the UI edge only. Amounts reach Intl as exact decimal
 * strings ("12500.50"), so paise never pass through a float on their way to the screen.
 */
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(amountPaise: number, locale = 'en-IN'): string {
  let format = moneyFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'INR' });
    moneyFormats.set(locale, format);
  }
  return format.format(formatRupeesPlain(amountPaise) as `${number}`);
}

/*
 * Times are on the 24-hour clock in every language ("18:04"), as on the printed receipt:
 * one clock on screen and on paper, and no "am/pm" (which Hindi's ICU data leaves in
 * English). Set as `hourCycle: 'h23'`, because `hour12: false` gives "24:05" in some locales.
 */

/** "23 Nov 2026, 18:04" in the market's zone (not the kiosk's clock setting). */
export function formatDateTime(iso: string, timeZone: string, locale = 'en-IN'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone }).format(date);
}

/** "18:04" in the market's zone. */
export function formatTime(iso: string, timeZone: string, locale = 'en-IN'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', hourCycle: 'h23', timeZone }).format(date);
}

/** Free space in whole megabytes, for the storage warning. */
export function formatMegabytes(bytes: number, locale = 'en-IN'): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(0, Math.floor(bytes / (1024 * 1024))));
}

const percentFormats = new Map<string, Intl.NumberFormat>();

/**
 * A percentage held as basis points (1250 → "12.5%"). Like amounts, it reaches Intl as an
 * exact decimal string ("0.1250"), not as a float.
 */
export function formatPercent(bps: number, locale = 'en-IN'): string {
  let format = percentFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
    percentFormats.set(locale, format);
  }
  const sign = bps < 0 ? '-' : '';
  const abs = Math.abs(bps);
  return format.format(`${sign}${Math.floor(abs / 10_000)}.${String(abs % 10_000).padStart(4, '0')}` as `${number}`);
}

/** Megabytes for people: "0.05 MB", "12.4 MB" (the size tells a manager whether a backup fits a USB stick). */
export function formatBackupSize(bytes: number, locale = 'en-IN'): string {
  const mb = bytes / (1024 * 1024);
  return new Intl.NumberFormat(locale, {
    style: 'unit', unit: 'megabyte', unitDisplay: 'short',
    maximumFractionDigits: mb < 1 ? 2 : 1,
    minimumFractionDigits: mb > 0 && mb < 0.01 ? 2 : 0,
  }).format(mb > 0 && mb < 0.01 ? 0.01 : mb);
}

/** "1 Dec 2026" for a calendar date (YYYY-MM-DD), read as that day whatever the kiosk's zone. */
export function formatCalendarDate(date: string, locale = 'en-IN'): string {
  const at = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(at)) return date;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
}

/** A count of rows or records, grouped as the language writes numbers (1,20,000 in en-IN). */
export function formatCount(n: number, locale = 'en-IN'): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}
