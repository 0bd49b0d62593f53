import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { addToCart, cartItemFor, EMPTY_CART, type Cart } from '../../../shared/cart';
import { EMPTY_CASH_COUNT } from '../../../shared/cash-count';
import { paise, type Paise } from '../../../shared/money';
import { settleTenders, type TenderInput } from '../../../shared/tender';
import {
  commitSale, DEMO_PINS, findProductByBarcode, openBusinessDay, openChinarDb, seedDemoIfEmpty, signInWithPin, type ChinarDb, type CommittedSale,
} from '../../../renderer/db';

/** Deterministic ids for tests: id-0001, id-0002, … */
export function sequentialIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(4, '0')}`;
}

export const NOON_IN_SRINAGAR = new Date('2026-11-22T06:30:00Z');

/**
 * A fresh IndexedDB (fake-indexeddb) per test, seeded with the demo market and, like a
 * counter ready to sell, with a day opened by the demo manager (no float) at
 * NOON_IN_SRINAGAR. `openDay: false` leaves the day for the test to open.
 */
export async function freshStore(options: { seed?: boolean; openDay?: boolean } = {}): Promise<{ db: ChinarDb; factory: IDBFactory; newId: () => string }> {
  const factory = new IDBFactory();
  const db = await openChinarDb('test', { indexedDB: factory, IDBKeyRange });
  const newId = sequentialIds();
  const seed = options.seed ?? true;
  if (seed) await seedDemoIfEmpty(db, { now: NOON_IN_SRINAGAR, newId });
  if (seed && (options.openDay ?? true)) await openTestDay(db, newId);
  return { db, factory, newId };
}

/** Opens a day as the demo manager with `float` paise in coins (the counter's "day open"). */
export async function openTestDay(db: ChinarDb, newId: () => string, now = NOON_IN_SRINAGAR, float = 0) {
  const manager = (await signInWithPin(db, DEMO_PINS.manager))!;
  return openBusinessDay(db, {
    managerId: manager.id, count: { ...EMPTY_CASH_COUNT, coins: float as typeof EMPTY_CASH_COUNT.coins }, deviceId: 'demo-market/K01',
    now, timeZone: 'Asia/Kolkata', newId,
  });
}

/** A cart of one piece per barcode, as the counter scans them (a code twice is two pieces). */
export async function cartOf(db: ChinarDb, ...barcodes: string[]): Promise<Cart> {
  let cart = EMPTY_CART;
  for (const code of barcodes) {
    const found = await findProductByBarcode(db, code);
    if (!found) throw new Error(`no product ${code}`);
    cart = addToCart(cart, cartItemFor(found.product, found.artisan));
  }
  return cart;
}

export interface SellOptions {
  newId: () => string;
  /** When the sale is made; NOON_IN_SRINAGAR unless told (a screen that shows today wants `new Date()`). */
  now?: Date;
  /** How the customer pays the cart's total; the exact sum in cash unless told. */
  tenders?: (total: Paise) => TenderInput[];
}

/** Sells `cart` as the demo operator at the demo counter (K01), with no round-off. */
export async function sellCart(db: ChinarDb, cart: Cart, { newId, now = NOON_IN_SRINAGAR, tenders = (total) => [{ method: 'cash', tendered: total }] }: SellOptions): Promise<CommittedSale> {
  const operator = (await signInWithPin(db, DEMO_PINS.operator))!;
  const total = paise(cart.items.reduce((s, i) => s + i.unitPrice * i.qty - i.discount, 0));
  const settled = settleTenders(total, tenders(total));
  if (!settled.ok) throw new Error(`settle failed: ${settled.reason}`);
  return commitSale(db, { cart, payments: settled.payments, operator, roundOff: paise(0), deviceId: 'demo-market/K01', now, newId });
}

/** Scans `barcodes` into a cart and sells it (see sellCart). */
export async function sellBarcodes(db: ChinarDb, barcodes: readonly string[], options: SellOptions): Promise<CommittedSale> {
  return sellCart(db, await cartOf(db, ...barcodes), options);
}

/**
 * A store as Dexie version 2 left it, open, for the upgrade tests to fill and close
 * before openChinarDb upgrades it. Its tables and indexes are frozen here: never change
 * them to follow the current schema.
 */
export async function openVersion2Store(factory: IDBFactory, name: string): Promise<Dexie> {
  const old = new Dexie(name, { indexedDB: factory, IDBKeyRange });
  old.version(1).stores({
    artisans: 'id, &code', products: 'id, &sku, &barcode, artisanId, *searchWords, stock', users: 'id, role',
    sales: 'id, &receiptNo, businessDate, originalSaleId, createdAt', saleLines: 'id, saleId, [businessDate+artisanId], productId',
    payments: 'id, saleId, businessDate', days: 'businessDate, status', audit: 'seq', settings: 'key', counters: 'key',
  });
  old.version(2).stores({ carts: 'id, status' });
  await old.open();
  return old;
}

/**
 * A store as Dexie version 30 left it (before the day summaries of v40), open, for the
 * upgrade tests to fill and close. Frozen like openVersion2Store: never follow the schema.
 */
export async function openVersion30Store(factory: IDBFactory, name: string): Promise<Dexie> {
  const old = await openVersion2Store(factory, name);
  old.close();
  old.version(3).stores({ journalQueue: '++qseq, &id', receiptPrints: 'id' });
  old.version(20).stores({
    days: null, businessDays: 'id, status, businessDate, zNumber', cashMovements: 'id, dayId, businessDate',
    payouts: 'id, artisanId, dayId', outbox: 'id, &dayId, state.status, nextAttemptAt',
  });
  old.version(30).stores({});
  await old.open();
  return old;
}

/**
 * A full disk as IndexedDB shows it: every add to the audit table (the last write of a
 * sale's or a return's transaction, when its other rows are already in) throws the
 * browser's own QuotaExceededError, until `free()`. `restore()` puts the real
 * IDBObjectStore.add back: call it in a `finally` or `afterEach`.
 */
export function fillDiskAtAudit(): { free(): void; restore(): void } {
  const realAdd = IDBObjectStore.prototype.add;
  let full = true;
  IDBObjectStore.prototype.add = function add(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
    if (full && this.name === 'audit') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return realAdd.apply(this, args);
  };
  return {
    free: () => { full = false; },
    restore: () => { IDBObjectStore.prototype.add = realAdd; },
  };
}
