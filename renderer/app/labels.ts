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

/**
 * Where a sheet went: this computer's PDF viewer (Electron), a new browser tab (the
 * loopback host, whose tab's PDF viewer prints), or nowhere because the browser blocked the tab.
 */
export type SheetShown = 'viewer' | 'tab' | 'blocked';

/** Shows a sheet the host made, by the name it answered; printing is the viewer's. */
export async function openSheet(station: Station, name: SheetPdfResult['name'], openTab: (url: string) => boolean = openInNewTab): Promise<Outcome<SheetShown>> {
  const outcome = await callHost(station.host, 'labels.open', { name });
  if (outcome.status !== 'ok') return outcome;
  const opened = outcome.value;
  if (opened.kind === 'opened') return { status: 'ok', value: 'viewer' };
  return { status: 'ok', value: openTab(opened.url) ? 'tab' : 'blocked' };
}

function openInNewTab(url: string): boolean {
  // Not 'noopener': window.open then answers null even when the tab opened, and a blocked
  // pop-up could not be told apart. The tab is our own origin's PDF, and loses its opener.
  const tab = window.open(url, '_blank');
  if (!tab) return false;
  tab.opener = null;
  return true;
}
