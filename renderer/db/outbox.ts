import { afterAttempt, nextUpload, type NextUpload } from '../../shared/protocol/retry';
import type { UploadOutcome } from '../../shared/contract/upload';
import type { BusinessDayEntity, UserEntity } from '../../shared/entities';
import { appendAudit } from './audit';
import { StoreRefusal } from './refusal';
import type { BusinessDate } from '../../shared/time';
import { queueJournal } from './journal-queue';
import type { ChinarDb } from './schema';

/**
 * The outbox: one row per closed day, written by the close in the same transaction that
 * locks the day (PROTOCOL.md "Guarantees": at least once). The body is the exact text the
 * central system receives on every attempt; the state says how far it got.
 */
export type OutboxState =
  /** Still to send: never tried, or waiting out a backoff (`nextAttemptAt`). */
  | { status: 'queued' }
  /** An attempt went out and has not answered yet (or the page went away meanwhile): sent again, same bytes. */
  | { status: 'sending'; since: string }
  /**
   * 201, or 200 for a repeat of the same body. Or carried by hand (`byHand`): saved to a
   * file, sent with `npm run upload` from another machine, and marked delivered by the
   * manager named here; such a day is never sent again.
   */
  | { status: 'delivered'; at: string; byHand?: { managerId: string; managerName: string } }
  /** 400/422 (or another 4xx): the central system's reason. Not retried by itself. */
  | { status: 'refused'; reason: string }
  /** 409: stored before with a different body. Not retried by itself. */
  | { status: 'conflict'; reason: string }
  /** 401: "device not enrolled or clock wrong". Not retried by itself. */
  | { status: 'unauthorized'; reason: string };

export interface OutboxRow {
  /** Client-generated UUIDv7. */
  id: string;
  /** The closed day this uploads; one row per day. */
  dayId: BusinessDayEntity['id'];
  businessDate: BusinessDate;
  zNumber: number;
  /** The PROTOCOL.md body exactly as serializeEnvelope wrote it at the close: never rebuilt. */
  body: string;
  state: OutboxState;
  /** Attempts made, whatever their answer. */
  attempts: number;
  /** Attempts in a row that met passing trouble: the backoff's exponent. */
  failures: number;
  /** Not before this instant (ms since the epoch); null = as soon as possible. */
  nextAttemptAt: number | null;
  /** The last attempt's trouble in words ("503 from the central system"), for the Sync list; null when none. */
  lastReason: string | null;
}

export function isPending(row: OutboxRow): boolean {
  return row.state.status === 'queued' || row.state.status === 'sending';
}

/** Every closed day's upload, oldest first. */
export async function outboxRows(db: ChinarDb): Promise<OutboxRow[]> {
  const rows = await db.outbox.toArray();
  return rows.sort((a, b) => (a.businessDate !== b.businessDate ? (a.businessDate < b.businessDate ? -1 : 1) : a.zNumber - b.zNumber));
}

/**
 * The days not yet delivered (waiting, being sent, or stopped), by the status index. Each
 * row carries its day's whole upload body (hundreds of kB for a busy day), so the upload
 * loop and the sync banner must not read a year of delivered days to find these.
 */
export function undeliveredOutboxRows(db: ChinarDb): Promise<OutboxRow[]> {
  return outboxRowsIn(db, UNDELIVERED);
}

type OutboxStatus = OutboxState['status'];
/** Every status, so a new one cannot be left out of the reads below (the compiler says so). */
const SENDS_AGAIN: Record<OutboxStatus, 'pending' | 'stopped' | 'delivered'> = {
  queued: 'pending', sending: 'pending', refused: 'stopped', conflict: 'stopped', unauthorized: 'stopped', delivered: 'delivered',
};
const statuses = (keep: (kind: (typeof SENDS_AGAIN)[OutboxStatus]) => boolean) =>
  (Object.keys(SENDS_AGAIN) as OutboxStatus[]).filter((s) => keep(SENDS_AGAIN[s]));
const PENDING = statuses((kind) => kind === 'pending');
const UNDELIVERED = statuses((kind) => kind !== 'delivered');

/**
 * One ranged getAll per status: Dexie's anyOf and notEqual walk a cursor over the index,
 * which in Chromium read every delivered day's body too (1.8 s for a year of them).
 */
async function outboxRowsIn(db: ChinarDb, wanted: readonly OutboxStatus[]): Promise<OutboxRow[]> {
  const found = await Promise.all(wanted.map((status) => db.outbox.where('state.status').equals(status).toArray()));
  return found.flat();
}

/** The one day to send next (oldest pending first; a stopped day does not hold back later ones). */
export async function nextOutboxRow(db: ChinarDb, nowMs: number): Promise<NextUpload<OutboxRow>> {
  const rows = await outboxRowsIn(db, PENDING);
  return nextUpload(rows.map((r) => ({ ...r, pending: isPending(r) })), nowMs);
}

/**
 * Marks the row as being sent, before the attempt goes out: a page that dies mid-attempt
 * leaves a row the next loop sends again (same bytes, same key: the central system
 * answers 200 to a repeat, so it is never stored twice). Null when the row is no longer
 * pending (delivered or stopped meanwhile, e.g. by another tab).
 */
export async function beginAttempt(db: ChinarDb, id: string, now: Date): Promise<OutboxRow | null> {
  return db.transaction('rw', [db.outbox], async () => {
    const row = await db.outbox.get(id);
    if (!row || !isPending(row)) return null;
    const sending: OutboxRow = { ...row, state: { status: 'sending', since: now.toISOString() }, attempts: row.attempts + 1 };
    await db.outbox.put(sending);
    return sending;
  });
}

/** Writes one attempt's answer back (shared/protocol/retry.ts `afterAttempt` decides). */
export async function finishAttempt(db: ChinarDb, id: string, outcome: UploadOutcome, now: Date, random: () => number): Promise<OutboxRow | null> {
  return db.transaction('rw', [db.outbox, db.journalQueue], async () => {
    const row = await db.outbox.get(id);
    if (!row) return null;
    // Marked delivered by hand while this attempt was out: whatever it met, the day stays delivered.
    if (row.state.status === 'delivered') return row;
    const nowMs = now.getTime();
    const next = afterAttempt({ outcome: outcome.outcome, retryAfterMs: outcome.outcome === 'retry' ? outcome.retryAfterMs : null }, row.failures, nowMs, random);
    let updated: OutboxRow;
    switch (next.state) {
      case 'delivered':
        updated = { ...row, state: { status: 'delivered', at: now.toISOString() }, nextAttemptAt: null, lastReason: null };
        break;
      case 'stopped': {
        const reason = 'reason' in outcome ? outcome.reason : '';
        const state: OutboxState = outcome.outcome === 'conflict' ? { status: 'conflict', reason }
          : outcome.outcome === 'unauthorized' ? { status: 'unauthorized', reason } : { status: 'refused', reason };
        updated = { ...row, state, nextAttemptAt: null, lastReason: reason };
        break;
      }
      case 'held':
        // Not enrolled: nothing was sent. Look again in a minute, without growing the backoff.
        updated = { ...row, state: { status: 'queued' }, nextAttemptAt: nowMs + 60_000, lastReason: 'reason' in outcome ? outcome.reason : null };
        break;
      case 'retry':
        updated = { ...row, state: { status: 'queued' }, failures: next.failures, nextAttemptAt: next.nextAttemptAt, lastReason: 'reason' in outcome ? outcome.reason : null };
        break;
    }
    await db.outbox.put(updated);
    // The answer is journaled (a rebuilt store knows what central has), the brief 'sending' mark is not.
    await queueJournal(db, 'upload', now.toISOString(), { outbox: [updated] });
    return updated;
  });
}

/**
 * The manager's "retry now": the day goes back to the front of its turn at once. A stopped
 * day (refused, conflict, not enrolled) is queued again too, for after the cause is fixed
 * (a new enrolment, the clock set right); a delivered day stays delivered.
 */
export async function retryUploadNow(db: ChinarDb, id: string, now = new Date()): Promise<OutboxRow | null> {
  return db.transaction('rw', [db.outbox, db.journalQueue], async () => {
    const row = await db.outbox.get(id);
    if (!row || row.state.status === 'delivered') return row ?? null;
    const updated: OutboxRow = { ...row, state: row.state.status === 'sending' ? row.state : { status: 'queued' }, nextAttemptAt: null, failures: 0 };
    await db.outbox.put(updated);
    await queueJournal(db, 'upload', now.toISOString(), { outbox: [updated] });
    return updated;
  });
}

/**
 * The manager's "mark delivered by hand": the day went to the central system some other
 * way (saved to a file, `npm run upload` from another machine). The row becomes delivered
 * with the manager's name, so the upload loop never sends it again; audited and journaled
 * in the same transaction. A day already delivered stays as it was.
 */
export async function markDeliveredByHand(db: ChinarDb, id: string, manager: Pick<UserEntity, 'id' | 'name'>, at: string): Promise<OutboxRow> {
  return db.transaction('rw', [db.outbox, db.users, db.audit, db.journalQueue], async () => {
    const row = await db.outbox.get(id);
    if (!row) throw new StoreRefusal('That closed day is not in the sync list any more. Reload the page.');
    if (row.state.status === 'delivered') return row;
    const user = await db.users.get(manager.id);
    if (!user || user.role !== 'manager' || !user.active) throw new StoreRefusal('Only an active manager can mark a day delivered by hand.');
    const updated: OutboxRow = {
      ...row,
      state: { status: 'delivered', at, byHand: { managerId: user.id, managerName: user.name } },
      nextAttemptAt: null,
      lastReason: null,
    };
    await db.outbox.put(updated);
    const entry = await appendAudit(db, {
      at,
      actorId: user.id,
      action: 'upload.delivered-by-hand',
      detail: { outboxId: row.id, dayId: row.dayId, businessDate: row.businessDate, zNumber: row.zNumber, before: row.state.status },
    });
    await queueJournal(db, 'upload', at, { outbox: [updated], audit: [entry] });
    return updated;
  });
}
