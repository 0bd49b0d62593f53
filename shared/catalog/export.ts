import { writeCsv } from './csv';
import { ARTISAN_COLUMNS, PRODUCT_COLUMNS, type ArtisanRow, type CatalogRows, type CatalogSnapshot, type ProductRow } from './types';
import { formatBpsAsPercent, formatGstRate, formatPrice, formatYesNo } from './values';

/**
 * Catalog export in exactly the format import reads (DESIGN.md "Catalog CSV"), so a
 * manager can export, edit in a spreadsheet and import again.
 */
export function artisansToCsv(rows: readonly ArtisanRow[]): string {
  return writeCsv(ARTISAN_COLUMNS, rows.map((a) => [
    a.code, a.name, a.craft, a.cooperative, a.village, a.phone, a.gender ?? '',
    formatBpsAsPercent(a.commissionBps), formatYesNo(a.fairWageCertified),
  ]));
}

export function productsToCsv(rows: readonly ProductRow[]): string {
  return writeCsv(PRODUCT_COLUMNS, rows.map((p) => [
    p.sku, p.barcode, p.name, p.artisanCode, p.craft, p.hsn, formatYesNo(p.handmade),
    formatGstRate(p.gstRateBpsOverride), formatPrice(p.price), String(p.stock),
  ]));
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The store's catalog as file rows, artisans by code and products by SKU, so two exports
 * of the same store are identical and diff cleanly. Switched-off products (the retired
 * demo catalog among them) are left out: the file has no "active" column, so importing
 * it again would switch them back on, and importing never deletes, so leaving them out
 * loses nothing. An inactive artisan is left out too unless an exported product is hers.
 */
export function catalogFromStore(store: CatalogSnapshot): CatalogRows {
  const codeById = new Map(store.artisans.map((a) => [a.id, a.code]));
  const products = store.products
    .filter((p) => p.active)
    .map((p): ProductRow => {
      const artisanCode = codeById.get(p.artisanId);
      if (artisanCode === undefined) throw new Error(`Product ${p.sku} points at artisan ${p.artisanId}, which is not in the store`);
      return {
        sku: p.sku, barcode: p.barcode, name: p.name, artisanCode, craft: p.craft, hsn: p.hsn, handmade: p.handmade,
        gstRateBpsOverride: p.gstRateBpsOverride, price: p.price, stock: p.stock,
      };
    })
    .sort((a, b) => byText(a.sku, b.sku));
  const sellingFor = new Set(products.map((p) => p.artisanCode));
  const artisans = store.artisans
    .filter((a) => a.active || sellingFor.has(a.code))
    .map((a): ArtisanRow => ({
      code: a.code, name: a.name, craft: a.craft, cooperative: a.cooperative, village: a.village, phone: a.phone,
      gender: a.gender, commissionBps: a.commissionBps, fairWageCertified: a.fairWageCertified,
    }))
    .sort((a, b) => byText(a.code, b.code));
  return { artisans, products };
}
