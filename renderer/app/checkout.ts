import type { Cart } from '../../shared/cart';
import type { PrintDocument } from '../../shared/documents';
import type { Paise } from '../../shared/money';
import { buildReceipt } from '../../shared/receipt';
import { calendarDateIn } from '../../shared/time';
import { touristAmounts } from '../../shared/tourist-currency';
import type { SettledPayment } from '../../shared/tender';
import type { UserEntity } from '../../shared/entities';
import { commitSale, markOriginalPrinted, newId, peekNextReceiptNo, type CommitSaleInput, type CommittedSale } from '../db';
import { COPY_WAIT_MS } from './journal';
import { attempt, messageOf, type Outcome } from './outcome';
import { printDocument, type PrintOutcome } from './printing';
import type { Station } from './station';

/**
 * A sale that is on disk. Anything short of this is "Sale NOT recorded": the checkout's
 * Outcome is then refused or failed, with why, and the cart stays for another try.
 * The receipt prints only when the done screen calls `print` (so printing never delays
 * "done"); it may fail there, or the receipt may not even build (`receipt` null).
 */
export interface RecordedCheckout {
  sale: CommittedSale;
  receipt: PrintDocument | null;
  /** Prints the original receipt; called twice, it prints once and answers the same. */
  print: () => Promise<PrintOutcome>;
  openDrawer: boolean;
  /** The host's journal has it; false: shown done with "not yet copied" until the sender gets it there. */
  copied: boolean;
}

export interface CheckoutSteps {
  commit(input: Omit<CommitSaleInput, 'deviceId' | 'now' | 'newId'>): Promise<CommittedSale>;
  /** Sends the sale's journal record now and waits a moment (COPY_WAIT_MS) for the host to have it. */
  copied(sale: CommittedSale): Promise<boolean>;
  receipt(sale: CommittedSale, copy: 'original' | 'duplicate'): PrintDocument;
  print(document: PrintDocument, openDrawer: boolean): Promise<PrintOutcome>;
  /** The original came out: every later print of this sale is a duplicate. */
  printed(sale: CommittedSale): Promise<void>;
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
 * The order matters (DESIGN.md, "A sale"): commit in one transaction first (which queues
 * its journal record in the same transaction), then give the host a moment to copy it,
 * and only then hand the sale back as done, with the receipt ready to print. A printer
 * failure never undoes a sale, and a host out of reach only marks it "not yet copied".
 */
export async function checkout(
  steps: CheckoutSteps,
  input: CheckoutInput,
): Promise<Outcome<RecordedCheckout>> {
  const committed = await attempt(() => steps.commit(input));
  if (committed.status !== 'ok') return committed;
  const sale = committed.value;
  const copied = await steps.copied(sale).catch(() => false);
  const openDrawer = steps.cashDrawer && sale.payments.some((p) => p.method === 'cash');
  let receipt: PrintDocument;
  try {
    receipt = steps.receipt(sale, 'original');
  } catch (error) {
    const failed: PrintOutcome = { status: 'failed', message: messageOf(error) };
    return { status: 'ok', value: { sale, receipt: null, print: () => Promise.resolve(failed), openDrawer, copied } };
  }
  let printing: Promise<PrintOutcome> | null = null;
  const print = () => (printing ??= steps.print(receipt, openDrawer).then(async (outcome) => {
    // The mark is what makes the next print a duplicate; if it cannot be written the
    // receipt still came out, and the next print is simply another original.
    if (outcome.status === 'ok') await steps.printed(sale).catch(() => undefined);
    return outcome;
  }));
  return { status: 'ok', value: { sale, receipt, print, openDrawer, copied } };
}

export function makeReceipt(station: Station, sale: CommittedSale, copy: 'original' | 'duplicate'): PrintDocument {
  // A reprint says what the original invoice said, even if the store profile changed since.
  const store = sale.sale.issuer ? { ...station.profile, ...sale.sale.issuer } : station.profile;
  // Tourist currencies at the rates set now (a reprint too), each printed with its date.
  const approx = station.currencies.onReceipt && sale.sale.kind === 'sale'
    ? touristAmounts(sale.sale.total, station.currencies, calendarDateIn(new Date(sale.sale.createdAt), store.timeZone))
    : [];
  return buildReceipt({
    store, sale: sale.sale, lines: sale.lines, payments: sale.payments,
    copy, width: station.settings.paperWidth, approx,
  });
}

/** The real steps for this kiosk. */
export function checkoutSteps(station: Station, now: () => Date = () => new Date()): CheckoutSteps {
  return {
    commit: (input) => commitSale(station.db, {
      ...input, deviceId: station.settings.deviceId, now: now(), newId, numberFloor: station.journal.floor(),
    }),
    copied: (sale) => {
      if (!sale.journalId) return Promise.resolve(false);
      station.journal.nudge();
      return station.journal.whenCopied(sale.journalId, COPY_WAIT_MS);
    },
    receipt: (sale, copy) => makeReceipt(station, sale, copy),
    print: (document, openDrawer) => printDocument(station.host, document, openDrawer),
    printed: async (sale) => {
      await markOriginalPrinted(station.db, sale.sale, now(), station.profile.timeZone);
      station.journal.nudge();
    },
    cashDrawer: station.settings.cashDrawer,
  };
}

/** The invoice number the sale will most likely get: the UPI QR's transaction reference. */
export function peekReceiptNo(station: Station, now: Date = new Date()): Promise<Outcome<string>> {
  return attempt(() => peekNextReceiptNo(station.db, now));
}
