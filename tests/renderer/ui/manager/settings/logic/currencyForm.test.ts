import { describe, expect, it } from 'vitest';
import { currencyFormFrom, currencySettingsFromForm } from '../../../../../../renderer/ui/manager/settings/logic/currencyForm';
import { DEFAULT_TOURIST_CURRENCIES, type TouristCurrencySettings } from '../../../../../../shared/tourist-currency';

const settings: TouristCurrencySettings = {
  rates: [
    { code: 'USD', shown: true, paisePerUnit: 8_412, rateDate: '2026-12-01' },
    { code: 'EUR', shown: false, paisePerUnit: null, rateDate: null },
    { code: 'GBP', shown: false, paisePerUnit: 10_700, rateDate: '2026-11-20' },
  ],
  onReceipt: true,
};

describe('tourist currency form', () => {
  it('round-trips the settings through the typed form (rupees with two decimals)', () => {
    const form = currencyFormFrom(settings);
    expect(form.rows.USD).toEqual({ shown: true, rate: '84.12', date: '2026-12-01' });
    expect(form.rows.GBP.rate).toBe('107.00');
    expect(currencySettingsFromForm(form)).toEqual({ ok: true, value: settings });
    expect(currencySettingsFromForm(currencyFormFrom(DEFAULT_TOURIST_CURRENCIES))).toEqual({ ok: true, value: DEFAULT_TOURIST_CURRENCIES });
  });

  it('parses a rate straight to paise and refuses what cannot be one', () => {
    const form = currencyFormFrom(DEFAULT_TOURIST_CURRENCIES);
    const withRate = (rate: string, date = '2026-12-01') => currencySettingsFromForm({ ...form, rows: { ...form.rows, EUR: { shown: true, rate, date } } });
    const ok = withRate('90.5');
    expect(ok.ok && ok.value.rates.find((r) => r.code === 'EUR')).toEqual({ code: 'EUR', shown: true, paisePerUnit: 9_050, rateDate: '2026-12-01' });
    for (const bad of ['0', '90.555', 'abc', '10000.01']) {
      const result = withRate(bad);
      expect(result.ok ? null : result.problems['EUR.rate']?.key, bad).toBe('rate');
    }
    const noDate = withRate('90.50', '');
    expect(noDate.ok ? null : noDate.problems['EUR.date']?.key).toBe('rateDate');
    const badDate = withRate('90.50', '2026-13-01');
    expect(badDate.ok ? null : badDate.problems['EUR.date']?.key).toBe('rateDate');
    const shownWithout = withRate('', '');
    expect(shownWithout.ok ? null : shownWithout.problems['EUR.rate']).toEqual({ key: 'rateNeeded', values: { code: 'EUR' } });
  });
});
