import type { SheetPdfResult } from '../../../../shared/contract';
import type { PrintDocument } from '../../../../shared/documents';
import type { CardSheet, LabelSheet } from '../../../../shared/labels';
import { messageOf } from '../../data/boot';
import { printDocument } from '../../data/printing';
import type { Station } from '../../data/station';
import { runPrintJobs, type RunHooks, type RunOutcome } from '../logic/printRun';

/**
 * Labels and artisan cards leave the page through the host: thermal jobs through the
 * configured receipt/label printer, A4 sticker sheets as a PDF the host writes.
 */

/** Prints `documents` one job each, from `from`, stopping at the first failure. */
export function printJobs(station: Station, documents: readonly PrintDocument[], from: number, hooks: RunHooks): Promise<RunOutcome> {
  return runPrintJobs(documents, from, async (document) => {
    const outcome = await printDocument(station.host, document, false);
    return outcome.status === 'printed' ? { status: 'printed' } : { status: 'failed', message: outcome.message };
  }, hooks);
}

export type SheetOutcome = { ok: true; value: SheetPdfResult } | { ok: false; message: string };

export async function makeLabelSheet(station: Station, sheet: LabelSheet): Promise<SheetOutcome> {
  try {
    const result = await station.host.call('labels.pdf', sheet);
    return result.ok ? { ok: true, value: result.value } : { ok: false, message: result.error.message };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

export async function makeCardSheet(station: Station, sheet: CardSheet): Promise<SheetOutcome> {
  try {
    const result = await station.host.call('cards.pdf', sheet);
    return result.ok ? { ok: true, value: result.value } : { ok: false, message: result.error.message };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}
