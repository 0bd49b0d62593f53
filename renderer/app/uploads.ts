import { useCallback, useEffect } from 'react';
import type { SavedEnvelope, UploadOutcome } from '../../shared/contract/upload';
import type { UserEntity } from '../../shared/entities';
import { isoWithOffset } from '../../shared/time';
import * as db from '../db';
import { useLoadable, type Loadable } from '../hooks/useLoadable';
import { attempt, callHost, type Outcome } from './outcome';
import type { Station } from './station';

/**
 * The upload loop (issue 10, the renderer's side): closed days leave the outbox oldest
 * first, through the host's `upload.send`, which signs and sends one attempt with the body
 * stored at the close. The answer is written back to the row (retry with backoff,
 * delivered, or stopped for the manager to see). One loop per page.
 */

/** How often an idle loop looks for a newly closed day. */
export const IDLE_POLL_MS = 3_000;
/** The longest a loop sleeps while a day waits out its backoff (a "retry now" is seen by then). */
export const MAX_SLEEP_MS = 3_000;

export type UploadStep =
  | { kind: 'idle' }
  | { kind: 'wait'; untilMs: number }
  | { kind: 'sent'; row: db.OutboxRow };

/**
 * One turn of the loop: the next day's one attempt, if one is due. A host that could not
 * be reached counts as passing trouble: the day waits its backoff and is sent again.
 */
export async function uploadOnce(station: Station, now: () => Date = () => new Date(), random: () => number = Math.random): Promise<UploadStep> {
  const next = await db.nextOutboxRow(station.db, now().getTime());
  if (next.kind === 'idle') return { kind: 'idle' };
  if (next.kind === 'wait') return { kind: 'wait', untilMs: next.untilMs };
  const sending = await db.beginAttempt(station.db, next.row.id, now());
  if (!sending) return { kind: 'wait', untilMs: now().getTime() };
  const answer = await callHost(station.host, 'upload.send', { body: sending.body });
  const outcome: UploadOutcome = answer.status === 'ok'
    ? answer.value
    : { outcome: 'retry', status: null, reason: answer.message, retryAfterMs: null };
  const row = await db.finishAttempt(station.db, sending.id, outcome, now(), random);
  return row ? { kind: 'sent', row } : { kind: 'idle' };
}

/** Runs the loop while the page is up; `onChange` after each attempt (the Sync list reloads). */
export function useUploadLoop(station: Station, onChange?: () => void): void {
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const turn = async () => {
      let delay = IDLE_POLL_MS;
      try {
        const step = await uploadOnce(station);
        if (step.kind === 'sent') {
          onChange?.();
          delay = 0;
        } else if (step.kind === 'wait') delay = Math.max(0, Math.min(step.untilMs - Date.now(), MAX_SLEEP_MS));
      } catch {
        // The store could not be read (closing tab, a blocked upgrade): look again later.
      }
      if (live) timer = setTimeout(() => void turn(), delay);
    };
    void turn();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [station, onChange]);
}

/** Every closed day's upload, oldest first, for the Sync list. */
export function useOutbox(station: Station, generation: number): Loadable<db.OutboxRow[]> {
  const load = useCallback(() => db.outboxRows(station.db), [station.db, generation]);
  return useLoadable(load);
}

/** The manager's "retry now". */
export function retryNow(station: Station, id: string): Promise<Outcome<db.OutboxRow | null>> {
  return attempt(() => db.retryUploadNow(station.db, id));
}

/** A closed day not delivered this long after its close is shown on the manager's home. */
export const LATE_AFTER_MS = 24 * 60 * 60 * 1000;

export type SyncAttentionReason = 'late' | 'refused' | 'conflict' | 'unauthorized';

export interface SyncAttention {
  id: string;
  businessDate: string;
  zNumber: number;
  reason: SyncAttentionReason;
}

/** The instant the day was closed (ms), from the body stored at the close; null when it cannot be read. */
export function closedAtMs(body: string): number | null {
  try {
    const parsed: unknown = JSON.parse(body);
    const closedAt = parsed && typeof parsed === 'object' && 'closedAt' in parsed ? parsed.closedAt : null;
    const ms = typeof closedAt === 'string' ? Date.parse(closedAt) : NaN;
    return Number.isFinite(ms) ? ms : null;
  } catch {
    return null;
  }
}

/**
 * The closed days the manager must look at (issue 10): one the central system stopped
 * (refused, conflict, not enrolled / clock wrong), or one still not delivered more than
 * 24 hours after its close (exactly 24 hours is not yet late). Oldest first. Pure.
 */
export function syncAttention(rows: readonly Pick<db.OutboxRow, 'id' | 'businessDate' | 'zNumber' | 'body' | 'state'>[], nowMs: number): SyncAttention[] {
  const out: SyncAttention[] = [];
  for (const row of rows) {
    const status = row.state.status;
    let reason: SyncAttentionReason | null = null;
    if (status === 'refused' || status === 'conflict' || status === 'unauthorized') reason = status;
    else if (status !== 'delivered') {
      const closed = closedAtMs(row.body);
      if (closed !== null && nowMs - closed > LATE_AFTER_MS) reason = 'late';
    }
    if (reason) out.push({ id: row.id, businessDate: row.businessDate, zNumber: row.zNumber, reason });
  }
  return out.sort((a, b) => (a.businessDate !== b.businessDate ? (a.businessDate < b.businessDate ? -1 : 1) : a.zNumber - b.zNumber));
}

/** The days needing attention, for the manager's home banner (read once per visit). */
export function useSyncAttention(station: Station, generation: number, now: () => number = Date.now): Loadable<SyncAttention[]> {
  const load = useCallback(async () => syncAttention(await db.undeliveredOutboxRows(station.db), now()), [station.db, generation, now]);
  return useLoadable(load);
}

/**
 * "Save to file": the host checks the stored body with PROTOCOL.md's validator and writes
 * it into its `envelopes/` folder, for `npm run upload` from a USB stick.
 */
export function saveEnvelope(station: Station, row: Pick<db.OutboxRow, 'body' | 'businessDate' | 'zNumber'>): Promise<Outcome<SavedEnvelope>> {
  return callHost(station.host, 'upload.saveEnvelope', { body: row.body, businessDate: row.businessDate, zNumber: row.zNumber });
}

/** "Mark delivered by hand", after a manager's PIN: the upload loop never sends the day again. */
export function markDeliveredByHand(station: Station, id: string, manager: UserEntity, now = new Date()): Promise<Outcome<db.OutboxRow>> {
  return attempt(() => db.markDeliveredByHand(station.db, id, manager, isoWithOffset(now, station.profile.timeZone)));
}
