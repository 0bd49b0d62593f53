import { inStoreEan13, nextInStoreSequence, type InStoreNumbering } from '../barcode';
import type { ArtisanEntity, ProductEntity } from '../entities';
import type { ArtisanRow, CatalogRows, CatalogSnapshot } from './types';

/**
 * Catalog import, step two: compare the checked rows with the store and say what to
 * write. Artisans match by code and products by SKU; records the file does not mention
 * stay as they are (an import never deletes). Plain data in, plain data out: renderer/db
 * writes `create` and `update` in one transaction, and shows `counts` before it does.
 */
export interface ImportOptions {
  /** Ids for new records (UUIDv7 in the app, a counter in tests). */
  newId: () => string;
  /** The product search words the store indexes (renderer/db's productSearchWords). */
  searchWords: (name: string, sku: string) => string[];
  /** This kiosk's in-store EAN-13 numbering, for new products that come without a barcode. */
  inStoreNumbering: InStoreNumbering;
}

export interface EntityChange<T> {
  before: T;
  after: T;
  /** The fields the file changes, for the manager's preview. */
  changed: (keyof T)[];
}

export interface ImportCounts {
  new: number;
  changed: number;
  unchanged: number;
}

export interface ImportPlan {
  artisans: { create: ArtisanEntity[]; update: EntityChange<ArtisanEntity>[] };
  products: { create: ProductEntity[]; update: EntityChange<ProductEntity>[] };
  counts: {
    artisans: ImportCounts;
    products: ImportCounts;
    /** New in-store EAN-13s given to products that came without a barcode. */
    barcodesAssigned: number;
  };
}

const ARTISAN_FIELDS = [
  'code', 'name', 'craft', 'cooperative', 'village', 'phone', 'gender', 'commissionBps', 'fairWageCertified',
] as const satisfies readonly (keyof ArtisanRow & keyof ArtisanEntity)[];
const PRODUCT_FIELDS = [
  'sku', 'barcode', 'name', 'artisanId', 'craft', 'hsn', 'handmade', 'gstRateBpsOverride', 'price', 'stock',
] as const satisfies readonly (keyof ProductEntity)[];

function changedFields<T, K extends keyof T>(fields: readonly K[], before: T, after: T): K[] {
  return fields.filter((f) => before[f] !== after[f]);
}

/**
 * Plans the writes for rows that parseCatalog accepted against the same store. Throws
 * on rows it could not have accepted (a duplicate code or SKU, an unknown artisan): that
 * is a bug in the caller, not something to show the manager.
 */
export function planImport(rows: CatalogRows, store: CatalogSnapshot, options: ImportOptions): ImportPlan {
  const artisanByCode = new Map(store.artisans.map((a) => [a.code, a]));
  const productBySku = new Map(store.products.map((p) => [p.sku, p]));
  const plan: ImportPlan = {
    artisans: { create: [], update: [] },
    products: { create: [], update: [] },
    counts: { artisans: { new: 0, changed: 0, unchanged: 0 }, products: { new: 0, changed: 0, unchanged: 0 }, barcodesAssigned: 0 },
  };

  const idByCode = new Map(store.artisans.map((a) => [a.code, a.id]));
  const seenCodes = new Set<string>();
  for (const row of rows.artisans) {
    if (seenCodes.has(row.code)) throw new Error(`planImport: artisan code ${row.code} appears twice`);
    seenCodes.add(row.code);
    const fields = {
      code: row.code, name: row.name, craft: row.craft, cooperative: row.cooperative, village: row.village,
      phone: row.phone, gender: row.gender, commissionBps: row.commissionBps, fairWageCertified: row.fairWageCertified,
    };
    const before = artisanByCode.get(row.code);
    if (!before) {
      const created: ArtisanEntity = { id: options.newId(), ...fields, story: '', pinHash: null, active: true };
      idByCode.set(row.code, created.id);
      plan.artisans.create.push(created);
      plan.counts.artisans.new++;
      continue;
    }
    // The story, PIN and active flag are not in the file: they stay as the manager set them.
    const after: ArtisanEntity = { ...before, ...fields };
    const changed = changedFields(ARTISAN_FIELDS, before, after);
    if (changed.length === 0) plan.counts.artisans.unchanged++;
    else {
      plan.artisans.update.push({ before, after, changed });
      plan.counts.artisans.changed++;
    }
  }

  // Continue this device's in-store numbering past every barcode in the store and the file.
  let sequence = nextInStoreSequence(
    [...store.products.map((p) => p.barcode), ...rows.products.map((p) => p.barcode)],
    options.inStoreNumbering,
  );
  const assignBarcode = (): string => {
    plan.counts.barcodesAssigned++;
    return inStoreEan13(options.inStoreNumbering.prefix, options.inStoreNumbering.deviceNumber, sequence++);
  };

  const seenSkus = new Set<string>();
  for (const row of rows.products) {
    if (seenSkus.has(row.sku)) throw new Error(`planImport: SKU ${row.sku} appears twice`);
    seenSkus.add(row.sku);
    const artisanId = idByCode.get(row.artisanCode);
    if (artisanId === undefined) throw new Error(`planImport: SKU ${row.sku} names unknown artisan ${row.artisanCode}`);
    const before = productBySku.get(row.sku);
    // An empty barcode means "the kiosk assigns one": a product that has one keeps it.
    const barcode = row.barcode !== '' ? row.barcode : before && before.barcode !== '' ? before.barcode : assignBarcode();
    const fields = {
      sku: row.sku, barcode, name: row.name, artisanId, craft: row.craft, hsn: row.hsn, handmade: row.handmade,
      gstRateBpsOverride: row.gstRateBpsOverride, price: row.price, stock: row.stock,
    };
    if (!before) {
      plan.products.create.push({ id: options.newId(), ...fields, searchWords: options.searchWords(row.name, row.sku), active: true });
      plan.counts.products.new++;
      continue;
    }
    const after: ProductEntity = { ...before, ...fields, searchWords: options.searchWords(row.name, row.sku) };
    const changed = changedFields(PRODUCT_FIELDS, before, after);
    if (changed.length === 0) plan.counts.products.unchanged++;
    else {
      plan.products.update.push({ before, after, changed });
      plan.counts.products.changed++;
    }
  }
  return plan;
}

