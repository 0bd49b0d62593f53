import { describe, expect, it } from 'vitest';
import { closedAtMs, LATE_AFTER_MS, syncAttention } from '../../../renderer/app/uploads';
import type { OutboxState } from '../../../renderer/db';
import type { BusinessDate } from '../../../shared/time';

const CLOSED_AT = '2026-11-22T18:04:11+05:30';
const CLOSED_MS = Date.parse(CLOSED_AT);

function row(id: string, state: OutboxState, businessDate = '2026-11-22', zNumber = 17, closedAt = CLOSED_AT) {
  return { id, businessDate: businessDate as BusinessDate, zNumber, state, body: JSON.stringify({ schema: 'chinar.daily-earnings/1', businessDate, zNumber, closedAt }) };
}

describe('syncAttention: which closed days the manager must look at', () => {
  it('a day still waiting is late only after more than 24 hours since its close: exactly 24 h is not', () => {
    const queued = [row('a', { status: 'queued' })];
    expect(syncAttention(queued, CLOSED_MS + LATE_AFTER_MS - 1)).toEqual([]);
    expect(syncAttention(queued, CLOSED_MS + LATE_AFTER_MS)).toEqual([]);
    expect(syncAttention(queued, CLOSED_MS + LATE_AFTER_MS + 1)).toEqual([{ id: 'a', businessDate: '2026-11-22', zNumber: 17, reason: 'late' }]);
    const sending = [row('b', { status: 'sending', since: '2026-11-23T18:00:00Z' })];
    expect(syncAttention(sending, CLOSED_MS + LATE_AFTER_MS + 1)).toMatchObject([{ id: 'b', reason: 'late' }]);
  });

  it('a refused, conflicting or unauthorized day needs attention at once; a delivered one never', () => {
    const rows = [
      row('r', { status: 'refused', reason: 'totals.sales' }, '2026-11-20', 15),
      row('c', { status: 'conflict', reason: 'different body' }, '2026-11-21', 16),
      row('u', { status: 'unauthorized', reason: 'clock' }, '2026-11-22', 17),
      row('d', { status: 'delivered', at: '2026-11-22T13:00:00Z' }, '2026-11-19', 14),
      row('h', { status: 'delivered', at: '2026-11-22T13:00:00Z', byHand: { managerId: 'm', managerName: 'M' } }, '2026-11-18', 13),
    ];
    expect(syncAttention(rows, CLOSED_MS).map((a) => [a.id, a.reason])).toEqual([['r', 'refused'], ['c', 'conflict'], ['u', 'unauthorized']]);
    expect(syncAttention(rows, CLOSED_MS + 10 * LATE_AFTER_MS).map((a) => a.id)).toEqual(['r', 'c', 'u']);
  });

  it('lists oldest first, by date then Z number', () => {
    const rows = [
      row('z2', { status: 'queued' }, '2026-11-10', 2, '2026-11-10T18:00:00+05:30'),
      row('z1', { status: 'queued' }, '2026-11-10', 1, '2026-11-10T12:00:00+05:30'),
      row('z0', { status: 'refused', reason: 'x' }, '2026-11-09', 9, '2026-11-09T18:00:00+05:30'),
    ];
    expect(syncAttention(rows, Date.parse('2026-11-20T00:00:00Z')).map((a) => a.id)).toEqual(['z0', 'z1', 'z2']);
  });

  it('reads the close from the stored body, with its offset; an unreadable body is not called late', () => {
    expect(closedAtMs(row('a', { status: 'queued' }).body)).toBe(Date.parse('2026-11-22T12:34:11Z'));
    expect(closedAtMs('{not json')).toBeNull();
    expect(closedAtMs('{"closedAt": 5}')).toBeNull();
    expect(syncAttention([{ ...row('a', { status: 'queued' }), body: '{}' }], CLOSED_MS + 100 * LATE_AFTER_MS)).toEqual([]);
  });
});
