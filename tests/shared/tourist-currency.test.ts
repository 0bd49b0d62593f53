import { describe, expect, it } from 'vitest';
import { paise } from '../../shared/money';
import type { BusinessDate } from '../../shared/time';
import {
  DEFAULT_TOURIST_CURRENCIES,
  formatForeign,
  paiseToCents,
  printableDate,
  receiptApproxLines,
  touristAmounts,
  TouristCurrencySettingsSchema,
  type TouristCurrencySettings,
} from '../../shared/tourist-currency';

const today = '2026-12-01' as BusinessDate;

const settings: TouristCurrencySettings = {
  rates: [
    { code: 'USD', shown: true, paisePerUnit: 8_412, rateDate: '2026-12-01' },
    { code: 'EUR', shown: false, paisePerUnit: 9_050, rateDate: '2026-12-01' },
    { code: 'GBP', shown: true, paisePerUnit: 10_700, rateDate: '2026-11-20' },
  ],
  onReceipt: true,
};

describe('tourist currencies', () => {
  it('converts paise to cents with integers, half up to the cent', () => {
    // ₹2,530.00 at ₹84.00 = 30.1190… USD → 30.12
    expect(paiseToCents(paise(253_000), 8_400)).toBe(3_012);
    // Exactly half a cent rounds up: 50 paise at ₹100 = 0.5 cent → 1 cent.
    expect(paiseToCents(paise(50), 10_000)).toBe(1);
    expect(paiseToCents(paise(49), 10_000)).toBe(0);
    // A return's negative total rounds away from zero as well, so it mirrors the sale.
    expect(paiseToCents(paise(-50), 10_000)).toBe(-1);
    // ₹12,500 at ₹84.12 = 148.597… → 148.60
    expect(paiseToCents(paise(1_250_000), 8_412)).toBe(14_860);
    expect(() => paiseToCents(paise(100), 0)).toThrow(RangeError);
    expect(() => paiseToCents(100.5, 8_412)).toThrow(RangeError);
  });

  it('shows only the currencies the manager picked that have a rate, in USD, EUR, GBP order, and marks old rates', () => {
    const amounts = touristAmounts(paise(1_250_000), settings, today);
    expect(amounts).toEqual([
      { code: 'USD', cents: 14_860, paisePerUnit: 8_412, rateDate: '2026-12-01', stale: false },
      // Eleven days old: more than RATE_STALE_AFTER_DAYS (7).
      { code: 'GBP', cents: 11_682, paisePerUnit: 10_700, rateDate: '2026-11-20', stale: true },
    ]);
    // Seven days is still fresh; eight is not.
    const week = { ...settings, rates: [{ code: 'USD' as const, shown: true, paisePerUnit: 8_412, rateDate: '2026-11-24' }] };
    expect(touristAmounts(paise(100), week, today)[0]!.stale).toBe(false);
    expect(touristAmounts(paise(100), week, '2026-12-02' as BusinessDate)[0]!.stale).toBe(true);
    // No rate entered: not shown, even when picked.
    expect(touristAmounts(paise(100), DEFAULT_TOURIST_CURRENCIES, today)).toEqual([]);
  });

  it('formats for screens in the UI locale and for the receipt in ASCII', () => {
    expect(formatForeign(3_012, 'USD', 'en-IN')).toMatch(/^USD\s30\.12$/);
    expect(formatForeign(123_456, 'EUR', 'en-IN')).toMatch(/^EUR\s1,234\.56$/);
    expect(printableDate('2026-12-01' as BusinessDate)).toBe('1 Dec 2026');
    const lines = receiptApproxLines({ code: 'USD', cents: 3_012, paisePerUnit: 8_412, rateDate: '2026-12-01' as BusinessDate, stale: false });
    expect(lines).toEqual(['approx. USD 30.12', '(rate 1 USD = Rs. 84.12, 1 Dec 2026)']);
    for (const line of lines) expect(line).toMatch(/^[\x20-\x7e]+$/);
  });

  it('refuses settings a slipped key would make: no date, a fraction, a zero, a currency twice', () => {
    expect(TouristCurrencySettingsSchema.safeParse(settings).success).toBe(true);
    const bad = (rate: object) => TouristCurrencySettingsSchema.safeParse({ rates: [{ code: 'USD', shown: true, ...rate }], onReceipt: false }).success;
    expect(bad({ paisePerUnit: 8_412, rateDate: null })).toBe(false);
    expect(bad({ paisePerUnit: 84.12, rateDate: '2026-12-01' })).toBe(false);
    expect(bad({ paisePerUnit: 0, rateDate: '2026-12-01' })).toBe(false);
    expect(bad({ paisePerUnit: 8_412, rateDate: '1-12-2026' })).toBe(false);
    expect(bad({ code: 'JPY', paisePerUnit: 60, rateDate: '2026-12-01' })).toBe(false);
    const twice = { rates: [settings.rates[0], settings.rates[0]], onReceipt: false };
    expect(TouristCurrencySettingsSchema.safeParse(twice).success).toBe(false);
  });
});
