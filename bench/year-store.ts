/**
 * A year of a market in the store, written fast: the catalog (artisans, products), then
 * business day after business day of sales (lines, payments, stock taken off the shelf,
 * invoice numbers, one audit entry per sale, the original receipt printed), each day
 * opened and closed with its Z figures and its upload body in the outbox (delivered), and
 * the artisans paid by bank once a month. Rows are shaped as the app writes them: the
 * cart, tax and tender rules of shared/, the audit chain of renderer/db, the close's
 * figures and envelope from shared/day-report and shared/envelope, written with Dexie's
 * bulkAdd in big transactions instead of one strict transaction per sale.
 *
 * Works over any ChinarDb: Chromium's IndexedDB (the bench seeds the app's own store with
 * it) or fake-indexeddb (tests/bench/year-store.test.ts checks the rows against
 * commitSale's and closeBusinessDay's). The history is not in the host's journal: it
 * stands for a store whose records were copied and acknowledged long ago.
 */
import { addToCart, cartItemFor, cartTotals, EMPTY_CART, lineAmounts, type Cart } from '../shared/cart';
import { EMPTY_CASH_COUNT } from '../shared/cash-count';
import { dayFigures } from '../shared/day-report';
import type {
  ArtisanEntity, AuditEntry, BusinessDayEntity, CashCount, ClosedBusinessDayEntity, OpenBusinessDayEntity, PaymentEntity, PayoutEntity, ProductEntity,
  SaleEntity, SaleLineEntity, UserEntity,
} from '../shared/entities';
import { buildEnvelope, serializeEnvelope } from '../shared/envelope';
import { formatInvoiceNumber, invoiceCounterKey } from '../shared/invoice';
import { paise, type Paise } from '../shared/money';
import type { StoreProfile } from '../shared/store-profile';
import type { TaxTable } from '../shared/tax';
import { settleTenders, type TenderInput } from '../shared/tender';
import { calendarDateIn, isoWithOffset, type BusinessDate } from '../shared/time';
import { getStoreProfile, getTaxTable, productSearchWords, type ChinarDb, type NewId } from '../renderer/db';
import { lastAuditEntry, nextAuditEntry } from '../renderer/db/audit';
import type { OutboxRow } from '../renderer/db/outbox';
import type { ReceiptPrintRow } from '../renderer/db/schema';
import { INVOICE_COUNTER_PREFIX } from '../renderer/db/sales';
import { seeded } from '../tests/fixtures/random';

export interface YearStoreSize {
  /** Products in the catalog, the demo's included. */
  products: number;
  /** Artisans, the demo's included. */
  artisans: number;
  /** Sales in the closed days of the history. */
  sales: number;
  /** Closed business days before today (Sundays are skipped). */
  closedDays: number;
}

/** A year of one market (issue 11): about 500,000 lines at 2.5 lines a sale. */
export const MARKET_YEAR: YearStoreSize = { products: 100_000, artisans: 300, sales: 200_000, closedDays: 250 };

export interface SeedYearOptions extends YearStoreSize {
  now: Date;
  /** The till's device id (the host's settings): it goes on every sale, day and envelope. */
  deviceId: string;
  newId: NewId;
  /** Leave today's business day open, as a counter in the morning (default true). */
  openToday?: boolean;
  /** Told after each transaction of the history, for a progress line. */
  onProgress?: (salesWritten: number) => void;
}

export interface SeededYear {
  products: number;
  /** Of which seeded: yearProductBarcode(i) for i below this. */
  yearProducts: number;
  artisans: number;
  sales: number;
  lines: number;
  closedDays: number;
  payouts: number;
  /** The open day of today (null when openToday was false). */
  openDayId: string | null;
  ms: number;
  /** Of which spent waiting for the bulk writes (they overlap the building of the next rows). */
  writeWaitMs: number;
}

/** SKU of the seeded product `i` (0-based). */
export function yearProductSku(i: number): string {
  return `YR-${i}`;
}

/** EAN-13 of the seeded product `i`: GS1's in-store range, prefix 29 (the demo uses 20). */
export function yearProductBarcode(i: number): string {
  const body = `29${String(i).padStart(10, '0')}`;
  let sum = 0;
  for (let k = 0; k < 12; k++) sum += Number(body[k]) * (k % 2 ? 3 : 1);
  return body + String((10 - (sum % 10)) % 10);
}

function addDays(date: BusinessDate, days: number): BusinessDate {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10) as BusinessDate;
}

/** The `count` business days before `today`, oldest first; Sundays the market is shut. */
function pastBusinessDates(today: BusinessDate, count: number): BusinessDate[] {
  const dates: BusinessDate[] = [];
  for (let d = addDays(today, -1); dates.length < count; d = addDays(d, -1)) {
    if (new Date(`${d}T12:00:00Z`).getUTCDay() !== 0) dates.push(d);
  }
  return dates.reverse();
}

/** A drawer count worth `total` paise (500s and coins): the seeded closes count exactly what is expected. */
function countOf(total: Paise): CashCount {
  return { notes: { ...EMPTY_CASH_COUNT.notes, 500: Math.floor(total / 50_000) }, coins: paise(total % 50_000) };
}

/** Everything writing sales needs, read once; the counters and the audit head move on in memory. */
interface SaleWriter {
  profile: StoreProfile;
  taxTable: TaxTable;
  operator: UserEntity;
  manager: UserEntity;
  /** The active catalog; stock is taken off these objects as sales are made, and written with the batch. */
  products: ProductEntity[];
  artisans: Map<string, ArtisanEntity>;
  counters: Map<string, number>;
  lastAudit: AuditEntry | undefined;
  random: () => number;
  deviceId: string;
  newId: NewId;
}

interface SaleRows { sale: SaleEntity; lines: SaleLineEntity[]; payments: PaymentEntity[]; audit: AuditEntry; print: ReceiptPrintRow }

/** A sale of one to four pieces, paid in cash with change, by card, by UPI or split, as commitSale would record it. */
function nextSale(w: SaleWriter, day: BusinessDayEntity, at: Date, touched: Set<ProductEntity>): SaleRows {
  let cart: Cart = EMPTY_CART;
  const pieces = 1 + Math.floor(w.random() * 4);
  for (let k = 0; k < pieces; k++) {
    const product = w.products[Math.floor(w.random() * w.products.length)]!;
    cart = addToCart(cart, cartItemFor(product, w.artisans.get(product.artisanId)!));
    product.stock -= 1;
    touched.add(product);
  }
  const totals = cartTotals(cart, w.taxTable);
  const total = totals.gross;
  const { businessDate, id: dayId } = day;
  const counterKey = `${INVOICE_COUNTER_PREFIX}${invoiceCounterKey(w.profile.invoiceSeries, businessDate)}`;
  const sequence = (w.counters.get(counterKey) ?? 0) + 1;
  w.counters.set(counterKey, sequence);
  const n = `${businessDate.replaceAll('-', '')}${sequence}`;
  const half = paise(Math.floor(total / 2));
  const way = Math.floor(w.random() * 4);
  const tenders: TenderInput[] = way === 0 ? [{ method: 'cash', tendered: paise(Math.ceil(total / 50_000) * 50_000) }]
    : way === 1 ? [{ method: 'card', amount: total, reference: `C${n}` }]
      : way === 2 ? [{ method: 'upi', amount: total, reference: `U${n}` }]
        : [{ method: 'upi', amount: paise(total - half), reference: `U${n}` }, { method: 'cash', tendered: half }];
  const settled = settleTenders(total, tenders);
  if (!settled.ok) throw new Error(`The seeded sale of ${total} paise could not be settled: ${JSON.stringify(settled)}`);
  const receiptNo = formatInvoiceNumber(w.profile.invoiceSeries, businessDate, sequence);
  const createdAt = istIso(at);
  const saleId = w.newId();
  const lines: SaleLineEntity[] = cart.items.map((item, index) => ({
    id: w.newId(), saleId, lineNo: index + 1, businessDate,
    productId: item.productId, sku: item.sku, name: item.name, hsn: item.hsn, handmade: item.handmade,
    artisanId: item.artisanId, artisanCode: item.artisanCode, artisanName: item.artisanName,
    fairWageCertified: item.fairWageCertified, qty: item.qty, unitPrice: item.unitPrice,
    discount: item.discount, commissionBps: item.commissionBps, originalLineId: null, ...lineAmounts(item, w.taxTable), dayId,
  }));
  const sale: SaleEntity = {
    id: saleId, kind: 'sale', receiptNo, businessDate, createdAt, deviceId: w.deviceId,
    operatorId: w.operator.id, operatorName: w.operator.name, originalSaleId: null,
    total, gross: totals.gross, discount: totals.discount, tax: totals.tax, taxable: totals.taxable,
    commission: totals.commission, artisanNet: totals.artisanNet, roundOff: paise(0),
    itemCount: totals.itemCount, dayId,
    issuer: {
      name: w.profile.name, addressLines: w.profile.addressLines, phone: w.profile.phone,
      gstin: w.profile.gstin, timeZone: w.profile.timeZone, footer: w.profile.footer,
    },
  };
  const payments: PaymentEntity[] = settled.payments.map((p) => ({
    id: w.newId(), saleId, businessDate, method: p.method, amount: p.amount,
    tendered: p.tendered, change: p.change, reference: p.reference, dayId,
  }));
  const audit = nextAuditEntry(w.lastAudit, {
    at: createdAt, actorId: w.operator.id, action: 'sale.commit',
    detail: { saleId, receiptNo, total, items: totals.itemCount, discount: totals.discount, payments: payments.map((p) => [p.method, p.amount]) },
  });
  w.lastAudit = audit;
  return { sale, lines, payments, audit, print: { id: saleId, receiptNo, printedAt: createdAt } };
}

/** Rows waiting for the next bulk transaction. */
class Batch {
  sales: SaleEntity[] = [];
  saleLines: SaleLineEntity[] = [];
  payments: PaymentEntity[] = [];
  audit: AuditEntry[] = [];
  receiptPrints: ReceiptPrintRow[] = [];
  businessDays: BusinessDayEntity[] = [];
  outbox: OutboxRow[] = [];
  payouts: PayoutEntity[] = [];

  addSale(rows: SaleRows): void {
    this.sales.push(rows.sale);
    this.saleLines.push(...rows.lines);
    this.payments.push(...rows.payments);
    this.audit.push(rows.audit);
    this.receiptPrints.push(rows.print);
  }

  /**
   * One transaction over every table the rows go to, with the products they took stock
   * from (copied now: the next batch goes on taking stock off the same objects).
   */
  write(db: ChinarDb, w: SaleWriter, touched: Set<ProductEntity>): Promise<void> {
    const products = [...touched].map((p) => ({ ...p }));
    const counters = [...w.counters].map(([key, value]) => ({ key, value }));
    touched.clear();
    return db.transaction('rw', [db.sales, db.saleLines, db.payments, db.audit, db.receiptPrints, db.businessDays, db.outbox, db.payouts, db.products, db.counters], async () => {
      await Promise.all([
        db.sales.bulkAdd(this.sales), db.saleLines.bulkAdd(this.saleLines), db.payments.bulkAdd(this.payments),
        db.audit.bulkAdd(this.audit), db.receiptPrints.bulkAdd(this.receiptPrints), db.businessDays.bulkPut(this.businessDays),
        db.outbox.bulkAdd(this.outbox), db.payouts.bulkAdd(this.payouts), db.products.bulkPut(products), db.counters.bulkPut(counters),
      ]);
    });
  }
}

async function readWriter(db: ChinarDb, deviceId: string, newId: NewId, seed: number): Promise<SaleWriter> {
  const [profile, taxTable, users, artisans, products, counters, lastAudit] = await Promise.all([
    getStoreProfile(db), getTaxTable(db), db.users.toArray(), db.artisans.toArray(), db.products.toArray(), db.counters.toArray(), lastAuditEntry(db),
  ]);
  const operator = users.find((u) => u.active && u.role === 'operator');
  const manager = users.find((u) => u.active && u.role === 'manager');
  if (!operator || !manager) throw new Error('The store has no active operator and manager to sell and close days with: seed the demo first (seedDemoIfEmpty).');
  return {
    profile, taxTable, operator, manager, products: products.filter((p) => p.active), artisans: new Map(artisans.map((a) => [a.id, a])),
    counters: new Map(counters.filter((c) => c.key.startsWith(INVOICE_COUNTER_PREFIX)).map((c) => [c.key, c.value])),
    lastAudit, random: seeded(seed), deviceId, newId,
  };
}

function dayOpening(w: SaleWriter, date: BusinessDate, at: Date): { day: OpenBusinessDayEntity; audit: AuditEntry } {
  const openedAt = checkedIso(w, at);
  const day: OpenBusinessDayEntity = {
    id: w.newId(), businessDate: date, deviceId: w.deviceId, openedAt, openedBy: w.manager.id,
    openingCount: EMPTY_CASH_COUNT, openingFloat: paise(0), status: 'open',
  };
  const audit = nextAuditEntry(w.lastAudit, { at: openedAt, actorId: w.manager.id, action: 'day.open', detail: { dayId: day.id, businessDate: date, openingFloat: 0 } });
  w.lastAudit = audit;
  return { day, audit };
}

/** 10:00 in the market's zone on `date`, plus `offsetMs` (the seeded market keeps Indian time). */
function marketTime(date: BusinessDate, offsetMs: number): Date {
  return new Date(Date.parse(`${date}T10:00:00+05:30`) + offsetMs);
}

const IST_OFFSET_MS = 330 * 60_000;

/**
 * isoWithOffset for Indian time (a fixed +05:30, no summer time) without an
 * Intl.DateTimeFormat per call, which made rows for 200,000 sales take minutes. The first
 * time of each day is checked against the app's own isoWithOffset.
 */
function istIso(at: Date): string {
  return `${new Date(at.getTime() + IST_OFFSET_MS).toISOString().slice(0, 19)}+05:30`;
}

function checkedIso(w: SaleWriter, at: Date): string {
  const iso = isoWithOffset(at, w.profile.timeZone);
  if (iso !== istIso(at)) throw new Error(`The year store is seeded in Indian time, and this store's zone is ${w.profile.timeZone}: set the store profile's zone to Asia/Kolkata.`);
  return iso;
}

/**
 * Seeds a year into a store that has its demo users (seedDemoIfEmpty ran): the catalog
 * grows to `products` and `artisans`, then `closedDays` closed days share `sales` sales.
 */
export async function seedYearStore(db: ChinarDb, options: SeedYearOptions): Promise<SeededYear> {
  const t0 = performance.now();
  const existing = await db.artisans.toArray();
  const newArtisans: ArtisanEntity[] = [];
  for (let i = existing.length; i < options.artisans; i++) {
    newArtisans.push({
      id: options.newId(), code: `YR-${String(i).padStart(3, '0')}`, name: `Year artisan ${i}`, craft: ['Pashmina weaving', 'Sozni embroidery', 'Walnut wood carving', 'Papier-mâché'][i % 4]!,
      cooperative: i % 3 ? `Cooperative ${i % 17}` : '', village: `Village ${i % 41}`, phone: '', gender: (['F', 'M', 'X', null] as const)[i % 4]!,
      commissionBps: 1000 + (i % 6) * 200, fairWageCertified: i % 2 === 0, story: '', pinHash: null, active: true,
    });
  }
  await db.artisans.bulkAdd(newArtisans);
  const artisans = [...existing, ...newArtisans];
  // Numbered from 0 whatever the store held, so yearProductBarcode(i) is a seeded product for i < products − demo's.
  const seeding = Math.max(0, options.products - (await db.products.count()));
  for (let start = 0; start < seeding; start += 20_000) {
    const rows: ProductEntity[] = [];
    for (let i = start; i < Math.min(seeding, start + 20_000); i++) {
      const name = `Year shawl ${i} pattern ${i % 97}`;
      const sku = yearProductSku(i);
      rows.push({
        id: options.newId(), sku, barcode: yearProductBarcode(i), name, searchWords: productSearchWords(name, sku),
        artisanId: artisans[i % artisans.length]!.id, craft: 'Pashmina', hsn: i % 5 ? '6214' : '4420', handmade: true,
        gstRateBpsOverride: null, price: paise(100_000 + (i % 5000) * 100), stock: 1000, active: true,
      });
    }
    await db.products.bulkAdd(rows);
  }

  const w = await readWriter(db, options.deviceId, options.newId, 11);
  const today = calendarDateIn(options.now, w.profile.timeZone);
  const dates = pastBusinessDates(today, options.closedDays);
  const lastClose = await db.businessDays.orderBy('zNumber').last();
  let previous = lastClose?.status === 'closed' ? { zNumber: lastClose.zNumber, grandTotal: lastClose.grandTotal } : null;
  const owed = new Map<string, number>();
  const touched = new Set<ProductEntity>();
  let batch = new Batch();
  let salesWritten = 0;
  let linesWritten = 0;
  // A batch is written while the next one is built: IndexedDB works outside this thread.
  let writing: Promise<void> = Promise.resolve();
  let waitMs = 0;
  const write = async () => {
    const s = performance.now();
    await writing;
    waitMs += performance.now() - s;
    writing = batch.write(db, w, touched);
    batch = new Batch();
  };
  let payouts = 0;
  for (const [d, date] of dates.entries()) {
    const { day, audit: openAudit } = dayOpening(w, date, marketTime(date, -30 * 60_000));
    batch.audit.push(openAudit);
    // The artisans are paid what they are owed by bank on the first business day of a month.
    if (d > 0 && date.slice(0, 7) !== dates[d - 1]!.slice(0, 7)) {
      for (const a of artisans) {
        const amount = owed.get(a.id) ?? 0;
        if (amount <= 0) continue;
        const at = istIso(marketTime(date, -20 * 60_000));
        const payout: PayoutEntity = {
          id: w.newId(), artisanId: a.id, artisanCode: a.code, amount: paise(amount), method: 'bank', reference: `NEFT${date.replaceAll('-', '')}${a.code}`,
          dayId: day.id, businessDate: date, at, paidBy: w.manager.id, cashMovementId: null,
        };
        w.lastAudit = nextAuditEntry(w.lastAudit, { at, actorId: w.manager.id, action: 'artisan.payout', detail: { payoutId: payout.id, dayId: day.id, artisanCode: a.code, amount, method: 'bank', reference: payout.reference } });
        batch.audit.push(w.lastAudit);
        batch.payouts.push(payout);
        owed.set(a.id, 0);
        payouts++;
      }
    }
    const count = Math.floor(options.sales / dates.length) + (d < options.sales % dates.length ? 1 : 0);
    const daySales: SaleRows[] = [];
    for (let k = 0; k < count; k++) {
      const rows = nextSale(w, day, marketTime(date, Math.floor((k * 8 * 3_600_000) / Math.max(1, count))), touched);
      daySales.push(rows);
      batch.addSale(rows);
      for (const l of rows.lines) owed.set(l.artisanId, (owed.get(l.artisanId) ?? 0) + l.artisanNet);
      linesWritten += rows.lines.length;
    }
    salesWritten += count;
    const closing = closeRows(w, day, daySales, previous, marketTime(date, 9 * 3_600_000));
    batch.businessDays.push(closing.day);
    batch.audit.push(closing.audit);
    batch.outbox.push(closing.outbox);
    previous = { zNumber: closing.day.zNumber, grandTotal: closing.day.grandTotal };
    if (batch.sales.length >= 8_000 || d === dates.length - 1) {
      await write();
      options.onProgress?.(salesWritten);
    }
  }
  await write();
  const s = performance.now();
  await writing;
  waitMs += performance.now() - s;

  let openDayId: string | null = null;
  if (options.openToday ?? true) {
    const open = await db.businessDays.where('status').equals('open').first();
    if (open) openDayId = open.id;
    else {
      const { day, audit } = dayOpening(w, today, options.now);
      await db.transaction('rw', [db.businessDays, db.audit], async () => {
        await Promise.all([db.businessDays.add(day), db.audit.add(audit)]);
      });
      openDayId = day.id;
    }
  }
  return {
    products: await db.products.count(), yearProducts: seeding, artisans: artisans.length, sales: salesWritten, lines: linesWritten,
    closedDays: dates.length, payouts, openDayId, ms: Math.round(performance.now() - t0), writeWaitMs: Math.round(waitMs),
  };
}

/** The Z close of a seeded day, as closeBusinessDay writes it: the day locked, its audit entry, its upload body (already delivered). */
function closeRows(w: SaleWriter, open: OpenBusinessDayEntity, rows: readonly SaleRows[], previous: { zNumber: number; grandTotal: Paise } | null, at: Date) {
  const input = {
    day: open, sales: rows.map((r) => r.sale), lines: rows.flatMap((r) => r.lines), payments: rows.flatMap((r) => r.payments),
    cashMovements: [], previous,
  };
  const x = dayFigures({ ...input, counted: paise(0) });
  const counted = x.cash.expected;
  const closedAt = istIso(at);
  const audit = nextAuditEntry(w.lastAudit, {
    at: closedAt, actorId: w.manager.id, action: 'day.close',
    detail: { dayId: open.id, businessDate: open.businessDate, zNumber: x.zNumber, expectedCash: x.cash.expected, countedCash: counted, overShort: 0, grandTotal: x.grandTotal },
  });
  w.lastAudit = audit;
  const day: ClosedBusinessDayEntity = {
    ...open, status: 'closed', closedAt, closedBy: w.manager.id, zNumber: x.zNumber, closingCount: countOf(counted),
    countedCash: counted, expectedCash: x.cash.expected, overShort: paise(0), grandTotal: x.grandTotal, auditHead: audit.hash,
  };
  const figures = dayFigures({ ...input, day, counted: null });
  const body = serializeEnvelope(buildEnvelope(figures, { deviceId: day.deviceId, marketId: w.profile.marketId }));
  const outbox: OutboxRow = {
    id: w.newId(), dayId: day.id, businessDate: day.businessDate, zNumber: day.zNumber, body,
    state: { status: 'delivered', at: closedAt }, attempts: 1, failures: 0, nextAttemptAt: null, lastReason: null,
  };
  return { day, audit, outbox };
}

/**
 * Fills the open day up to `total` sales in one go (for the X and Z reports over a day
 * of 2,000 sales): the day's sales so far count towards it. Returns the sales added.
 */
export async function fillOpenDay(db: ChinarDb, options: { total: number; now: Date; deviceId: string; newId: NewId }): Promise<number> {
  const day = await db.businessDays.where('status').equals('open').first();
  if (day?.status !== 'open') throw new Error('No business day is open to fill: open one first.');
  const have = await db.sales.where('businessDate').equals(day.businessDate).filter((s) => s.dayId === day.id).count();
  const w = await readWriter(db, options.deviceId, options.newId, 29);
  const touched = new Set<ProductEntity>();
  const batch = new Batch();
  const start = Date.parse(day.openedAt);
  for (let k = have; k < options.total; k++) {
    batch.addSale(nextSale(w, day, new Date(Math.min(options.now.getTime(), start + k * 1000)), touched));
  }
  await batch.write(db, w, touched);
  return Math.max(0, options.total - have);
}
