import { buildCreditNote } from '../../shared/credit-note';
import type { PrintDocument } from '../../shared/documents';
import type { SaleLineEntity, UserEntity } from '../../shared/entities';
import { paise, type Paise } from '../../shared/money';
import { allocateRefund, buildReturnLines, returnedSoFar, type RefundMode, type ReturnQuantity } from '../../shared/returns';
import type { SettledPayment } from '../../shared/tender';
import {
  commitReturn, findReturnableSale, loadSaleById, markOriginalPrinted, newId,
  type CommittedReturn, type CommittedSale, type ReturnableSale,
} from '../db';
import { makeReceipt } from './checkout';
import { COPY_WAIT_MS } from './journal';
import { attempt, messageOf, type Outcome } from './outcome';
import { printDocument, type PrintOutcome } from './printing';
import type { Station } from './station';

export type { ReturnableSale, CommittedReturn };

/** Opens an invoice for a return by its number (typed, or scanned from the receipt): null when there is none. */
export function openForReturn(station: Station, receiptNo: string): Promise<Outcome<ReturnableSale | null>> {
  return attempt(() => findReturnableSale(station.db, receiptNo));
}

/** One line of the invoice as the return dialog shows it. */
export interface ReturnableLine {
  line: SaleLineEntity;
  /** Pieces earlier returns and voids took back. */
  returned: number;
  /** Pieces that may still be returned. */
  left: number;
}

export function returnableLines(sale: ReturnableSale): ReturnableLine[] {
  const returned = returnedSoFar(sale.earlierReturnLines);
  return sale.original.lines.map((line) => {
    const back = returned.get(line.id) ?? 0;
    return { line, returned: back, left: line.qty - back };
  });
}

/** What the return would give back, as the store will compute it (the same shared rules). */
export type ReturnPreview =
  | { status: 'empty' }
  | { status: 'ok'; refund: Paise; payments: SettledPayment[] }
  | { status: 'invalid' };

export function previewReturn(sale: ReturnableSale, quantities: readonly ReturnQuantity[], mode: RefundMode): ReturnPreview {
  if (!quantities.some((q) => q.qty > 0)) return { status: 'empty' };
  let n = 0;
  const built = buildReturnLines({
    original: sale.original.sale, originalLines: sale.original.lines, earlierReturnLines: sale.earlierReturnLines,
    quantities, saleId: 'preview', businessDate: sale.original.sale.businessDate, newId: () => `preview-${++n}`,
  });
  if (!built.ok) return { status: 'invalid' };
  const refund = paise(-built.totals.total);
  if (refund === 0) return { status: 'ok', refund, payments: [] };
  const allocated = allocateRefund({ originalPayments: sale.original.payments, earlierRefunds: sale.earlierRefunds, refund, mode });
  return allocated.ok ? { status: 'ok', refund, payments: allocated.payments } : { status: 'invalid' };
}

/** A return on disk. The credit note may still have failed to print (`print`), or to build (`document` null). */
export interface RecordedReturn {
  ret: CommittedReturn;
  document: PrintDocument | null;
  print: PrintOutcome;
  openDrawer: boolean;
  /** The host's journal has it (false: it waits in the queue, and goes when the host answers). */
  copied: boolean;
}

export interface ReturnRequest {
  sale: ReturnableSale;
  quantities: readonly ReturnQuantity[];
  refundMode: RefundMode;
  kind: 'return' | 'void';
  operator: UserEntity;
  /** The manager whose PIN useManagerApproval checked. */
  manager: UserEntity;
  now?: Date;
}

/**
 * A return or void, approved by a manager: commit in one transaction first (which queues
 * its journal record, checked against the journal's highest credit-note number), give the
 * host a moment to copy it as checkout does, and only then build the credit note and print
 * it (opening the drawer when cash goes back). A printer failure never undoes the return:
 * the credit note can be reprinted, as the original until one has come out.
 */
export async function returnItems(station: Station, request: ReturnRequest): Promise<Outcome<RecordedReturn>> {
  const now = request.now ?? new Date();
  const committed = await attempt(() => commitReturn(station.db, {
    originalSaleId: request.sale.original.sale.id, quantities: request.quantities, refundMode: request.refundMode,
    kind: request.kind, operator: request.operator, managerId: request.manager.id,
    deviceId: station.settings.deviceId, now, newId, numberFloor: station.journal.floor(),
  }));
  if (committed.status !== 'ok') return committed;
  const ret = committed.value;
  let copied = false;
  if (ret.journalId) {
    station.journal.nudge();
    copied = await station.journal.whenCopied(ret.journalId, COPY_WAIT_MS).catch(() => false);
  }
  const openDrawer = station.settings.cashDrawer && ret.payments.some((p) => p.method === 'cash');
  let document: PrintDocument;
  try {
    document = makeCreditNote(station, ret, ret.original, 'original');
  } catch (error) {
    return { status: 'ok', value: { ret, document: null, print: { status: 'failed', message: messageOf(error) }, openDrawer, copied } };
  }
  const print = await printDocument(station.host, document, openDrawer);
  // The mark makes the next print a duplicate; if it cannot be written, the next is another original.
  if (print.status === 'ok') {
    await attempt(() => markOriginalPrinted(station.db, ret.sale, now, station.profile.timeZone));
    station.journal.nudge();
  }
  return { status: 'ok', value: { ret, document, print, openDrawer, copied } };
}

export function makeCreditNote(station: Station, note: CommittedSale, original: CommittedSale, copy: 'original' | 'duplicate'): PrintDocument {
  const store = note.sale.issuer ? { ...station.profile, ...note.sale.issuer } : station.profile;
  return buildCreditNote({
    store, creditNote: note.sale, lines: note.lines, payments: note.payments,
    original: original.sale, originalLines: original.lines, copy, width: station.settings.paperWidth,
  });
}

/**
 * The document a committed record prints: an invoice's receipt, or a return's credit note
 * (which names the invoice it reverses, so that invoice is read first).
 */
export async function documentFor(station: Station, record: CommittedSale, copy: 'original' | 'duplicate'): Promise<PrintDocument> {
  if (record.sale.kind === 'sale' || record.sale.originalSaleId === null) return makeReceipt(station, record, copy);
  const original = await loadSaleById(station.db, record.sale.originalSaleId);
  if (!original) throw new Error(`The invoice that ${record.sale.receiptNo} reverses is not in this kiosk.`);
  return makeCreditNote(station, record, original, copy);
}
