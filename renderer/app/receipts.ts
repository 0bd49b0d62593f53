import { useCallback } from 'react';
import type { PrintDocument } from '../../shared/documents';
import type { SaleEntity, UserEntity } from '../../shared/entities';
import { findSaleByReceiptNo, lastRecordedSale, markOriginalPrinted, originalPrinted, recentSales, recordReprint, type CommittedSale } from '../db';
import { useLoadable, type Loadable } from '../hooks/useLoadable';
import { attempt, messageOf, type Outcome } from './outcome';
import { printDocument, type PrintOutcome } from './printing';
import { documentFor } from './returns';
import type { Station } from './station';

/**
 * The sale recorded last, for "Last sale recorded: K01/2627/000014 at 14:32, ₹12,500.00"
 * on the sign-in and sell screens: after a crash, the operator sees whether the sale they
 * were ringing up is in, and does not charge it again. `generation` reloads it.
 */
export function useLastSale(station: Station, generation: unknown = 0): Loadable<SaleEntity | null> {
  const load = useCallback(() => lastRecordedSale(station.db), [station.db, generation]);
  return useLoadable(load);
}

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

/** A copy that went to the printer: the copy, how printing it went, and whether it was a duplicate. */
export interface Reprinted {
  document: PrintDocument;
  print: PrintOutcome;
  duplicate: boolean;
}

/**
 * The Reprint button: a sale (or credit note) whose original never came out (printer or
 * host down when it was recorded) prints as the ORIGINAL, and is marked printed once it
 * does; after that every copy is an audited duplicate. `openDrawer`: the original goes
 * with a drawer kick (cash still to give back on a return whose credit note did not print).
 */
export async function reprintReceipt(station: Station, sale: CommittedSale, by: UserEntity, now: Date = new Date(), openDrawer = false): Promise<Outcome<Reprinted>> {
  const printedBefore = await attempt(() => originalPrinted(station.db, sale.sale.id));
  if (printedBefore.status !== 'ok') return printedBefore;
  if (printedBefore.value) return reprintDuplicate(station, sale, by, now);
  let document: PrintDocument;
  try {
    document = await documentFor(station, sale, 'original');
  } catch (error) {
    return { status: 'failed', message: messageOf(error) };
  }
  const print = await printDocument(station.host, document, openDrawer);
  if (print.status === 'ok') await attempt(() => markOriginalPrinted(station.db, sale.sale, now, station.profile.timeZone));
  return { status: 'ok', value: { document, print, duplicate: false } };
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
  return { status: 'ok', value: { document: recorded.value, print: await printDocument(station.host, recorded.value, false), duplicate: true } };
}
