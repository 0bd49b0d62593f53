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

describe('cash limit of the Income-tax Act, s.269ST', () => {
  it('takes ₹1,99,999.99 in cash, and refuses ₹2,00,000, saying how much must go on card or UPI', () => {
    expect(settleTenders(p(19_999_999), [{ method: 'cash', tendered: p(20_000_000) }])).toMatchObject({ ok: true, change: 1 });
    expect(settleTenders(p(20_000_000), [{ method: 'cash', tendered: p(20_000_000) }])).toEqual({ ok: false, reason: 'cash-limit', due: 1 });
    expect(settleTenders(p(21_220_000), [{ method: 'cash', tendered: p(21_220_000) }])).toEqual({ ok: false, reason: 'cash-limit', due: 1_220_001 });
  });

  it('counts the cash kept, not the notes handed over, and takes a large sale split onto UPI', () => {
    // ₹1,99,000 due, ₹2,00,000 handed over: ₹1,000 goes back as change, ₹1,99,000 is kept.
    expect(settleTenders(p(19_900_000), [{ method: 'cash', tendered: p(20_000_000) }])).toMatchObject({ ok: true, change: 100_000 });
    const split = settleTenders(p(36_842_200), [{ method: 'upi', amount: p(20_000_000), reference: 'K01/2627/000009' }, { method: 'cash', tendered: p(16_842_200) }]);
    expect(split.ok && split.payments.map((x) => [x.method, x.amount])).toEqual([['upi', 20_000_000], ['cash', 16_842_200]]);
  });

  it('offers no quick cash amount for a total that cash alone may not pay', () => {
    expect(quickCashAmounts(p(21_220_000))).toEqual([]);
    expect(quickCashAmounts(p(19_999_999))[0]).toBe(19_999_999);
  });

  it('says so before asking for more cash when the cash in hand already reaches the limit', () => {
    expect(settleTenders(p(30_000_000), [{ method: 'cash', tendered: p(25_000_000) }])).toEqual({ ok: false, reason: 'cash-limit', due: 5_000_001 });
  });
});
