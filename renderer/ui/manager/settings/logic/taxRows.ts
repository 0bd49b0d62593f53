import { GST_RATES_BPS } from '../../../../../shared/catalog';
import { parseRupees, formatRupeesPlain } from '../../../../../shared/money';
import { findTaxRule, gstRateBps, splitCgstSgst, taxInside, type TaxRule, type TaxTable } from '../../../../../shared/tax';
import { charCount, onlyProblems, problem, type FieldProblems, type Problem } from './problems';

/**
 * The tax table as the manager edits it. A rule is edited as text (rupees as typed) in a
 * RuleRow and becomes a TaxRule again only when every band reads exactly: amounts go
 * through parseRupees (string arithmetic, never a float), so "2500.10" is 250010 paise.
 *
 * renderer/db's updateTaxTable checks the whole table again on save; the checks here
 * are the ones a manager can fix on the spot, said per field.
 */

/** Which goods a rule covers: the TaxRule's `handmade` flag as a choice of three. */
export type MadeChoice = 'handmade' | 'machine' | 'either';

export interface BandRow {
  /** Top of the band in rupees as typed ("2500"); '' on the last band, which has no top. */
  upTo: string;
  rateBps: number;
}

export interface RuleRow {
  id: string;
  hsnPrefix: string;
  made: MadeChoice;
  label: string;
  /** At least one; the last one is open-ended. */
  bands: BandRow[];
}

export interface RuleProblems {
  fields: FieldProblems<'hsnPrefix' | 'label'>;
  /** One entry per band, null where the band is fine. */
  bands: (Problem | null)[];
  /** About the rule as a whole (it clashes with another rule, or the table needs it). */
  rule: Problem | null;
}

export type CheckedRule = { ok: true; rule: TaxRule } | { ok: false; problems: RuleProblems };

export const MAX_LABEL = 60;

export function madeOf(handmade: boolean | null): MadeChoice {
  return handmade === null ? 'either' : handmade ? 'handmade' : 'machine';
}

export function handmadeOf(made: MadeChoice): boolean | null {
  return made === 'either' ? null : made === 'handmade';
}

/** 250000 → "2500", 250010 → "2500.10": how a manager would type it. */
export function rupeesText(amount: number): string {
  return formatRupeesPlain(amount).replace(/\.00$/, '');
}

export function rowFromRule(rule: TaxRule): RuleRow {
  return {
    id: rule.id,
    hsnPrefix: rule.hsnPrefix,
    made: madeOf(rule.handmade),
    label: rule.label,
    bands: rule.slabs.map((s) => ({ upTo: s.upToPaise === null ? '' : rupeesText(s.upToPaise), rateBps: s.rateBps })),
  };
}

/** A new rule: one band for any price at 5 %, the rate most handicrafts carry. */
export function newRuleRow(id: string): RuleRow {
  return { id, hsnPrefix: '', made: 'handmade', label: '', bands: [{ upTo: '', rateBps: 500 }] };
}

/** The catch-all rule every table needs, so that every product finds a rate. */
export function isEverythingElse(rule: Pick<TaxRule, 'hsnPrefix' | 'handmade'>): boolean {
  return rule.hsnPrefix === '' && rule.handmade === null;
}

function checkBandAmount(text: string, previous: number | null): { ok: true; value: number } | { ok: false; problem: Problem } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: problem('bandAmountMissing') };
  const parsed = parseRupees(trimmed);
  if (!parsed.ok || parsed.value < 0) {
    return { ok: false, problem: problem(/^\d+\.\d{3,}$/.test(trimmed) ? 'bandAmountDecimals' : 'bandAmountFormat') };
  }
  if (parsed.value === 0) return { ok: false, problem: problem('bandAmountZero') };
  if (previous !== null && parsed.value <= previous) {
    return { ok: false, problem: problem('bandsMustRise', undefined, { previous }) };
  }
  return { ok: true, value: parsed.value };
}

/**
 * The row as a TaxRule, checked against the rest of the table (`others`: every rule but
 * this one). Two rules for the same HSN prefix and the same goods would leave it to
 * their order which one applies, so that is refused, as is losing the catch-all.
 */
export function ruleFromRow(row: RuleRow, others: TaxTable): CheckedRule {
  const hsnPrefix = row.hsnPrefix.trim();
  const label = row.label.trim();
  const fields = onlyProblems<'hsnPrefix' | 'label'>({
    hsnPrefix: /^\d{0,8}$/.test(hsnPrefix) ? null : problem('prefixDigits'),
    label: label === '' ? problem('labelRequired') : charCount(label) > MAX_LABEL ? problem('tooLong', { max: MAX_LABEL }) : null,
  });

  const slabs: TaxRule['slabs'] = [];
  const bandProblems: (Problem | null)[] = [];
  let previous: number | null = null;
  row.bands.forEach((band, i) => {
    if (i === row.bands.length - 1) {
      bandProblems.push(null);
      slabs.push({ upToPaise: null, rateBps: band.rateBps });
      return;
    }
    const amount = checkBandAmount(band.upTo, previous);
    if (amount.ok) {
      bandProblems.push(null);
      slabs.push({ upToPaise: amount.value, rateBps: band.rateBps });
      previous = amount.value;
    } else {
      bandProblems.push(amount.problem);
    }
  });

  const handmade = handmadeOf(row.made);
  let rule: Problem | null = null;
  if (!fields.hsnPrefix) {
    const clash = others.find((r) => r.hsnPrefix === hsnPrefix && r.handmade === handmade);
    if (clash) rule = problem(hsnPrefix === '' ? 'duplicateRuleAll' : 'duplicateRule', { prefix: hsnPrefix, label: clash.label });
    else if (!others.some(isEverythingElse) && !isEverythingElse({ hsnPrefix, handmade })) rule = problem('keepEverythingElse');
  }

  if (Object.keys(fields).length > 0 || bandProblems.some(Boolean) || rule || row.bands.length === 0) {
    return { ok: false, problems: { fields, bands: bandProblems, rule } };
  }
  return { ok: true, rule: { id: row.id, hsnPrefix, handmade, label, slabs } };
}

/** A band added before the open-ended last one, at the rate of the band it splits. */
export function addBand(row: RuleRow): RuleRow {
  const last = row.bands[row.bands.length - 1] ?? { upTo: '', rateBps: 500 };
  return { ...row, bands: [...row.bands.slice(0, -1), { upTo: '', rateBps: last.rateBps }, { upTo: '', rateBps: last.rateBps }] };
}

/** Removes a band; removing the last one leaves the band before it open-ended. One band always stays. */
export function removeBand(row: RuleRow, index: number): RuleRow {
  if (row.bands.length <= 1 || index < 0 || index >= row.bands.length) return row;
  const bands = row.bands.filter((_, i) => i !== index);
  bands[bands.length - 1] = { ...bands[bands.length - 1]!, upTo: '' };
  return { ...row, bands };
}

export function setBand(row: RuleRow, index: number, change: Partial<BandRow>): RuleRow {
  return { ...row, bands: row.bands.map((b, i) => (i === index ? { ...b, ...change } : b)) };
}

/** The table with `rule` in place of the rule with its id, or added at the end. */
export function putRule(table: TaxTable, rule: TaxRule): TaxRule[] {
  const at = table.findIndex((r) => r.id === rule.id);
  return at < 0 ? [...table, rule] : table.map((r, i) => (i === at ? rule : r));
}

export function withoutRule(table: TaxTable, id: string): TaxRule[] {
  return table.filter((r) => r.id !== id);
}

/**
 * The rates offered: the GST rates in force, plus any other rate a rule already has
 * (an older table), so opening a rule never silently changes its rate.
 */
export function rateChoices(current: readonly number[]): number[] {
  return [...new Set([...GST_RATES_BPS, ...current])].sort((a, b) => a - b);
}

/**
 * Rules in reading order: by HSN prefix as digits (so "57" comes before "5805"), handmade
 * before machine-made before either, and "everything else" at the end.
 */
export function rulesForDisplay(table: TaxTable): TaxRule[] {
  const madeOrder = { handmade: 0, machine: 1, either: 2 };
  return [...table].sort((a, b) => {
    if ((a.hsnPrefix === '') !== (b.hsnPrefix === '')) return a.hsnPrefix === '' ? 1 : -1;
    if (a.hsnPrefix !== b.hsnPrefix) return a.hsnPrefix < b.hsnPrefix ? -1 : 1;
    return madeOrder[madeOf(a.handmade)] - madeOrder[madeOf(b.handmade)];
  });
}

/** A band as the table shows it: "Any price", "Up to ₹2,500", "Above ₹X up to ₹Y", "Above ₹2,500". */
export type BandView =
  | { kind: 'any'; rateBps: number }
  | { kind: 'upTo'; to: number; rateBps: number }
  | { kind: 'between'; from: number; to: number; rateBps: number }
  | { kind: 'above'; from: number; rateBps: number };

export function bandViews(rule: TaxRule): BandView[] {
  if (rule.slabs.length === 1) return [{ kind: 'any', rateBps: rule.slabs[0]!.rateBps }];
  let from: number | null = null;
  return rule.slabs.map((s): BandView => {
    const view: BandView = s.upToPaise === null
      ? { kind: 'above', from: from ?? 0, rateBps: s.rateBps }
      : from === null ? { kind: 'upTo', to: s.upToPaise, rateBps: s.rateBps } : { kind: 'between', from, to: s.upToPaise, rateBps: s.rateBps };
    from = s.upToPaise;
    return view;
  });
}

/** A rule's content as one string, whatever order its properties were built in. */
export function ruleSignature(r: TaxRule): string {
  return JSON.stringify([r.id, r.hsnPrefix, r.handmade, r.label, r.slabs.map((s) => [s.upToPaise, s.rateBps])]);
}

/** Same rules with the same content, in any order: whether there is anything to save. */
export function sameTable(a: TaxTable, b: TaxTable): boolean {
  if (a.length !== b.length) return false;
  const left = a.map(ruleSignature).sort();
  const right = b.map(ruleSignature).sort();
  return left.every((k, i) => k === right[i]);
}

export type ProductCheck =
  | { ok: false; problems: FieldProblems<'hsn' | 'price'> }
  | {
    ok: true;
    /** The rule that decides, or null when none matches (the sale then takes 18 %). */
    rule: TaxRule | null;
    rateBps: number;
    price: number;
    /** GST inside the price, and its CGST/SGST halves, exactly as a receipt line would have them. */
    tax: number;
    cgst: number;
    sgst: number;
  };

/**
 * "Check a product": which rule and rate a piece of this HSN, handmade or not, at this
 * price would get from `table` — the same functions a sale uses (findTaxRule, gstRateBps,
 * taxInside), so what the manager verifies here is what the counter will do.
 */
export function checkProduct(table: TaxTable, input: { hsn: string; handmade: boolean; price: string }): ProductCheck {
  const hsn = input.hsn.trim();
  const priceText = input.price.trim();
  const parsed = priceText === '' ? null : parseRupees(priceText);
  const problems = onlyProblems<'hsn' | 'price'>({
    hsn: hsn === '' ? problem('required') : /^\d{4,8}$/.test(hsn) ? null : problem('hsn'),
    price: parsed === null ? problem('required') : !parsed.ok || parsed.value < 0 ? problem('price') : parsed.value === 0 ? problem('priceZero') : null,
  });
  if (Object.keys(problems).length > 0 || !parsed?.ok) return { ok: false, problems };
  const price = parsed.value;
  const rateBps = gstRateBps(table, { hsn, handmade: input.handmade, gstRateBpsOverride: null }, price);
  const tax = taxInside(price, rateBps);
  const { cgst, sgst } = splitCgstSgst(tax);
  return { ok: true, rule: findTaxRule(table, hsn, input.handmade), rateBps, price, tax, cgst, sgst };
}
