import { describe, expect, it } from 'vitest';
import { divideRoundHalfUp, formatRupeesForPrint, formatRupeesPlain, paise, parseRupees } from '../../shared/money';

describe('money', () => {
  it('parses rupee strings to paise exactly, without floating point', () => {
    expect(parseRupees('1250.50')).toEqual({ ok: true, value: 125050 });
    expect(parseRupees('0.29')).toEqual({ ok: true, value: 29 });
    expect(parseRupees('12500')).toEqual({ ok: true, value: 1250000 });
    expect(parseRupees('12500.5')).toEqual({ ok: true, value: 1250050 });
    expect(parseRupees(' -5.05 ')).toEqual({ ok: true, value: -505 });
    // 1.15 * 100 is 114.99999999999999 in floating point
    expect(parseRupees('1.15')).toEqual({ ok: true, value: 115 });
  });

  it('refuses amounts it cannot read exactly, and says why', () => {
    expect(parseRupees('12.345')).toEqual({ ok: false, reason: 'has more than 2 decimals' });
    expect(parseRupees('1,200')).toMatchObject({ ok: false });
    expect(parseRupees('abc')).toMatchObject({ ok: false });
    expect(parseRupees('')).toEqual({ ok: false, reason: 'is empty' });
    expect(parseRupees('1e3')).toMatchObject({ ok: false });
  });

  it('formats paise for CSV, UPI and thermal printers', () => {
    expect(formatRupeesPlain(125050)).toBe('1250.50');
    expect(formatRupeesPlain(5)).toBe('0.05');
    expect(formatRupeesPlain(-505)).toBe('-5.05');
    expect(formatRupeesForPrint(12345678900)).toBe('Rs. 12,34,56,789.00');
    expect(formatRupeesForPrint(99900)).toBe('Rs. 999.00');
    expect(formatRupeesForPrint(-500)).toBe('-Rs. 5.00');
  });

  it('rounds half up (away from zero) with integers only', () => {
    expect(divideRoundHalfUp(5, 2)).toBe(3);
    expect(divideRoundHalfUp(4, 3)).toBe(1);
    expect(divideRoundHalfUp(-5, 2)).toBe(-3);
    expect(divideRoundHalfUp(0, 7)).toBe(0);
    expect(Object.is(divideRoundHalfUp(-1, 3), -0)).toBe(false);
  });

  it('refuses fractional paise', () => {
    expect(() => paise(1.5)).toThrow(RangeError);
    expect(() => paise(Number.NaN)).toThrow(RangeError);
  });
});
