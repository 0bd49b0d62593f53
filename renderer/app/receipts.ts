import { useCallback } from 'react';
import type { PrintDocument } from '../../shared/documents';
import type { SaleEntity, UserEntity } from '../../shared/entities';
import { findSaleByReceiptNo, recentSales, recordReprint, type CommittedSale } from '../db';
import { useLoadable, type Loadable } from '../hooks/useLoadable';
import { attempt, messageOf, type Outcome } from './outcome';
import { printDocument, type PrintOutcome } from './printing';
import { documentFor } from './returns';
import type { Station } from './station';

export function useRecentSales(station: Station, limit = 50): Loadable<SaleEntity[]> {
  const load = useCallback(() => recentSales(station.db, limit), [station.db, limit]);
  return useLoadable(load);
}

/** A receipt found by its number, drawn as the original; `buildError` when it could not be drawn. */
export interface OpenedReceipt {
  sale: CommittedSale;
  document: PrintDocument | null;
  buildError: string | null;
}

/** Opens a receipt or credit note by its number (typed, or scanned from the paper): null when there is none. */
export async function openReceipt(station: Station, receiptNo: string): Promise<Outcome<OpenedReceipt | null>> {
  const found = await attempt(() => findSaleByReceiptNo(station.db, receiptNo));
  if (found.status !== 'ok') return found;
  if (!found.value) return { status: 'ok', value: null };
  const sale = found.value;
  try {
    return { status: 'ok', value: { sale, document: await documentFor(station, sale, 'original'), buildError: null } };
  } catch (error) {
    return { status: 'ok', value: { sale, document: null, buildError: messageOf(error) } };
  }
}

/** A duplicate copy that went to the printer: the copy, and how printing it went. */
export interface Reprinted {
  document: PrintDocument;
  print: PrintOutcome;
}

/**
 * A duplicate copy is audited before it is printed: an extra copy of an invoice can be
 * misused, so an attempt is recorded even if the printer then fails. Not ok: nothing was
 * printed, because the reprint could not be recorded or the receipt not built.
 */
export async function reprintDuplicate(station: Station, sale: CommittedSale, by: UserEntity, now: Date = new Date()): Promise<Outcome<Reprinted>> {
  const recorded = await attempt(async () => {
    const document = await documentFor(station, sale, 'duplicate');
    await recordReprint(station.db, sale.sale, by.id, now, station.profile.timeZone);
    return document;
  });
  if (recorded.status !== 'ok') return recorded;
  return { status: 'ok', value: { document: recorded.value, print: await printDocument(station.host, recorded.value, false) } };
}
