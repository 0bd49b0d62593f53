/**
 * Time rules. `now` is always passed in; nothing in shared/ reads a clock.
 * A business day is a `YYYY-MM-DD` string in the market's time zone (a Date would
 * silently shift days across time zones), and a sale belongs to the day that is open,
 * not to the wall clock.
 */
export type BusinessDate = string & { readonly __brand: 'BusinessDate' };

export const DEFAULT_TIME_ZONE = 'Asia/Kolkata';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isBusinessDate(text: string): text is BusinessDate {
  return DATE.test(text);
}

/** One formatter per zone: building an Intl.DateTimeFormat costs more than a sale's other arithmetic. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formatters.set(timeZone, fmt);
  }
  return fmt;
}

function parts(now: Date, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(now)) out[p.type] = p.value;
  return out;
}

/** The calendar date of `now` in the market's time zone. */
export function calendarDateIn(now: Date, timeZone = DEFAULT_TIME_ZONE): BusinessDate {
  const p = parts(now, timeZone);
  return `${p.year}-${p.month}-${p.day}` as BusinessDate;
}

/** ISO 8601 with the zone's offset, e.g. 2026-11-22T09:02:11+05:30 (PROTOCOL.md instants). */
export function isoWithOffset(now: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(now, timeZone);
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const offsetMinutes = Math.round((local - Math.floor(now.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}

/** "22 Nov 2026, 18:04" in the market's zone, Latin digits, for printed documents. */
export function printableDateTime(now: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(now, timeZone);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(p.month) - 1];
  return `${Number(p.day)} ${month} ${p.year}, ${p.hour}:${p.minute}`;
}

/**
 * The Indian financial year (1 April – 31 March) as its four-digit code: 2026-11-22 → "2627".
 */
export function financialYearCode(date: BusinessDate): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const start = month >= 4 ? year : year - 1;
  return `${String(start % 100).padStart(2, '0')}${String((start + 1) % 100).padStart(2, '0')}`;
}
