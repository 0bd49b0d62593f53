import { Z_NUMBER_KEY } from '../../shared/journal';
import { useCallback } from 'react';
import { buildXReport, buildZReport } from '../../shared/day-documents';
import type { DayTotals } from '../../shared/day-report';
import type { PrintDocument } from '../../shared/documents';
import type {
  BusinessDayEntity, CashCount, CashMovementEntity, CashMovementKind, ClosedBusinessDayEntity, OpenBusinessDayEntity, PayoutMethod, UserEntity,
} from '../../shared/entities';
import * as db from '../db';
import { useLoadable, type Loadable } from '../hooks/useLoadable';
import { backUpNow, type BackupWritten } from './backup';
import { attempt, messageOf, type Outcome } from './outcome';
import { printDocument, type PrintOutcome } from './printing';
import type { Station } from './station';

/**
 * The market day, for the counter and the manager's Day page: open with the float
 * counted, paid-in and paid-out, an artisan's payout, the X report any time and the Z
 * close (a blind count, then the Z on screen and on paper). Every store write is one
 * transaction in renderer/db/days.ts; printing comes after it and never undoes it.
 */

export interface DayState {
  /** The open day, or null: the counter cannot sell. */
  open: OpenBusinessDayEntity | null;
  /** The open day is from an earlier date (left open past midnight): offer the close. */
  leftOpen: boolean;
}

/** Whether a day is open, reloaded when `generation` changes. */
export function useDayState(station: Station, generation: number): Loadable<DayState> {
  const load = useCallback(async () => {
    const open = await db.openDay(station.db);
    return { open, leftOpen: open !== null && db.isLeftOpen(open, new Date(), station.profile.timeZone) };
  }, [station.db, station.profile.timeZone, generation]);
  return useLoadable(load);
}

/**
 * The open day if it was left open past midnight (its date is before today's in the
 * store's time zone), else null: what a manager is offered to close at sign-in. Sales
 * still go into it meanwhile.
 */
export function dayLeftOpen(station: Station, now = new Date()): Promise<Outcome<OpenBusinessDayEntity | null>> {
  return attempt(async () => {
    const open = await db.openDay(station.db);
    return open !== null && db.isLeftOpen(open, now, station.profile.timeZone) ? open : null;
  });
}

export interface DayView {
  day: BusinessDayEntity;
  figures: DayTotals;
  movements: CashMovementEntity[];
}

/** A day's X (open) or Z (closed) figures, from its running summary, reloaded when `generation` changes. */
export function useDayReport(station: Station, dayId: string | null, generation: number): Loadable<DayView | null> {
  const load = useCallback(
    () => (dayId === null ? Promise.resolve(null) : db.dayTotals(station.db, dayId)),
    [station.db, dayId, generation],
  );
  return useLoadable(load);
}

/** The store's closed days, newest first. */
export function useRecentDays(station: Station, generation: number): Loadable<BusinessDayEntity[]> {
  const load = useCallback(() => db.recentDays(station.db), [station.db, generation]);
  return useLoadable(load);
}

/** Opens the day with the float as counted; `manager` has given their PIN. */
export function openTheDay(station: Station, request: { manager: UserEntity; count: CashCount; now?: Date }): Promise<Outcome<OpenBusinessDayEntity>> {
  return attempt(() => db.openBusinessDay(station.db, {
    managerId: request.manager.id, count: request.count, deviceId: station.settings.deviceId,
    now: request.now ?? new Date(), timeZone: station.profile.timeZone, newId: db.newId,
  }));
}

/** A paid-in or paid-out, approved by `manager` (their PIN checked), done by `by`. */
export function moveCash(
  station: Station,
  request: { dayId: string; kind: CashMovementKind; amount: number; reason: string; by: UserEntity; manager: UserEntity; now?: Date },
): Promise<Outcome<CashMovementEntity>> {
  return attempt(() => db.recordCashMovement(station.db, {
    dayId: request.dayId, kind: request.kind, amount: request.amount, reason: request.reason, by: request.by.id,
    approvedBy: request.manager.id, now: request.now ?? new Date(), timeZone: station.profile.timeZone, newId: db.newId,
  }));
}

/** The manager pays an artisan: cash from the drawer (a paid-out of the day) or a UPI/bank transfer. */
export function payArtisan(
  station: Station,
  request: { dayId: string; artisanId: string; amount: number; method: PayoutMethod; reference: string; manager: UserEntity; now?: Date },
): Promise<Outcome<db.RecordedPayout>> {
  return attempt(() => db.recordPayout(station.db, {
    dayId: request.dayId, artisanId: request.artisanId, amount: request.amount, method: request.method,
    reference: request.method === 'cash' ? null : request.reference, paidBy: request.manager.id,
    now: request.now ?? new Date(), timeZone: station.profile.timeZone, newId: db.newId,
  }));
}

/** The X report as printed (and drawn on screen). */
export function xReportDocument(station: Station, figures: DayTotals, printedAt: Date = new Date()): Outcome<PrintDocument> {
  try {
    return { status: 'ok', value: buildXReport({ store: station.profile, figures, printedAt, width: station.settings.paperWidth }) };
  } catch (error) {
    return { status: 'failed', message: messageOf(error) };
  }
}

/** The Z report of a closed day. */
export function zReportDocument(station: Station, day: ClosedBusinessDayEntity, figures: DayTotals, copy: 'original' | 'duplicate'): Outcome<PrintDocument> {
  try {
    return { status: 'ok', value: buildZReport({ store: station.profile, figures, auditHead: day.auditHead, copy, width: station.settings.paperWidth }) };
  } catch (error) {
    return { status: 'failed', message: messageOf(error) };
  }
}

/** Prints a day's document (X or Z). Never throws. */
export function printDayDocument(station: Station, document: PrintDocument): Promise<PrintOutcome> {
  return printDocument(station.host, document, false);
}

export interface ClosedAndPrinted {
  closed: db.ClosedDay;
  /** The Z as printed; null when it could not be built (the day is closed all the same). */
  document: PrintDocument | null;
  print: PrintOutcome;
  /**
   * The backup of the store taken after the close (never rejects). The close does not
   * wait for it: a backup that fails is said on the Day page, and the Z stands.
   */
  backup: Promise<Outcome<BackupWritten>>;
}

/**
 * The close's rows read and folded while the manager counts the drawer (db.prepareDayClose),
 * for closeTheDay. Never rejects: a prepare that fails (the day closed meanwhile, a read
 * refused) gives null, and the close reads the rows itself and says what is wrong, if anything is.
 */
export function prepareTheClose(station: Station, dayId: string): Promise<db.PreparedClose | null> {
  return db.prepareDayClose(station.db, dayId).catch(() => null);
}

/**
 * The Z close: the blind count locks the day and queues its upload in one transaction;
 * only then is the Z built and printed, and the whole store backed up into the host's
 * backup folder (in the background: `backup` settles later). A printer fault leaves the day closed: the Z can
 * be printed again from the Day page.
 */
export async function closeTheDay(
  station: Station,
  request: { dayId: string; count: CashCount; manager: UserEntity; now?: Date; prepared?: db.PreparedClose | null },
): Promise<Outcome<ClosedAndPrinted>> {
  const closed = await attempt(() => db.closeBusinessDay(station.db, {
    dayId: request.dayId, count: request.count, managerId: request.manager.id, marketId: station.settings.marketId,
    deviceId: station.settings.deviceId, now: request.now ?? new Date(), timeZone: station.profile.timeZone, newId: db.newId,
    zFloor: station.journal.floor()[Z_NUMBER_KEY] ?? 0, ...(request.prepared ? { prepared: request.prepared } : {}),
  }));
  if (closed.status !== 'ok') return closed;
  const backup = backUpNow(station).catch((error: unknown): Outcome<BackupWritten> => ({ status: 'failed', message: messageOf(error) }));
  const document = zReportDocument(station, closed.value.day, closed.value.figures, 'original');
  if (document.status !== 'ok') return { status: 'ok', value: { closed: closed.value, document: null, print: document, backup } };
  const print = await printDayDocument(station, document.value);
  return { status: 'ok', value: { closed: closed.value, document: document.value, print, backup } };
}
