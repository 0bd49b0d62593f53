import type { DayTally } from '../../shared/day-report';
import type { AuditEntry, OpenBusinessDayEntity, ProductEntity } from '../../shared/entities';
import type { StoreProfile } from '../../shared/store-profile';
import type { TaxTable } from '../../shared/tax';
import type { ChinarDb, CounterRow, SettingRow } from './schema';

/**
 * What commitSale remembers between sales on one connection, so the next sale can write
 * its rows in the same round as its reads instead of after them (a round trip to the
 * browser's IndexedDB process is most of a commit's cost over the bare writes).
 *
 * It is only ever a presumption: commitSale issues the transaction's reads FIRST, then
 * the writes computed from the presumption, and checks what the reads returned (the store
 * as it was before those writes: requests in a transaction run in order) before any write
 * can finish, so before the transaction can commit. A presumption that is wrong in any way
 * (another tab sold, a manager changed a price, a restore) aborts the transaction, which
 * then runs again on what the store really holds. Nothing here is trusted.
 */

/** Everything a sale is decided on, as read inside its transaction. */
export interface SaleState {
  /** The settings rows as stored (compared as stored, parsed only when they change). */
  profileRow: SettingRow | undefined;
  taxRow: SettingRow | undefined;
  profile: StoreProfile;
  taxTable: TaxTable;
  day: OpenBusinessDayEntity;
  tally: DayTally;
  /** The cart's products, in cart order (undefined: no longer in the catalog). */
  products: (ProductEntity | undefined)[];
  lastAudit: AuditEntry | undefined;
  /** Every counter row, in key order (the table holds one per series and year: tiny). */
  counters: CounterRow[];
}

/** The part of the state that does not depend on the cart. */
type StoreState = Omit<SaleState, 'products'>;

/** Product rows remembered per connection, at most this many (the latest scans). */
const PRODUCTS_REMEMBERED = 500;

interface Memory { store: StoreState | null; products: Map<string, ProductEntity> }

const memories = new WeakMap<ChinarDb, Memory>();

function memoryOf(db: ChinarDb): Memory {
  let memory = memories.get(db);
  if (!memory) {
    memory = { store: null, products: new Map() };
    memories.set(db, memory);
  }
  return memory;
}

/** Product rows just read or written on this connection (the scan's lookup, the sale's stock). */
export function rememberProducts(db: ChinarDb, products: readonly ProductEntity[]): void {
  const known = memoryOf(db).products;
  for (const product of products) {
    known.delete(product.id);
    known.set(product.id, product);
  }
  for (const oldest of known.keys()) {
    if (known.size <= PRODUCTS_REMEMBERED) break;
    known.delete(oldest);
  }
}

/** The state a committed sale left the store in, as far as the next sale reads it. */
export function rememberSaleState(db: ChinarDb, state: SaleState): void {
  const { products, ...store } = state;
  const memory = memoryOf(db);
  memory.store = store;
  rememberProducts(db, products.filter((p): p is ProductEntity => p !== undefined));
}

/** Forgets the store's state (after a failed or aborted sale): the next sale reads first. */
export function forgetSaleState(db: ChinarDb): void {
  memoryOf(db).store = null;
}

/** The presumed state for a sale of `productIds`, or null when any part of it is unknown. */
export function presumedSaleState(db: ChinarDb, productIds: readonly string[]): SaleState | null {
  const memory = memories.get(db);
  if (!memory?.store) return null;
  const products: ProductEntity[] = [];
  for (const id of productIds) {
    const product = memory.products.get(id);
    if (!product) return null;
    products.push(product);
  }
  return { ...memory.store, products };
}

/** True when the presumption is exactly what the transaction read. */
export function presumptionHolds(presumed: SaleState, read: SaleState): boolean {
  return sameData(presumed.profileRow, read.profileRow) && sameData(presumed.taxRow, read.taxRow)
    && sameData(presumed.day, read.day) && sameData(presumed.lastAudit, read.lastAudit)
    && sameData(presumed.counters, read.counters) && sameData(presumed.products, read.products)
    && sameData(presumed.tally, read.tally);
}

/**
 * Deep equality of plain stored data (what IndexedDB's structured clone gives back:
 * objects, arrays, primitives). A property that is undefined equals one that is absent.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameData(item, other[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key of Object.keys(left)) if (!sameData(left[key], right[key])) return false;
  for (const key of Object.keys(right)) if (!(key in left) && right[key] !== undefined) return false;
  return true;
}
