import { Dexie, type Table } from 'dexie';
import type {
  ArtisanEntity, AuditEntry, BusinessDayEntity, CashMovementEntity, PaymentEntity, PayoutEntity, ProductEntity,
  SaleEntity, SaleLineEntity, UserEntity,
} from '../../shared/entities';
import { migrateDaysByDate } from './day-migration';
import type { OutboxRow } from './outbox';
import type { Cart } from '../../shared/cart';
import { markLegacyPin } from './pins';
import { buildOpenDaySummary, type DaySummaryRow } from './day-summary';
import type { ArtisanPhotoRow } from './artisan-photos';
import type { LineApproval } from './sales';

/** A key–value row: store profile, tax table, demo flag. */
export interface SettingRow { key: string; value: unknown }

/**
 * A cart that is not a sale yet: the one on the counter ('open', kept so a reload or a
 * crash mid-sale does not lose it) or one the operator parked to serve someone else.
 */
export interface CartRow {
  /** OPEN_CART_ID for the cart on the counter; a UUIDv7 for a parked one. */
  id: string;
  status: 'open' | 'parked';
  cart: Cart;
  /** Managers' approvals already given for this cart's lines (discounts, stock). */
  discountApprovals: LineApproval[];
  stockApprovals: LineApproval[];
  operatorId: string;
  /** ISO 8601, when last changed (open) or parked. */
  savedAt: string;
  /** What the operator typed to recognise a parked cart ("lady in the red pheran"). */
  label: string;
}

/** Monotonic counters (invoice numbers per series and financial year, in-store barcodes). */
export interface CounterRow { key: string; value: number }

/**
 * A committed transaction waiting to be copied to the host's journal (issue 8). Written in
 * the SAME transaction as the rows it holds, so a commit and its copy-to-be cannot part;
 * deleted only once the host has acknowledged it.
 */
export interface JournalQueueRow {
  /** Auto-increment: the order the transactions committed in, which is the order they are sent. */
  qseq?: number;
  /** The record id (UUIDv7): resending it is a no-op on the host. */
  id: string;
  kind: string;
  /** ISO 8601 with the market's offset. */
  at: string;
  /** The whole rows the transaction wrote, per table. */
  data: Record<string, Record<string, unknown>[]>;
  /** UTF-8 size of the record as JSON, so the sender can batch within the transport's limit. */
  bytes: number;
}

/** The original receipt of a sale came out of the printer once: any later print is a duplicate. */
export interface ReceiptPrintRow {
  /** The sale's id (the journal keys tables by `id`). */
  id: string;
  receiptNo: string;
  /** ISO 8601, when the original printed. */
  printedAt: string;
}

/**
 * The store of record. Indexes are the ones the hot paths need: barcode and SKU lookups
 * at the counter, the business day for closing, day + artisan and artisan + day for earnings.
 * Schema changes are new versions with upgrade functions; no version drops data.
 */
export class ChinarDb extends Dexie {
  artisans!: Table<ArtisanEntity, string>;
  products!: Table<ProductEntity, string>;
  users!: Table<UserEntity, string>;
  sales!: Table<SaleEntity, string>;
  saleLines!: Table<SaleLineEntity, string>;
  payments!: Table<PaymentEntity, string>;
  /** Business days keyed by their own id: a second day may open on a date after a close. */
  businessDays!: Table<BusinessDayEntity, string>;
  cashMovements!: Table<CashMovementEntity, string>;
  payouts!: Table<PayoutEntity, string>;
  /** Closed days' upload bodies, written by the close, until the central system has them. */
  outbox!: Table<OutboxRow, string>;
  audit!: Table<AuditEntry, number>;
  settings!: Table<SettingRow, string>;
  counters!: Table<CounterRow, string>;
  carts!: Table<CartRow, string>;
  journalQueue!: Table<JournalQueueRow, number>;
  receiptPrints!: Table<ReceiptPrintRow, string>;
  /** Each day's running X/Z sums (day-summary.ts): derived from the day's rows, never journaled. */
  daySummaries!: Table<DaySummaryRow, string>;
  /** One photo per artisan (issue 12), apart from her record so lists never load pictures. */
  artisanPhotos!: Table<ArtisanPhotoRow, string>;

  constructor(name: string, options: ConstructorParameters<typeof Dexie>[1] = {}) {
    // Strict durability: a committed sale is on disk before the transaction's complete
    // event, so a power cut right after "Sale recorded" cannot lose it.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({
      artisans: 'id, &code',
      products: 'id, &sku, &barcode, artisanId, *searchWords, stock',
      users: 'id, role',
      sales: 'id, &receiptNo, businessDate, originalSaleId, createdAt',
      saleLines: 'id, saleId, [businessDate+artisanId], productId',
      payments: 'id, saleId, businessDate',
      days: 'businessDate, status',
      audit: 'seq',
      settings: 'key',
      counters: 'key',
    });
    // v2: the open cart survives a reload, and carts can be parked and recalled.
    this.version(2).stores({ carts: 'id, status' });
    // v3 (issue 8): the queue of committed transactions not yet copied to the host's
    // journal, and which sales' original receipts have printed.
    this.version(3).stores({ journalQueue: '++qseq, &id', receiptPrints: 'id' });
    // (v1's `days` was keyed by the date.) v20: a day is its own record (a second day may open on a date after a close, which a
    // table keyed by the date cannot hold), with its cash movements, artisans' payouts and
    // the outbox of closed days. Dexie cannot change a table's primary key, so the rows of
    // `days` move into `businessDays` and `days` goes once they are copied.
    this.version(20).stores({
      days: null,
      businessDays: 'id, status, businessDate, zNumber',
      cashMovements: 'id, dayId, businessDate',
      payouts: 'id, artisanId, dayId',
      outbox: 'id, &dayId, state.status, nextAttemptAt',
    }).upgrade(migrateDaysByDate);
    // v30: PINs move to PBKDF2 (pins.ts). The SHA-256 hashes already stored cannot be
    // converted without the PIN, so they are kept, marked `sha256$…`: they still sign in,
    // and the first right PIN replaces each with PBKDF2.
    this.version(30).stores({}).upgrade(async (tx) => {
      await tx.table<UserEntity, string>('users').toCollection().modify((u) => { u.pinHash = markLegacyPin(u.pinHash); });
      await tx.table<ArtisanEntity, string>('artisans').toCollection().modify((a) => { a.pinHash = markLegacyPin(a.pinHash); });
    });
    // v40 (issue 11): each day's running summary, so the X and Z read one row, not the
    // day's thousands (day-summary.ts). The open day's is built here; others when read.
    this.version(40).stores({ daySummaries: 'dayId, status' }).upgrade(buildOpenDaySummary);
    // v41 (issue 12): artisans' photos.
    this.version(41).stores({ artisanPhotos: 'artisanId' });
    // v42 (issue 11): an artisan's lines by her id and date, so her earnings and what she
    // is owed from before read her own lines, not every artisan's history (earnings.ts);
    // and the day summary's tally gains the HSN sums the GST month adds up, so the open
    // day's is summed again here (the others are when next read: currentTally).
    this.version(42).stores({
      saleLines: 'id, saleId, [businessDate+artisanId], [artisanId+businessDate], productId',
    }).upgrade(buildOpenDaySummary);
  }
}

export const DEFAULT_DB_NAME = 'chinar-pos';

/** Opens the store; tests pass fake-indexeddb's `indexedDB` and `IDBKeyRange`. */
export async function openChinarDb(name = DEFAULT_DB_NAME, options: ConstructorParameters<typeof Dexie>[1] = {}): Promise<ChinarDb> {
  const db = new ChinarDb(name, options);
  await db.open();
  return db;
}
