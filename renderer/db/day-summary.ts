import { Dexie, type Table, type Transaction } from 'dexie';
import { dayTallyFromRows, DayRowsError, type DayTally } from '../../shared/day-report';
import type { BusinessDayEntity, CashMovementEntity, PaymentEntity, SaleEntity, SaleLineEntity } from '../../shared/entities';
import type { BusinessDate } from '../../shared/time';
import type { ChinarDb } from './schema';

/**
 * The per-day running summary (`daySummaries`, Dexie v40): the sums behind a day's X and
 * Z figures, updated inside the transaction of every sale, return, void and cash movement
 * of the day, so the X and Z read one row instead of every row of the day (2,000 sales are
 * some 10,000 rows: a quarter of a second to read back in Chromium).
 *
 * The summary is derived, never a record: it is not journaled, a restore (journal or
 * backup) drops it, and a day without one gets it rebuilt from its rows, which stay the
 * truth. The close writes the summary of the rows it locked, so a Z's reprint prints
 * exactly what the close printed.
 */

/** One day's running summary. */
export interface DaySummaryRow {
  /** The business day's own id. */
  dayId: BusinessDayEntity['id'];
  /** The day's own status, indexed: a sale finds the open day's summary while it reads the open day. */
  status: BusinessDayEntity['status'];
  /** Sums of the day's records and cash movements so far (shared/day-report `DayTally`). */
  tally: DayTally;
}

/**
 * The row's tally if it has every sum the current code keeps: a summary written before
 * v42 (or restored from an older backup) has no `byHsn`, and is summed again from its
 * day's rows like a missing one.
 */
export function currentTally(row: DaySummaryRow | undefined): DayTally | undefined {
  return row !== undefined && row.tally.byHsn !== undefined ? row.tally : undefined;
}

/** The tables a day's rows are read from: the store's, or an upgrade transaction's. */
export interface DayRowTables {
  sales: Table<SaleEntity, string>;
  saleLines: Table<SaleLineEntity, string>;
  payments: Table<PaymentEntity, string>;
  cashMovements: Table<CashMovementEntity, string>;
}

/** The id version 20 gave a day moved from the table keyed by date. */
export function migratedDayId(date: BusinessDate): string {
  return `day-${date}`;
}

/** A record belongs to the day: by its dayId, or (written before days had ids) by its date to the migrated day. */
function inDay(row: { dayId?: string; businessDate: BusinessDate }, day: BusinessDayEntity): boolean {
  if (row.businessDate !== day.businessDate) return false;
  return row.dayId !== undefined ? row.dayId === day.id : day.id === migratedDayId(day.businessDate);
}

/** Every row of one day. Inside a transaction over the tables. */
export function dayRows(tables: DayRowTables, day: BusinessDayEntity): Promise<DayRows>;
/** Every row of one day but its payments (the close takes their sums from the day's summary). */
export function dayRows(tables: DayRowTables, day: BusinessDayEntity, options: { payments: false }): Promise<Omit<DayRows, 'payments'>>;
export async function dayRows(tables: DayRowTables, day: BusinessDayEntity, options?: { payments: false }): Promise<Omit<DayRows, 'payments'> & { payments?: PaymentEntity[] }> {
  // Each read is one ranged getAll (a Dexie filter() or anyOf() walks a cursor, a round
  // trip a row: 2,000 sales took seconds), all issued at once, and the day's rows are
  // picked out in memory.
  const date = day.businessDate;
  const [sales, lines, cashMovements, payments] = await Promise.all([
    tables.sales.where('businessDate').equals(date).toArray(),
    tables.saleLines.where('[businessDate+artisanId]').between([date, Dexie.minKey], [date, Dexie.maxKey]).toArray(),
    tables.cashMovements.where('dayId').equals(day.id).toArray(),
    options?.payments === false ? undefined : tables.payments.where('businessDate').equals(date).toArray(),
  ]);
  const mine = (row: { dayId?: string; businessDate: BusinessDate }) => inDay(row, day);
  return { day, sales: sales.filter(mine), lines: lines.filter(mine), cashMovements, ...(payments ? { payments: payments.filter(mine) } : {}) };
}

/**
 * The open day's sales and lines by their own keys: those above the day's id, which was
 * issued when the day opened (UUIDv7s run in time, and nothing is sold into a day before
 * it opens, nor into an older one while it is open). One primary-key range is read in
 * key order, where a read through an index looks each row up apart: for 2,000 sales in
 * Chromium a quarter less time, a third less of the page's CPU (bench/README.md "Day";
 * what is left is the rows' own decoding, some 4.7 MB). A clock set back could hide a row below
 * the range, so the caller checks what it read against the day's summary and reads
 * through the indexes (dayRows) when the two disagree. Inside a transaction over the tables.
 */
export async function openDayRowsByKey(tables: DayRowTables, day: BusinessDayEntity): Promise<Omit<DayRows, 'payments'>> {
  const [sales, lines, cashMovements] = await Promise.all([
    tables.sales.where(':id').above(day.id).toArray(),
    tables.saleLines.where(':id').above(day.id).toArray(),
    tables.cashMovements.where('dayId').equals(day.id).toArray(),
  ]);
  const mine = (row: { dayId?: string; businessDate: BusinessDate }) => inDay(row, day);
  return { day, sales: sales.filter(mine), lines: lines.filter(mine), cashMovements };
}

/** A day's rows, as dayFigures takes them. */
export interface DayRows {
  day: BusinessDayEntity;
  sales: SaleEntity[];
  lines: SaleLineEntity[];
  payments: PaymentEntity[];
  cashMovements: CashMovementEntity[];
}

/** The day's lines alone (one ranged getAll by its date), for a figure that needs nothing else of a day without a summary. */
export async function dayLines(tables: Pick<DayRowTables, 'saleLines'>, day: BusinessDayEntity): Promise<SaleLineEntity[]> {
  const date = day.businessDate;
  const lines = await tables.saleLines.where('[businessDate+artisanId]').between([date, Dexie.minKey], [date, Dexie.maxKey]).toArray();
  return lines.filter((l) => inDay(l, day));
}

/** The tables a transaction needs to read (or rebuild) a day's summary. */
export const SUMMARY_TABLES = (db: ChinarDb) => [db.daySummaries, db.sales, db.saleLines, db.payments, db.cashMovements];

/**
 * The day's tally as it stands, before the caller's transaction adds to it: its summary
 * row, or (none yet: a day from before v40, or after a restore) the sum of its rows.
 * Inside a transaction over SUMMARY_TABLES.
 */
export async function loadDayTally(db: ChinarDb, day: BusinessDayEntity): Promise<DayTally> {
  return tallyOf(db, day, await db.daySummaries.get(day.id));
}

/** The summaries marked open (one, or none before the day's first record). */
export function openDaySummaries(db: ChinarDb): Promise<DaySummaryRow[]> {
  return db.daySummaries.where('status').equals('open').toArray();
}

/**
 * The open day's tally, from the rows `openDaySummaries` read alongside the open day (so
 * a sale waits for one round of reads, not two), or from the day's rows when none is its.
 */
export async function openDayTally(db: ChinarDb, day: BusinessDayEntity, open: readonly DaySummaryRow[]): Promise<DayTally> {
  return tallyOf(db, day, open.find((row) => row.dayId === day.id));
}

async function tallyOf(db: ChinarDb, day: BusinessDayEntity, row: DaySummaryRow | undefined): Promise<DayTally> {
  return currentTally(row) ?? dayTallyFromRows(await dayRows(db, day));
}

/**
 * The tallies of `days`, by day id, each from its summary; a day without a current one
 * (from before v40 or v42, or restored) is summed from its rows first and its summary
 * kept, once. Opens its own transactions: a read, and a write for each day that needs one.
 */
export async function talliesOfDays(db: ChinarDb, days: readonly BusinessDayEntity[]): Promise<Map<BusinessDayEntity['id'], DayTally>> {
  const out = new Map<BusinessDayEntity['id'], DayTally>();
  const rows = await db.transaction('r', db.daySummaries, () => db.daySummaries.bulkGet(days.map((d) => d.id)));
  const missing = days.filter((d, i) => {
    const tally = currentTally(rows[i]);
    if (tally) out.set(d.id, tally);
    return tally === undefined;
  });
  // A transaction a day: a sale waiting on the summaries never waits for more than one
  // day's rows, and a year of days summed at once would hold the whole history in memory.
  for (const d of missing) {
    out.set(d.id, await db.transaction('rw', [db.businessDays, ...SUMMARY_TABLES(db)], async () => {
      const day = await db.businessDays.get(d.id);
      if (!day) throw new DayRowsError([`the day of ${d.businessDate} is no longer in the store`]);
      const kept = currentTally(await db.daySummaries.get(d.id));
      if (kept) return kept;
      const tally = dayTallyFromRows(await dayRows(db, day));
      await saveDayTally(db, day, tally);
      return tally;
    }));
  }
  return out;
}

/** Writes the day's new tally, in the transaction of the rows it sums. */
export function saveDayTally(db: ChinarDb, day: BusinessDayEntity, tally: DayTally): Promise<string> {
  return db.daySummaries.put({ dayId: day.id, status: day.status, tally });
}

/**
 * Version 40's upgrade (and v42's, whose tally has the HSN sums): the open day (there is at most one) gets its summary from its
 * rows. Closed days get theirs when first read: a year of them would make the first start
 * after the update read the whole history. A day whose rows do not add up is left without
 * one, so the store still opens; its X says what is wrong when it is read.
 */
export async function buildOpenDaySummary(tx: Transaction): Promise<void> {
  const open = await tx.table<BusinessDayEntity, string>('businessDays').where('status').equals('open').first();
  if (!open) return;
  const tables: DayRowTables = {
    sales: tx.table('sales'), saleLines: tx.table('saleLines'), payments: tx.table('payments'), cashMovements: tx.table('cashMovements'),
  };
  let tally: DayTally;
  try {
    tally = dayTallyFromRows(await dayRows(tables, open));
  } catch (error) {
    if (error instanceof DayRowsError) return;
    throw error;
  }
  await tx.table<DaySummaryRow, string>('daySummaries').put({ dayId: open.id, status: open.status, tally });
}
