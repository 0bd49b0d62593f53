import { PHOTO_LIMITS, sniffImageType } from '../../shared/artisan-photo';
import { isoWithOffset } from '../../shared/time';
import type { ArtisanEntity } from '../../shared/entities';
import { appendAudit } from './audit';
import type { Actor } from './catalog-admin';
import { queueJournal } from './journal-queue';
import { StoreRefusal } from './refusal';
import type { ChinarDb } from './schema';
import { getStoreProfile } from './settings';

/**
 * Artisans' photos (issue 12), one per artisan, kept beside her record in their own
 * table so that listing artisans never loads pictures. The photo is already resized and
 * re-encoded as JPEG by the page (renderer/app/photo-import.ts) before it gets here.
 *
 * Photos are not copied to the host's journal: one is up to 200 KB (a third more in
 * base64 as JSON), and a market's photos would be most of the journal. The audit entry of each change is journaled (so
 * the chain has no gap), and backups hold the table: a store rebuilt from the journal
 * alone has no photos until a backup is restored or the photos are imported again.
 */
export interface ArtisanPhotoRow {
  artisanId: ArtisanEntity['id'];
  /** The JPEG file's bytes. */
  jpeg: Uint8Array;
  /** In pixels, at most PHOTO_LIMITS.maxSide each. */
  width: number;
  height: number;
  /** jpeg.length, kept so a list of sizes needs no bytes. */
  bytes: number;
  /** Hex SHA-256 of the bytes: the audit entry names the photo by it. */
  sha256: string;
  /** ISO 8601 with the market's offset. */
  updatedAt: string;
}

export type NewArtisanPhoto = Omit<ArtisanPhotoRow, 'updatedAt' | 'bytes'>;

export class PhotoRefusedError extends StoreRefusal {}

/** The artisan's photo, or undefined when she has none. */
export async function readArtisanPhoto(db: ChinarDb, artisanId: ArtisanEntity['id']): Promise<ArtisanPhotoRow | undefined> {
  return db.artisanPhotos.get(artisanId);
}

/** Which artisans have a photo (the keys alone: no picture is read). */
export async function artisanIdsWithPhotos(db: ChinarDb): Promise<Set<string>> {
  return new Set(await db.artisanPhotos.toCollection().primaryKeys());
}

/** Every photo, for the web-shop export. */
export async function allArtisanPhotos(db: ChinarDb): Promise<ArtisanPhotoRow[]> {
  return db.artisanPhotos.toArray();
}

function check(photo: NewArtisanPhoto): void {
  if (sniffImageType(photo.jpeg) !== 'image/jpeg') throw new PhotoRefusedError('A stored photo must be a JPEG: choose the picture again.');
  if (photo.jpeg.length > PHOTO_LIMITS.maxStoredBytes) throw new PhotoRefusedError(`A stored photo may be at most ${PHOTO_LIMITS.maxStoredBytes / 1024} KB: choose the picture again.`);
  const sideOk = (n: number) => Number.isInteger(n) && n >= 1 && n <= PHOTO_LIMITS.maxSide;
  if (!sideOk(photo.width) || !sideOk(photo.height)) throw new PhotoRefusedError(`A stored photo fits in ${PHOTO_LIMITS.maxSide} × ${PHOTO_LIMITS.maxSide} pixels: choose the picture again.`);
  if (!/^[0-9a-f]{64}$/.test(photo.sha256)) throw new PhotoRefusedError('The photo has no fingerprint: choose the picture again.');
}

/**
 * Stores photos (a new one replaces an artisan's old one) in one transaction: all of them
 * or, if an artisan is missing, none. One audit entry lists what changed.
 */
export async function saveArtisanPhotos(db: ChinarDb, photos: readonly NewArtisanPhoto[], options: { actor: Actor; now: Date }): Promise<ArtisanPhotoRow[]> {
  if (photos.length === 0) return [];
  photos.forEach(check);
  return db.transaction('rw', [db.artisans, db.artisanPhotos, db.settings, db.audit, db.journalQueue], async () => {
    const artisans = await db.artisans.bulkGet(photos.map((p) => p.artisanId));
    const missing = photos.find((_, i) => artisans[i] === undefined);
    if (missing) throw new PhotoRefusedError('An artisan of these photos is no longer in the store: check the artisans and import again.');
    const profile = await getStoreProfile(db);
    const at = isoWithOffset(options.now, profile.timeZone);
    const rows = photos.map((p): ArtisanPhotoRow => ({ ...p, bytes: p.jpeg.length, updatedAt: at }));
    await db.artisanPhotos.bulkPut(rows);
    const entry = await appendAudit(db, {
      at, actorId: options.actor.id, action: 'artisan.photo',
      detail: { photos: rows.map((r, i) => ({ artisanId: r.artisanId, code: artisans[i]!.code, sha256: r.sha256, bytes: r.bytes })) },
    });
    await queueJournal(db, 'artisan-photo', at, { audit: [entry] });
    return rows;
  });
}

/** Removes an artisan's photo; nothing to remove is not an error. */
export async function removeArtisanPhoto(db: ChinarDb, artisanId: ArtisanEntity['id'], options: { actor: Actor; now: Date }): Promise<void> {
  await db.transaction('rw', [db.artisanPhotos, db.settings, db.audit, db.journalQueue], async () => {
    const before = await db.artisanPhotos.get(artisanId);
    if (!before) return;
    await db.artisanPhotos.delete(artisanId);
    const profile = await getStoreProfile(db);
    const at = isoWithOffset(options.now, profile.timeZone);
    const entry = await appendAudit(db, { at, actorId: options.actor.id, action: 'artisan.photo-removed', detail: { artisanId, sha256: before.sha256 } });
    await queueJournal(db, 'artisan-photo', at, { audit: [entry] });
  });
}
