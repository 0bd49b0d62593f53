/**
 * Why a settings field is not accepted, as data: a key under `errors.` in
 * en.settings.json and what goes into it. Amounts travel as paise in `money` and are
 * formatted on screen (Intl, the current language), never as text baked in here.
 */
export type ProblemKey =
  | 'required'
  | 'invalid'
  | 'tooLong'
  | 'marketId'
  | 'gstin'
  | 'invoiceSeries'
  | 'upiVpa'
  | 'discountLimit'
  | 'overStockManager'
  | 'idleSignOut'
  | 'timeZone'
  | 'storyBaseUrl'
  | 'webShopHttps'
  | 'webShopCode'
  | 'webShopAddress'
  | 'attractAfter'
  | 'addressNeeded'
  | 'prefixDigits'
  | 'labelRequired'
  | 'bandAmountMissing'
  | 'bandAmountFormat'
  | 'bandAmountDecimals'
  | 'bandAmountZero'
  | 'bandsMustRise'
  | 'duplicateRule'
  | 'duplicateRuleAll'
  | 'keepEverythingElse'
  | 'hsn'
  | 'price'
  | 'priceZero'
  | 'port'
  | 'deviceId'
  | 'centralUrl'
  | 'deviceKey'
  | 'rate'
  | 'rateDate'
  | 'rateNeeded';

export interface Problem {
  key: ProblemKey;
  values?: Record<string, string | number>;
  /** Amounts in paise, shown as money under the same names. */
  money?: Record<string, number>;
}

export type FieldProblems<F extends string> = Partial<Record<F, Problem>>;

/** A form read into what it stands for, or what is wrong with it field by field. */
export type Checked<Value, F extends string> = { ok: true; value: Value } | { ok: false; problems: FieldProblems<F> };

export function problem(key: ProblemKey, values?: Problem['values'], money?: Problem['money']): Problem {
  return { key, ...(values ? { values } : {}), ...(money ? { money } : {}) };
}

/** Length in characters a person sees (code points), so Urdu and Devanagari are not charged double. */
export function charCount(text: string): number {
  return [...text].length;
}

/** Drops the fields that have no problem, so "no keys" means "all fine". */
export function onlyProblems<F extends string>(problems: Partial<Record<F, Problem | null | undefined>>): FieldProblems<F> {
  const out: FieldProblems<F> = {};
  for (const [field, p] of Object.entries(problems) as [F, Problem | null | undefined][]) {
    if (p) out[field] = p;
  }
  return out;
}
