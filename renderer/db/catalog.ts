import type { ArtisanEntity, ProductEntity } from '../../shared/entities';
import type { ChinarDb } from './schema';

export interface ProductWithArtisan {
  product: ProductEntity;
  artisan: ArtisanEntity;
}

/** Lower-cased words of the name and the SKU, for the prefix index `*searchWords`. */
export function productSearchWords(name: string, sku: string): string[] {
  const words = `${name} ${sku}`.toLocaleLowerCase().split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
  return [...new Set([...words, sku.toLocaleLowerCase()])];
}

/**
 * A UPC-A is the same bars as an EAN-13 with a leading 0, and scanners send either
 * form depending on their setup: the other spelling of a 12/13-digit code, if any.
 */
function otherUpcSpelling(code: string): string | null {
  if (/^\d{12}$/.test(code)) return `0${code}`;
  if (/^0\d{12}$/.test(code)) return code.slice(1);
  return null;
}

/**
 * The scan path: one indexed get on `barcode`, then the artisan by primary key, in one
 * read transaction. Returns null for an unknown or deactivated product.
 */
export async function findProductByBarcode(db: ChinarDb, scanned: string): Promise<ProductWithArtisan | null> {
  const barcode = scanned.trim();
  return db.transaction('r', [db.products, db.artisans], async () => {
    let product = await db.products.get({ barcode });
    const other = product ? null : otherUpcSpelling(barcode);
    if (other) product = await db.products.get({ barcode: other });
    if (!product || !product.active) return null;
    const artisan = await db.artisans.get(product.artisanId);
    return artisan ? { product, artisan } : null;
  });
}

/**
 * Search by name words or SKU for the sell screen: every query word must prefix a word of
 * the product. The rarest word (by index count, which IndexedDB answers without reading
 * rows) drives the index scan; the other words filter its few hits. A common word such as
 * "shawl" would otherwise walk most of a 100,000-product catalog. The counter sees active
 * products only; the manager can ask for switched-off ones too.
 */
export async function searchProducts(
  db: ChinarDb, query: string, limit = 20, options: { includeInactive?: boolean } = {},
): Promise<ProductWithArtisan[]> {
  const words = [...new Set(query.toLocaleLowerCase().split(/[^\p{L}\p{N}-]+/u).filter(Boolean))];
  if (words.length === 0) return [];
  return db.transaction('r', [db.products, db.artisans], async () => {
    const counts = await Promise.all(words.map((w) => db.products.where('searchWords').startsWith(w).count()));
    const rarest = counts.indexOf(Math.min(...counts));
    const driver = words[rarest]!;
    const rest = words.filter((_, i) => i !== rarest);
    const products = await db.products
      .where('searchWords').startsWith(driver)
      .filter((p) => (p.active || options.includeInactive === true) && rest.every((w) => p.searchWords.some((s) => s.startsWith(w))))
      .distinct()
      .limit(limit)
      .toArray();
    const artisans = await db.artisans.bulkGet([...new Set(products.map((p) => p.artisanId))]);
    const byId = new Map(artisans.filter((a): a is ArtisanEntity => !!a).map((a) => [a.id, a]));
    return products.flatMap((product) => {
      const artisan = byId.get(product.artisanId);
      return artisan ? [{ product, artisan }] : [];
    });
  });
}
