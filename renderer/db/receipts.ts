import type { SaleEntity } from '../../shared/entities';
import { isoWithOffset } from '../../shared/time';
import { appendAudit } from './audit';
import { queueJournal } from './journal-queue';
import { INVOICE_COUNTER_PREFIX, type CommittedSale } from './sales';
import type { ChinarDb } from './schema';

/**
 * A committed sale with its lines and payments, by receipt number (the receipt's barcode),
 * as a person types it: in any case ("k01/2627/000002"), or just the sequence ("2" or
 * "000002"), which finds the latest invoice with that sequence in any series and year
 * this store has numbered (the counters table lists them).
 */
export async function findSaleByReceiptNo(db: ChinarDb, typed: string): Promise<CommittedSale | null> {
  const wanted = typed.trim().toUpperCase();
  if (wanted === '') return null;
  return db.transaction('r', [db.sales, db.saleLines, db.payments, db.counters], async () => {
    let sale = await db.sales.get({ receiptNo: wanted });
    if (!sale && /^\d{1,6}$/.test(wanted)) {
      const sequence = wanted.padStart(6, '0');
      const series = (await db.counters.where('key').startsWith(INVOICE_COUNTER_PREFIX).primaryKeys())
        .map((key) => `${key.slice(INVOICE_COUNTER_PREFIX.length)}/${sequence}`);
      const found = await db.sales.where('receiptNo').anyOf(series).toArray();
      sale = found.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    }
    return sale ? loadSale(db, sale) : null;
  });
}

async function loadSale(db: ChinarDb, sale: SaleEntity): Promise<CommittedSale> {
  const [lines, payments] = await Promise.all([
    db.saleLines.where('saleId').equals(sale.id).sortBy('lineNo'),
    db.payments.where('saleId').equals(sale.id).toArray(),
  ]);
  return { sale, lines, payments };
}

/** The most recent sales first, for the receipts screen. */
export async function recentSales(db: ChinarDb, limit = 50): Promise<SaleEntity[]> {
  return db.sales.orderBy('createdAt').reverse().limit(limit).toArray();
}

/** A reprint is an audited event: a duplicate copy is a document that can be misused. */
export async function recordReprint(db: ChinarDb, sale: SaleEntity, actorId: string, now: Date, timeZone: string): Promise<void> {
  await db.transaction('rw', [db.audit, db.journalQueue], async () => {
    const at = isoWithOffset(now, timeZone);
    const entry = await appendAudit(db, { at, actorId, action: 'receipt.reprint', detail: { saleId: sale.id, receiptNo: sale.receiptNo } });
    await queueJournal(db, 'audit', at, { audit: [entry] });
  });
}

/** A no-sale drawer open: who asked, which manager approved it, in the audit chain. */
export async function recordNoSale(db: ChinarDb, options: { operatorId: string; managerId: string; now: Date; timeZone: string; reason: string }): Promise<void> {
  await db.transaction('rw', [db.audit, db.journalQueue], async () => {
    const at = isoWithOffset(options.now, options.timeZone);
    const entry = await appendAudit(db, {
      at, actorId: options.operatorId, action: 'drawer.no-sale',
      detail: { approvedBy: options.managerId, reason: options.reason },
    });
    await queueJournal(db, 'audit', at, { audit: [entry] });
  });
}

/**
 * The sale's original receipt came out of the printer: from now on every print of it is a
 * duplicate. Journaled, so a rebuilt store does not print a second original. Idempotent.
 */
export async function markOriginalPrinted(db: ChinarDb, sale: SaleEntity, now: Date, timeZone: string): Promise<void> {
  await db.transaction('rw', [db.receiptPrints, db.journalQueue], async () => {
    if (await db.receiptPrints.get(sale.id)) return;
    const at = isoWithOffset(now, timeZone);
    const row = { id: sale.id, receiptNo: sale.receiptNo, printedAt: at };
    await db.receiptPrints.add(row);
    await queueJournal(db, 'receipt', at, { receiptPrints: [row] });
  });
}

/** True once the sale's original receipt has printed (a reprint is then a duplicate). */
export async function originalPrinted(db: ChinarDb, saleId: string): Promise<boolean> {
  return (await db.receiptPrints.get(saleId)) !== undefined;
}

/** The sale recorded last (by time), for "Last sale recorded: …" after a crash. */
export async function lastRecordedSale(db: ChinarDb): Promise<SaleEntity | null> {
  return (await db.sales.orderBy('createdAt').last()) ?? null;
}
