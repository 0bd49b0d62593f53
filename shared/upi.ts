import { formatRupeesPlain, type Paise } from './money';

/**
 * A dynamic UPI QR: the NPCI deep link with the exact amount (two decimals) and the
 * invoice number as the transaction reference, so the buyer's app cannot change the amount
 * and the payment can be matched to the receipt.
 */
export interface UpiRequest {
  /** The market's UPI id (VPA), e.g. "chinarmarket@sbi". */
  payeeVpa: string;
  payeeName: string;
  amount: Paise;
  /** The invoice number the sale will carry. */
  transactionRef: string;
}

export const VPA_PATTERN = /^[A-Za-z0-9._-]{2,256}@[A-Za-z][A-Za-z0-9.-]{1,63}$/;

export function upiPayUri(req: UpiRequest): string {
  if (!VPA_PATTERN.test(req.payeeVpa)) throw new RangeError(`"${req.payeeVpa}" is not a UPI id (name@bank)`);
  if (req.amount <= 0) throw new RangeError('A UPI request needs an amount above zero');
  const q = [
    ['pa', req.payeeVpa],
    ['pn', req.payeeName],
    ['am', formatRupeesPlain(req.amount)],
    ['cu', 'INR'],
    ['tr', req.transactionRef],
  ].map(([k, v]) => `${k}=${encodeURIComponent(v!)}`);
  return `upi://pay?${q.join('&')}`;
}
