import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  adjustStock, applyCatalogImport, exportCatalog, findProductByBarcode, isDemoData, lowStockProducts,
  previewCatalogImport, saveProduct, saveUser, signInWithPin, CatalogEditError,
} from '../../../renderer/db';
import { validateBarcode } from '../../../shared/barcode';
import { verifyAuditChain } from '../../../shared/hash';
import type { Paise } from '../../../shared/money';
import { freshStore, NOON_IN_SRINAGAR } from './helpers';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/catalog/${name}`, import.meta.url), 'utf8');
const files = { artisansCsv: fixture('artisans.csv'), productsCsv: fixture('products.csv') };
const manager = { id: 'manager-1', name: 'Manager' };

describe('catalog import', () => {
  it('previews the sample catalog without writing, then imports it whole', async () => {
    const { db, newId } = await freshStore();
    const before = await db.products.count();
    const preview = await previewCatalogImport(db, files, newId);
    // 48 artisans and the market's own stock (M-000, 100% commission)
    expect(preview.ok && preview.plan.counts.artisans.new).toBe(49);
    expect(preview.ok && preview.plan.counts.products.new).toBe(420);
    expect(await db.products.count()).toBe(before);

    const applied = await applyCatalogImport(db, files, { actor: manager, now: NOON_IN_SRINAGAR, newId });
    expect(applied.ok).toBe(true);
    expect(await db.products.count()).toBe(before + 420);
    expect(await isDemoData(db)).toBe(false);
    // The demo catalog is retired (kept for its sales, but no longer sold).
    expect(await findProductByBarcode(db, '2000000000015')).toBeNull();
    expect(await db.products.get({ sku: 'DEMO-PSH-1' })).toMatchObject({ active: false });
    const every = await db.products.toArray();
    expect(every.every((p) => validateBarcode(p.barcode).ok)).toBe(true);
    expect(verifyAuditChain(await db.audit.orderBy('seq').toArray())).toBe(-1);

    const again = await previewCatalogImport(db, files, newId);
    expect(again.ok && again.plan.counts.products).toEqual({ new: 0, changed: 0, unchanged: 420 });
  });

  it('writes nothing when any row is bad', async () => {
    const { db, newId } = await freshStore();
    // One wrong check digit on the first product (8906497547351 is valid).
    const broken = { ...files, productsCsv: files.productsCsv.replace('8906497547351', '8906497547352') };
    const before = await db.products.count();
    const outcome = await applyCatalogImport(db, broken, { actor: manager, now: NOON_IN_SRINAGAR, newId });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problems[0]).toMatchObject({ file: 'products.csv', line: 2, column: 'barcode' });
    expect(await db.products.count()).toBe(before);
    expect(await db.artisans.count()).toBe(6);
  });

  it('exports what it imported, in the same format', async () => {
    const { db, newId } = await freshStore();
    await applyCatalogImport(db, files, { actor: manager, now: NOON_IN_SRINAGAR, newId });
    const exported = await exportCatalog(db);
    const { db: second, newId: ids2 } = await freshStore();
    const reimport = await previewCatalogImport(second, exported, ids2);
    expect(reimport.ok && reimport.plan.counts.products.new).toBe(420); // the demo SKUs are already in the second store
    const roundTrip = await applyCatalogImport(second, exported, { actor: manager, now: NOON_IN_SRINAGAR, newId: ids2 });
    expect(roundTrip.ok).toBe(true);
    expect(await exportCatalog(second)).toEqual(exported);
  });
});

describe('catalog edits', () => {
  it('gives a new product without a barcode the next in-store EAN-13', async () => {
    const { db, newId } = await freshStore();
    const artisan = (await db.artisans.toArray())[0]!;
    const draft = { id: null, sku: 'NEW-1', barcode: '', name: 'Kani shawl', artisanId: artisan.id, craft: 'Kani', hsn: '6214', handmade: true, gstRateBpsOverride: null, price: 4_500_000 as Paise, stock: 2, active: true };
    const first = await saveProduct(db, draft, { actor: manager, now: NOON_IN_SRINAGAR, newId });
    const second = await saveProduct(db, { ...draft, sku: 'NEW-2' }, { actor: manager, now: NOON_IN_SRINAGAR, newId });
    expect(first.barcode).toMatch(/^2901\d{9}$/);
    expect(validateBarcode(first.barcode)).toMatchObject({ ok: true, symbology: 'ean13' });
    expect(second.barcode).not.toBe(first.barcode);
    expect((await findProductByBarcode(db, first.barcode))?.product.name).toBe('Kani shawl');
    await expect(saveProduct(db, { ...draft, sku: 'NEW-3', barcode: first.barcode }, { actor: manager, now: NOON_IN_SRINAGAR, newId }))
      .rejects.toThrow(/already on Kani shawl/);
    await expect(saveProduct(db, { ...draft, sku: 'NEW-4', barcode: '2000000000016' }, { actor: manager, now: NOON_IN_SRINAGAR, newId }))
      .rejects.toThrow(CatalogEditError);
  });

  it('adjusts stock only with a reason, in the audit log, and lists low stock', async () => {
    const { db } = await freshStore();
    const { product } = (await findProductByBarcode(db, '2000000000091'))!;
    await expect(adjustStock(db, product.id, -1, '', { actor: manager, now: NOON_IN_SRINAGAR })).rejects.toThrow(/Say why/);
    const updated = await adjustStock(db, product.id, -1, 'damaged in transit', { actor: manager, now: NOON_IN_SRINAGAR });
    expect(updated.stock).toBe(1);
    const last = await db.audit.orderBy('seq').last();
    expect(last).toMatchObject({ action: 'stock.adjust', detail: { delta: -1, before: 2, after: 1, reason: 'damaged in transit' } });
    expect((await lowStockProducts(db, 2)).map((p) => p.sku)).toEqual(['DEMO-CRP-1']);
  });

  it('keeps user PINs unique and at least one manager', async () => {
    const { db, newId } = await freshStore();
    await expect(saveUser(db, { id: null, name: 'Asif', role: 'operator', active: true, pin: '1111' }, { actor: manager, now: NOON_IN_SRINAGAR, newId }))
      .rejects.toThrow(/already has that PIN/);
    const asif = await saveUser(db, { id: null, name: 'Asif', role: 'operator', active: true, pin: '2468' }, { actor: manager, now: NOON_IN_SRINAGAR, newId });
    expect((await signInWithPin(db, '2468'))?.id).toBe(asif.id);
    const boss = (await signInWithPin(db, '9999'))!;
    await expect(saveUser(db, { id: boss.id, name: boss.name, role: 'operator', active: true, pin: null }, { actor: manager, now: NOON_IN_SRINAGAR, newId }))
      .rejects.toThrow(/at least one active manager/);
  });
});
