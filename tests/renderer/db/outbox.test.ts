import { describe, expect, it } from 'vitest';
import {
  beginAttempt, closeBusinessDay, DEMO_PINS, finishAttempt, markDeliveredByHand, nextOutboxRow, outboxRows, retryUploadNow, undeliveredOutboxRows, signInWithPin, StoreRefusal, type ChinarDb,
} from '../../../renderer/db';
import { EMPTY_CASH_COUNT } from '../../../shared/cash-count';
import { freshStore, openTestDay } from './helpers';

const TZ = 'Asia/Kolkata';

async function closeDays(db: ChinarDb, newId: () => string, dates: string[]) {
  const manager = (await signInWithPin(db, DEMO_PINS.manager))!;
  for (const date of dates) {
    const day = await openTestDay(db, newId, new Date(`${date}T09:00:00+05:30`));
    await closeBusinessDay(db, { dayId: day.id, count: EMPTY_CASH_COUNT, managerId: manager.id, marketId: 'demo-market', deviceId: 'demo-market/K01', now: new Date(`${date}T18:00:00+05:30`), timeZone: TZ, newId });
  }
}

describe('the outbox', () => {
  it('sends the oldest day first, backs off on passing trouble, and lets a refused day step out of the line', async () => {
    const { db, newId } = await freshStore({ openDay: false });
    await closeDays(db, newId, ['2026-11-21', '2026-11-22']);
    const t0 = new Date('2026-11-23T04:00:00Z');
    const first = await nextOutboxRow(db, t0.getTime());
    expect(first.kind === 'send' && first.row.zNumber).toBe(1);
    if (first.kind !== 'send') return;

    const sending = await beginAttempt(db, first.row.id, t0);
    expect(sending).toMatchObject({ state: { status: 'sending' }, attempts: 1 });
    const waiting = await finishAttempt(db, first.row.id, { outcome: 'retry', status: 503, reason: '503 Service Unavailable', retryAfterMs: 5_000 }, t0, () => 0);
    expect(waiting).toMatchObject({ state: { status: 'queued' }, failures: 1, nextAttemptAt: t0.getTime() + 5_000, lastReason: '503 Service Unavailable' });
    // The later day waits behind the older one's backoff.
    expect(await nextOutboxRow(db, t0.getTime() + 1_000)).toMatchObject({ kind: 'wait', row: { zNumber: 1 } });

    await retryUploadNow(db, first.row.id);
    await beginAttempt(db, first.row.id, t0);
    await finishAttempt(db, first.row.id, { outcome: 'refused', status: 422, reason: 'totals.sales does not match' }, t0, () => 0);
    const next = await nextOutboxRow(db, t0.getTime());
    expect(next.kind === 'send' && next.row.zNumber).toBe(2);
    if (next.kind !== 'send') return;
    await beginAttempt(db, next.row.id, t0);
    await finishAttempt(db, next.row.id, { outcome: 'delivered', status: 201 }, t0, () => 0);
    expect((await outboxRows(db)).map((r) => r.state)).toEqual([
      { status: 'refused', reason: 'totals.sales does not match' },
      { status: 'delivered', at: t0.toISOString() },
    ]);
    expect(await nextOutboxRow(db, t0.getTime())).toEqual({ kind: 'idle' });
    // The banner's read: the stopped day, not the delivered one.
    expect((await undeliveredOutboxRows(db)).map((r) => r.zNumber)).toEqual([1]);
    // A delivered day is never sent again, even when asked.
    expect(await beginAttempt(db, next.row.id, t0)).toBeNull();
    expect((await retryUploadNow(db, next.row.id))?.state.status).toBe('delivered');
  });

  it('a day marked delivered by hand by a manager is audited, journaled and never sent again, even by an attempt already out', async () => {
    const { db, newId } = await freshStore({ openDay: false });
    await closeDays(db, newId, ['2026-11-21']);
    const manager = (await signInWithPin(db, DEMO_PINS.manager))!;
    const operator = (await signInWithPin(db, DEMO_PINS.operator))!;
    const [row] = await outboxRows(db);
    const t0 = new Date('2026-11-23T04:00:00Z');
    // The loop had an attempt out when the manager marked it.
    await beginAttempt(db, row!.id, t0);
    const journalBefore = await db.journalQueue.count();
    const auditBefore = await db.audit.count();

    await expect(markDeliveredByHand(db, row!.id, operator, '2026-11-23T09:30:00+05:30')).rejects.toBeInstanceOf(StoreRefusal);
    const marked = await markDeliveredByHand(db, row!.id, manager, '2026-11-23T09:30:00+05:30');
    expect(marked.state).toEqual({ status: 'delivered', at: '2026-11-23T09:30:00+05:30', byHand: { managerId: manager.id, managerName: manager.name } });
    expect(await db.audit.count()).toBe(auditBefore + 1);
    expect((await db.audit.orderBy('seq').last())).toMatchObject({ actorId: manager.id, action: 'upload.delivered-by-hand', detail: { outboxId: row!.id, zNumber: 1, before: 'sending' } });
    const queued = await db.journalQueue.toArray();
    expect(queued.length).toBe(journalBefore + 1);
    expect(queued.at(-1)).toMatchObject({ kind: 'upload', data: { outbox: [{ id: row!.id, state: { status: 'delivered', byHand: { managerId: manager.id } } }], audit: [{ action: 'upload.delivered-by-hand' }] } });

    // The attempt that was out answers afterwards: the day stays delivered by hand.
    const late = await finishAttempt(db, row!.id, { outcome: 'refused', status: 422, reason: 'late answer' }, t0, () => 0);
    expect(late?.state).toEqual(marked.state);
    expect(await nextOutboxRow(db, t0.getTime())).toEqual({ kind: 'idle' });
    expect(await beginAttempt(db, row!.id, t0)).toBeNull();
    expect((await retryUploadNow(db, row!.id))?.state).toEqual(marked.state);
    // Marking it again changes nothing and audits nothing more.
    await markDeliveredByHand(db, row!.id, manager, '2026-11-24T09:30:00+05:30');
    expect(await db.audit.count()).toBe(auditBefore + 1);
  });
});
