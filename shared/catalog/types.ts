import type { ArtisanEntity, ProductEntity } from '../entities';

/** The two catalog files and their columns, in the order DESIGN.md ("Catalog CSV") gives. */
export const ARTISAN_COLUMNS = [
  'artisan_code', 'name', 'craft', 'cooperative', 'village', 'phone', 'gender', 'commission_pct', 'fair_wage_certified',
] as const;
export const PRODUCT_COLUMNS = [
  'sku', 'barcode', 'name', 'artisan_code', 'craft', 'hsn', 'handmade', 'gst_rate', 'price', 'stock',
] as const;

export type ArtisanColumn = (typeof ARTISAN_COLUMNS)[number];
export type ProductColumn = (typeof PRODUCT_COLUMNS)[number];
export type CatalogFile = 'artisans.csv' | 'products.csv';

/** One thing wrong with an import, said so that a manager can find and fix it. */
export interface CatalogProblem {
  file: CatalogFile;
  /** Physical line of the file where the record starts (1 is the header). */
  line: number;
  /** The header name of the column at fault; null when the whole line is at fault. */
  column: string | null;
  message: string;
}

/** An artisan as the file gives it: the entity's fields that the CSV carries. */
export type ArtisanRow = Pick<
  ArtisanEntity,
  'code' | 'name' | 'craft' | 'cooperative' | 'village' | 'phone' | 'gender' | 'commissionBps' | 'fairWageCertified'
>;

/**
 * A product as the file gives it. `barcode` '' means "assign one": a new product gets
 * an in-store EAN-13, an existing one keeps the barcode it has.
 */
export type ProductRow = Pick<
  ProductEntity,
  'sku' | 'barcode' | 'name' | 'craft' | 'hsn' | 'handmade' | 'gstRateBpsOverride' | 'price' | 'stock'
> & { artisanCode: ArtisanEntity['code'] };

export interface CatalogRows {
  artisans: ArtisanRow[];
  products: ProductRow[];
}

export type CatalogParseResult =
  | ({ ok: true } & CatalogRows)
  | { ok: false; problems: CatalogProblem[] };

/**
 * What validation needs to know about the store: which artisan codes exist and which
 * barcode each SKU has. Full entities fit this shape, so callers pass what they loaded.
 */
export interface CatalogStoreView {
  artisans: readonly Pick<ArtisanEntity, 'code'>[];
  products: readonly Pick<ProductEntity, 'sku' | 'barcode'>[];
}

/** The store's catalog as planImport needs it: plain entities, read by renderer/db. */
export interface CatalogSnapshot {
  artisans: readonly ArtisanEntity[];
  products: readonly ProductEntity[];
}
