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
 * What the scan path keeps in memory for one store, dropped as soon as a transaction that
 * wrote the tables it copies completes, in this page or in another tab of the kiosk
 * (Dexie's `storagemutated`, which other tabs' writes reach by a BroadcastChannel);
 * `generation` counts the drops, so a read that overlapped one is not kept or used.
 *
 * - `artisans`: the store's artisans by id, so that a scan waits for one read (its
 *   product) instead of two in a row. A market has a few hundred artisans. Read again
 *   for the scans after a change to the artisans.
 * - `ahead`: lookups started before the scan's Enter (see prefetchProductByBarcode), by
 *   code, at most MAX_AHEAD of them, each used once and only within AHEAD_TTL_MS; any
 *   change to the products or the artisans drops them all.
 * - `aheadStarts`: the same for the EAN-13s that eleven typed digits can become (see
 *   prefetchEan13sStartingWith), by those digits.
 */
interface ScanCache {
  artisans: Map<ArtisanEntity['id'], ArtisanEntity> | null;
  loadingArtisans: boolean;
  ahead: Map<string, AheadLookup>;
  aheadStarts: Map<string, AheadStart>;
  generation: number;
}

/**
 * What a lookup by the first eleven digits found: for each 13-digit barcode that starts
 * with them, what findProductByBarcode of that code answers (null: deactivated). A code
 * not in the map is read as usual (another spelling, a code beyond the read's limit).
 */
interface AheadStart {
  startedAt: number;
  generation: number;
  found: Promise<Map<string, ProductWithArtisan | null> | undefined>;
}

interface AheadLookup {
  startedAt: number;
  generation: number;
  /** undefined: the read failed (the scan then reads again and reports its own failure). */
  found: Promise<ProductWithArtisan | null | undefined>;
}

/** A scanner sends a label in a few tens of ms; a lookup older than this is not trusted. */
export const AHEAD_TTL_MS = 1_000;
/** Lookups kept ahead at once (a 12-digit guess and the 13-digit code, and one scan more). */
const MAX_AHEAD = 4;

const scanCaches = new WeakMap<ChinarDb, ScanCache>();

function scanCacheOf(db: ChinarDb): ScanCache {
  const known = scanCaches.get(db);
  if (known) return known;
  const cache: ScanCache = { artisans: null, loadingArtisans: false, ahead: new Map(), aheadStarts: new Map(), generation: 0 };
  const artisans = `idb://${db.name}/artisans/`;
  const products = `idb://${db.name}/products/`;
  const onMutated = (parts: ObservabilitySet) => {
    // `all`: a page brought back from the back-forward cache may have missed anything.
    const all = 'all' in parts;
    const names = Object.keys(parts);
    const artisansChanged = all || names.some((part) => part.startsWith(artisans));
    if (!artisansChanged && !names.some((part) => part.startsWith(products))) return;
    if (artisansChanged) cache.artisans = null;
    cache.ahead.clear();
    cache.aheadStarts.clear();
    cache.generation++;
  };
  Dexie.on('storagemutated', onMutated);
  db.on('close', () => {
    Dexie.on.storagemutated.unsubscribe(onMutated);
    scanCaches.delete(db);
  });
  scanCaches.set(db, cache);
  return cache;
}

/** The artisan from memory; until the artisans are read (or after a change), by its own get, the table read for the next scans. */
async function artisanOf(db: ChinarDb, id: ArtisanEntity['id']): Promise<ArtisanEntity | undefined> {
  const cache = scanCacheOf(db);
  const kept = cache.artisans?.get(id);
  if (kept) return kept;
  if (!cache.artisans && !cache.loadingArtisans) {
    cache.loadingArtisans = true;
    const generation = cache.generation;
    void db.artisans.toArray().then(
      (rows) => { if (cache.generation === generation) cache.artisans = new Map(rows.map((a) => [a.id, a])); },
      () => undefined, // not kept: the scans go on reading their artisan one by one
    ).finally(() => { cache.loadingArtisans = false; });
  }
  return db.artisans.get(id);
}

/**
 * The scan path's reads: one indexed get on `barcode`, then the artisan (from memory, see
 * ScanCache). Each get is its own read: Dexie answers a lone read as soon as its row
 * arrives, where an explicit transaction answers only once it has completed, a round trip
 * later, on every scan. Nothing is written here, and an artisan is never deleted, so the
 * reads need no shared snapshot.
 */
async function readProductByBarcode(db: ChinarDb, barcode: string): Promise<ProductWithArtisan | null> {
  let product = await db.products.get({ barcode });
  const other = product ? null : otherUpcSpelling(barcode);
  if (other) product = await db.products.get({ barcode: other });
  return product ? withArtisan(db, product) : null;
}

async function withArtisan(db: ChinarDb, product: ProductEntity): Promise<ProductWithArtisan | null> {
  if (!product.active) return null;
  const artisan = await artisanOf(db, product.artisanId);
  return artisan ? { product, artisan } : null;
}

/** Rows one lookup by eleven digits reads at most: their EAN-13s are ten, the rest are other codes that start alike. */
const START_ROWS = 16;

const isFresh = (cache: ScanCache, lookup: { startedAt: number; generation: number }, atMs: number) =>
  atMs - lookup.startedAt <= AHEAD_TTL_MS && lookup.generation === cache.generation;

/**
 * Starts the lookup of the products whose barcodes start with these eleven digits, one key
 * before prefetchProductByBarcode can name the code: an EAN-13's 12th digit is one of ten
 * and its 13th is the check digit, so eleven digits leave at most ten EAN-13s, one small
 * ranged read on the barcode index. findProductByBarcode of any of them takes the answer.
 * Never fails (a failed read is read again at the Enter), and changes nothing.
 */
export function prefetchEan13sStartingWith(db: ChinarDb, digits: string, atMs = performance.now()): void {
  if (!/^\d{11}$/.test(digits)) return;
  const cache = scanCacheOf(db);
  for (const [key, lookup] of cache.aheadStarts) if (!isFresh(cache, lookup, atMs)) cache.aheadStarts.delete(key);
  if (cache.aheadStarts.has(digits)) return;
  const found = db.products.where('barcode').between(digits, `${digits}\uffff`, true, false).limit(START_ROWS).toArray()
    .then(async (rows) => {
      const byCode = new Map<string, ProductWithArtisan | null>();
      for (const row of rows) if (/^\d{13}$/.test(row.barcode)) byCode.set(row.barcode, await withArtisan(db, row));
      return byCode;
    })
    .catch(() => undefined);
  cache.aheadStarts.set(digits, { startedAt: atMs, generation: cache.generation, found });
  while (cache.aheadStarts.size > MAX_AHEAD) cache.aheadStarts.delete(cache.aheadStarts.keys().next().value!);
}

/** The answer for a 13-digit code from a fresh lookup by its first eleven digits, if one is under way or done and found it; undefined otherwise. */
async function fromAheadStart(cache: ScanCache, barcode: string, atMs: number): Promise<ProductWithArtisan | null | undefined> {
  if (!/^\d{13}$/.test(barcode)) return undefined;
  const lookup = cache.aheadStarts.get(barcode.slice(0, 11));
  if (!lookup || !isFresh(cache, lookup, atMs)) return undefined;
  // It serves one scan, as a lookup of the code itself does.
  cache.aheadStarts.delete(barcode.slice(0, 11));
  const byCode = await lookup.found;
  // Not if a write completed while it was read: its answer may predate that write.
  return byCode && lookup.generation === cache.generation ? byCode.get(barcode) : undefined;
}

/**
 * Starts the lookup of a code the scanner is still typing (the keys so far, or the EAN-13
 * they make), so that its read is done, or under way, when the Enter comes:
 * findProductByBarcode then takes it instead of reading again. A code already under way
 * is not read twice. Never fails: a failed read is simply read again at the Enter.
 * `atMs` is performance.now()'s clock (a parameter for the tests).
 */
export function prefetchProductByBarcode(db: ChinarDb, code: string, atMs = performance.now()): void {
  const barcode = code.trim();
  if (barcode === '') return;
  const cache = scanCacheOf(db);
  for (const [key, lookup] of cache.ahead) if (!isFresh(cache, lookup, atMs)) cache.ahead.delete(key);
  if (cache.ahead.has(barcode)) return;
  // Its first eleven digits' lookup, started a key ago, reads it already.
  const start = /^\d{13}$/.test(barcode) ? cache.aheadStarts.get(barcode.slice(0, 11)) : undefined;
  if (start && isFresh(cache, start, atMs)) return;
  const found = readProductByBarcode(db, barcode).catch(() => undefined);
  cache.ahead.set(barcode, { startedAt: atMs, generation: cache.generation, found });
  // A Map keeps insertion order: the oldest lookup goes first.
  while (cache.ahead.size > MAX_AHEAD) cache.ahead.delete(cache.ahead.keys().next().value!);
}

/** The lookup started ahead for `barcode`, taken (it serves one scan), if it is recent and nothing it read has changed since it started. */
function takeAhead(cache: ScanCache, barcode: string, atMs: number): AheadLookup | null {
  const lookup = cache.ahead.get(barcode);
  if (!lookup) return null;
  cache.ahead.delete(barcode);
  return isFresh(cache, lookup, atMs) ? lookup : null;
}

/**
 * The scan path: the product with this barcode (or its other UPC spelling) and its
 * artisan, from a lookup started ahead while the scanner typed if there is one (see
 * prefetchProductByBarcode and prefetchEan13sStartingWith), else read now. Returns null for an unknown or deactivated
 * product.
 */
export async function findProductByBarcode(db: ChinarDb, scanned: string, atMs = performance.now()): Promise<ProductWithArtisan | null> {
  const barcode = scanned.trim();
  const cache = scanCacheOf(db);
  const ahead = takeAhead(cache, barcode, atMs);
  if (ahead) {
    const found = await ahead.found;
    // Not if the read failed, or a write completed since it started (in another tab, say: its answer may predate that write).
    if (found !== undefined && ahead.generation === cache.generation) return found;
  }
  const started = await fromAheadStart(cache, barcode, atMs);
  if (started !== undefined) return started;
  return readProductByBarcode(db, barcode);
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
