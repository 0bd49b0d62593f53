import { divideRoundHalfUp, paise, type Paise } from './money';
import type { TenderMethod } from './entities';

/**
 * Taking payment: cash (change is given only from cash), card (reference from the
 * external terminal) and UPI (the operator confirms the money arrived), or any split.
 */
export type TenderInput =
  | { method: 'cash'; tendered: Paise }
  | { method: 'card'; amount: Paise; reference: string }
  | { method: 'upi'; amount: Paise; reference: string };

export interface SettledPayment {
  method: TenderMethod;
  /** Kept for the sale. */
  amount: Paise;
  tendered: Paise | null;
  change: Paise | null;
  reference: string | null;
}

/**
 * Income-tax Act 1961, section 269ST: no person may receive Rs. 2,00,000 or more in cash
 * in respect of a single transaction (or from one person in a day, or for one event).
 * Carpets and Pashmina reach it, so a sale keeping this much cash or more is refused and
 * the rest must go on card or UPI. The kiosk cannot know the buyer across sales; the
 * per-transaction limit is the one it can enforce.
 */
export const CASH_LIMIT_269ST = 20_000_000 as Paise;

/** Whether cash kept for one sale breaks s.269ST. */
export function cashOverLimit(cashKept: number): boolean {
  return cashKept >= CASH_LIMIT_269ST;
}

export type Settlement =
  | { ok: true; payments: SettledPayment[]; change: Paise }
  /**
   * `due`: what is still to pay ('short'); for 'cash-limit', the least that must move
   * from cash to card or UPI.
   */
  | { ok: false; reason: 'nothing-to-pay' | 'overpaid-non-cash' | 'short' | 'bad-amount' | 'missing-reference' | 'cash-limit'; due: Paise };

/**
 * Applies the tenders to `total`: card and UPI first, exactly as entered (they give no
 * change), then cash covers the rest and the surplus is change. Cash tenders are summed.
 */
export function settleTenders(total: Paise, tenders: readonly TenderInput[]): Settlement {
  if (total <= 0) return { ok: false, reason: 'nothing-to-pay', due: paise(0) };
  let due = total as number;
  const payments: SettledPayment[] = [];
  for (const t of tenders) {
    if (t.method === 'cash') continue;
    if (!Number.isSafeInteger(t.amount) || t.amount <= 0) return { ok: false, reason: 'bad-amount', due: paise(due) };
    if (t.reference.trim() === '') return { ok: false, reason: 'missing-reference', due: paise(due) };
    if (t.amount > due) return { ok: false, reason: 'overpaid-non-cash', due: paise(due) };
    payments.push({ method: t.method, amount: t.amount, tendered: null, change: null, reference: t.reference.trim() });
    due -= t.amount;
  }
  const cashTendered = tenders.reduce((sum, t) => (t.method === 'cash' ? sum + t.tendered : sum), 0);
  if (!Number.isSafeInteger(cashTendered) || cashTendered < 0) return { ok: false, reason: 'bad-amount', due: paise(due) };
  // Cash kept for the sale is what card and UPI leave, at most what was handed over (the
  // change goes back). Said before 'short', so the operator is not asked for more cash.
  const cashKept = Math.min(cashTendered, due);
  if (cashOverLimit(cashKept)) return { ok: false, reason: 'cash-limit', due: paise(cashKept - (CASH_LIMIT_269ST - 1)) };
  if (cashTendered < due) return { ok: false, reason: 'short', due: paise(due - cashTendered) };
  const change = paise(cashTendered - due);
  if (cashTendered > 0) {
    payments.push({ method: 'cash', amount: paise(due), tendered: paise(cashTendered), change, reference: null });
  }
  return { ok: true, payments: payments.filter((p) => p.amount > 0 || p.method === 'cash'), change };
}

/** Cash rounding to the nearest rupee (half up), as its own round-off line. */
export function cashRoundOff(total: Paise): Paise {
  return paise(divideRoundHalfUp(total, 100) * 100 - total);
}

/**
 * Quick cash buttons: the exact amount, then the next round amounts a tourist is
 * likely to hand over (next ₹100, ₹500, ₹2,000), without repeats, in ascending order.
 */
export function quickCashAmounts(due: Paise): Paise[] {
  // Cash alone cannot pay ₹2,00,000 or more (s.269ST), so no amount is offered that would.
  if (due <= 0 || cashOverLimit(due)) return [];
  const up = (step: number) => Math.ceil(due / step) * step;
  const set = new Set<number>([due, up(10_000), up(50_000), up(200_000)]);
  return [...set].sort((a, b) => a - b).slice(0, 4).map(paise);
}
