import { describe, expect, it } from 'vitest';
import { paise } from '../../../../shared/money';
import {
  amountText, checkNonCash, NO_TENDERS, summarize, tenderReducer, type TenderAction, type TenderState,
} from '../../../../renderer/ui/pay/tenders';

const apply = (...actions: TenderAction[]): TenderState => actions.reduce(tenderReducer, NO_TENDERS);
const TOTAL = paise(1_570_000); // ₹15,700.00

describe('pay dialog tenders', () => {
  it('starts with everything still to pay and nothing to complete', () => {
    const s = summarize(TOTAL, false, NO_TENDERS);
    expect(s.remaining).toBe(TOTAL);
    expect(s.settlement).toBeNull();
    expect(s.problem).toEqual({ kind: 'short', due: TOTAL });
  });

  it('gives change from cash handed over', () => {
    const s = summarize(TOTAL, false, apply({ type: 'set-cash', text: '16000' }));
    expect(s.change).toBe(30_000);
    expect(s.remaining).toBe(0);
    expect(s.settlement?.payments).toEqual([{ method: 'cash', amount: TOTAL, tendered: 1_600_000, change: 30_000, reference: null }]);
  });

  it('splits cash and UPI: UPI is suggested for what the cash does not cover', () => {
    const cashOnly = summarize(TOTAL, false, apply({ type: 'set-cash', text: '5000' }));
    expect(cashOnly.suggestedNonCash).toBe(1_070_000);
    const state = apply({ type: 'set-cash', text: '5000' }, { type: 'add-non-cash', method: 'upi', amount: paise(1_070_000), reference: 'K01/2627/000001' });
    const s = summarize(TOTAL, false, state);
    expect(s.change).toBe(0);
    expect(s.settlement?.payments.map((p) => [p.method, p.amount])).toEqual([['upi', 1_070_000], ['cash', 500_000]]);
  });

  it('removes a card or UPI payment', () => {
    const state = apply({ type: 'add-non-cash', method: 'card', amount: paise(100_000), reference: 'A1' }, { type: 'add-non-cash', method: 'upi', amount: paise(200_000), reference: 'U1' });
    const after = tenderReducer(state, { type: 'remove-non-cash', id: state.nonCash[0]!.id });
    expect(after.nonCash.map((t) => t.method)).toEqual(['upi']);
    expect(summarize(TOTAL, false, after).remaining).toBe(TOTAL - 200_000);
  });

  it('says the cash is unreadable instead of guessing', () => {
    const s = summarize(TOTAL, false, apply({ type: 'set-cash', text: '12.345' }));
    expect(s.problem).toEqual({ kind: 'cash-unreadable' });
    expect(s.settlement).toBeNull();
  });

  it('rounds an all-cash total to the rupee when the store rounds, but not once card or UPI is in', () => {
    const cart = paise(245_050); // ₹2,450.50 → ₹2,451
    expect(summarize(cart, true, NO_TENDERS)).toMatchObject({ roundOff: 50, total: 245_100 });
    const withUpi = apply({ type: 'add-non-cash', method: 'upi', amount: paise(100_000), reference: 'U' });
    expect(summarize(cart, true, withUpi)).toMatchObject({ roundOff: 0, total: 245_050 });
    expect(summarize(cart, false, NO_TENDERS)).toMatchObject({ roundOff: 0, total: 245_050 });
  });

  it('refuses a card or UPI amount above what is left, one of zero, or a card without its reference', () => {
    const s = summarize(TOTAL, false, apply({ type: 'add-non-cash', method: 'card', amount: paise(1_000_000), reference: 'A' }));
    expect(checkNonCash(s, '5700', 'R', true)).toEqual({ ok: true, amount: 570_000 });
    expect(checkNonCash(s, '5700.01', 'R', true)).toEqual({ ok: false, why: 'too-much' });
    expect(checkNonCash(s, '0', 'R', true)).toEqual({ ok: false, why: 'zero' });
    expect(checkNonCash(s, 'abc', 'R', true)).toEqual({ ok: false, why: 'unreadable' });
    expect(checkNonCash(s, '100', '  ', true)).toEqual({ ok: false, why: 'no-reference' });
    expect(checkNonCash(s, '100', '', false)).toEqual({ ok: true, amount: 10_000 });
  });

  it('takes cash from the keypad with the same rules as typing', () => {
    const state = apply({ type: 'cash-key', key: '5' }, { type: 'cash-key', key: '0' }, { type: 'cash-key', key: '.' }, { type: 'cash-key', key: '5' }, { type: 'cash-key', key: 'backspace' });
    expect(state.cashText).toBe('50.');
    expect(summarize(TOTAL, false, apply({ type: 'set-cash', text: '157' }, { type: 'cash-key', key: '0' }, { type: 'cash-key', key: '0' })).settlement).not.toBeNull();
  });

  it('trims references as they are added', () => {
    expect(apply({ type: 'add-non-cash', method: 'card', amount: paise(1), reference: '  778812 ' }).nonCash[0]?.reference).toBe('778812');
  });

  it('writes amounts for a field without trailing zero paise', () => {
    expect(amountText(paise(500_000))).toBe('5000');
    expect(amountText(paise(245_050))).toBe('2450.50');
    expect(amountText(paise(5))).toBe('0.05');
  });
});
