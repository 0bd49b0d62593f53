import type { Cart } from '../../../shared/cart';
import type { PrintDocument } from '../../../shared/documents';
import type { Paise } from '../../../shared/money';
import { buildReceipt } from '../../../shared/receipt';
import type { SettledPayment } from '../../../shared/tender';
import type { UserEntity } from '../../../shared/entities';
import { commitSale, newId, peekNextReceiptNo, type CommitSaleInput, type CommittedSale } from '../../db';
import { messageOf } from './boot';
import { printDocument, type PrintOutcome } from './printing';
import type { Station } from './station';

/** What the operator sees after pressing "Complete sale". */
export type CheckoutResult =
  /** Nothing was written: the cart stays, the operator can try again. */
  | { status: 'not-recorded'; reason: string }
  /** The sale is on disk. The receipt may still have failed to print (or even to build). */
  | { status: 'recorded'; sale: CommittedSale; receipt: PrintDocument | null; print: PrintOutcome; openDrawer: boolean };

export interface CheckoutSteps {
  commit(input: Omit<CommitSaleInput, 'deviceId' | 'now' | 'newId'>): Promise<CommittedSale>;
  receipt(sale: CommittedSale, copy: 'original' | 'duplicate'): PrintDocument;
  print(document: PrintDocument, openDrawer: boolean): Promise<PrintOutcome>;
  /** Open the cash drawer with cash sales (a machine setting). */
  cashDrawer: boolean;
}

export interface CheckoutInput {
  cart: Cart;
  payments: readonly SettledPayment[];
  operator: UserEntity;
  roundOff: Paise;
  /** Managers' approvals of discounts above the store's limit, recorded with the sale. */
  discountApprovals?: CommitSaleInput['discountApprovals'];
}

/**
 * The order matters (DESIGN.md, "A sale"): commit in one transaction first, and only once
 * it has resolved build the receipt and print it. A printer failure never undoes a sale.
 */
export async function checkout(
  steps: CheckoutSteps,
  input: CheckoutInput,
): Promise<CheckoutResult> {
  let sale: CommittedSale;
  try {
    sale = await steps.commit(input);
  } catch (error) {
    return { status: 'not-recorded', reason: messageOf(error) };
  }
  const openDrawer = steps.cashDrawer && sale.payments.some((p) => p.method === 'cash');
  let receipt: PrintDocument;
  try {
    receipt = steps.receipt(sale, 'original');
  } catch (error) {
    return { status: 'recorded', sale, receipt: null, print: { status: 'failed', message: messageOf(error) }, openDrawer };
  }
  const print = await steps.print(receipt, openDrawer);
  return { status: 'recorded', sale, receipt, print, openDrawer };
}

export function makeReceipt(station: Station, sale: CommittedSale, copy: 'original' | 'duplicate'): PrintDocument {
  // A reprint says what the original invoice said, even if the store profile changed since.
  const store = sale.sale.issuer ? { ...station.profile, ...sale.sale.issuer } : station.profile;
  return buildReceipt({
    store, sale: sale.sale, lines: sale.lines, payments: sale.payments,
    copy, width: station.settings.paperWidth,
  });
}

/** The real steps for this kiosk. */
export function checkoutSteps(station: Station, now: () => Date = () => new Date()): CheckoutSteps {
  return {
    commit: (input) => commitSale(station.db, { ...input, deviceId: station.settings.deviceId, now: now(), newId }),
    receipt: (sale, copy) => makeReceipt(station, sale, copy),
    print: (document, openDrawer) => printDocument(station.host, document, openDrawer),
    cashDrawer: station.settings.cashDrawer,
  };
}

/** The invoice number the sale will most likely get: the UPI QR's transaction reference. */
export function peekReceiptNo(station: Station, now: Date = new Date()): Promise<string> {
  return peekNextReceiptNo(station.db, now);
}
