import { useCallback, useEffect, useState } from 'react';
import type { PrintDocument } from '../../../shared/documents';
import type { SaleEntity, UserEntity } from '../../../shared/entities';
import { findSaleByReceiptNo, recentSales, recordReprint, type CommittedSale } from '../../db';
import { messageOf } from './boot';
import { makeReceipt } from './checkout';
import { printDocument, type PrintOutcome } from './printing';
import type { Station } from './station';

export type RecentSales =
  | { status: 'loading' }
  | { status: 'ready'; sales: SaleEntity[] }
  | { status: 'failed'; message: string };

export function useRecentSales(station: Station, limit = 50): { recent: RecentSales; reload: () => void } {
  const [recent, setRecent] = useState<RecentSales>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    recentSales(station.db, limit).then(
      (sales) => { if (live) setRecent({ status: 'ready', sales }); },
      (error: unknown) => { if (live) setRecent({ status: 'failed', message: messageOf(error) }); },
    );
    return () => { live = false; };
  }, [station.db, limit, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { recent, reload };
}

export function findReceipt(station: Station, receiptNo: string): Promise<CommittedSale | null> {
  return findSaleByReceiptNo(station.db, receiptNo);
}

export type ReprintResult =
  | { status: 'done'; document: PrintDocument; print: PrintOutcome }
  /** Nothing was printed: the reprint could not be recorded or the receipt not built. */
  | { status: 'refused'; message: string };

/**
 * A duplicate copy is audited before it is printed: an extra copy of an invoice can be
 * misused, so an attempt is recorded even if the printer then fails.
 */
export async function reprintDuplicate(station: Station, sale: CommittedSale, by: UserEntity, now: Date = new Date()): Promise<ReprintResult> {
  let document: PrintDocument;
  try {
    document = makeReceipt(station, sale, 'duplicate');
    await recordReprint(station.db, sale.sale, by.id, now, station.profile.timeZone);
  } catch (error) {
    return { status: 'refused', message: messageOf(error) };
  }
  return { status: 'done', document, print: await printDocument(station.host, document, false) };
}
