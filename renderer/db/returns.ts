import type { PaymentEntity, ProductEntity, SaleEntity, SaleLineEntity, UserEntity } from '../../shared/entities';
import { creditNoteCounterKey, formatCreditNoteNumber } from '../../shared/invoice';
import { tallyRecord } from '../../shared/day-report';
import { paise } from '../../shared/money';
import { allocateRefund, buildReturnLines, type RefundMode, type ReturnProblem, type ReturnQuantity } from '../../shared/returns';
import { invoiceNumberParts } from '../../shared/journal';
import { isoWithOffset } from '../../shared/time';
import { lastAuditEntry, nextAuditEntry } from './audit';
import { dayForSale } from './days';
import { openDaySummaries, openDayTally, saveDayTally, SUMMARY_TABLES } from './day-summary';
import type { NewId } from './ids';
import { queueJournal } from './journal-queue';
import { findSaleByReceiptNo } from './receipts';
import { StoreRefusal } from './refusal';
import type { CommittedSale } from './sales';
import type { ChinarDb } from './schema';
import { DISK_FULL_MESSAGE, isQuotaExceeded } from './storage';
import { getStoreProfile } from './settings';

/** Counter rows of credit-note sequences are keyed `credit-note:{series}/C{fy}`: a series of their own. */
export const CREDIT_NOTE_COUNTER_PREFIX = 'credit-note:';

export interface CommitReturnInput {
  /** The invoice (kind 'sale') being returned. */
  originalSaleId: SaleEntity['id'];
  /** Pieces to return now, per original line. */
  quantities: readonly ReturnQuantity[];
  /** Back to the tenders the buyer paid with, in proportion, or all in cash. */
  refundMode: RefundMode;
  /** 'void': a full return of the sale just made, the last invoice of this till. */
  kind: 'return' | 'void';
  operator: UserEntity;
  /** The manager whose PIN approved it (the screen checked the PIN; this checks the role). */
  managerId: UserEntity['id'];
  deviceId: string;
  now: Date;
  newId: NewId;
  /**
   * The highest number the host's journal knows per counter key, credit notes' own series
   * included ("K01/C2627": 4). A credit-note number at or below it was issued before, by a
   * store that has since lost it: the return is refused, like a sale (commitSale).
   */
  numberFloor?: Readonly<Record<string, number>>;
}

/** A return or void on disk (`sale` is the credit note), with the invoice it reverses. */
export interface CommittedReturn extends CommittedSale {
  original: CommittedSale;
}

/** The store would not write the return, and why, in the operator's words: nothing was written. */
export class ReturnRefusedError extends StoreRefusal {}

/** Any failure underneath (IndexedDB, a full disk): nothing was written. */
export class ReturnNotRecordedError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
  }
}

/** An invoice as a return sees it: the sale and what earlier returns and voids already took back. */
export interface ReturnableSale {
  original: CommittedSale;
  /** Lines of every earlier return and void against it. */
  earlierReturnLines: SaleLineEntity[];
  /** Refund payments of those returns (negative amounts). */
  earlierRefunds: PaymentEntity[];
}

function problemText(problem: ReturnProblem, lines: ReadonlyMap<string, SaleLineEntity>): string {
  const name = problem.lineId === null ? '' : lines.get(problem.lineId)?.name ?? 'a line';
  switch (problem.reason) {
    case 'nothing-to-return': return 'Nothing is marked to return.';
    case 'unknown-line': return 'A line to return is not on that invoice.';
    case 'bad-quantity': return `The quantity of ${name} to return is not a whole number of pieces.`;
    case 'listed-twice': return `${name} is listed twice.`;
    case 'more-than-left':
      return problem.left === 0
        ? `${name} has already been returned in full.`
        : `Only ${problem.left} of ${name} can still be returned.`;
  }
}

async function loadReturnable(db: ChinarDb, original: SaleEntity): Promise<ReturnableSale> {
  const earlier = await db.sales.where('originalSaleId').equals(original.id).primaryKeys();
  const [lines, payments, earlierReturnLines, earlierRefunds] = await Promise.all([
    db.saleLines.where('saleId').equals(original.id).sortBy('lineNo'),
    db.payments.where('saleId').equals(original.id).toArray(),
    earlier.length ? db.saleLines.where('saleId').anyOf(earlier).toArray() : Promise.resolve([]),
    earlier.length ? db.payments.where('saleId').anyOf(earlier).toArray() : Promise.resolve([]),
  ]);
  return { original: { sale: original, lines, payments }, earlierReturnLines, earlierRefunds };
}

/**
 * The invoice a receipt number names (typed or scanned from the paper), with what is
 * left to return. Null when there is none; a refusal when the number is a credit note's.
 */
export async function findReturnableSale(db: ChinarDb, typed: string): Promise<ReturnableSale | null> {
  const found = await findSaleByReceiptNo(db, typed);
  if (!found) return null;
  if (found.sale.kind !== 'sale') {
    throw new ReturnRefusedError(`${found.sale.receiptNo} is a credit note, not an invoice: scan or type the number of the sale's receipt.`);
  }
  return db.transaction('r', [db.sales, db.saleLines, db.payments], () => loadReturnable(db, found.sale));
}

/** A sale record by id with its lines and payments (a credit note's original, for printing). */
export async function loadSaleById(db: ChinarDb, id: SaleEntity['id']): Promise<CommittedSale | null> {
  return db.transaction('r', [db.sales, db.saleLines, db.payments], async () => {
    const sale = await db.sales.get(id);
    if (!sale) return null;
    const [lines, payments] = await Promise.all([
      db.saleLines.where('saleId').equals(id).sortBy('lineNo'),
      db.payments.where('saleId').equals(id).toArray(),
    ]);
    return { sale, lines, payments };
  });
}

/**
 * Commits a return or a void: ONE strict read-write transaction re-reads the invoice, its
 * lines and every earlier return against it (so two tills, or two taps, cannot return the
 * same piece twice), builds the negated lines (shared/returns: never more than is left,
 * nothing re-rounded), splits the refund over the tenders, takes the next credit-note
 * number from its own counter, and writes the credit note as a new sale record with its
 * lines, its negative payments, the stock put back and an audit entry naming the
 * approving manager. Nothing committed before is changed. The credit note belongs to the
 * day that is open now, like a sale (none open: refused with the day's own DayNotOpenError),
 * so the artisan's earnings come off, and the cash refund leaves the drawer, on the day of
 * the return. Every row written goes into the journal queue in the same transaction, the
 * credit-note counter included, so a store rebuilt from the journal never reissues a number.
 */
export async function commitReturn(db: ChinarDb, input: CommitReturnInput): Promise<CommittedReturn> {
  try {
    return await db.transaction('rw', [
      db.products, db.counters, db.audit, db.businessDays, db.settings, db.users, db.journalQueue, ...SUMMARY_TABLES(db),
    ], async () => {
      const [profile, { open, tally }, manager, originalSale, lastAudit] = await Promise.all([
        getStoreProfile(db), Promise.all([dayForSale(db), openDaySummaries(db)]).then(async ([day, summaries]) => ({ open: day, tally: await openDayTally(db, day, summaries) })), db.users.get(input.managerId), db.sales.get(input.originalSaleId), lastAuditEntry(db),
      ]);
      if (!manager || !manager.active || manager.role !== 'manager') {
        throw new ReturnRefusedError('A return needs the approval of an active manager: ask a manager to enter their PIN.');
      }
      if (!originalSale) throw new ReturnRefusedError('That invoice is not in this kiosk.');
      if (originalSale.kind !== 'sale') throw new ReturnRefusedError(`${originalSale.receiptNo} is a credit note, not an invoice.`);
      const returnable = await loadReturnable(db, originalSale);
      const { original } = returnable;

      if (input.kind === 'void') {
        const later = await db.sales.where('createdAt').above(originalSale.createdAt).filter((s) => s.kind === 'sale').count();
        if (later > 0 || returnable.earlierReturnLines.length > 0) {
          throw new ReturnRefusedError(`Only the sale just made can be voided; ${originalSale.receiptNo} is not it any more. Return its items instead.`);
        }
        const wanted = new Map(input.quantities.map((q) => [q.lineId, q.qty]));
        if (original.lines.some((l) => wanted.get(l.id) !== l.qty) || wanted.size !== original.lines.length) {
          throw new ReturnRefusedError('A void gives back the whole sale: every piece of every line.');
        }
      }

      // The open day, even past midnight and whatever day the invoice was of.
      const { businessDate, id: dayId } = open;
      const saleId = input.newId();
      const built = buildReturnLines({
        original: originalSale, originalLines: original.lines, earlierReturnLines: returnable.earlierReturnLines,
        quantities: input.quantities, saleId, businessDate, dayId, newId: input.newId,
      });
      if (!built.ok) {
        const byId = new Map(original.lines.map((l) => [l.id, l]));
        throw new ReturnRefusedError(built.problems.map((p) => problemText(p, byId)).join(' '));
      }

      const refund = paise(-built.totals.total);
      let refundPayments: PaymentEntity[] = [];
      if (refund !== 0) {
        const allocated = allocateRefund({
          originalPayments: original.payments, earlierRefunds: returnable.earlierRefunds, refund, mode: input.refundMode,
        });
        if (!allocated.ok) throw new ReturnRefusedError(`The refund is more than is left of what the buyer paid on ${originalSale.receiptNo}.`);
        refundPayments = allocated.payments.map((p) => ({
          id: input.newId(), saleId, businessDate, method: p.method, amount: p.amount,
          tendered: p.tendered, change: p.change, reference: p.reference, dayId,
        }));
      }

      const counterKey = `${CREDIT_NOTE_COUNTER_PREFIX}${creditNoteCounterKey(profile.invoiceSeries, businessDate)}`;
      const sequence = ((await db.counters.get(counterKey))?.value ?? 0) + 1;
      const receiptNo = formatCreditNoteNumber(profile.invoiceSeries, businessDate, sequence);
      const floor = input.numberFloor?.[counterKey.slice(CREDIT_NOTE_COUNTER_PREFIX.length)] ?? 0;
      if (sequence <= floor) {
        const parts = invoiceNumberParts(receiptNo);
        throw new ReturnNotRecordedError(`Credit note number ${receiptNo} was already issued on this kiosk (the journal's highest is ${String(floor).padStart(5, '0')}${parts ? ` in ${parts.key}` : ''}): this store has lost records. A manager must restore the store from the journal (Settings, Journal) before returning again.`);
      }
      const createdAt = isoWithOffset(input.now, profile.timeZone);
      const sale: SaleEntity = {
        id: saleId, kind: input.kind, receiptNo, businessDate, createdAt, deviceId: input.deviceId,
        operatorId: input.operator.id, operatorName: input.operator.name, originalSaleId: originalSale.id,
        ...built.totals, dayId,
        issuer: {
          name: profile.name, addressLines: profile.addressLines, phone: profile.phone,
          gstin: profile.gstin, timeZone: profile.timeZone, footer: profile.footer,
        },
      };

      // Pieces back on the shelf, per product (a product missing from the catalog has no shelf).
      const back = new Map<ProductEntity['id'], number>();
      for (const l of built.lines) back.set(l.productId, (back.get(l.productId) ?? 0) - l.qty);
      const products = await db.products.bulkGet([...back.keys()]);
      const restocked = products.flatMap((p) => (p ? [{ ...p, stock: p.stock + back.get(p.id)! }] : []));

      const audit = nextAuditEntry(lastAudit, {
        at: createdAt, actorId: input.operator.id, action: input.kind === 'void' ? 'sale.void' : 'sale.return',
        detail: {
          saleId, creditNoteNo: receiptNo, originalSaleId: originalSale.id, originalReceiptNo: originalSale.receiptNo,
          total: sale.total, items: sale.itemCount, refundMode: input.refundMode,
          payments: refundPayments.map((p) => [p.method, p.amount]),
          lines: built.lines.map((l) => [l.originalLineId, -l.qty]),
          approvedBy: manager.id, approvedByName: manager.name,
        },
      });

      const counter = { key: counterKey, value: sequence };
      const dayTally = tallyRecord(tally, { sale, lines: built.lines, payments: refundPayments });
      const [journalId] = await Promise.all([
        queueJournal(db, input.kind, createdAt, {
          sales: [sale], saleLines: built.lines, payments: refundPayments, products: restocked, counters: [counter], audit: [audit],
        }).then((ids) => ids[0]!),
        db.sales.add(sale),
        db.saleLines.bulkAdd(built.lines),
        refundPayments.length ? db.payments.bulkAdd(refundPayments) : Promise.resolve(),
        restocked.length ? db.products.bulkPut(restocked) : Promise.resolve(),
        db.counters.put(counter),
        db.audit.add(audit),
        saveDayTally(db, open, dayTally),
      ]);
      return { sale, lines: built.lines, payments: refundPayments, original, journalId };
    });
  } catch (error) {
    if (error instanceof StoreRefusal || error instanceof ReturnNotRecordedError) throw error;
    const reason = isQuotaExceeded(error) ? DISK_FULL_MESSAGE : error instanceof Error ? error.message : String(error);
    throw new ReturnNotRecordedError(reason, error);
  }
}
