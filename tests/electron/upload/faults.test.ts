import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Fault } from '../../../electron/central-dev/server';
import { prepareBody, sendAttempt } from '../../../electron/upload/attempt';
import type { UploadOutcome } from '../../../shared/contract/upload';
import { afterAttempt, nextUpload, type RetryPolicy } from '../../../shared/protocol/retry';
import { seeded } from '../../fixtures/random';
import { dayBody, DEVICE_ID, KEY, startTestCentral } from './fixtures';

const FAULTS: Fault[] = [
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
  { kind: 'status', status: 429, retryAfter: '0' },
  { kind: 'hang' },
  { kind: 'reset' },
  { kind: 'drop-answer' },
];

interface Row { body: string; businessDate: string; zNumber: number; pending: boolean; nextAttemptAt: number | null; failures: number; firstTriedAt: number | null; deliveredAt: number | null; outcomes: UploadOutcome[] }

describe('200 days through a 30% fault rate', () => {
  it('stores every day exactly once, oldest first, with the shared backoff and ordering', async () => {
    const faultRandom = seeded(10);
    const central = await startTestCentral({ faultPolicy: () => (faultRandom() < 0.3 ? FAULTS[Math.floor(faultRandom() * FAULTS.length)]! : null) });
    try {
      const keyBytes = Buffer.from(KEY, 'base64url');
      // The renderer's outbox loop in miniature: the shared nextUpload/afterAttempt with a
      // 1 ms backoff base, so retries take milliseconds instead of minutes.
      const policy: RetryPolicy = { baseMs: 1, maxMs: 64 };
      const jitter = seeded(20);
      const queuedAt = Date.now();
      const rows: Row[] = Array.from({ length: 200 }, (_, n) => {
        const body = dayBody(n);
        const e = JSON.parse(body) as { businessDate: string; zNumber: number };
        return { body, businessDate: e.businessDate, zNumber: e.zNumber, pending: true, nextAttemptAt: null, failures: 0, firstTriedAt: null, deliveredAt: null, outcomes: [] };
      });
      // Days are queued newest first, as a careless caller might: the order must come from nextUpload.
      rows.reverse();
      for (let step = 0; step < 5_000; step++) {
        const next = nextUpload(rows, Date.now());
        if (next.kind === 'idle') break;
        if (next.kind === 'wait') { await new Promise((r) => setTimeout(r, next.untilMs - Date.now())); continue; }
        const row = next.row;
        const prepared = prepareBody(row.body);
        if (!prepared.ok) throw new Error(prepared.outcome.reason);
        row.firstTriedAt ??= Date.now();
        const outcome = await sendAttempt({
          baseUrl: central.url, deviceId: DEVICE_ID, keyBytes, body: prepared.bytes, idempotencyKey: prepared.idempotencyKey,
          timeouts: { connectMs: 1_000, responseMs: 400 },
        });
        row.outcomes.push(outcome);
        const after = afterAttempt(outcome, row.failures, Date.now(), jitter, policy);
        if (after.state === 'retry') { row.failures = after.failures; row.nextAttemptAt = after.nextAttemptAt; continue; }
        expect(after.state).toBe('delivered');
        row.pending = false;
        row.deliveredAt = Date.now();
      }

      expect(rows.filter((r) => r.pending)).toEqual([]);
      const lines = (await readFile(central.storeFile, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { idempotencyKey: string });
      expect(lines).toHaveLength(200);
      expect(new Set(lines.map((l) => l.idempotencyKey)).size).toBe(200);
      // Oldest first: stored in the order of the days.
      expect(lines.map((l) => l.idempotencyKey)).toEqual([...rows].reverse().map((r) => `${DEVICE_ID}:${r.businessDate}:${r.zNumber}`));

      const { answers, requests } = central.stats();
      for (const kind of ['500', '503', '429', 'hang', 'reset', 'dropped', '201', '200']) expect(answers[kind], kind).toBeGreaterThan(0);
      // A lost answer (dropped, or slower than the client's timeout) came back as a 200 on
      // the retry, never as a second copy: the store above holds each day once.
      for (const row of rows) expect(row.outcomes.at(-1)).toMatchObject({ outcome: 'delivered' });
      const retries = rows.reduce((n, r) => n + r.failures, 0);
      expect(requests).toBe(200 + retries);

      const ownWait = Math.max(...rows.map((r) => r.deliveredAt! - r.firstTriedAt!));
      const queueWait = Math.max(...rows.map((r) => r.deliveredAt! - queuedAt));
      const mostAttempts = Math.max(...rows.map((r) => r.outcomes.length));
      console.log(`200 days, ${requests} requests (${retries} retried, faults ${JSON.stringify(answers)}); `
        + `longest wait in the queue ${queueWait} ms (all 200 queued at once); longest a day took from its first attempt ${ownWait} ms; most attempts for one day ${mostAttempts}`);
    } finally {
      await central.close();
    }
  }, 60_000);
});
