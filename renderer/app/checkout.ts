import type { Cart } from '../../shared/cart';
import type { PrintDocument } from '../../shared/documents';
import type { Paise } from '../../shared/money';
import { buildReceipt } from '../../shared/receipt';
import type { SettledPayment } from '../../shared/tender';
import type { UserEntity } from '../../shared/entities';
import { commitSale, newId, peekNextReceiptNo, type CommitSaleInput, type CommittedSale } from '../db';
import { attempt, messageOf, type Outcome } from './outcome';
import { printDocument, type PrintOutcome } from './printing';
import type { Station } from './station';

/**
 * A sale that is on disk. The receipt may still have failed to print (`print`), or even
 * to build (`receipt` null). Anything short of this is "Sale NOT recorded": the checkout's
 * Outcome is then refused or failed, with why, and the cart stays for another try.
 */
export interface RecordedCheckout {
  sale: CommittedSale;
  receipt: PrintDocument | null;
  print: PrintOutcome;
  openDrawer: boolean;
}

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
  /** Managers' approvals of quantities far beyond the stock count, recorded with the sale. */
  stockApprovals?: CommitSaleInput['stockApprovals'];
}

/**
 * The order matters (DESIGN.md, "A sale"): commit in one transaction first, and only once
 * it has resolved build the receipt and print it. A printer failure never undoes a sale.
 */
export async function checkout(
  steps: CheckoutSteps,
  input: CheckoutInput,
): Promise<Outcome<RecordedCheckout>> {
  const committed = await attempt(() => steps.commit(input));
  if (committed.status !== 'ok') return committed;
  const sale = committed.value;
  const openDrawer = steps.cashDrawer && sale.payments.some((p) => p.method === 'cash');
  let receipt: PrintDocument;
  try {
    receipt = steps.receipt(sale, 'original');
  } catch (error) {
    return { status: 'ok', value: { sale, receipt: null, print: { status: 'failed', message: messageOf(error) }, openDrawer } };
  }
  const print = await steps.print(receipt, openDrawer);
  return { status: 'ok', value: { sale, receipt, print, openDrawer } };
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
export function peekReceiptNo(station: Station, now: Date = new Date()): Promise<Outcome<string>> {
  return attempt(() => peekNextReceiptNo(station.db, now));
}
