import { paise } from '../../shared/money';
import { calendarDateIn, isoWithOffset, type BusinessDate } from '../../shared/time';
import type { DayEntity, UserEntity } from '../../shared/entities';
import { appendAudit } from './audit';
import { StoreRefusal } from './refusal';
import type { ChinarDb } from './schema';

/** The open business day, if any. A sale belongs to it, not to the wall clock. */
export async function openDay(db: ChinarDb): Promise<DayEntity | null> {
  return (await db.days.where('status').equals('open').first()) ?? null;
}

/**
 * The day a sale made now belongs to: the open day, or — when none is open — today's
 * date in the market's zone, opened on the spot with no float (the manager records the
 * opening float when opening the day explicitly). Call inside a transaction that
 * includes `days` and `audit`.
 */
export async function dayForSale(db: ChinarDb, now: Date, timeZone: string, by: UserEntity): Promise<BusinessDate> {
  const open = await openDay(db);
  if (open) return open.businessDate;
  const date = calendarDateIn(now, timeZone);
  const existing = await db.days.get(date);
  if (existing?.status === 'closed') {
    throw new DayClosedError(`The business day ${date} is already closed. A manager must open the next day before selling.`);
  }
  const at = isoWithOffset(now, timeZone);
  await db.days.add({ businessDate: date, status: 'open', openedAt: at, openingFloat: paise(0), openedBy: by.id });
  await appendAudit(db, { at, actorId: by.id, action: 'day.open', detail: { businessDate: date, openingFloat: 0, automatic: true } });
  return date;
}

export class DayClosedError extends StoreRefusal {}
