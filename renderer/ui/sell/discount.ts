import type { Cart, CartItem } from '../../../shared/cart';
import type { UserEntity } from '../../../shared/entities';
import { divideRoundHalfUp, paise, parseRupees, type Paise } from '../../../shared/money';

/**
 * The rules behind a line discount, kept pure so they can be tested without a screen:
 * reading what the operator typed (rupees or percent) into paise, the store's limit, and
 * when a manager's approval still covers a line after its quantity changed.
 */

export type DiscountMode = 'amount' | 'percent';

/** The price of the whole line before any discount. */
export function linePrice(item: Pick<CartItem, 'unitPrice' | 'qty'>): Paise {
  return paise(item.unitPrice * item.qty);
}

/** Up to 100 with at most two decimals: "12.5" is 12.5 %. */
const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/**
 * A percentage as hundredths of a percent (basis points), by string arithmetic like
 * parseRupees: "12.5" → 1250, "100" → 10000. Null when it is not a percentage.
 */
export function parsePercentBps(text: string): number | null {
  const m = PERCENT.exec(text.trim());
  if (!m) return null;
  const [, whole = '0', fraction = ''] = m;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** `bps` hundredths of a percent of a line, rounded half up to the paisa (integers only). */
export function percentOfLine(price: Paise, bps: number): Paise {
  return paise(divideRoundHalfUp(price * bps, 10_000));
}

/**
 * The most a line may be discounted without a manager: the limit's percentage of the line,
 * rounded half up to the paisa exactly as a typed percentage is. So typing the limit itself
 * (10 % of ₹333.35 is ₹33.335, shown as ₹33.34) is within the limit, not half a paisa over.
 */
export function discountLimit(price: Paise, limitPct: number): Paise {
  return paise(divideRoundHalfUp(price * limitPct, 100));
}

export function exceedsLimit(discount: Paise, price: Paise, limitPct: number): boolean {
  return discount > discountLimit(price, limitPct);
}

/** A discount's share of its line in basis points, for showing ("≈ 10.4 %"). */
export function shareBps(discount: Paise, price: Paise): number {
  return price === 0 ? 0 : divideRoundHalfUp(discount * 10_000, price);
}

export type DiscountReading =
  | { status: 'empty' }
  | { status: 'unreadable'; mode: DiscountMode }
  /** More than the line costs (or more than 100 %). */
  | { status: 'too-much'; price: Paise }
  | { status: 'ok'; discount: Paise; needsApproval: boolean };

/**
 * What the operator typed, as a discount on this line. A trailing point ("12.") is read
 * as the whole number: the keypad produces it on the way to "12.5".
 */
export function readDiscount(mode: DiscountMode, text: string, item: Pick<CartItem, 'unitPrice' | 'qty'>, limitPct: number): DiscountReading {
  const typed = text.trim().replace(/\.$/, '');
  if (typed === '') return { status: 'empty' };
  const price = linePrice(item);
  let discount: Paise;
  if (mode === 'percent') {
    const bps = parsePercentBps(typed);
    if (bps === null) return { status: 'unreadable', mode };
    if (bps > 10_000) return { status: 'too-much', price };
    discount = percentOfLine(price, bps);
  } else {
    const parsed = parseRupees(typed);
    if (!parsed.ok || parsed.value < 0) return { status: 'unreadable', mode };
    discount = parsed.value;
  }
  if (discount > price) return { status: 'too-much', price };
  return { status: 'ok', discount, needsApproval: exceedsLimit(discount, price, limitPct) };
}

/** What a manager approved: the discount and the line price it was on, as they saw it. */
export interface DiscountApproval {
  productId: CartItem['productId'];
  managerId: UserEntity['id'];
  discount: Paise;
  price: Paise;
}

/**
 * Whether an approval still covers its line: the discount is no larger a share of the
 * line than the one approved. One more piece makes the same rupees a smaller share (still
 * covered); one fewer makes it a larger one, which the manager never agreed to.
 * Cross-multiplied in BigInt: exact, and paise × paise can pass 2^53.
 */
export function approvalCovers(approval: DiscountApproval, item: CartItem): boolean {
  if (item.productId !== approval.productId || item.discount === 0) return false;
  return BigInt(item.discount) * BigInt(approval.price) <= BigInt(approval.discount) * BigInt(linePrice(item));
}

/** The approvals that still cover a line of the cart; the others are dropped. */
export function keepApprovals(approvals: readonly DiscountApproval[], cart: Cart): readonly DiscountApproval[] {
  const kept = approvals.filter((a) => {
    const item = cart.items.find((i) => i.productId === a.productId);
    return item !== undefined && approvalCovers(a, item);
  });
  // Same array when nothing changed, so memoised lines do not redraw.
  return kept.length === approvals.length ? approvals : kept;
}

export type LineApproval = 'not-needed' | 'approved' | 'needs-approval';

export function lineApproval(item: CartItem, approvals: readonly DiscountApproval[], limitPct: number): LineApproval {
  if (!exceedsLimit(item.discount, linePrice(item), limitPct)) return 'not-needed';
  return approvals.some((a) => approvalCovers(a, item)) ? 'approved' : 'needs-approval';
}

/** Lines whose discount is above the limit with no approval covering it: the sale cannot be paid yet. */
export function unapprovedLines(cart: Cart, approvals: readonly DiscountApproval[], limitPct: number): CartItem[] {
  return cart.items.filter((i) => lineApproval(i, approvals, limitPct) === 'needs-approval');
}

/** What commitSale records in the audit chain: which manager approved which line. */
export function approvalsForCommit(approvals: readonly DiscountApproval[]): { productId: string; managerId: string }[] {
  return approvals.map(({ productId, managerId }) => ({ productId, managerId }));
}
