import type { UserEntity } from '../../../../shared/entities';
import { applyCatalogImport, exportCatalog, newId, previewCatalogImport, type ImportOutcome } from '../../../db';
import { messageOf } from '../../data/boot';
import type { Station } from '../../data/station';
import type { ChosenFile } from '../logic/importReview';
import { actorOf } from './catalog';

/**
 * Catalog files in and out. Reading, checking and importing happen in the page (the
 * store of record is here); the files never go to the host.
 */
export interface ChosenFiles {
  artisans: ChosenFile | null;
  products: ChosenFile | null;
}

/** Reads a chosen file as UTF-8 text (a BOM is left for the catalog parser, which expects it). */
export async function readChosenFile(file: File): Promise<ChosenFile> {
  const bytes = await file.arrayBuffer();
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { name: file.name, size: file.size, text };
}

export type CheckOutcome = ImportOutcome | { ok: 'error'; message: string };

function input(files: ChosenFiles) {
  return { artisansCsv: files.artisans?.text ?? null, productsCsv: files.products?.text ?? null };
}

/** What importing would do, or every problem; writes nothing. */
export async function checkCatalogFiles(station: Station, files: ChosenFiles): Promise<CheckOutcome> {
  try {
    return await previewCatalogImport(station.db, input(files), newId);
  } catch (error) {
    return { ok: 'error', message: messageOf(error) };
  }
}

/** Imports all or nothing: the store checks the files again inside its transaction. */
export async function importCatalogFiles(station: Station, by: UserEntity, files: ChosenFiles): Promise<CheckOutcome> {
  try {
    return await applyCatalogImport(station.db, input(files), { actor: actorOf(by), now: new Date(), newId });
  } catch (error) {
    return { ok: 'error', message: messageOf(error) };
  }
}

export type ExportOutcome = { ok: true; artisansCsv: string; productsCsv: string } | { ok: false; message: string };

export async function exportCatalogFiles(station: Station): Promise<ExportOutcome> {
  try {
    return { ok: true, ...(await exportCatalog(station.db)) };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

/**
 * A CSV as a download link's address. A BOM goes first so that Excel, which many
 * managers open the file in, reads Urdu and Devanagari names as UTF-8; the importer
 * accepts the BOM. Callers revoke the URL when the link goes away.
 */
export function csvObjectUrl(text: string): string {
  return URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
}
