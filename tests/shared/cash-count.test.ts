import { describe, expect, it } from 'vitest';
import { cashCountTotal, cashCountValue, EMPTY_CASH_COUNT, NOTE_DENOMINATIONS } from '../../shared/cash-count';
import type { CashCount } from '../../shared/entities';
import type { Paise } from '../../shared/money';

const count = (notes: Partial<CashCount['notes']>, coins = 0): CashCount => ({ notes: { ...EMPTY_CASH_COUNT.notes, ...notes }, coins: coins as Paise });

describe('cash count', () => {
  it('adds the notes by denomination and the coins to paise', () => {
    expect(cashCountTotal(count({ 500: 3, 200: 1, 100: 2, 50: 1, 20: 4, 10: 7 }, 1_250))).toEqual({ ok: true, total: 150_000 + 20_000 + 20_000 + 5_000 + 8_000 + 7_000 + 1_250 });
    expect(cashCountTotal(EMPTY_CASH_COUNT)).toEqual({ ok: true, total: 0 });
  });

  it('counts the denominations of issue 9, largest first', () => {
    expect(NOTE_DENOMINATIONS).toEqual([500, 200, 100, 50, 20, 10]);
  });

  it('refuses fractional or negative notes and bad coin amounts, naming each', () => {
    const bad = cashCountTotal(count({ 500: 1.5, 20: -1 }, -5));
    expect(bad).toEqual({ ok: false, problems: [
      { field: 500, reason: 'not-a-count' }, { field: 20, reason: 'not-a-count' }, { field: 'coins', reason: 'not-an-amount' },
    ] });
    expect(cashCountTotal(count({}, 10.5)).ok).toBe(false);
    expect(() => cashCountValue(count({ 10: Number.NaN }))).toThrow(RangeError);
  });

  it('refuses a denomination it does not count', () => {
    const withTwoThousand = { notes: { ...EMPTY_CASH_COUNT.notes, 2000: 1 } as unknown as CashCount['notes'], coins: 0 as Paise };
    expect(cashCountTotal(withTwoThousand)).toEqual({ ok: false, problems: [{ field: 'notes', reason: 'unknown-denomination', key: '2000' }] });
  });

  it('reads a stored count', () => {
    expect(cashCountValue(count({ 100: 20 }))).toBe(200_000);
  });
});
