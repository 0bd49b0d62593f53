import type { SaleEntity } from '../../shared/entities';
import { isoWithOffset } from '../../shared/time';
import { appendAudit } from './audit';
import type { CommittedSale } from './sales';
import type { ChinarDb } from './schema';

/** A committed sale with its lines and payments, by receipt number (the receipt's barcode). */
export async function findSaleByReceiptNo(db: ChinarDb, receiptNo: string): Promise<CommittedSale | null> {
  return db.transaction('r', [db.sales, db.saleLines, db.payments], async () => {
    const sale = await db.sales.get({ receiptNo: receiptNo.trim() });
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
  await db.transaction('rw', [db.audit], () =>
    appendAudit(db, { at: isoWithOffset(now, timeZone), actorId, action: 'receipt.reprint', detail: { saleId: sale.id, receiptNo: sale.receiptNo } }));
}

/** A no-sale drawer open: who asked, which manager approved it, in the audit chain. */
export async function recordNoSale(db: ChinarDb, options: { operatorId: string; managerId: string; now: Date; timeZone: string; reason: string }): Promise<void> {
  await db.transaction('rw', [db.audit], () =>
    appendAudit(db, {
      at: isoWithOffset(options.now, options.timeZone), actorId: options.operatorId, action: 'drawer.no-sale',
      detail: { approvedBy: options.managerId, reason: options.reason },
    }));
}
