import { describe, expect, it } from 'vitest';
import { inStoreEan13 } from '../../../shared/barcode';
import { parseCatalog, planImport, type CatalogRows, type CatalogSnapshot, type ImportOptions } from '../../../shared/catalog';
import type { ArtisanEntity, ProductEntity } from '../../../shared/entities';
import { paise } from '../../../shared/money';
import { ARTISANS_HEADER, PRODUCTS_HEADER, csv, fixture } from './fixture';

function options(): ImportOptions {
  let n = 0;
  return {
    newId: () => `new-${++n}`,
    searchWords: (name, sku) => [`${name}|${sku}`.toLowerCase()],
    inStoreNumbering: { prefix: 20, deviceNumber: 1 },
  };
}

function rows(artisansCsv: string, productsCsv: string, store?: CatalogSnapshot): CatalogRows {
  const result = parseCatalog({ artisansCsv, productsCsv }, store);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

const storedArtisan: ArtisanEntity = {
  id: 'art-1', code: 'A-001', name: 'Riyaz Ahmad Jan', craft: 'Pashmina weaving', cooperative: '', village: 'Shalimar',
  phone: '', gender: 'M', commissionBps: 1500, fairWageCertified: false, story: 'Weaves since 1990', pinHash: 'f'.repeat(64), active: false,
};
const storedProduct: ProductEntity = {
  id: 'prod-1', sku: 'PSH-0001', barcode: inStoreEan13(20, 1, 41), name: 'Pashmina muffler', searchWords: ['old'],
  artisanId: 'art-1', craft: 'Pashmina weaving', hsn: '6214', handmade: true, gstRateBpsOverride: null, price: paise(850_000), stock: 12, active: true,
};
const store: CatalogSnapshot = { artisans: [storedArtisan], products: [storedProduct] };

describe('planImport', () => {
  it('plans the whole sample catalog as new into an empty store, giving every product a barcode', () => {
    const catalog = rows(fixture('artisans.csv'), fixture('products.csv'));
    const plan = planImport(catalog, { artisans: [], products: [] }, options());
    expect(plan.counts).toEqual({
      artisans: { new: 49, changed: 0, unchanged: 0 },
      products: { new: 420, changed: 0, unchanged: 0 },
      barcodesAssigned: 247,
    });
    const barcodes = plan.products.create.map((p) => p.barcode);
    expect(new Set(barcodes).size).toBe(420);
    expect(barcodes.filter((b) => b.startsWith('2001'))).toHaveLength(247);
    expect(plan.products.create[1]).toMatchObject({ sku: 'KNI-0001', barcode: inStoreEan13(20, 1, 1) });
    const byId = new Map(plan.artisans.create.map((a) => [a.id, a.code]));
    expect(plan.products.create.every((p) => byId.get(p.artisanId) === catalog.products.find((r) => r.sku === p.sku)?.artisanCode)).toBe(true);
    expect(plan.artisans.create[0]).toMatchObject({ id: 'new-1', story: '', pinHash: null, active: true });
  });

  it('counts unchanged records and writes nothing for them', () => {
    const catalog = rows(
      csv(ARTISANS_HEADER, 'A-001,Riyaz Ahmad Jan,Pashmina weaving,,Shalimar,,M,15,no'),
      csv(PRODUCTS_HEADER, `PSH-0001,${storedProduct.barcode},Pashmina muffler,A-001,Pashmina weaving,6214,yes,,8500.00,12`),
      store,
    );
    const plan = planImport(catalog, store, options());
    expect(plan.counts).toEqual({
      artisans: { new: 0, changed: 0, unchanged: 1 },
      products: { new: 0, changed: 0, unchanged: 1 },
      barcodesAssigned: 0,
    });
    expect(plan.artisans.update).toEqual([]);
    expect(plan.products.update).toEqual([]);
  });

  it('updates what the file changes and keeps what the file does not carry', () => {
    const catalog = rows(
      csv(ARTISANS_HEADER, 'A-001,Riyaz Ahmad Jan,Pashmina weaving,,Pampore,,M,12.5,yes'),
      // An empty barcode on a product that has one keeps it.
      csv(PRODUCTS_HEADER, 'PSH-0001,,"Pashmina muffler, rust",A-001,Pashmina weaving,6214,yes,5,9000.00,3'),
      store,
    );
    const plan = planImport(catalog, store, options());
    expect(plan.counts.artisans).toEqual({ new: 0, changed: 1, unchanged: 0 });
    expect(plan.artisans.update[0]!.changed).toEqual(['village', 'commissionBps', 'fairWageCertified']);
    expect(plan.artisans.update[0]!.after).toEqual({
      ...storedArtisan, village: 'Pampore', commissionBps: 1250, fairWageCertified: true,
    });
    expect(plan.products.update[0]!.changed).toEqual(['name', 'gstRateBpsOverride', 'price', 'stock']);
    expect(plan.products.update[0]!.after).toEqual({
      ...storedProduct, name: 'Pashmina muffler, rust', searchWords: ['pashmina muffler, rust|psh-0001'],
      gstRateBpsOverride: 500, price: 900_000, stock: 3,
    });
    expect(plan.counts.barcodesAssigned).toBe(0);
  });

  it('links a new product to a stored artisan and numbers its barcode after the store\'s', () => {
    const products = rows(
      csv(ARTISANS_HEADER, 'A-002,Shazia Jan,Kani weaving,,,,F,12.5,no'),
      csv(PRODUCTS_HEADER, 'KNI-0001,,Kani stole,A-001,Kani weaving,6214,yes,,23500.00,1', 'KNI-0002,,Kani shawl,A-002,Kani weaving,6214,yes,,43500.00,1'),
      store,
    );
    const plan = planImport(products, store, options());
    expect(plan.products.create.map((p) => [p.sku, p.artisanId, p.barcode, p.id])).toEqual([
      ['KNI-0001', 'art-1', inStoreEan13(20, 1, 42), 'new-2'],
      ['KNI-0002', 'new-1', inStoreEan13(20, 1, 43), 'new-3'],
    ]);
    expect(plan.counts).toMatchObject({ artisans: { new: 1 }, products: { new: 2 }, barcodesAssigned: 2 });
  });

  it('refuses rows that validation would have refused', () => {
    const product = { sku: 'X', barcode: '', name: 'X', artisanCode: 'A-404', craft: 'C', hsn: '6214', handmade: true, gstRateBpsOverride: null, price: paise(1), stock: 1 };
    expect(() => planImport({ artisans: [], products: [product] }, store, options())).toThrow(/unknown artisan A-404/);
    expect(() => planImport({ artisans: [], products: [{ ...product, artisanCode: 'A-001' }, { ...product, artisanCode: 'A-001' }] }, store, options())).toThrow(/twice/);
  });
});
