import type { CashCount, NoteRupees } from './entities';
import { paise, type Paise } from './money';

/** Largest first, as a drawer is counted and the count is printed. */
export const NOTE_DENOMINATIONS: readonly NoteRupees[] = [500, 200, 100, 50, 20, 10];

export const EMPTY_CASH_COUNT: CashCount = { notes: { 500: 0, 200: 0, 100: 0, 50: 0, 20: 0, 10: 0 }, coins: paise(0) };

export type CashCountProblem =
  | { field: NoteRupees; reason: 'not-a-count' }
  | { field: 'coins'; reason: 'not-an-amount' }
  | { field: 'notes'; reason: 'unknown-denomination'; key: string };

export type CashCountTotal = { ok: true; total: Paise } | { ok: false; problems: CashCountProblem[] };

/**
 * The drawer's total in paise. Every note count must be a whole number of notes, not
 * negative; coins a whole number of paise, not negative. A denomination the kiosk does
 * not count (e.g. a ₹2000 note typed in by a script) is refused rather than ignored.
 */
export function cashCountTotal(count: CashCount): CashCountTotal {
  const problems: CashCountProblem[] = [];
  let total = 0;
  for (const key of Object.keys(count.notes)) {
    if (!NOTE_DENOMINATIONS.includes(Number(key) as NoteRupees)) problems.push({ field: 'notes', reason: 'unknown-denomination', key });
  }
  for (const rupees of NOTE_DENOMINATIONS) {
    const n = count.notes[rupees] ?? 0;
    if (!Number.isSafeInteger(n) || n < 0) problems.push({ field: rupees, reason: 'not-a-count' });
    else total += n * rupees * 100;
  }
  if (!Number.isSafeInteger(count.coins) || count.coins < 0) problems.push({ field: 'coins', reason: 'not-an-amount' });
  else total += count.coins;
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, total: paise(total) };
}

/** The total of a count already known to be valid (a stored day's); throws otherwise. */
export function cashCountValue(count: CashCount): Paise {
  const result = cashCountTotal(count);
  if (!result.ok) throw new RangeError(`Not a valid cash count: ${result.problems.map((p) => String(p.field)).join(', ')}`);
  return result.total;
}
