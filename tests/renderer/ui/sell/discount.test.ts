import { describe, expect, it } from 'vitest';
import type { CartItem } from '../../../../shared/cart';
import { paise } from '../../../../shared/money';
import { EMPTY_SELL, sellReducer, type SellAction, type SellState } from '../../../../renderer/ui/sell/cartState';
import {
  approvalsForCommit, discountLimit, exceedsLimit, lineApproval, parsePercentBps, percentOfLine, readDiscount, unapprovedLines,
} from '../../../../renderer/ui/sell/discount';
import { noSaleReasonText } from '../../../../renderer/ui/sell/noSale';

function item(productId: string, price: number): CartItem {
  return {
    productId, sku: `SKU-${productId}`, barcode: `200000000${productId}`, name: `Item ${productId}`, hsn: '6214',
    handmade: true, gstRateBpsOverride: null, unitPrice: paise(price), qty: 1, discount: paise(0),
    artisanId: 'a1', artisanCode: 'A-001', artisanName: 'Haleema Akhter', fairWageCertified: true, commissionBps: 1500,
  };
}

const LIMIT = 10;
const SHAWL = 1_250_000; // ₹12,500.00
const run = (...actions: SellAction[]): SellState => actions.reduce(sellReducer, EMPTY_SELL);
const discount = (productId: string, amount: number, approvedBy: string | null = null): SellAction =>
  ({ type: 'discount', productId, discount: paise(amount), limitPct: LIMIT, approvedBy });

describe('reading a typed discount', () => {
  it('reads a percentage to hundredths of a percent with string arithmetic', () => {
    expect(parsePercentBps('12.5')).toBe(1250);
    expect(parsePercentBps('0.05')).toBe(5);
    expect(parsePercentBps('100')).toBe(10_000);
    expect(parsePercentBps('12.345')).toBeNull();
    expect(parsePercentBps('1e1')).toBeNull();
    expect(parsePercentBps('')).toBeNull();
  });

  it('turns a percentage into paise rounding half up to the paisa', () => {
    expect(percentOfLine(paise(SHAWL), 500)).toBe(62_500);
    // 12.5 % of ₹333.33 is 4166.625 paise: more than half a paisa over, so 4167.
    expect(percentOfLine(paise(33_333), 1250)).toBe(4167);
    // Exactly half a paisa goes up: 10 % of ₹333.35 is 3333.5 paise.
    expect(percentOfLine(paise(33_335), 1000)).toBe(3334);
    // Below half goes down: 33.33 % of ₹1.00 is 33.33 paise.
    expect(percentOfLine(paise(100), 3333)).toBe(33);
  });

  it('reads rupees or percent, a trailing point included, against the line price', () => {
    const line = { unitPrice: paise(SHAWL), qty: 2 };
    expect(readDiscount('percent', '5', line, LIMIT)).toEqual({ status: 'ok', discount: 125_000, needsApproval: false });
    expect(readDiscount('percent', '12.', line, LIMIT)).toEqual({ status: 'ok', discount: 300_000, needsApproval: true });
    expect(readDiscount('amount', '500.5', line, LIMIT)).toEqual({ status: 'ok', discount: 50_050, needsApproval: false });
    expect(readDiscount('amount', '', line, LIMIT)).toEqual({ status: 'empty' });
    expect(readDiscount('amount', '.', line, LIMIT)).toEqual({ status: 'empty' });
    expect(readDiscount('amount', '12,500', line, LIMIT)).toEqual({ status: 'unreadable', mode: 'amount' });
    expect(readDiscount('percent', '1.234', line, LIMIT)).toEqual({ status: 'unreadable', mode: 'percent' });
    expect(readDiscount('percent', '100.01', line, LIMIT)).toEqual({ status: 'too-much', price: 2_500_000 });
    expect(readDiscount('amount', '25000.01', line, LIMIT)).toEqual({ status: 'too-much', price: 2_500_000 });
    expect(readDiscount('amount', '25000', line, 100)).toEqual({ status: 'ok', discount: 2_500_000, needsApproval: false });
  });
});

describe('the store’s discount limit', () => {
  it('allows up to the limit’s share of the line and asks for a manager above it', () => {
    expect(discountLimit(paise(SHAWL), LIMIT)).toBe(125_000);
    expect(exceedsLimit(paise(125_000), paise(SHAWL), LIMIT)).toBe(false);
    expect(exceedsLimit(paise(125_001), paise(SHAWL), LIMIT)).toBe(true);
    expect(exceedsLimit(paise(1), paise(SHAWL), 0)).toBe(true);
  });

  it('counts the limit typed as a percentage as within the limit, even when it rounds up', () => {
    const line = { unitPrice: paise(33_335), qty: 1 };
    expect(readDiscount('percent', '10', line, LIMIT)).toEqual({ status: 'ok', discount: 3334, needsApproval: false });
    expect(readDiscount('amount', '33.35', line, LIMIT)).toMatchObject({ needsApproval: true });
  });
});

describe('discounts in the sell screen’s cart', () => {
  it('applies a discount within the limit with no approval', () => {
    const state = run({ type: 'add', item: item('1', SHAWL) }, discount('1', 62_500));
    expect(state.cart.items[0]!.discount).toBe(62_500);
    expect(state.approvals).toEqual([]);
    expect(state.touched?.productId).toBe('1');
  });

  it('refuses a discount above the limit without a manager, and keeps the approval with one', () => {
    const one = run({ type: 'add', item: item('1', SHAWL) });
    expect(sellReducer(one, discount('1', 250_000))).toBe(one);
    const approved = sellReducer(one, discount('1', 250_000, 'manager-1'));
    expect(approved.cart.items[0]!.discount).toBe(250_000);
    expect(approved.approvals).toEqual([{ productId: '1', managerId: 'manager-1', discount: 250_000, price: SHAWL }]);
    expect(approvalsForCommit(approved.approvals)).toEqual([{ productId: '1', managerId: 'manager-1' }]);
  });

  it('never takes a discount beyond the line price, approval or not', () => {
    const one = run({ type: 'add', item: item('1', SHAWL) });
    expect(sellReducer(one, discount('1', SHAWL + 1, 'manager-1'))).toBe(one);
    expect(sellReducer(one, discount('1', -1, 'manager-1'))).toBe(one);
  });

  it('drops the approval when the discount is lowered to within the limit or removed', () => {
    const approved = run({ type: 'add', item: item('1', SHAWL) }, discount('1', 250_000, 'manager-1'));
    expect(sellReducer(approved, discount('1', 100_000)).approvals).toEqual([]);
    const removed = sellReducer(approved, discount('1', 0));
    expect(removed.cart.items[0]!.discount).toBe(0);
    expect(removed.approvals).toEqual([]);
  });

  it('keeps the approval when more pieces make the discount a smaller share of the line', () => {
    const approved = run({ type: 'add', item: item('1', SHAWL) }, discount('1', 250_000, 'manager-1'));
    const more = sellReducer(approved, { type: 'increment', productId: '1' });
    expect(more.cart.items[0]).toMatchObject({ qty: 2, discount: 250_000 });
    expect(more.approvals).toHaveLength(1);
    // Scanning the same label again is one more piece too.
    expect(sellReducer(approved, { type: 'add', item: item('1', SHAWL) }).approvals).toHaveLength(1);
  });

  it('drops the approval when fewer pieces make the same rupees a larger share, and blocks payment', () => {
    const twoApproved = run(
      { type: 'add', item: item('1', SHAWL) }, { type: 'increment', productId: '1' }, discount('1', 500_000, 'manager-1'),
    );
    expect(twoApproved.approvals).toHaveLength(1);
    const fewer = sellReducer(twoApproved, { type: 'decrement', productId: '1' });
    expect(fewer.cart.items[0]).toMatchObject({ qty: 1, discount: 500_000 }); // 40 % of one piece, not 20 % of two
    expect(fewer.approvals).toEqual([]);
    expect(lineApproval(fewer.cart.items[0]!, fewer.approvals, LIMIT)).toBe('needs-approval');
    expect(unapprovedLines(fewer.cart, fewer.approvals, LIMIT).map((i) => i.productId)).toEqual(['1']);
    expect(unapprovedLines(twoApproved.cart, twoApproved.approvals, LIMIT)).toEqual([]);
  });

  it('keeps an approval whose share stays the same', () => {
    // Approved at two pieces; three then two again: back to exactly the approved share.
    const approved = run(
      { type: 'add', item: item('1', SHAWL) }, { type: 'increment', productId: '1' }, discount('1', 500_000, 'manager-1'),
      { type: 'increment', productId: '1' }, { type: 'decrement', productId: '1' },
    );
    expect(approved.cart.items[0]).toMatchObject({ qty: 2, discount: 500_000 });
    expect(approved.approvals).toHaveLength(1);
    expect(lineApproval(approved.cart.items[0]!, approved.approvals, LIMIT)).toBe('approved');
  });

  it('drops the approval of a line that is removed, and only that one', () => {
    const both = run(
      { type: 'add', item: item('1', SHAWL) }, { type: 'add', item: item('2', 680_000) },
      discount('1', 250_000, 'manager-1'), discount('2', 200_000, 'manager-1'),
    );
    expect(both.approvals.map((a) => a.productId)).toEqual(['1', '2']);
    expect(sellReducer(both, { type: 'remove', productId: '1' }).approvals.map((a) => a.productId)).toEqual(['2']);
    expect(sellReducer(both, { type: 'clear' })).toEqual(EMPTY_SELL);
  });
});

describe('no-sale reasons', () => {
  it('stores the reason’s code, with the operator’s words only for "other"', () => {
    expect(noSaleReasonText('count-float', 'ignored')).toBe('count-float');
    expect(noSaleReasonText('other', '  bank   deposit ')).toBe('other: bank deposit');
    expect(noSaleReasonText('other', '   ')).toBe('other');
    expect(noSaleReasonText('other', 'x'.repeat(80))).toBe(`other: ${'x'.repeat(60)}`);
  });
});
