import { describe, expect, it } from 'vitest';
import {
  addBand, bandViews, checkProduct, newRuleRow, putRule, rateChoices, removeBand, rowFromRule, ruleFromRow, rulesForDisplay,
  sameTable, setBand, withoutRule, type RuleRow,
} from '../../../../../../renderer/ui/manager/settings/logic/taxRows';
import { DEFAULT_TAX_TABLE, type TaxRule, type TaxTable } from '../../../../../../shared/tax';

const textiles61 = DEFAULT_TAX_TABLE.find((r) => r.id === 'textile-61')!;
const others = (id: string): TaxTable => DEFAULT_TAX_TABLE.filter((r) => r.id !== id);

/** A row for rule `id` of the starting table, changed by `change`, checked against the rest of it. */
function edited(id: string, change: (row: RuleRow) => RuleRow) {
  const rule = DEFAULT_TAX_TABLE.find((r) => r.id === id)!;
  return ruleFromRow(change(rowFromRule(rule)), others(id));
}

describe('tax editor rows: to the table and back', () => {
  it('turns every rule of the starting table into a row and back unchanged', () => {
    const back = DEFAULT_TAX_TABLE.map((rule) => {
      const checked = ruleFromRow(rowFromRule(rule), others(rule.id));
      if (!checked.ok) throw new Error(`${rule.id}: ${JSON.stringify(checked.problems)}`);
      return checked.rule;
    });
    expect(back).toEqual(DEFAULT_TAX_TABLE);
  });

  it('shows band tops as a manager types them and leaves the last band open', () => {
    expect(rowFromRule(textiles61).bands).toEqual([{ upTo: '2500', rateBps: 500 }, { upTo: '', rateBps: 1800 }]);
    const odd: TaxRule = { ...textiles61, slabs: [{ upToPaise: 100_050, rateBps: 500 }, { upToPaise: null, rateBps: 1200 }] };
    expect(rowFromRule(odd).bands[0]!.upTo).toBe('1000.50');
  });

  it('reads band amounts in rupees to exact paise, with no float on the way', () => {
    const checked = edited('textile-61', (row) => setBand(row, 0, { upTo: '2500.10' }));
    expect(checked.ok && checked.rule.slabs).toEqual([{ upToPaise: 250_010, rateBps: 500 }, { upToPaise: null, rateBps: 1800 }]);
    // 0.29 × 100 is 28.999999999999996 in floating point; the editor must still get 29 paise.
    const small = edited('textile-61', (row) => setBand(row, 0, { upTo: '0.29' }));
    expect(small.ok && small.rule.slabs[0]!.upToPaise).toBe(29);
  });

  it('changes the rate above ₹2,500 of machine-made textiles of chapter 61 to 12%', () => {
    const checked = edited('textile-61', (row) => setBand(row, 1, { rateBps: 1200 }));
    if (!checked.ok) throw new Error('refused');
    const table = putRule(DEFAULT_TAX_TABLE, checked.rule);
    expect(table).toHaveLength(DEFAULT_TAX_TABLE.length);
    const stole = checkProduct(table, { hsn: '6117', handmade: false, price: '3000' });
    expect(stole.ok && [stole.rule?.id, stole.rateBps]).toEqual(['textile-61', 1200]);
  });

  it('trims the prefix and the name, and maps the handmade choice to the flag', () => {
    const row: RuleRow = { id: 'r1', hsnPrefix: ' 9701 ', made: 'machine', label: '  Paintings ', bands: [{ upTo: '', rateBps: 1200 }] };
    const checked = ruleFromRow(row, DEFAULT_TAX_TABLE);
    expect(checked).toEqual({ ok: true, rule: { id: 'r1', hsnPrefix: '9701', handmade: false, label: 'Paintings', slabs: [{ upToPaise: null, rateBps: 1200 }] } });
  });
});

describe('tax editor rows: what a manager is told', () => {
  const problemsOf = (checked: ReturnType<typeof ruleFromRow>) => {
    if (checked.ok) throw new Error('expected a refusal');
    return checked.problems;
  };

  it('asks for the top of every band but the last', () => {
    const p = problemsOf(edited('textile-61', (row) => setBand(row, 0, { upTo: '' })));
    expect(p.bands).toEqual([{ key: 'bandAmountMissing' }, null]);
  });

  it('says why an amount is not read: not a number, too many decimals, zero', () => {
    expect(problemsOf(edited('textile-61', (row) => setBand(row, 0, { upTo: '2,500' }))).bands[0]).toEqual({ key: 'bandAmountFormat' });
    expect(problemsOf(edited('textile-61', (row) => setBand(row, 0, { upTo: '2500.505' }))).bands[0]).toEqual({ key: 'bandAmountDecimals' });
    expect(problemsOf(edited('textile-61', (row) => setBand(row, 0, { upTo: '0' }))).bands[0]).toEqual({ key: 'bandAmountZero' });
    expect(problemsOf(edited('textile-61', (row) => setBand(row, 0, { upTo: '-5' }))).bands[0]).toEqual({ key: 'bandAmountFormat' });
  });

  it('refuses bands that do not rise, naming where the band before ends (as paise, for the screen to format)', () => {
    const three = setBand(setBand(addBand(rowFromRule(textiles61)), 0, { upTo: '2500' }), 1, { upTo: '2500' });
    const p = problemsOf(ruleFromRow(three, others('textile-61')));
    expect(p.bands).toEqual([null, { key: 'bandsMustRise', money: { previous: 250_000 } }, null]);
  });

  it('refuses a prefix that is not digits, and a rule with no name', () => {
    const p = problemsOf(edited('textile-61', (row) => ({ ...row, hsnPrefix: '61a', label: '  ' })));
    expect(p.fields).toEqual({ hsnPrefix: { key: 'prefixDigits' }, label: { key: 'labelRequired' } });
  });

  it('refuses a second rule for the same HSN prefix and the same goods, naming the one that exists', () => {
    const row = { ...newRuleRow('new-1'), hsnPrefix: '6117', made: 'handmade' as const, label: 'Stoles' };
    expect(problemsOf(ruleFromRow(row, DEFAULT_TAX_TABLE)).rule).toEqual({ key: 'duplicateRule', values: { prefix: '6117', label: 'Handmade, HSN 6117' } });
    // Machine-made stoles of the same heading are other goods: that rule is fine.
    expect(ruleFromRow({ ...row, made: 'machine' }, DEFAULT_TAX_TABLE).ok).toBe(true);
  });

  it('keeps the rule for everything else: it may change its rate, not what it covers', () => {
    expect(edited('default', (row) => setBand(row, 0, { rateBps: 1200 })).ok).toBe(true);
    expect(problemsOf(edited('default', (row) => ({ ...row, made: 'handmade' }))).rule).toEqual({ key: 'keepEverythingElse' });
    expect(problemsOf(edited('default', (row) => ({ ...row, hsnPrefix: '99' }))).rule).toEqual({ key: 'keepEverythingElse' });
  });
});

describe('tax editor rows: bands, rates and the table', () => {
  it('adds a band before the open one at its rate, and removing the last band opens the one before', () => {
    const row = rowFromRule(textiles61);
    const three = addBand(row);
    expect(three.bands).toEqual([{ upTo: '2500', rateBps: 500 }, { upTo: '', rateBps: 1800 }, { upTo: '', rateBps: 1800 }]);
    expect(removeBand(three, 1).bands).toEqual(row.bands);
    expect(removeBand(row, 1).bands).toEqual([{ upTo: '', rateBps: 500 }]);
    const single = removeBand(row, 1);
    expect(removeBand(single, 0)).toBe(single);
  });

  it('offers the GST rates in force, and keeps a rate the table already has', () => {
    expect(rateChoices([500])).toEqual([0, 25, 150, 300, 500, 1200, 1800, 2800, 4000]);
    expect(rateChoices([1000, 500])).toContain(1000);
  });

  it('describes bands for the table: any price, up to, between, above', () => {
    expect(bandViews(DEFAULT_TAX_TABLE.find((r) => r.id === 'default')!)).toEqual([{ kind: 'any', rateBps: 1800 }]);
    const three: TaxRule = { ...textiles61, slabs: [{ upToPaise: 100_000, rateBps: 500 }, { upToPaise: 250_000, rateBps: 1200 }, { upToPaise: null, rateBps: 1800 }] };
    expect(bandViews(three)).toEqual([
      { kind: 'upTo', to: 100_000, rateBps: 500 },
      { kind: 'between', from: 100_000, to: 250_000, rateBps: 1200 },
      { kind: 'above', from: 250_000, rateBps: 1800 },
    ]);
  });

  it('lists rules by prefix with everything else last, and tells a changed table from the same one reordered', () => {
    const shown = rulesForDisplay(DEFAULT_TAX_TABLE);
    expect(shown.at(-1)!.id).toBe('default');
    expect(shown.slice(0, 3).map((r) => r.hsnPrefix)).toEqual(['4420', '4421', '4602']);
    expect(sameTable(shown, DEFAULT_TAX_TABLE)).toBe(true);
    expect(sameTable(withoutRule(DEFAULT_TAX_TABLE, 'textile-50'), DEFAULT_TAX_TABLE)).toBe(false);
    const changed = putRule(DEFAULT_TAX_TABLE, { ...textiles61, label: 'Knitwear' });
    expect(sameTable(changed, DEFAULT_TAX_TABLE)).toBe(false);
  });
});

describe('check a product', () => {
  it('finds the rule and rate a sale would use, with the GST inside the price split in two', () => {
    const check = checkProduct(DEFAULT_TAX_TABLE, { hsn: '6117', handmade: false, price: '2999' });
    if (!check.ok) throw new Error('refused');
    expect(check.rule?.id).toBe('textile-61');
    expect(check.rateBps).toBe(1800);
    // round(299900 × 1800 / 11800) = 45747.457… → 45747; SGST takes the floor of half.
    expect([check.price, check.tax, check.cgst, check.sgst]).toEqual([299_900, 45_747, 22_874, 22_873]);
  });

  it('applies a band top inclusively to the value before GST: ₹2,625.00 inclusive (₹2,500.00 + 5%) is still 5%, ₹2,625.01 is not', () => {
    const at = (price: string) => {
      const check = checkProduct(DEFAULT_TAX_TABLE, { hsn: '6211', handmade: false, price });
      return check.ok ? check.rateBps : null;
    };
    expect(at('2600')).toBe(500);
    expect(at('2625')).toBe(500);
    expect(at('2625.01')).toBe(1800);
  });

  it('prefers the handmade rule over the chapter rule for a handmade stole', () => {
    const check = checkProduct(DEFAULT_TAX_TABLE, { hsn: '62149000', handmade: true, price: '12500' });
    expect(check.ok && [check.rule?.id, check.rateBps]).toEqual(['handmade-6214', 500]);
  });

  it('says what is missing or wrong before it answers', () => {
    expect(checkProduct(DEFAULT_TAX_TABLE, { hsn: '', handmade: true, price: '' })).toEqual({
      ok: false, problems: { hsn: { key: 'required' }, price: { key: 'required' } },
    });
    expect(checkProduct(DEFAULT_TAX_TABLE, { hsn: '61', handmade: true, price: 'abc' })).toEqual({
      ok: false, problems: { hsn: { key: 'hsn' }, price: { key: 'price' } },
    });
    expect(checkProduct(DEFAULT_TAX_TABLE, { hsn: '6117', handmade: true, price: '0' })).toEqual({ ok: false, problems: { price: { key: 'priceZero' } } });
  });

  it('answers 18% with no rule when the table has no rule for the code, as a sale would', () => {
    const check = checkProduct(withoutRule(DEFAULT_TAX_TABLE, 'default'), { hsn: '9701', handmade: true, price: '100' });
    expect(check.ok && [check.rule, check.rateBps]).toEqual([null, 1800]);
  });
});
