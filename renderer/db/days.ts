import { cashCountTotal } from '../../shared/cash-count';
import {
  dayFigures, dayTotalsFromTally, figuresOfFoldedDay, foldDayAgainstTally, foldDayRows, tallyCashMovement,
  type DayFigures, type DayReportInput, type DayTally, type DayTotals, type DayTotalsContext, type FoldedDay,
} from '../../shared/day-report';
import { buildEnvelope, serializeBuiltEnvelope } from '../../shared/envelope';
import type {
  AuditEntry, BusinessDayEntity, CashCount, CashMovementEntity, CashMovementKind, ClosedBusinessDayEntity, OpenBusinessDayEntity,
  PayoutEntity, PayoutMethod, UserEntity,
} from '../../shared/entities';
import { paise, type Paise } from '../../shared/money';
import { calendarDateIn, isoWithOffset } from '../../shared/time';
import { appendAudit, lastAuditEntry, nextAuditEntry } from './audit';
import type { NewId } from './ids';
import { currentTally, dayRows, loadDayTally, openDayRowsByKey, saveDayTally, SUMMARY_TABLES, talliesOfDays } from './day-summary';
import { queueJournal } from './journal-queue';
import type { OutboxRow } from './outbox';
import { StoreRefusal } from './refusal';
import type { ChinarDb } from './schema';

/**
 * The business day, from the counted float to the locked Z close. Each operation is ONE
 * transaction (the day, its rows and its audit entry commit together or not at all); a
 * closed day is locked: nothing more is written into it, by these or by commitSale.
 *
 * Z numbers run per device (DESIGN.md); a store of record belongs to one till, so the
 * store's closed days are that device's days and the next Z follows the highest.
 */

/** The store said no about the day (not open, closed, already open, a bad count). */
export class DayError extends StoreRefusal {}
/** A write into a closed day. */
export class DayClosedError extends DayError {}
/** A sale or a movement with no day open. */
export class DayNotOpenError extends DayError {}

export const DAY_NOT_OPEN = 'The day is not open: a manager opens it with the float counted.';

/** The longest reason kept for a paid-in or paid-out. */
export const REASON_MAX = 200;
/** The longest UPI or bank reference kept for a payout. */
export const REFERENCE_MAX = 64;

/** The open business day, if any. A sale belongs to it, not to the wall clock. */
export async function openDay(db: ChinarDb): Promise<OpenBusinessDayEntity | null> {
  const day = await db.businessDays.where('status').equals('open').first();
  return day?.status === 'open' ? day : null;
}

/**
 * The day a sale made now belongs to: the open day, even past midnight (the manager is
 * offered the close at the next sign-in). None open: refused, because a day opens only
 * with a manager and a counted float. Call inside a transaction that includes businessDays.
 */
export async function dayForSale(db: ChinarDb): Promise<OpenBusinessDayEntity> {
  const open = await openDay(db);
  if (!open) throw new DayNotOpenError(DAY_NOT_OPEN);
  return open;
}

/** An open day whose date is before today's in the market's zone: it is offered for closing. */
export function isLeftOpen(day: BusinessDayEntity, now: Date, timeZone: string): boolean {
  return day.status === 'open' && day.businessDate < calendarDateIn(now, timeZone);
}

function closedMessage(day: ClosedBusinessDayEntity): string {
  return `The day of ${day.businessDate} (Z ${day.zNumber}) is closed: nothing more can be written into it. A manager opens the next day.`;
}

/** The day `dayId` if it is open; a refusal in words otherwise. Inside the caller's transaction. */
async function writableDay(db: ChinarDb, dayId: BusinessDayEntity['id']): Promise<OpenBusinessDayEntity> {
  const day = await db.businessDays.get(dayId);
  if (!day) throw new DayNotOpenError(DAY_NOT_OPEN);
  if (day.status === 'closed') throw new DayClosedError(closedMessage(day));
  return day;
}

async function activeManager(db: ChinarDb, id: UserEntity['id'], what: string): Promise<UserEntity> {
  const user = await db.users.get(id);
  if (!user?.active || user.role !== 'manager') throw new DayError(`${what} needs an active manager's approval.`);
  return user;
}

function countTotal(count: CashCount, what: string): Paise {
  const total = cashCountTotal(count);
  if (!total.ok) throw new DayError(`The ${what} is not a count: every denomination needs a whole number of notes, and coins an amount of 0 or more.`);
  return total.total;
}

function positiveAmount(amount: number, what: string): Paise {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new DayError(`The ${what} must be more than ₹0.`);
  return paise(amount);
}

export interface OpenDayInput {
  /** The manager whose PIN opened the day (checked again here). */
  managerId: UserEntity['id'];
  /** The float as counted into the drawer. */
  count: CashCount;
  deviceId: string;
  now: Date;
  timeZone: string;
  newId: NewId;
}

/**
 * Opens the business day of `now`'s date with the counted float. Refused while another
 * day is open; after a close, a second day may open on the same date.
 */
export async function openBusinessDay(db: ChinarDb, input: OpenDayInput): Promise<OpenBusinessDayEntity> {
  const float = countTotal(input.count, 'opening float');
  return db.transaction('rw', [db.businessDays, db.users, db.audit, db.journalQueue], async () => {
    const already = await openDay(db);
    if (already) throw new DayError(`The day of ${already.businessDate} is already open. Close it before opening another.`);
    await activeManager(db, input.managerId, 'Opening the day');
    const at = isoWithOffset(input.now, input.timeZone);
    const day: OpenBusinessDayEntity = {
      id: input.newId(), businessDate: calendarDateIn(input.now, input.timeZone), deviceId: input.deviceId, openedAt: at,
      openedBy: input.managerId, openingCount: input.count, openingFloat: float, status: 'open',
    };
    await db.businessDays.add(day);
    const entry = await appendAudit(db, { at, actorId: input.managerId, action: 'day.open', detail: { dayId: day.id, businessDate: day.businessDate, openingFloat: float } });
    await queueJournal(db, 'day-open', at, { businessDays: [day], audit: [entry] });
    return day;
  });
}

export interface CashMovementInput {
  dayId: BusinessDayEntity['id'];
  kind: CashMovementKind;
  /** Paise, more than 0. */
  amount: number;
  reason: string;
  /** The person at the till. */
  by: UserEntity['id'];
  /** The manager whose PIN approved it. */
  approvedBy: UserEntity['id'];
  now: Date;
  timeZone: string;
  newId: NewId;
}

/** A paid-in or paid-out of the day's drawer, with its reason and the approving manager. */
export async function recordCashMovement(db: ChinarDb, input: CashMovementInput): Promise<CashMovementEntity> {
  const amount = positiveAmount(input.amount, input.kind === 'paid-in' ? 'amount paid in' : 'amount paid out');
  const reason = input.reason.trim();
  if (reason === '') throw new DayError('Say why the cash moved: the reason goes on the X and Z reports.');
  if (reason.length > REASON_MAX) throw new DayError(`The reason is longer than ${REASON_MAX} characters.`);
  return db.transaction('rw', [db.businessDays, db.users, db.audit, db.journalQueue, ...SUMMARY_TABLES(db)], async () => {
    const day = await writableDay(db, input.dayId);
    const [tally] = await Promise.all([loadDayTally(db, day), activeManager(db, input.approvedBy, input.kind === 'paid-in' ? 'A paid-in' : 'A paid-out')]);
    const at = isoWithOffset(input.now, input.timeZone);
    const movement: CashMovementEntity = {
      id: input.newId(), dayId: day.id, businessDate: day.businessDate, kind: input.kind, amount, reason,
      by: input.by, approvedBy: input.approvedBy, at, payoutId: null,
    };
    await Promise.all([db.cashMovements.add(movement), saveDayTally(db, day, tallyCashMovement(tally, movement, day.id))]);
    const entry = await appendAudit(db, { at, actorId: input.by, action: `cash.${input.kind}`, detail: { movementId: movement.id, dayId: day.id, amount, reason, approvedBy: input.approvedBy } });
    await queueJournal(db, 'cash', at, { cashMovements: [movement], audit: [entry] });
    return movement;
  });
}

export interface PayoutInput {
  dayId: BusinessDayEntity['id'];
  artisanId: string;
  /** Paise, more than 0. */
  amount: number;
  method: PayoutMethod;
  /** The UPI or bank transfer reference; ignored for cash. */
  reference: string | null;
  /** The manager who pays. */
  paidBy: UserEntity['id'];
  now: Date;
  timeZone: string;
  newId: NewId;
}

export interface RecordedPayout {
  payout: PayoutEntity;
  /** The paid-out of the drawer, for a cash payout. */
  movement: CashMovementEntity | null;
}

/**
 * The market paying an artisan. Cash leaves the day's drawer, so it is also a paid-out of
 * the day (the expected cash falls by it); UPI and bank transfers carry their reference.
 */
export async function recordPayout(db: ChinarDb, input: PayoutInput): Promise<RecordedPayout> {
  const amount = positiveAmount(input.amount, 'payout');
  const reference = input.method === 'cash' ? null : (input.reference ?? '').trim();
  if (reference === '') throw new DayError(`A ${input.method === 'upi' ? 'UPI' : 'bank'} payout needs its transaction reference.`);
  if (reference !== null && reference.length > REFERENCE_MAX) throw new DayError(`The reference is longer than ${REFERENCE_MAX} characters.`);
  return db.transaction('rw', [db.businessDays, db.artisans, db.payouts, db.users, db.audit, db.journalQueue, ...SUMMARY_TABLES(db)], async () => {
    const day = await writableDay(db, input.dayId);
    const [tally] = await Promise.all([loadDayTally(db, day), activeManager(db, input.paidBy, 'Paying an artisan')]);
    const artisan = await db.artisans.get(input.artisanId);
    if (!artisan) throw new DayError('That artisan is not in the store.');
    const at = isoWithOffset(input.now, input.timeZone);
    const payoutId = input.newId();
    const movement: CashMovementEntity | null = input.method === 'cash' ? {
      id: input.newId(), dayId: day.id, businessDate: day.businessDate, kind: 'paid-out', amount,
      reason: `Payout to ${artisan.code} ${artisan.name}`, by: input.paidBy, approvedBy: input.paidBy, at, payoutId,
    } : null;
    const payout: PayoutEntity = {
      id: payoutId, artisanId: artisan.id, artisanCode: artisan.code, amount, method: input.method, reference,
      dayId: day.id, businessDate: day.businessDate, at, paidBy: input.paidBy, cashMovementId: movement?.id ?? null,
    };
    await db.payouts.add(payout);
    if (movement) await Promise.all([db.cashMovements.add(movement), saveDayTally(db, day, tallyCashMovement(tally, movement, day.id))]);
    const entry = await appendAudit(db, { at, actorId: input.paidBy, action: 'artisan.payout', detail: { payoutId, dayId: day.id, artisanCode: artisan.code, amount, method: input.method, reference } });
    await queueJournal(db, 'payout', at, { payouts: [payout], ...(movement ? { cashMovements: [movement] } : {}), audit: [entry] });
    return { payout, movement };
  });
}

/** The newest closed day before `day` (the previous Z), or the newest of all for an open day. */
async function previousClose(db: ChinarDb, day: BusinessDayEntity): Promise<ClosedBusinessDayEntity | null> {
  if (day.status === 'open') return lastClose(db);
  const found = await db.businessDays.where('zNumber').below(day.zNumber).last();
  return found?.status === 'closed' ? found : null;
}

/** The store's newest Z close (what an open day's close follows). */
async function lastClose(db: ChinarDb): Promise<ClosedBusinessDayEntity | null> {
  const found = await db.businessDays.orderBy('zNumber').last();
  return found?.status === 'closed' ? found : null;
}

const previousOf = (close: ClosedBusinessDayEntity | null): DayReportInput['previous'] =>
  (close ? { zNumber: close.zNumber, grandTotal: close.grandTotal } : null);

/** Everything dayFigures needs about one day. Inside a transaction over the day's tables. */
async function dayInput(db: ChinarDb, day: BusinessDayEntity, counted?: Paise): Promise<DayReportInput> {
  const [rows, previous] = await Promise.all([dayRows(db, day), previousClose(db, day)]);
  return {
    ...rows, previous: previousOf(previous),
    ...(counted === undefined ? {} : { counted }),
  };
}

const READ_TABLES = (db: ChinarDb) => [db.businessDays, db.sales, db.saleLines, db.payments, db.cashMovements];

const byTime = (a: { at: string }, b: { at: string }) => (a.at < b.at ? -1 : 1);

/**
 * A day as it is now, from every one of its rows: the X figures of an open day, the Z
 * figures of a closed one, with each artisan's lines (what the upload lists). The X and
 * Z reports need only the totals: dayTotals reads them from the day's summary.
 */
export async function dayReport(db: ChinarDb, dayId: BusinessDayEntity['id']): Promise<{ day: BusinessDayEntity; figures: DayFigures; movements: CashMovementEntity[] }> {
  return db.transaction('r', READ_TABLES(db), async () => {
    const day = await db.businessDays.get(dayId);
    if (!day) throw new DayError('That day is not in the store.');
    const input = await dayInput(db, day);
    return { day, figures: dayFigures(input), movements: [...input.cashMovements].sort(byTime) };
  });
}

export interface DayTotalsView {
  day: BusinessDayEntity;
  figures: DayTotals;
  /** The day's paid-ins and paid-outs, oldest first. */
  movements: CashMovementEntity[];
}

/**
 * The X (open) or Z (closed) totals of a day, from its running summary: one row however
 * many sales the day had. A day without a summary (kept from before v40, or restored)
 * gets it built from its rows first, once. The figures are those dayReport gives from the
 * rows, to the paisa (tests/renderer/db/day-summary.test.ts), without the artisans' lines.
 */
export async function dayTotals(db: ChinarDb, dayId: BusinessDayEntity['id']): Promise<DayTotalsView> {
  const read = () => db.transaction('r', [db.businessDays, db.daySummaries, db.cashMovements], async () => {
    const [day, summary, movements] = await Promise.all([
      db.businessDays.get(dayId), db.daySummaries.get(dayId), db.cashMovements.where('dayId').equals(dayId).toArray(),
    ]);
    if (!day) throw new DayError('That day is not in the store.');
    const tally = currentTally(summary);
    if (!tally) return { day, shown: null };
    const previous = await previousClose(db, day);
    const context = { day, previous: previousOf(previous) };
    return { day, shown: { day, figures: dayTotalsFromTally(tally, context), movements: movements.sort(byTime) } };
  });
  const first = await read();
  if (first.shown) return first.shown;
  await talliesOfDays(db, [first.day]);
  const rebuilt = await read();
  if (!rebuilt.shown) throw new DayError("The day's figures could not be kept in the store. Try again.");
  return rebuilt.shown;
}

/** The days in the store, newest first (the open one, then the closes by Z number). */
export async function recentDays(db: ChinarDb, limit = 30): Promise<BusinessDayEntity[]> {
  const [open, closed] = await Promise.all([openDay(db), db.businessDays.orderBy('zNumber').reverse().limit(limit).toArray()]);
  return open ? [open, ...closed] : closed;
}

/** The payouts recorded in a day, oldest first. */
export async function payoutsOfDay(db: ChinarDb, dayId: BusinessDayEntity['id']): Promise<PayoutEntity[]> {
  return (await db.payouts.where('dayId').equals(dayId).toArray()).sort((a, b) => (a.at < b.at ? -1 : 1));
}

/**
 * The close's figures with the store's previous Z raised to the journal's floor when the
 * store is behind it (closed days lost): the Z report then shows the gap, and the Z number
 * is new. The grand total stays the store's own: the lost days' takings are not known here.
 */
function aboveZFloor(context: DayTotalsContext, zFloor: number): DayTotalsContext {
  if (zFloor <= (context.previous?.zNumber ?? 0)) return context;
  return { ...context, previous: { zNumber: zFloor, grandTotal: context.previous?.grandTotal ?? paise(0) } };
}

export interface CloseDayInput {
  dayId: BusinessDayEntity['id'];
  /** The blind count of the drawer. */
  count: CashCount;
  managerId: UserEntity['id'];
  /** For the upload body (PROTOCOL.md `marketId`). */
  marketId: string;
  /** This till's device id: a day moved from the old table with no sale to name its device takes it. */
  deviceId: string;
  now: Date;
  timeZone: string;
  newId: NewId;
  /**
   * The highest Z number the host's journal holds (journal.floor()): the close's Z goes above
   * it even when this store has lost closed days, so no Z is ever issued twice.
   */
  zFloor?: number;
  /**
   * The day's rows read and folded when the close dialog opened (prepareDayClose): used
   * when the store has not moved since, read and folded again inside the close otherwise.
   */
  prepared?: PreparedClose;
}

export interface ClosedDay {
  day: ClosedBusinessDayEntity;
  figures: DayFigures;
  outbox: OutboxRow;
  /** Whether the close took its rows from `prepared` (nothing had changed since), rather than reading them itself. */
  fromPrepared: boolean;
}

/** A day's rows folded ahead of its close, with the audit log's head they were read at. */
export interface PreparedClose {
  dayId: BusinessDayEntity['id'];
  /** The audit log's last entry when the rows were read (null: an empty log). */
  auditHead: { seq: number; hash: string } | null;
  folded: FoldedDay;
}

const headOf = (entry: AuditEntry | undefined): PreparedClose['auditHead'] => (entry ? { seq: entry.seq, hash: entry.hash } : null);

/**
 * Reads and folds the open day's rows for its close, in a read-only transaction, while
 * the manager counts the drawer: a busy day's rows take most of a close's time to read.
 * Every write that moves a day (a sale, return or void, a cash movement or payout, a day
 * opened or closed, a restore, which puts the audit log back with the rows) appends an
 * audit entry, so the close can tell by the audit log's head whether the fold still holds
 * (closeBusinessDay). Refused like the close for a day that is not open.
 */
export async function prepareDayClose(db: ChinarDb, dayId: BusinessDayEntity['id']): Promise<PreparedClose> {
  return db.transaction('r', [...READ_TABLES(db), db.daySummaries, db.audit], async () => {
    const [open, summary, head] = await Promise.all([writableDay(db, dayId), db.daySummaries.get(dayId), lastAuditEntry(db)]);
    return { dayId, auditHead: headOf(head), folded: await foldDayToClose(db, open, currentTally(summary), () => undefined) };
  });
}

/** The prepared fold if it is of this day and nothing has been written since it was read. */
function stillPrepared(prepared: PreparedClose | undefined, dayId: BusinessDayEntity['id'], head: AuditEntry | undefined): FoldedDay | null {
  if (prepared?.dayId !== dayId) return null;
  const now = headOf(head);
  const same = prepared.auditHead === null ? now === null : now !== null && now.seq === prepared.auditHead.seq && now.hash === prepared.auditHead.hash;
  return same ? prepared.folded : null;
}

/**
 * The Z close, in ONE transaction: the day is locked with its Z number (the next after
 * the store's last), its counted and expected cash and over/short (a difference is
 * recorded, never a reason to refuse), the never-reset grand total and the audit chain's
 * head (the hash of this close's own audit entry, so the paper anchors everything up to
 * the close); and the day's PROTOCOL.md body goes into the outbox in the same commit, so
 * a crash can never leave a closed day that will not be uploaded. A body the central
 * system would refuse stops the close (serializeBuiltEnvelope says why): nothing is written.
 */
export async function closeBusinessDay(db: ChinarDb, input: CloseDayInput): Promise<ClosedDay> {
  const counted = countTotal(input.count, 'drawer count');
  markClose('start');
  try {
    return await closeInOneTransaction(db, input, counted);
  } finally {
    clearCloseMarks();
  }
}

async function closeInOneTransaction(db: ChinarDb, input: CloseDayInput, counted: Paise): Promise<ClosedDay> {
  const closed = await db.transaction('rw', [...READ_TABLES(db), db.daySummaries, db.users, db.audit, db.outbox, db.journalQueue], async () => {
    // Everything but the day's rows in one round of reads; the rows need the day's date.
    const [open, , summary, previous, head] = await Promise.all([
      writableDay(db, input.dayId), activeManager(db, input.managerId, 'Closing the day'), db.daySummaries.get(input.dayId),
      lastClose(db), lastAuditEntry(db),
    ]);
    const context = aboveZFloor({ day: open, previous: previousOf(previous), counted }, input.zFloor ?? 0);
    // The rows are folded once: the X the close locks, the Z figures and the summary all
    // come from that one pass, made when the dialog opened if nothing has moved since.
    const prepared = stillPrepared(input.prepared, open.id, head);
    if (prepared) markClose('read');
    const folded = prepared ?? await foldDayToClose(db, open, currentTally(summary), () => markClose('read'));
    markClose('folded');
    const x = figuresOfFoldedDay(folded, context);
    const closedAt = isoWithOffset(input.now, input.timeZone);
    const audit = nextAuditEntry(head, {
      at: closedAt, actorId: input.managerId, action: 'day.close',
      detail: {
        dayId: open.id, businessDate: open.businessDate, zNumber: x.zNumber, expectedCash: x.cash.expected,
        countedCash: counted, overShort: counted - x.cash.expected, grandTotal: x.grandTotal,
      },
    });
    const day: ClosedBusinessDayEntity = {
      ...open, deviceId: open.deviceId === '' ? input.deviceId : open.deviceId, status: 'closed', closedAt, closedBy: input.managerId, zNumber: x.zNumber, closingCount: input.count,
      countedCash: counted, expectedCash: x.cash.expected, overShort: paise(counted - x.cash.expected),
      grandTotal: x.grandTotal, auditHead: audit.hash,
    };
    const figures = figuresOfFoldedDay(folded, { day, previous: context.previous, counted: null });
    const body = serializeBuiltEnvelope(buildEnvelope(figures, { deviceId: day.deviceId, marketId: input.marketId }));
    markClose('body');
    const outbox: OutboxRow = {
      id: input.newId(), dayId: day.id, businessDate: day.businessDate, zNumber: day.zNumber, body,
      state: { status: 'queued' }, attempts: 0, failures: 0, nextAttemptAt: null, lastReason: null,
    };
    // The Z number and the outbox row are in the journal too: a store rebuilt from it
    // neither reissues the Z nor forgets that the day is still to be uploaded.
    // The summary of the rows the close locked: a reprint of the Z prints these figures.
    await Promise.all([
      db.businessDays.put(day), db.audit.add(audit), db.outbox.add(outbox), saveDayTally(db, day, folded.tally),
      queueJournal(db, 'day-close', closedAt, { businessDays: [day], outbox: [outbox], audit: [audit] }),
    ]);
    markClose('written');
    return { day, figures, outbox, fromPrepared: prepared !== null };
  });
  markClose('committed');
  return closed;
}

/**
 * The close's stages as User Timing marks (`z-close:read`, …), so a profile or the bench
 * can split a busy day's close: reading, folding, the body, the writes, the commit.
 */
export const CLOSE_STAGES = ['start', 'read', 'folded', 'body', 'written', 'committed'] as const;
function markClose(stage: (typeof CLOSE_STAGES)[number]): void {
  performance.mark(`z-close:${stage}`);
}

/**
 * The marks go once the close is done (or refused), so a page left open for months does
 * not keep six a day in its performance buffer. A profile recorded them as they were made, and a
 * PerformanceObserver (the bench's) has them already.
 */
function clearCloseMarks(): void {
  for (const stage of CLOSE_STAGES) performance.clearMarks(`z-close:${stage}`);
}

/**
 * The day's rows folded for its close. With the day's running summary at hand, its
 * payments are not read (a fifth of its rows; reading is most of a close's time): the
 * sales, lines and cash movements are, by their keys (openDayRowsByKey), and what they
 * sum must be the summary's (foldDayAgainstTally). Without one, or when the two disagree,
 * every row is read through the indexes and folded: the rows are the truth.
 */
async function foldDayToClose(db: ChinarDb, day: OpenBusinessDayEntity, summary: DayTally | undefined, onRead: () => void): Promise<FoldedDay> {
  if (summary) {
    const rows = await openDayRowsByKey(db, day);
    onRead();
    const folded = foldDayAgainstTally(rows, summary);
    if (folded) return folded;
  }
  const rows = await dayRows(db, day);
  onRead();
  return foldDayRows(rows);
}
