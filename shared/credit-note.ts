import type { PrintDocument } from './documents';
import type { PaymentEntity, SaleEntity, SaleLineEntity } from './entities';
import { buildReceipt } from './receipt';
import type { StoreProfile } from './store-profile';

/**
 * The credit note a return or void prints (GST rule 53: its own number, and the number
 * and date of the invoice it reduces). The layout is the receipt's, so the buyer sees the
 * same lines, negated; this checks that the record really reverses that invoice first.
 */
export interface CreditNoteInput {
  store: StoreProfile;
  creditNote: SaleEntity;
  lines: readonly SaleLineEntity[];
  /** The refund payments (negative amounts). */
  payments: readonly PaymentEntity[];
  /** The sale it reverses, and that sale's lines. */
  original: SaleEntity;
  originalLines: readonly SaleLineEntity[];
  copy: 'original' | 'duplicate';
  width: number;
}

export function buildCreditNote(input: CreditNoteInput): PrintDocument {
  const { creditNote: note, original } = input;
  const fail = (why: string): never => { throw new RangeError(`Credit note ${note.receiptNo}: ${why}; it cannot be printed`); };
  if (note.kind === 'sale') fail('it is a sale, not a return or a void');
  if (note.originalSaleId !== original.id) fail(`it does not reverse invoice ${original.receiptNo}`);
  if (original.kind !== 'sale') fail(`${original.receiptNo} is not an invoice`);
  if (note.total > 0) fail('its total is not a refund');
  const originals = new Map(input.originalLines.map((l) => [l.id, l]));
  for (const l of input.lines) {
    const orig = l.originalLineId === null ? undefined : originals.get(l.originalLineId);
    if (!orig || orig.saleId !== original.id) fail(`line ${l.lineNo} does not come from invoice ${original.receiptNo}`);
    if (l.qty >= 0 || -l.qty > orig!.qty) fail(`line ${l.lineNo} returns ${-l.qty} of ${orig!.qty} pieces`);
    if (l.taxRateBps !== orig!.taxRateBps) fail(`line ${l.lineNo} changes the GST rate of the invoice`);
  }
  if (input.payments.some((p) => p.amount > 0)) fail('a refund payment is positive');
  const doc = buildReceipt({
    store: input.store, sale: note, lines: input.lines, payments: input.payments, copy: input.copy, width: input.width,
    originalReceiptNo: original.receiptNo, originalIssuedAt: original.createdAt,
  });
  return doc;
}
