import { Dexie, type ObservabilitySet } from 'dexie';
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
 * A store's artisans by id, kept in memory for the scan path, so that a scan waits for one
 * read (its product) instead of two in a row. A market has a few hundred artisans. `byId`
 * is dropped as soon as a transaction that wrote artisans completes, in this page or in
 * another tab of the kiosk (Dexie's `storagemutated`, which other tabs' writes reach by a
 * BroadcastChannel), and read again for the scans after; `generation` counts the drops,
 * so a read that overlapped one is not kept.
 */
interface ArtisanCache {
  byId: Map<ArtisanEntity['id'], ArtisanEntity> | null;
  loading: boolean;
  generation: number;
}

const artisanCaches = new WeakMap<ChinarDb, ArtisanCache>();

function artisanCacheOf(db: ChinarDb): ArtisanCache {
  const known = artisanCaches.get(db);
  if (known) return known;
  const cache: ArtisanCache = { byId: null, loading: false, generation: 0 };
  const table = `idb://${db.name}/artisans/`;
  const onMutated = (parts: ObservabilitySet) => {
    // `all`: a page brought back from the back-forward cache may have missed anything.
    if ('all' in parts || Object.keys(parts).some((part) => part.startsWith(table))) {
      cache.byId = null;
      cache.generation++;
    }
  };
  Dexie.on('storagemutated', onMutated);
  db.on('close', () => {
    Dexie.on.storagemutated.unsubscribe(onMutated);
    artisanCaches.delete(db);
  });
  artisanCaches.set(db, cache);
  return cache;
}

/** The artisan from memory; until the artisans are read (or after a change), by its own get, the table read for the next scans. */
async function artisanOf(db: ChinarDb, id: ArtisanEntity['id']): Promise<ArtisanEntity | undefined> {
  const cache = artisanCacheOf(db);
  const kept = cache.byId?.get(id);
  if (kept) return kept;
  if (!cache.byId && !cache.loading) {
    cache.loading = true;
    const generation = cache.generation;
    void db.artisans.toArray().then(
      (rows) => { if (cache.generation === generation) cache.byId = new Map(rows.map((a) => [a.id, a])); },
      () => undefined, // not kept: the scans go on reading their artisan one by one
    ).finally(() => { cache.loading = false; });
  }
  return db.artisans.get(id);
}

/**
 * The scan path: one indexed get on `barcode`, then the artisan (from memory, see
 * ArtisanCache). Returns null for an unknown or deactivated product. Each get is its own
 * read: Dexie answers a lone read as soon as its row arrives, where an explicit
 * transaction answers only once it has completed, a round trip later, on every scan.
 * Nothing is written here, and an artisan is never deleted, so the reads need no shared
 * snapshot.
 */
export async function findProductByBarcode(db: ChinarDb, scanned: string): Promise<ProductWithArtisan | null> {
  const barcode = scanned.trim();
  let product = await db.products.get({ barcode });
  const other = product ? null : otherUpcSpelling(barcode);
  if (other) product = await db.products.get({ barcode: other });
  if (!product || !product.active) return null;
  const artisan = await artisanOf(db, product.artisanId);
  return artisan ? { product, artisan } : null;
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
