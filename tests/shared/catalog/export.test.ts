import { describe, expect, it } from 'vitest';
import {
  artisansToCsv, catalogFromStore, parseCatalog, productsToCsv, type ArtisanRow, type CatalogRows, type ProductRow,
} from '../../../shared/catalog';
import type { ArtisanEntity, ProductEntity } from '../../../shared/entities';
import { paise } from '../../../shared/money';
import { ARTISANS_HEADER, PRODUCTS_HEADER, fixture } from './fixture';

function rowsOf(artisansCsv: string, productsCsv: string): CatalogRows {
  const result = parseCatalog({ artisansCsv, productsCsv });
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
  return { artisans: result.artisans, products: result.products };
}

describe('catalog export', () => {
  it('writes the sample catalog back byte for byte, with CRLF line ends', () => {
    const rows = rowsOf(fixture('artisans.csv'), fixture('products.csv'));
    expect(artisansToCsv(rows.artisans)).toBe(fixture('artisans.csv').replace(/\n/g, '\r\n'));
    expect(productsToCsv(rows.products)).toBe(fixture('products.csv').replace(/\n/g, '\r\n'));
  });

  it('gives back the same rows when its output is imported, for values that need quoting', () => {
    const artisans: ArtisanRow[] = [
      { code: 'A-001', name: 'Ghulam "Papa" Nabi', craft: 'Carpet knotting, silk', cooperative: 'Line one\nline two', village: 'Sopore', phone: '+91 9000000000', gender: null, commissionBps: 25, fairWageCertified: true },
      { code: 'A-002', name: 'شازیہ جان', craft: 'Kani weaving', cooperative: '', village: '', phone: '', gender: 'X', commissionBps: 1234, fairWageCertified: false },
      { code: 'A-003', name: 'राधा देवी', craft: 'Sozni', cooperative: '', village: '', phone: '', gender: 'F', commissionBps: 10_000, fairWageCertified: false },
    ];
    const products: ProductRow[] = [
      { sku: 'P-1', barcode: '', name: 'Stole, "fine", rust', artisanCode: 'A-001', craft: 'Kani weaving', hsn: '62149000', handmade: true, gstRateBpsOverride: 25, price: paise(1), stock: 0 },
      { sku: 'P-2', barcode: '036000291452', name: 'کانی شال', artisanCode: 'A-002', craft: 'Kani weaving', hsn: '6214', handmade: false, gstRateBpsOverride: null, price: paise(1_250_050), stock: 1_000 },
      { sku: 'P-3', barcode: 'SZN/0001-B', name: 'Pheran', artisanCode: 'A-003', craft: 'Sozni', hsn: '6211', handmade: true, gstRateBpsOverride: 1800, price: paise(99_999_999_999), stock: 3 },
    ];
    const artisansCsv = artisansToCsv(artisans);
    const productsCsv = productsToCsv(products);
    expect(rowsOf(artisansCsv, productsCsv)).toEqual({ artisans, products });
    expect(artisansCsv.split('\r\n')[1]).toBe('A-001,"Ghulam ""Papa"" Nabi","Carpet knotting, silk","Line one\nline two",Sopore,+91 9000000000,,0.25,yes');
    expect(productsCsv.split('\r\n')[1]).toBe('P-1,,"Stole, ""fine"", rust",A-001,Kani weaving,62149000,yes,0.25,0.01,0');
    expect(productsCsv.split('\r\n')[3]).toBe('P-3,SZN/0001-B,Pheran,A-003,Sozni,6211,yes,18,999999999.99,3');
  });

  it('writes just the header for an empty catalog', () => {
    expect(artisansToCsv([])).toBe(`${ARTISANS_HEADER}\r\n`);
    expect(productsToCsv([])).toBe(`${PRODUCTS_HEADER}\r\n`);
  });
});

describe('catalogFromStore', () => {
  const artisan = (id: string, code: string): ArtisanEntity => ({
    id, code, name: `Artisan ${code}`, craft: 'Kani weaving', cooperative: '', village: '', phone: '', gender: 'F',
    commissionBps: 1250, fairWageCertified: true, story: 'A story', pinHash: 'ab'.repeat(32), active: code !== 'A-009',
  });
  const product = (sku: string, artisanId: string, active = true): ProductEntity => ({
    id: `p-${sku}`, sku, barcode: `B${sku}`, name: `Item ${sku}`, searchWords: [], artisanId, craft: 'Kani weaving', hsn: '6214',
    handmade: true, gstRateBpsOverride: null, price: paise(100), stock: 2, active,
  });

  it('exports by code and by SKU, with the artisan code on products', () => {
    const rows = catalogFromStore({
      artisans: [artisan('id-b', 'A-009'), artisan('id-a', 'A-002')],
      products: [product('Z-1', 'id-a'), product('A-1', 'id-b')],
    });
    expect(rows.artisans.map((a) => a.code)).toEqual(['A-002', 'A-009']);
    expect(rows.products.map((p) => [p.sku, p.artisanCode])).toEqual([['A-1', 'A-009'], ['Z-1', 'A-002']]);
    expect(rows.artisans[0]).not.toHaveProperty('pinHash');
    expect(rows.artisans[0]).not.toHaveProperty('story');
  });

  it('leaves out switched-off products (the retired demo catalog), and inactive artisans with nothing exported', () => {
    const rows = catalogFromStore({
      artisans: [artisan('id-b', 'A-009'), artisan('id-a', 'A-002'), artisan('id-c', 'A-003')],
      products: [product('DEMO-PSH-1', 'id-b', false), product('Z-1', 'id-a'), product('Y-1', 'id-c', false)],
    });
    expect(rows.products.map((p) => p.sku)).toEqual(['Z-1']);
    // A-009 is inactive and sells nothing now; A-003 is active with no products, and stays.
    expect(rows.artisans.map((a) => a.code)).toEqual(['A-002', 'A-003']);
  });

  it('refuses a product whose artisan is missing, rather than export a broken file', () => {
    expect(() => catalogFromStore({ artisans: [], products: [product('Z-1', 'nobody')] })).toThrow(/Z-1/);
  });
});
