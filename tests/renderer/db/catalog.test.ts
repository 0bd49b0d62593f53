import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { findProductByBarcode, openChinarDb, saveArtisan, type ChinarDb } from '../../../renderer/db';
import { freshStore, NOON_IN_SRINAGAR } from './helpers';

const SHAWL = '2000000000015';
const manager = { id: 'manager-1', name: 'Manager' };

async function rename(db: ChinarDb, artisanId: string, name: string): Promise<void> {
  const { pinHash: _pinHash, ...artisan } = (await db.artisans.get(artisanId))!;
  await saveArtisan(db, { ...artisan, name, pin: null }, { actor: manager, now: NOON_IN_SRINAGAR, newId: () => 'unused' });
}

/** Lookups until the artisans are in memory (the first scans read the table for the next ones). */
async function warmUp(db: ChinarDb): Promise<void> {
  const get = vi.spyOn(db.artisans, 'get');
  try {
    await vi.waitFor(async () => {
      get.mockClear();
      await findProductByBarcode(db, SHAWL);
      expect(get).not.toHaveBeenCalled();
    });
  } finally {
    get.mockRestore();
  }
}

describe('findProductByBarcode: the artisans kept in memory', () => {
  it('once the artisans are read, a scan reads only its product', async () => {
    const { db } = await freshStore();
    const first = await findProductByBarcode(db, SHAWL);
    expect(first?.artisan).toEqual(await db.artisans.get(first!.product.artisanId));
    await warmUp(db);
    const get = vi.spyOn(db.artisans, 'get');
    const again = await findProductByBarcode(db, SHAWL);
    expect(get).not.toHaveBeenCalled();
    expect(again?.artisan).toEqual(first?.artisan);
  });

  it('an artisan renamed here shows on the very next scan', async () => {
    const { db } = await freshStore();
    await warmUp(db);
    const { product } = (await findProductByBarcode(db, SHAWL))!;
    await rename(db, product.artisanId, 'Shazia Bano (Kani)');
    expect((await findProductByBarcode(db, SHAWL))?.artisan.name).toBe('Shazia Bano (Kani)');
  });

  it('an artisan renamed in another tab (another connection to the store) shows on the next scan', async () => {
    const { db, factory } = await freshStore();
    const otherTab = await openChinarDb('test', { indexedDB: factory, IDBKeyRange });
    try {
      await warmUp(db);
      const { product } = (await findProductByBarcode(db, SHAWL))!;
      await rename(otherTab, product.artisanId, 'Renamed elsewhere');
      await vi.waitFor(async () => expect((await findProductByBarcode(db, SHAWL))?.artisan.name).toBe('Renamed elsewhere'));
      // And it is kept again after the change: the next scans read only their product.
      await warmUp(db);
      expect((await findProductByBarcode(db, SHAWL))?.artisan.name).toBe('Renamed elsewhere');
    } finally {
      otherTab.close();
    }
  });

  it('a closed store forgets its artisans, and one opened again reads them afresh', async () => {
    const { db, factory } = await freshStore();
    await warmUp(db);
    const { product } = (await findProductByBarcode(db, SHAWL))!;
    db.close();
    const reopened = await openChinarDb('test', { indexedDB: factory, IDBKeyRange });
    try {
      await rename(reopened, product.artisanId, 'After a reopen');
      expect((await findProductByBarcode(reopened, SHAWL))?.artisan.name).toBe('After a reopen');
    } finally {
      reopened.close();
    }
  });
});
