import { describe, expect, it } from 'vitest';
import { DEFAULT_TAX_TABLE, findTaxRule, formatRate, gstRateBps, splitCgstSgst, taxInside, valueBeforeGst, type TaxTable } from '../../shared/tax';
import type { Paise } from '../../shared/money';

const p = (n: number) => n as Paise;
const subject = (hsn: string, handmade: boolean, override: number | null = null) => ({ hsn, handmade, gstRateBpsOverride: override });

describe('tax table', () => {
  it('puts handmade goods of the listed headings at 5% whatever the price', () => {
    expect(gstRateBps(DEFAULT_TAX_TABLE, subject('62149000', true), p(10_000_000))).toBe(500);
    expect(gstRateBps(DEFAULT_TAX_TABLE, subject('5701', true), p(18_500_000))).toBe(500);
    expect(gstRateBps(DEFAULT_TAX_TABLE, subject('4420', true), p(320_000))).toBe(500);
  });

  it('puts other textiles at 5% while the value before GST is at most ₹2,500 a piece, 18% above', () => {
    const stole = subject('6214', false);
    // ₹2,600 inclusive is ₹2,476.19 before 5% GST: the lower slab (the bug charged 18%).
    expect(gstRateBps(DEFAULT_TAX_TABLE, stole, p(260_000))).toBe(500);
    // ₹2,625.00 − 5/105 of it (₹125.00) is exactly ₹2,500.00: still 5%.
    expect(gstRateBps(DEFAULT_TAX_TABLE, stole, p(262_500))).toBe(500);
    // One paisa more is ₹2,500.01 before GST at 5%: 18%.
    expect(gstRateBps(DEFAULT_TAX_TABLE, stole, p(262_501))).toBe(1800);
    expect(gstRateBps(DEFAULT_TAX_TABLE, subject('6117', false), p(250_000))).toBe(500);
    expect(gstRateBps(DEFAULT_TAX_TABLE, subject('6214', false), p(299_900))).toBe(1800);
  });

  it('compares a line of several pieces with the bound per piece', () => {
    const stole = subject('6214', false);
    expect(gstRateBps(DEFAULT_TAX_TABLE, stole, p(3 * 262_500), 3)).toBe(500);
    expect(gstRateBps(DEFAULT_TAX_TABLE, stole, p(3 * 262_500 + 1), 3)).toBe(1800);
    expect(() => gstRateBps(DEFAULT_TAX_TABLE, stole, p(100), 0)).toThrow(RangeError);
  });

  it('takes the value before GST at each slab’s own rate, for an edited table too', () => {
    const table: TaxTable = [{ id: 't', hsnPrefix: '62', handmade: null, label: '', slabs: [
      { upToPaise: 100_000, rateBps: 500 }, { upToPaise: 250_000, rateBps: 1200 }, { upToPaise: null, rateBps: 1800 },
    ] }];
    expect(gstRateBps(table, subject('6201', false), p(105_000))).toBe(500); // ₹1,000.00 at 5%
    expect(gstRateBps(table, subject('6201', false), p(105_001))).toBe(1200);
    expect(gstRateBps(table, subject('6201', false), p(280_000))).toBe(1200); // ₹2,500.00 at 12%
    expect(gstRateBps(table, subject('6201', false), p(280_001))).toBe(1800);
    expect(valueBeforeGst(p(280_000), 1200)).toBe(250_000);
  });

  it('puts anything else at 18%, and a product override beats the table', () => {
    expect(gstRateBps(DEFAULT_TAX_TABLE, subject('4419', false), p(100))).toBe(1800);
    expect(gstRateBps(DEFAULT_TAX_TABLE, subject('4419', false, 1200), p(100))).toBe(1200);
  });

  it('prefers the longest prefix, then a rule that names the handmade flag', () => {
    const table: TaxTable = [
      { id: 'a', hsnPrefix: '62', handmade: null, label: '', slabs: [{ upToPaise: null, rateBps: 1200 }] },
      { id: 'b', hsnPrefix: '62', handmade: true, label: '', slabs: [{ upToPaise: null, rateBps: 300 }] },
      { id: 'c', hsnPrefix: '6214', handmade: null, label: '', slabs: [{ upToPaise: null, rateBps: 2800 }] },
    ];
    expect(findTaxRule(table, '6201', true)?.id).toBe('b');
    expect(findTaxRule(table, '6201', false)?.id).toBe('a');
    expect(findTaxRule(table, '6214', true)?.id).toBe('c');
    expect(findTaxRule(table, '7101', true)).toBeNull();
  });

  it('takes the GST out of an inclusive price, rounding half up to the paisa', () => {
    // 250000 × 5/105 = 11904.76… → 11905 (PROTOCOL.md's example)
    expect(taxInside(p(250_000), 500)).toBe(11_905);
    // 105 × 5/105 = 5 exactly
    expect(taxInside(p(105), 500)).toBe(5);
    // 21 × 5/105 = 1 exactly; 11 × 5/105 = 0.52… → 1; 10 × 5/105 = 0.476 → 0
    expect(taxInside(p(11), 500)).toBe(1);
    expect(taxInside(p(10), 500)).toBe(0);
  });

  it('splits tax into CGST and SGST that always add up', () => {
    for (const tax of [0, 1, 2, 11_905, 99_999]) {
      const { cgst, sgst } = splitCgstSgst(p(tax));
      expect(cgst + sgst).toBe(tax);
      expect(sgst).toBe(Math.floor(tax / 2));
    }
  });

  it('formats rates for documents', () => {
    expect(formatRate(500)).toBe('5%');
    expect(formatRate(25)).toBe('0.25%');
    expect(formatRate(150)).toBe('1.5%');
  });
});
