import { formatRupeesPlain, parseRupees } from '../../../../../shared/money';
import { isBusinessDate } from '../../../../../shared/time';
import {
  MAX_PAISE_PER_UNIT, TOURIST_CURRENCIES, type TouristCurrency, type TouristCurrencySettings, type TouristRate,
} from '../../../../../shared/tourist-currency';
import { onlyProblems, problem, type Checked, type Problem } from './problems';

/**
 * The tourist-currency form as typed: per currency whether it is shown, its rate in rupees
 * ("84.12" for 1 USD = ₹84.12) and the date the rate was read (YYYY-MM-DD); and whether the
 * receipt prints the approximate amounts. Rates are parsed straight to paise, never
 * through a float.
 */
export interface CurrencyRow { shown: boolean; rate: string; date: string }
export interface CurrencyForm { rows: Record<TouristCurrency, CurrencyRow>; onReceipt: boolean }
export type CurrencyField = `${TouristCurrency}.rate` | `${TouristCurrency}.date`;

export function currencyFormFrom(settings: TouristCurrencySettings): CurrencyForm {
  const rows = {} as Record<TouristCurrency, CurrencyRow>;
  for (const code of TOURIST_CURRENCIES) {
    const rate = settings.rates.find((r) => r.code === code);
    rows[code] = {
      shown: rate?.shown ?? false,
      rate: rate?.paisePerUnit ? formatRupeesPlain(rate.paisePerUnit) : '',
      date: rate?.rateDate ?? '',
    };
  }
  return { rows, onReceipt: settings.onReceipt };
}

function rateOf(text: string): { paise: number | null; problem: Problem | null } {
  if (text.trim() === '') return { paise: null, problem: null };
  const parsed = parseRupees(text.trim());
  if (!parsed.ok || parsed.value <= 0 || parsed.value > MAX_PAISE_PER_UNIT) return { paise: null, problem: problem('rate') };
  return { paise: parsed.value, problem: null };
}

export function currencySettingsFromForm(form: CurrencyForm): Checked<TouristCurrencySettings, CurrencyField> {
  const found: Partial<Record<CurrencyField, Problem | null>> = {};
  const rates: TouristRate[] = [];
  for (const code of TOURIST_CURRENCIES) {
    const row = form.rows[code];
    const rate = rateOf(row.rate);
    const date = row.date.trim();
    const dateOk = date === '' || isBusinessDate(date);
    found[`${code}.rate`] = rate.problem ?? (row.shown && row.rate.trim() === '' ? problem('rateNeeded', { code }) : null)
      ?? (row.rate.trim() === '' && date !== '' ? problem('rateNeeded', { code }) : null);
    found[`${code}.date`] = !dateOk ? problem('rateDate') : row.rate.trim() !== '' && date === '' ? problem('rateDate') : null;
    rates.push({ code, shown: row.shown, paisePerUnit: rate.paise, rateDate: rate.paise !== null && dateOk && date !== '' ? date : null });
  }
  const problems = onlyProblems(found);
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, value: { rates, onReceipt: form.onReceipt } };
}

export function sameCurrencies(a: TouristCurrencySettings, b: TouristCurrencySettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
