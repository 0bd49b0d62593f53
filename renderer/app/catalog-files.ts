import type { UserEntity } from '../../shared/entities';
import { zipSync } from 'fflate';
import { photoFileFor } from '../../shared/catalog';
import { allArtisanPhotos, applyCatalogImport, exportCatalog, listArtisans, newId, previewCatalogImport, type ImportOutcome } from '../db';
import { attempt, type Outcome } from './outcome';
import { actorOf, type Station } from './station';

/** A catalog file the manager picked, as text. */
export interface ChosenFile {
  name: string;
  size: number;
  text: string;
}

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

function input(files: ChosenFiles) {
  return { artisansCsv: files.artisans?.text ?? null, productsCsv: files.products?.text ?? null };
}

/** What importing would do, or every problem (an ok Outcome either way); writes nothing. */
export function checkCatalogFiles(station: Station, files: ChosenFiles): Promise<Outcome<ImportOutcome>> {
  return attempt(() => previewCatalogImport(station.db, input(files), newId));
}

/** Imports all or nothing: the store checks the files again inside its transaction. */
export function importCatalogFiles(station: Station, by: UserEntity, files: ChosenFiles): Promise<Outcome<ImportOutcome>> {
  return attempt(() => applyCatalogImport(station.db, input(files), { actor: actorOf(by), now: new Date(), newId }));
}

/** The two catalog files and the web-shop feed (issue 12), which names the photos of webShopPhotosZip. */
export function exportCatalogFiles(station: Station): Promise<Outcome<{ artisansCsv: string; productsCsv: string; webShopFeedCsv: string }>> {
  return attempt(() => exportCatalog(station.db));
}

/**
 * The artisans' photos as one zip (`photos/A-014.jpg`, …), the names the feed gives them:
 * one download rather than one per photo, which the browser's multiple-downloads guard
 * would stop. Stored, not compressed: JPEGs do not shrink.
 */
export function webShopPhotosZip(station: Station): Promise<Outcome<{ zip: Uint8Array; count: number }>> {
  return attempt(async () => {
    const [photos, artisans] = await Promise.all([allArtisanPhotos(station.db), listArtisans(station.db)]);
    const codeOf = new Map(artisans.map((a) => [a.id, a.code]));
    const files: Record<string, [Uint8Array, { level: 0 }]> = {};
    for (const p of photos) {
      const code = codeOf.get(p.artisanId);
      if (code !== undefined) files[photoFileFor(code)] = [p.jpeg, { level: 0 }];
    }
    return { zip: zipSync(files), count: Object.keys(files).length };
  });
}
/**
 * A CSV as a download link's address. A BOM goes first so that Excel, which many
 * managers open the file in, reads Urdu and Devanagari names as UTF-8; the importer
 * accepts the BOM. Callers revoke the URL when the link goes away.
 */
export function csvObjectUrl(text: string): string {
  return URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
}
