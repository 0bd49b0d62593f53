import type { PaymentEntity, SaleEntity, SaleLineEntity } from './entities';
import { divideRoundHalfUp, paise, sumPaise, type Paise } from './money';
import type { SettledPayment } from './tender';
import type { BusinessDate } from './time';

/**
 * Returns and voids (DESIGN.md "Why these shapes"): a return is a new record whose lines
 * carry the original lines' amounts negated. A partial return takes its share cumulatively:
 * pieces k+1..k+m of n get round(A×(k+m)/n) − round(A×k/n) of an amount A (half up), so the
 * shares of every piece, in any number of steps, add up to A exactly and nothing is
 * re-rounded from gross (the credit note must reverse exactly the GST the invoice charged).
 *
 * Only the discount, GST, SGST and commission are allocated; gross, CGST, taxable value and
 * net follow from the line identities (gross = price × qty − discount, CGST = GST − SGST,
 * taxable = gross − GST, net = taxable − commission). Each derived share telescopes too, so
 * it also comes back exactly.
 */

/** Share of an amount for pieces k+1..k+m of n. */
export function cumulativeShare(amount: number, k: number, m: number, n: number): number {
  return divideRoundHalfUp(amount * (k + m), n) - divideRoundHalfUp(amount * k, n);
}

export interface ReturnQuantity {
  /** The original sale line. */
  lineId: SaleLineEntity['id'];
  /** Pieces to return now, a whole number from 1. */
  qty: number;
}

export type ReturnProblem =
  | { lineId: null; reason: 'nothing-to-return' }
  | { lineId: string; reason: 'unknown-line' | 'bad-quantity' | 'listed-twice' }
  | { lineId: string; reason: 'more-than-left'; left: number };

export interface ReturnLinesInput {
  /** The sale being returned (kind 'sale'). */
  original: SaleEntity;
  originalLines: readonly SaleLineEntity[];
  /** Every line of earlier returns and voids against this sale. */
  earlierReturnLines: readonly SaleLineEntity[];
  quantities: readonly ReturnQuantity[];
  /** The new return record's id, date and day. */
  saleId: SaleEntity['id'];
  businessDate: BusinessDate;
  dayId?: string;
  newId: () => string;
}

/** The return record's amounts (all ≤ 0; itemCount is minus the pieces returned). */
export type ReturnTotals = Pick<SaleEntity, 'total' | 'gross' | 'discount' | 'tax' | 'taxable' | 'commission' | 'artisanNet' | 'roundOff' | 'itemCount'>;

export type ReturnLinesResult =
  | { ok: true; lines: SaleLineEntity[]; totals: ReturnTotals; fullyReturned: boolean }
  | { ok: false; problems: ReturnProblem[] };

/** Pieces of each original line already returned. */
export function returnedSoFar(earlierReturnLines: readonly SaleLineEntity[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of earlierReturnLines) {
    if (l.originalLineId === null) continue;
    out.set(l.originalLineId, (out.get(l.originalLineId) ?? 0) - l.qty);
  }
  return out;
}

function returnLine(orig: SaleLineEntity, k: number, m: number, input: ReturnLinesInput, lineNo: number): SaleLineEntity {
  const n = orig.qty;
  const share = (amount: number) => cumulativeShare(amount, k, m, n);
  const discount = share(orig.discount);
  const gross = orig.unitPrice * m - discount;
  const tax = share(orig.tax);
  const sgst = share(orig.sgst);
  const commission = share(orig.commission);
  const taxable = gross - tax;
  const line: SaleLineEntity = {
    ...orig,
    id: input.newId(), saleId: input.saleId, lineNo, businessDate: input.businessDate,
    qty: -m, discount: paise(-discount), gross: paise(-gross), tax: paise(-tax),
    cgst: paise(-(tax - sgst)), sgst: paise(-sgst), taxable: paise(-taxable),
    commission: paise(-commission), artisanNet: paise(-(taxable - commission)),
    originalLineId: orig.id,
  };
  delete line.dayId;
  if (input.dayId !== undefined) line.dayId = input.dayId;
  return line;
}

/**
 * The lines of a return now: never more of a line than was sold minus what earlier
 * returns took back. Also allocates the original's cash round-off over its pieces, the
 * same cumulative way, so returning everything refunds exactly what the buyer paid.
 */
export function buildReturnLines(input: ReturnLinesInput): ReturnLinesResult {
  const byId = new Map(input.originalLines.map((l) => [l.id, l]));
  const returned = returnedSoFar(input.earlierReturnLines);
  const problems: ReturnProblem[] = [];
  const seen = new Set<string>();
  const wanted = input.quantities.filter((q) => q.qty !== 0);
  for (const q of wanted) {
    const orig = byId.get(q.lineId);
    if (seen.has(q.lineId)) { problems.push({ lineId: q.lineId, reason: 'listed-twice' }); continue; }
    seen.add(q.lineId);
    if (!orig) { problems.push({ lineId: q.lineId, reason: 'unknown-line' }); continue; }
    if (!Number.isSafeInteger(q.qty) || q.qty < 0) { problems.push({ lineId: q.lineId, reason: 'bad-quantity' }); continue; }
    const left = orig.qty - (returned.get(orig.id) ?? 0);
    if (q.qty > left) problems.push({ lineId: q.lineId, reason: 'more-than-left', left });
  }
  if (wanted.length === 0) problems.push({ lineId: null, reason: 'nothing-to-return' });
  if (problems.length > 0) return { ok: false, problems };

  const ordered = [...wanted].sort((a, b) => byId.get(a.lineId)!.lineNo - byId.get(b.lineId)!.lineNo);
  const lines = ordered.map((q, i) => returnLine(byId.get(q.lineId)!, returned.get(q.lineId) ?? 0, q.qty, input, i + 1));

  const soldPieces = input.originalLines.reduce((s, l) => s + l.qty, 0);
  let earlierPieces = 0;
  for (const v of returned.values()) earlierPieces += v;
  const nowPieces = wanted.reduce((s, q) => s + q.qty, 0);
  const roundOff = paise(-cumulativeShare(input.original.roundOff, earlierPieces, nowPieces, soldPieces));
  const gross = sumPaise(lines, (l) => l.gross);
  const totals: ReturnTotals = {
    total: paise(gross + roundOff), gross, roundOff,
    discount: sumPaise(lines, (l) => l.discount), tax: sumPaise(lines, (l) => l.tax),
    taxable: sumPaise(lines, (l) => l.taxable), commission: sumPaise(lines, (l) => l.commission),
    artisanNet: sumPaise(lines, (l) => l.artisanNet), itemCount: -nowPieces,
  };
  return { ok: true, lines, totals, fullyReturned: earlierPieces + nowPieces === soldPieces };
}

export type RefundMode = 'original-tenders' | 'cash';

export interface RefundInput {
  /** The original sale's payments (amounts kept, after change). */
  originalPayments: readonly PaymentEntity[];
  /** Payments of earlier returns against the same sale (negative amounts). */
  earlierRefunds: readonly PaymentEntity[];
  /** What to give back now, positive: minus the return's total. */
  refund: Paise;
  mode: RefundMode;
}

export type RefundAllocation =
  | { ok: true; payments: SettledPayment[] }
  | { ok: false; reason: 'bad-amount' | 'more-than-paid'; refundable: Paise };

interface TenderGroup { method: PaymentEntity['method']; reference: string | null; kept: number; refunded: number }

const tenderKey = (p: Pick<PaymentEntity, 'method' | 'reference'>) => `${p.method}\u0000${p.method === 'cash' ? '' : p.reference ?? ''}`;

/**
 * Splits a refund over the original tenders in proportion to what each kept, cumulatively
 * like the lines (so refunding everything in steps gives each tender back exactly what it
 * kept), never more than a tender kept net of its earlier refunds; or all in cash. Refund
 * payments come back with negative amounts, ready to store.
 */
export function allocateRefund(input: RefundInput): RefundAllocation {
  const groups = new Map<string, TenderGroup>();
  for (const p of input.originalPayments) {
    const g = groups.get(tenderKey(p)) ?? { method: p.method, reference: p.method === 'cash' ? null : p.reference, kept: 0, refunded: 0 };
    g.kept += p.amount;
    groups.set(tenderKey(p), g);
  }
  let earlier = 0;
  for (const r of input.earlierRefunds) {
    earlier -= r.amount;
    const g = groups.get(tenderKey(r));
    if (g) g.refunded -= r.amount;
  }
  const paid = sumPaise(input.originalPayments, (p) => p.amount);
  const refundable = paise(Math.max(0, paid - earlier));
  if (!Number.isSafeInteger(input.refund) || input.refund <= 0) return { ok: false, reason: 'bad-amount', refundable };
  if (input.refund > refundable) return { ok: false, reason: 'more-than-paid', refundable };
  if (input.mode === 'cash') {
    return { ok: true, payments: [{ method: 'cash', amount: paise(-input.refund), tendered: null, change: null, reference: null }] };
  }

  const list = [...groups.values()];
  const room = (g: TenderGroup) => Math.max(0, g.kept - g.refunded);
  const after = earlier + input.refund;
  const shares = list.map((g) => Math.min(room(g), Math.max(0, divideRoundHalfUp(g.kept * after, paid) - g.refunded)));
  let diff = input.refund - shares.reduce((s, v) => s + v, 0);
  // Earlier cash-only refunds can leave the proportional targets off by more than rounding:
  // settle the difference on the tenders that still have room (or a share to give up).
  for (let i = 0; diff > 0 && i < list.length; i++) {
    const add = Math.min(diff, room(list[i]!) - shares[i]!);
    shares[i]! += add;
    diff -= add;
  }
  for (let i = list.length - 1; diff < 0 && i >= 0; i--) {
    const take = Math.min(-diff, shares[i]!);
    shares[i]! -= take;
    diff += take;
  }
  const payments: SettledPayment[] = [];
  list.forEach((g, i) => {
    if (shares[i]! > 0) payments.push({ method: g.method, amount: paise(-shares[i]!), tendered: null, change: null, reference: g.reference });
  });
  return { ok: true, payments };
}
