import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { findProductByBarcode, openChinarDb, prefetchEan13sStartingWith, prefetchProductByBarcode, saveArtisan, type ChinarDb } from '../../../renderer/db';
import { AHEAD_TTL_MS } from '../../../renderer/db/catalog';
import { freshStore, NOON_IN_SRINAGAR } from './helpers';

const SHAWL = '2000000000015';
const STOLE = '2000000000022';
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

/** Calls of the product get by barcode, counted from here on (a prefetch reads at once, before it returns). */
const productReads = (db: ChinarDb) => vi.spyOn(db.products, 'get');

describe('prefetchProductByBarcode: the lookup started while the scanner types', () => {
  it('a scan of the prefetched code takes its answer and reads nothing again', async () => {
    const { db } = await freshStore();
    const fresh = await findProductByBarcode(db, SHAWL);
    prefetchProductByBarcode(db, SHAWL, 0);
    const reads = productReads(db);
    expect(await findProductByBarcode(db, SHAWL, 30)).toEqual(fresh);
    expect(reads).not.toHaveBeenCalled();
  });

  it('a scan of another code reads its own product, and a prefetched answer serves one scan only', async () => {
    const { db } = await freshStore();
    prefetchProductByBarcode(db, SHAWL, 0);
    const reads = productReads(db);
    expect((await findProductByBarcode(db, STOLE, 30))?.product.barcode).toBe(STOLE);
    expect(reads).toHaveBeenCalledTimes(1);
    expect((await findProductByBarcode(db, SHAWL, 40))?.product.barcode).toBe(SHAWL);
    expect(reads).toHaveBeenCalledTimes(1); // the prefetched shawl, still there
    expect((await findProductByBarcode(db, SHAWL, 50))?.product.barcode).toBe(SHAWL);
    expect(reads).toHaveBeenCalledTimes(2); // used once: the next scan of it reads
  });

  it('an answer older than AHEAD_TTL_MS is not used', async () => {
    const { db } = await freshStore();
    prefetchProductByBarcode(db, SHAWL, 0);
    const reads = productReads(db);
    await findProductByBarcode(db, SHAWL, AHEAD_TTL_MS + 1);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('a product changed after its prefetch is read afresh: the scan sees the new price', async () => {
    const { db } = await freshStore();
    const { product } = (await findProductByBarcode(db, SHAWL))!;
    prefetchProductByBarcode(db, SHAWL, 0);
    await db.products.update(product.id, { price: 99_00 as typeof product.price });
    expect((await findProductByBarcode(db, SHAWL, 10))?.product.price).toBe(99_00);
  });

  it('a write under way when the scanner starts, completed before the Enter: the scan sees it', async () => {
    const { db } = await freshStore();
    const { product } = (await findProductByBarcode(db, SHAWL))!;
    const written = db.products.update(product.id, { stock: 1 });
    prefetchProductByBarcode(db, SHAWL, 0);
    await written;
    expect((await findProductByBarcode(db, SHAWL, 5))?.product.stock).toBe(1);
  });

  it('an artisan renamed after the prefetch shows on the scan', async () => {
    const { db } = await freshStore();
    await warmUp(db);
    const { product } = (await findProductByBarcode(db, SHAWL))!;
    prefetchProductByBarcode(db, SHAWL, 0);
    await rename(db, product.artisanId, 'Renamed after the prefetch');
    expect((await findProductByBarcode(db, SHAWL, 10))?.artisan.name).toBe('Renamed after the prefetch');
  });

  it('a prefetch whose read failed is read again at the scan, which answers as before', async () => {
    const { db } = await freshStore();
    const reads = productReads(db).mockRejectedValueOnce(new Error('the disk hiccupped'));
    prefetchProductByBarcode(db, SHAWL, 0);
    expect((await findProductByBarcode(db, SHAWL, 10))?.product.barcode).toBe(SHAWL);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('an unknown code prefetched is still unknown at the scan', async () => {
    const { db } = await freshStore();
    prefetchProductByBarcode(db, '2999999999990', 0);
    expect(await findProductByBarcode(db, '2999999999990', 10)).toBeNull();
  });
});

describe('prefetchEan13sStartingWith: the lookup started at the eleventh digit', () => {
  const START = SHAWL.slice(0, 11); // the stole's too

  it('a scan of an EAN-13 that starts so takes its answer, and the answer serves one scan', async () => {
    const { db } = await freshStore();
    const shawl = await findProductByBarcode(db, SHAWL);
    prefetchEan13sStartingWith(db, START, 0);
    const gets = productReads(db);
    expect(await findProductByBarcode(db, SHAWL, 30)).toEqual(shawl);
    expect(gets).not.toHaveBeenCalled();
    expect((await findProductByBarcode(db, STOLE, 40))?.product.barcode).toBe(STOLE);
    expect(gets).toHaveBeenCalledTimes(1);
  });

  it('the code\'s own lookup a key later is not started again, and the scan reads nothing', async () => {
    const { db } = await freshStore();
    prefetchEan13sStartingWith(db, START, 0);
    const gets = productReads(db);
    prefetchProductByBarcode(db, SHAWL, 4);
    expect((await findProductByBarcode(db, SHAWL, 8))?.product.barcode).toBe(SHAWL);
    expect(gets).not.toHaveBeenCalled();
  });

  it('a product changed after the lookup is read afresh, and an old lookup is not used', async () => {
    const { db } = await freshStore();
    const { product } = (await findProductByBarcode(db, SHAWL))!;
    prefetchEan13sStartingWith(db, START, 0);
    await db.products.update(product.id, { price: 99_00 as typeof product.price });
    expect((await findProductByBarcode(db, SHAWL, 10))?.product.price).toBe(99_00);
    prefetchEan13sStartingWith(db, START, 20);
    const gets = productReads(db);
    await findProductByBarcode(db, SHAWL, 20 + AHEAD_TTL_MS + 1);
    expect(gets).toHaveBeenCalledTimes(1);
  });

  it('a switched-off product is not sold, and a code it did not find is read as usual', async () => {
    const { db } = await freshStore();
    const { product } = (await findProductByBarcode(db, SHAWL))!;
    await db.products.update(product.id, { active: false });
    prefetchEan13sStartingWith(db, START, 0);
    expect(await findProductByBarcode(db, SHAWL, 10)).toBeNull();
    prefetchEan13sStartingWith(db, '29999999999', 20);
    const gets = productReads(db);
    expect(await findProductByBarcode(db, '2999999999990', 30)).toBeNull();
    expect(gets).toHaveBeenCalledTimes(1);
  });

  it('anything but eleven digits starts nothing', async () => {
    const { db } = await freshStore();
    const ranges = vi.spyOn(db.products, 'where');
    for (const typed of ['2000000000', '200000000001', '2000000000A']) prefetchEan13sStartingWith(db, typed, 0);
    expect(ranges).not.toHaveBeenCalled();
  });
});
