import { cartTotals, lineAmounts, type Cart } from '../../shared/cart';
import { paise, sumPaise, type Paise } from '../../shared/money';
import { formatInvoiceNumber, invoiceCounterKey } from '../../shared/invoice';
import { calendarDateIn, isoWithOffset } from '../../shared/time';
import type { AuditEntry, OpenBusinessDayEntity, PaymentEntity, ProductEntity, SaleEntity, SaleLineEntity, UserEntity } from '../../shared/entities';
import { stockShortfalls } from '../../shared/stock';
import { cashOverLimit, type SettledPayment } from '../../shared/tender';
import { invoiceNumberParts } from '../../shared/journal';
import { lastAuditEntry, nextAuditEntry } from './audit';
import { queueJournal } from './journal-queue';
import { OPEN_CART_ID } from './carts';
import { dayForSale, openDay } from './days';
import { openDaySummaries, openDayTally, saveDayTally, SUMMARY_TABLES } from './day-summary';
import { tallyRecord, type DayTally } from '../../shared/day-report';
import type { StoreProfile } from '../../shared/store-profile';
import type { TaxTable } from '../../shared/tax';
import type { NewId } from './ids';
import type { ChinarDb, CounterRow } from './schema';
import { DISK_FULL_MESSAGE, isQuotaExceeded } from './storage';
import { getStoreProfile, saleSettings } from './settings';

export interface CommitSaleInput {
  cart: Cart;
  /** From settleTenders: what each tender keeps for the sale. */
  payments: readonly SettledPayment[];
  operator: UserEntity;
  /** Cash rounding to the rupee (0 unless the store rounds all-cash sales). */
  roundOff: Paise;
  deviceId: string;
  now: Date;
  newId: NewId;
  /** Managers who approved discounts above the store's limit, per product line. */
  discountApprovals?: readonly LineApproval[];
  /** Managers who approved selling further beyond the stock count than the store's limit. */
  stockApprovals?: readonly LineApproval[];
  /**
   * The highest invoice number the host's journal knows per counter key ("K01/2627": 123).
   * A number at or below it was issued before, by a store that has since lost it: the
   * sale is refused, and the store must be restored from the journal first.
   */
  numberFloor?: Readonly<Record<string, number>>;
}

/** A manager's PIN given for one cart line. */
export interface LineApproval { productId: string; managerId: string }

/** Counter rows of invoice sequences are keyed `invoice:{series}/{fy}`. */
export const INVOICE_COUNTER_PREFIX = 'invoice:';

export interface CommittedSale {
  sale: SaleEntity;
  lines: SaleLineEntity[];
  payments: PaymentEntity[];
  /** The journal record that carries this sale to the host (set by commitSale, absent on a sale read back). */
  journalId?: string;
}

/** Anything that stopped the sale from being written: the screen says "Sale NOT recorded". */
export class SaleNotRecordedError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
  }
}

/**
 * What a sale is built on besides its cart: the sale settings, the open day and its running
 * tally, the audit log's last entry and the invoice counters. Read in the sale's
 * transaction, or taken from the connection's last sale (see `lastSaleBasis`).
 */
interface SaleBasis {
  profile: StoreProfile;
  taxTable: TaxTable;
  day: OpenBusinessDayEntity;
  tally: DayTally;
  lastAudit: AuditEntry | undefined;
  /** Every counter row (one per invoice series and financial year: tiny). */
  counters: readonly CounterRow[];
}

/** Every row of a sale but the products', built from its basis (pure: no store, no clock). */
interface SaleRows {
  sale: SaleEntity;
  lines: SaleLineEntity[];
  payments: PaymentEntity[];
  audit: AuditEntry;
  counter: CounterRow;
  dayTally: DayTally;
  /** Lines whose discount is above the store's limit: each needs a manager's approval. */
  overDiscount: CommitSaleInput['cart']['items'];
}

/**
 * The basis each connection's last committed sale left behind: the next sale on the
 * connection builds its rows on it and writes them in the same round as its only reads
 * (the settings rows, the audit log's last entry and the products). It holds while nothing else has written since, which those reads prove: every
 * transaction that changes a counter, a business day or a day's rows also appends an audit
 * entry (sales, returns, voids, cash movements, payouts, day open and close; a restore puts
 * the audit log back with the rows), so an unchanged last entry means an unchanged basis;
 * settings rows can change without one, so they are compared themselves. Another tab,
 * another connection, or a manager's action on this one moves the last entry: the
 * transaction is then abandoned, nothing of it written, and the sale is built again on a
 * basis read afresh. Set only once a sale's transaction has committed, so a failed or
 * aborted one never leaves it ahead of the store.
 */
const lastSaleBasis = new WeakMap<ChinarDb, SaleBasis>();

/** The basis a speculative sale was built on has moved: its transaction is abandoned and the sale built afresh. */
class StaleSaleBasis extends Error {}

/** The tables a sale's transaction covers. */
const saleTables = (db: ChinarDb) => [db.products, db.counters, db.audit, db.businessDays, db.settings, db.users, db.carts, db.journalQueue, ...SUMMARY_TABLES(db)];

/**
 * Commits a sale: ONE strict read-write transaction writes the sale, its lines, its
 * payments, the stock decrements, the next invoice number, an audit entry and the day's
 * running summary (day-summary.ts). Either all
 * of it is on disk or none of it is. The receipt is printed by the caller only after this
 * resolves. Stock may go below zero: the piece is in the buyer's hands, so the count was
 * wrong, and refusing the sale would not fix it (the low-stock list shows it).
 */
export async function commitSale(db: ChinarDb, input: CommitSaleInput): Promise<CommittedSale> {
  if (input.cart.items.length === 0) throw new SaleNotRecordedError('The cart is empty.');
  try {
    const known = lastSaleBasis.get(db);
    lastSaleBasis.delete(db);
    const done = (known && await commitOnKnownBasis(db, input, known)) || await commitOnFreshBasis(db, input);
    lastSaleBasis.set(db, done.next);
    return done.committed;
  } catch (error) {
    if (error instanceof SaleNotRecordedError) throw error;
    const reason = isQuotaExceeded(error) ? DISK_FULL_MESSAGE : error instanceof Error ? error.message : String(error);
    throw new SaleNotRecordedError(reason, error);
  }
}

interface CommitDone { committed: CommittedSale; next: SaleBasis }

/** The sale on a basis read in its own transaction: every read at once, then every write at once. */
function commitOnFreshBasis(db: ChinarDb, input: CommitSaleInput): Promise<CommitDone> {
  return db.transaction('rw', saleTables(db), async () => {
    // Every read is issued at once: IndexedDB pipelines them, and the commit stays close
    // to the cost of a bare transaction writing the same rows (see bench/).
    const [{ profile, taxTable }, { day, tally }, products, lastAudit, counters] = await Promise.all([
      saleSettings(db),
      Promise.all([dayForSale(db), openDaySummaries(db)]).then(async ([day, summaries]) => ({ day, tally: await openDayTally(db, day, summaries) })),
      db.products.bulkGet(input.cart.items.map((i) => i.productId)), lastAuditEntry(db), db.counters.toArray(),
    ]);
    const basis: SaleBasis = { profile, taxTable, day, tally, lastAudit, counters };
    const rows = saleRowsOn(basis, input);
    await checkApprovals(db, rows.overDiscount, input.discountApprovals, (name) => `The discount on ${name} is above ${profile.discountLimitPct}% and needs a manager's approval.`);
    const updatedProducts = await productsAfterSale(db, basis, input, rows, products);
    const [journalId] = await Promise.all([writeStockAndJournal(db, rows, updatedProducts), writeSaleRows(db, rows, day)]);
    return { committed: { sale: rows.sale, lines: rows.lines, payments: rows.payments, journalId }, next: basisAfter(basis, rows) };
  });
}

/**
 * The sale on the basis this connection's last sale left (see `lastSaleBasis`): its rows
 * are written in the same round as the reads that check the basis still holds; only the
 * products' rows wait for the products. Undefined when the basis has moved (or the rows
 * could not be built on it): the caller builds the sale afresh.
 */
async function commitOnKnownBasis(db: ChinarDb, input: CommitSaleInput, basis: SaleBasis): Promise<CommitDone | undefined> {
  let checked = false;
  try {
    return await db.transaction('rw', saleTables(db), async () => {
      // The checks are issued before the writes: IndexedDB answers a transaction's requests
      // in order, so they see the store as it was before this sale. The rows are built
      // while the store works on them.
      const settings = saleSettings(db);
      const head = lastAuditEntry(db);
      const products = db.products.bulkGet(input.cart.items.map((i) => i.productId));
      // If the rows are refused below, the transaction ends with these reads unawaited: their
      // failure then is the abort's, already told by the refusal.
      for (const read of [settings, head, products]) read.catch(() => undefined);
      const rows = saleRowsOn(basis, input);
      const approved = checkApprovals(db, rows.overDiscount, input.discountApprovals, (name) => `The discount on ${name} is above ${basis.profile.discountLimitPct}% and needs a manager's approval.`);
      const written = writeSaleRows(db, rows, basis.day);
      // Awaited below; if the basis has moved the transaction is abandoned before that, and
      // these writes (a taken invoice number, say) fail with it.
      written.catch(() => undefined);
      approved.catch(() => undefined);
      const [now, last] = await Promise.all([settings, head]);
      if (now.profile !== basis.profile || now.taxTable !== basis.taxTable || last?.hash !== basis.lastAudit?.hash) throw new StaleSaleBasis();
      checked = true;
      await approved;
      const updatedProducts = await productsAfterSale(db, basis, input, rows, await products);
      const [journalId] = await Promise.all([writeStockAndJournal(db, rows, updatedProducts), written]);
      return { committed: { sale: rows.sale, lines: rows.lines, payments: rows.payments, journalId }, next: basisAfter(basis, rows) };
    });
  } catch (error) {
    // Not yet checked: whatever failed (a refusal of the rows too), it failed on a basis
    // that may have moved, so it is not the store's word.
    if (error instanceof StaleSaleBasis || !checked) return undefined;
    throw error;
  }
}

/** The basis the next sale on this connection starts from, once this sale's transaction has committed. */
function basisAfter(basis: SaleBasis, rows: SaleRows): SaleBasis {
  return {
    ...basis, tally: rows.dayTally, lastAudit: rows.audit,
    counters: [...basis.counters.filter((c) => c.key !== rows.counter.key), rows.counter],
  };
}

/** The sale's rows on `basis`, and every check of the sale that needs neither products nor users. Throws SaleNotRecordedError. */
function saleRowsOn(basis: SaleBasis, input: CommitSaleInput): SaleRows {
  const { profile, taxTable } = basis;
  const totals = cartTotals(input.cart, taxTable);
  const total = paise(totals.gross + input.roundOff);
  const paid = sumPaise(input.payments, (p) => p.amount);
  if (paid !== total) {
    throw new SaleNotRecordedError(`Payments add up to ${paid} paise but the total is ${total} paise.`);
  }
  const cash = sumPaise(input.payments.filter((p) => p.method === 'cash'), (p) => p.amount);
  if (cashOverLimit(cash)) {
    throw new SaleNotRecordedError('Cash of Rs. 2,00,000 or more in one sale is not allowed (Income-tax Act, section 269ST): take part of it by card or UPI.');
  }
  const limitPct = profile.discountLimitPct;
  const overDiscount = input.cart.items.filter((i) => i.discount * 100 > i.unitPrice * i.qty * limitPct);
  // The open day, even past midnight: a sale belongs to the day, not to the wall clock.
  const { businessDate, id: dayId } = basis.day;
  const counterKey = `${INVOICE_COUNTER_PREFIX}${invoiceCounterKey(profile.invoiceSeries, businessDate)}`;
  const sequence = (basis.counters.find((c) => c.key === counterKey)?.value ?? 0) + 1;
  const receiptNo = formatInvoiceNumber(profile.invoiceSeries, businessDate, sequence);
  const floor = input.numberFloor?.[counterKey.slice(INVOICE_COUNTER_PREFIX.length)] ?? 0;
  if (sequence <= floor) {
    const parts = invoiceNumberParts(receiptNo);
    throw new SaleNotRecordedError(`Invoice number ${receiptNo} was already issued on this kiosk (the journal's highest is ${String(floor).padStart(6, '0')}${parts ? ` in ${parts.key}` : ''}): this store has lost sales. A manager must restore the store from the journal (Settings, Journal) before selling again.`);
  }
  const createdAt = isoWithOffset(input.now, profile.timeZone);
  const saleId = input.newId();

  const lines: SaleLineEntity[] = input.cart.items.map((item, index) => {
    if (!Number.isInteger(item.qty) || item.qty <= 0) throw new SaleNotRecordedError(`Line ${index + 1} has no quantity.`);
    const amounts = lineAmounts(item, taxTable);
    return {
      id: input.newId(), saleId, lineNo: index + 1, businessDate,
      productId: item.productId, sku: item.sku, name: item.name, hsn: item.hsn, handmade: item.handmade,
      artisanId: item.artisanId, artisanCode: item.artisanCode, artisanName: item.artisanName,
      fairWageCertified: item.fairWageCertified, qty: item.qty, unitPrice: item.unitPrice,
      discount: item.discount, commissionBps: item.commissionBps, originalLineId: null, ...amounts, dayId,
    };
  });
  const sale: SaleEntity = {
    id: saleId, kind: 'sale', receiptNo, businessDate, createdAt, deviceId: input.deviceId,
    operatorId: input.operator.id, operatorName: input.operator.name, originalSaleId: null,
    total, gross: totals.gross, discount: totals.discount, tax: totals.tax, taxable: totals.taxable,
    commission: totals.commission, artisanNet: totals.artisanNet, roundOff: input.roundOff,
    itemCount: totals.itemCount, dayId,
    issuer: {
      name: profile.name, addressLines: profile.addressLines, phone: profile.phone,
      gstin: profile.gstin, timeZone: profile.timeZone, footer: profile.footer,
    },
  };
  const payments: PaymentEntity[] = input.payments.map((p) => ({
    id: input.newId(), saleId, businessDate, method: p.method, amount: p.amount,
    tendered: p.tendered, change: p.change, reference: p.reference, dayId,
  }));
  const audit = nextAuditEntry(basis.lastAudit, {
    at: createdAt, actorId: input.operator.id, action: 'sale.commit',
    detail: {
      saleId, receiptNo, total, items: totals.itemCount, discount: totals.discount,
      payments: payments.map((p) => [p.method, p.amount]),
      ...(input.discountApprovals?.length ? { discountApprovals: input.discountApprovals } : {}),
      ...(input.stockApprovals?.length ? { stockApprovals: input.stockApprovals } : {}),
    },
  });
  const counter = { key: counterKey, value: sequence };
  const dayTally = tallyRecord(basis.tally, { sale, lines, payments });
  return { sale, lines, payments, audit, counter, dayTally, overDiscount };
}

/** The products' rows with their stock taken down, once a manager approved selling far beyond the count. */
async function productsAfterSale(db: ChinarDb, basis: SaleBasis, input: CommitSaleInput, rows: SaleRows, products: readonly (ProductEntity | undefined)[]): Promise<ProductEntity[]> {
  const stockById = new Map(products.map((p) => [p?.id, p?.stock]));
  const overStock = stockShortfalls(input.cart.items, (id) => stockById.get(id), basis.profile.overStockManagerPieces).filter((s) => s.needsManager);
  await checkApprovals(db, overStock, input.stockApprovals, (name) => `Selling that many of ${name} is beyond the stock count and needs a manager's approval.`);
  return products.map((product, i) => {
    if (!product) throw new SaleNotRecordedError(`${rows.lines[i]!.name} is no longer in the catalog.`);
    return { ...product, stock: product.stock - rows.lines[i]!.qty };
  });
}

/** Every write of the sale that does not depend on the products' rows. */
function writeSaleRows(db: ChinarDb, rows: SaleRows, day: OpenBusinessDayEntity): Promise<unknown> {
  return Promise.all([
    db.sales.add(rows.sale),
    db.saleLines.bulkAdd(rows.lines),
    db.payments.bulkAdd(rows.payments),
    db.counters.put(rows.counter),
    db.audit.add(rows.audit),
    saveDayTally(db, day, rows.dayTally),
    // The counter's cart is now a sale: it must never come back to be charged again.
    db.carts.delete(OPEN_CART_ID),
  ]);
}

/** The stock decrements and the journal record that carries the whole sale to the host; resolves to the record's id. */
async function writeStockAndJournal(db: ChinarDb, rows: SaleRows, updatedProducts: ProductEntity[]): Promise<string> {
  // The puts first: the store writes them while the record's JSON is made.
  const [, ids] = await Promise.all([
    db.products.bulkPut(updatedProducts),
    queueJournal(db, 'sale', rows.sale.createdAt, {
      sales: [rows.sale], saleLines: rows.lines, payments: rows.payments, products: updatedProducts, counters: [rows.counter], audit: [rows.audit],
    }),
  ]);
  return ids[0]!;
}

/**
 * Lines the store's rules send to a manager (a discount above the limit, a quantity far
 * beyond the stock count) must each carry the approval of an active manager; the screen
 * asks for the PIN, and this is the rule.
 */
async function checkApprovals(
  db: ChinarDb,
  needing: readonly { productId: string; name: string }[],
  approvals: readonly LineApproval[] = [],
  refusal: (name: string) => string,
): Promise<void> {
  if (needing.length === 0) return;
  const managers = await db.users.bulkGet([...new Set(approvals.map((a) => a.managerId))]);
  const activeManagers = new Set(managers.filter((u) => u?.active && u.role === 'manager').map((u) => u!.id));
  for (const line of needing) {
    if (!approvals.some((a) => a.productId === line.productId && activeManagers.has(a.managerId))) {
      throw new SaleNotRecordedError(refusal(line.name));
    }
  }
}

/**
 * The invoice number the next sale will most likely get, for the UPI QR's `tr` before
 * the sale commits. The number is allocated for real inside commitSale; on a one-counter
 * device nothing commits in between, and if something did the payment keeps the
 * reference that was shown.
 */
export async function peekNextReceiptNo(db: ChinarDb, now: Date): Promise<string> {
  return db.transaction('r', [db.businessDays, db.counters, db.settings], async () => {
    const profile = await getStoreProfile(db);
    const date = (await openDay(db))?.businessDate ?? calendarDateIn(now, profile.timeZone);
    const key = `${INVOICE_COUNTER_PREFIX}${invoiceCounterKey(profile.invoiceSeries, date)}`;
    return formatInvoiceNumber(profile.invoiceSeries, date, ((await db.counters.get(key))?.value ?? 0) + 1);
  });
}
