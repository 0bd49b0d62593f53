import type { SheetPdfResult } from '../../shared/contract';
import type { PrintDocument } from '../../shared/documents';
import type { CardSheet, LabelSheet } from '../../shared/labels';
import { callHost, type Outcome } from './outcome';
import { runPrintJobs, type RunHooks, type RunOutcome } from './print-run';
import { printDocument } from './printing';
import type { Station } from './station';

/**
 * Labels and artisan cards leave the page through the host: thermal jobs through the
 * configured receipt/label printer, A4 sticker sheets as a PDF the host writes.
 */

/** Prints `documents` one job each, from `from`, stopping at the first failure. */
export function printJobs(station: Station, documents: readonly PrintDocument[], from: number, hooks: RunHooks): Promise<RunOutcome> {
  return runPrintJobs(documents, from, (document) => printDocument(station.host, document, false), hooks);
}

/** A sticker sheet the host wrote: where, and how many pages. */
export type SheetOutcome = Outcome<SheetPdfResult>;

export function makeLabelSheet(station: Station, sheet: LabelSheet): Promise<SheetOutcome> {
  return callHost(station.host, 'labels.pdf', sheet);
}

export function makeCardSheet(station: Station, sheet: CardSheet): Promise<SheetOutcome> {
  return callHost(station.host, 'cards.pdf', sheet);
}
