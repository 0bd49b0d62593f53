import { describe, expect, it } from 'vitest';
import {
  allArtisanPhotos, artisanIdsWithPhotos, pendingJournal, PhotoRefusedError, readArtisanPhoto, removeArtisanPhoto, saveArtisanPhotos,
  type NewArtisanPhoto,
} from '../../../renderer/db';
import { PHOTO_LIMITS } from '../../../shared/artisan-photo';
import { verifyAuditChain } from '../../../shared/hash';
import { pictureFile } from '../../fixtures/pictures';
import { freshStore, NOON_IN_SRINAGAR } from './helpers';

const manager = { id: 'manager-1', name: 'Manager' };
const at = { actor: manager, now: NOON_IN_SRINAGAR };

function photoFor(artisanId: string, fill = 'a'): NewArtisanPhoto {
  return { artisanId, jpeg: new Uint8Array(pictureFile('jpeg', 64, 48)), width: 64, height: 48, sha256: fill.repeat(64) };
}

describe('artisan-photos', () => {
  it('stores a photo with the artisan, reads it back whole, and replaces it with a new one', async () => {
    const { db } = await freshStore();
    const [first, second] = await db.artisans.orderBy('code').limit(2).toArray();
    const photo = photoFor(first!.id);
    await saveArtisanPhotos(db, [photo], at);
    const stored = await readArtisanPhoto(db, first!.id);
    expect(stored).toMatchObject({ artisanId: first!.id, width: 64, height: 48, bytes: photo.jpeg.length, sha256: 'a'.repeat(64), updatedAt: '2026-11-22T12:00:00+05:30' });
    expect(Buffer.from(stored!.jpeg).equals(Buffer.from(photo.jpeg))).toBe(true);
    expect(await readArtisanPhoto(db, second!.id)).toBeUndefined();

    await saveArtisanPhotos(db, [photoFor(first!.id, 'b'), photoFor(second!.id, 'c')], at);
    expect((await readArtisanPhoto(db, first!.id))?.sha256).toBe('b'.repeat(64));
    expect(await artisanIdsWithPhotos(db)).toEqual(new Set([first!.id, second!.id]));
    expect(await allArtisanPhotos(db)).toHaveLength(2);
  });

  it('audits each change and journals the audit entry but not the picture', async () => {
    const { db } = await freshStore();
    const artisan = (await db.artisans.toCollection().first())!;
    const journalBefore = (await pendingJournal(db, 1000, 50_000_000)).length;
    await saveArtisanPhotos(db, [photoFor(artisan.id)], at);
    await removeArtisanPhoto(db, artisan.id, at);
    const audit = await db.audit.orderBy('seq').toArray();
    expect(audit.slice(-2).map((e) => e.action)).toEqual(['artisan.photo', 'artisan.photo-removed']);
    expect(audit.at(-2)?.detail).toEqual({ photos: [{ artisanId: artisan.id, code: artisan.code, sha256: 'a'.repeat(64), bytes: photoFor(artisan.id).jpeg.length }] });
    expect(verifyAuditChain(audit)).toBe(-1);
    const queued = (await pendingJournal(db, 1000, 50_000_000)).slice(journalBefore);
    expect(queued.map((r) => [r.kind, Object.keys(r.data)])).toEqual([['artisan-photo', ['audit']], ['artisan-photo', ['audit']]]);
    expect(await readArtisanPhoto(db, artisan.id)).toBeUndefined();
  });

  it('removing a photo that is not there changes nothing', async () => {
    const { db } = await freshStore();
    const artisan = (await db.artisans.toCollection().first())!;
    const before = await db.audit.count();
    await removeArtisanPhoto(db, artisan.id, at);
    expect(await db.audit.count()).toBe(before);
  });

  it.each([
    ['a PNG instead of a JPEG', (p: NewArtisanPhoto) => ({ ...p, jpeg: new Uint8Array(pictureFile('png', 64, 48)) }), /must be a JPEG/],
    ['a photo over 200 KB', (p: NewArtisanPhoto) => {
      const jpeg = new Uint8Array(PHOTO_LIMITS.maxStoredBytes + 1);
      jpeg.set(p.jpeg);
      return { ...p, jpeg };
    }, /at most 200 KB/],
    ['a photo bigger than 800 pixels', (p: NewArtisanPhoto) => ({ ...p, width: 801 }), /800 × 800/],
  ])('refuses %s and writes nothing', async (_what, spoil, message) => {
    const { db } = await freshStore();
    const [a, b] = await db.artisans.limit(2).toArray();
    const error = await saveArtisanPhotos(db, [photoFor(a!.id), spoil(photoFor(b!.id))], at).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PhotoRefusedError);
    expect((error as Error).message).toMatch(message);
    expect(await db.artisanPhotos.count()).toBe(0);
  });

  it('refuses all the photos when one artisan is not in the store', async () => {
    const { db } = await freshStore();
    const artisan = (await db.artisans.toCollection().first())!;
    await expect(saveArtisanPhotos(db, [photoFor(artisan.id), photoFor('no-such-artisan')], at)).rejects.toThrow(/no longer in the store/);
    expect(await db.artisanPhotos.count()).toBe(0);
  });
});
