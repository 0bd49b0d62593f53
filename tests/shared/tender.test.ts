import { describe, expect, it } from 'vitest';
import { cashRoundOff, quickCashAmounts, settleTenders } from '../../shared/tender';
import type { Paise } from '../../shared/money';

const p = (n: number) => n as Paise;

describe('tenders', () => {
  it('gives change from cash only', () => {
    const s = settleTenders(p(125_050), [{ method: 'cash', tendered: p(200_000) }]);
    expect(s).toEqual({ ok: true, change: 74_950, payments: [{ method: 'cash', amount: 125_050, tendered: 200_000, change: 74_950, reference: null }] });
  });

  it('splits cash and UPI: UPI as entered, cash covers the rest', () => {
    const s = settleTenders(p(300_000), [{ method: 'upi', amount: p(200_000), reference: 'K01/2627/000001' }, { method: 'cash', tendered: p(150_000) }]);
    expect(s.ok && s.payments.map((x) => [x.method, x.amount])).toEqual([['upi', 200_000], ['cash', 100_000]]);
    expect(s.ok && s.change).toBe(50_000);
  });

  it('refuses card or UPI above what is due, and says how much is short', () => {
    expect(settleTenders(p(1_000), [{ method: 'card', amount: p(1_001), reference: 'R1' }])).toMatchObject({ ok: false, reason: 'overpaid-non-cash' });
    expect(settleTenders(p(1_000), [{ method: 'cash', tendered: p(400) }])).toEqual({ ok: false, reason: 'short', due: 600 });
    expect(settleTenders(p(1_000), [{ method: 'card', amount: p(1_000), reference: ' ' }])).toMatchObject({ ok: false, reason: 'missing-reference' });
  });

  it('rounds cash to the rupee, half up', () => {
    expect(cashRoundOff(p(125_050))).toBe(50);
    expect(cashRoundOff(p(125_049))).toBe(-49);
    expect(cashRoundOff(p(125_000))).toBe(0);
  });

  it('suggests the exact amount and the next round notes', () => {
    expect(quickCashAmounts(p(125_050))).toEqual([125_050, 130_000, 150_000, 200_000]);
    expect(quickCashAmounts(p(50_000))).toEqual([50_000, 200_000]);
  });
});
