import { useEffect, useState } from 'react';
import { artisanCodeForPhoto, type PhotoRefusal } from '../../shared/artisan-photo';
import type { ArtisanEntity, UserEntity } from '../../shared/entities';
import * as db from '../db';
import { attempt, type Outcome } from './outcome';
import { preparePhoto, type PreparedOrRefused, type PreparedPhoto } from './photo-import';
import { actorOf, type Station } from './station';

/**
 * Artisans' photos (issue 12): one chosen on the artisan's page, or a folder of them
 * (`photos/A-014.jpg`, named by artisan code) imported with the catalog. Every picture is
 * made ready in the page first (photo-import.ts); only ready JPEGs reach the store.
 */

export type { PreparedPhoto, PreparedOrRefused };
export type { PhotoRefusal };

/** Makes each picture ready (or says why not), one at a time: a folder of 12 MP photos at once would need gigabytes. */
export async function preparePhotos(files: readonly File[]): Promise<PreparedOrRefused[]> {
  const out: PreparedOrRefused[] = [];
  for (const file of files) out.push(await preparePhoto(file));
  return out;
}

/** The answer to "use this picture" on an artisan's page: stored, or refused and why. */
export type PhotoChoice = { status: 'stored' } | { status: 'refused'; refusal: PhotoRefusal };

export async function setArtisanPhotoFromFile(station: Station, by: UserEntity, artisanId: ArtisanEntity['id'], file: File): Promise<Outcome<PhotoChoice>> {
  const prepared = await attempt(() => preparePhoto(file));
  if (prepared.status !== 'ok') return prepared;
  if (!prepared.value.ok) return { status: 'ok', value: { status: 'refused', refusal: prepared.value.refusal } };
  const { jpeg, width, height, sha256 } = prepared.value.photo;
  const saved = await attempt(() => db.saveArtisanPhotos(station.db, [{ artisanId, jpeg, width, height, sha256 }], { actor: actorOf(by), now: new Date() }));
  return saved.status === 'ok' ? { status: 'ok', value: { status: 'stored' } } : saved;
}

export function removeArtisanPhoto(station: Station, by: UserEntity, artisanId: ArtisanEntity['id']): Promise<Outcome<void>> {
  return attempt(() => db.removeArtisanPhoto(station.db, artisanId, { actor: actorOf(by), now: new Date() }));
}

export interface PhotoImportSummary {
  /** Codes of the artisans whose photo was stored. */
  imported: string[];
  /** Files not stored, and why (unknown codes among them). */
  refused: PhotoRefusal[];
}

/**
 * Stores the ready photos of a photo folder, matched to artisans by code, in one
 * transaction. Run after the catalog import, so an artisan new in artisans.csv gets hers.
 * Refusals from preparing are passed through, so the summary says everything.
 */
export async function importArtisanPhotos(station: Station, by: UserEntity, prepared: readonly PreparedOrRefused[]): Promise<Outcome<PhotoImportSummary>> {
  return attempt(async () => {
    const artisans = await db.listArtisans(station.db);
    const byCode = new Map(artisans.map((a) => [a.code, a]));
    const refused: PhotoRefusal[] = [];
    const ready = new Map<string, db.NewArtisanPhoto>();
    for (const p of prepared) {
      if (!p.ok) { refused.push(p.refusal); continue; }
      const match = artisanCodeForPhoto(p.photo.file, byCode.keys());
      if (!match.ok) { refused.push({ file: p.photo.file, reason: match.reason }); continue; }
      const { jpeg, width, height, sha256 } = p.photo;
      // Two files for one artisan (A-014.jpg and A-014.png): the later one in the folder wins.
      ready.set(match.code, { artisanId: byCode.get(match.code)!.id, jpeg, width, height, sha256 });
    }
    await db.saveArtisanPhotos(station.db, [...ready.values()], { actor: actorOf(by), now: new Date() });
    return { imported: [...ready.keys()].sort(), refused };
  });
}

/**
 * An artisan's photo as an image address, or null when she has none (or while it loads).
 * `generation` reloads it after a change. The address is released when it goes away.
 */
export function useArtisanPhotoUrl(station: Station, artisanId: ArtisanEntity['id'] | null, generation = 0): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    setUrl(null);
    if (artisanId === null) return;
    let live = true;
    let made: string | null = null;
    void db.readArtisanPhoto(station.db, artisanId).then((row) => {
      if (!live || !row) return;
      made = URL.createObjectURL(new Blob([row.jpeg as BlobPart], { type: 'image/jpeg' }));
      setUrl(made);
    }, () => { /* no photo shown: initials instead */ });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [station.db, artisanId, generation]);
  return url;
}

/** What a photo folder would do, before anything is written: how many are ready, and every refusal. */
export function photoPlan(prepared: readonly PreparedOrRefused[], knownCodes: Iterable<string>): PhotoImportSummary {
  const codes = [...knownCodes];
  const imported = new Set<string>();
  const refused: PhotoRefusal[] = [];
  for (const p of prepared) {
    if (!p.ok) { refused.push(p.refusal); continue; }
    const match = artisanCodeForPhoto(p.photo.file, codes);
    if (match.ok) imported.add(match.code);
    else refused.push({ file: p.photo.file, reason: match.reason });
  }
  return { imported: [...imported].sort(), refused };
}

/** The artisan codes in the store, for matching photo files before an import. */
export function artisanCodesInStore(station: Station): Promise<Outcome<string[]>> {
  return attempt(async () => (await db.listArtisans(station.db)).map((a) => a.code));
}

/** One artisan as the idle sign-in screen tells her story. */
export type Spotlight = Pick<ArtisanEntity, 'id' | 'code' | 'name' | 'craft' | 'cooperative' | 'village' | 'story' | 'fairWageCertified'>;

/**
 * The artisans the idle screen shows, active ones only: fair-wage certified first (the
 * seeds ask markets to make fair wages visible), then the others, each group by name.
 * The rotation goes through everyone, so no artisan is left out.
 */
export async function loadSpotlights(station: Station): Promise<Spotlight[]> {
  const artisans = (await db.listArtisans(station.db)).filter((a) => a.active);
  return artisans
    .sort((a, b) => Number(b.fairWageCertified) - Number(a.fairWageCertified) || a.name.localeCompare(b.name))
    .map(({ id, code, name, craft, cooperative, village, story, fairWageCertified }) => ({ id, code, name, craft, cooperative, village, story, fairWageCertified }));
}
