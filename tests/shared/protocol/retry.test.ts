import { describe, expect, it } from 'vitest';
import {
  afterAttempt, baseUrlProblem, compareDays, DEFAULT_RETRY_POLICY, nextUpload, parseRetryAfter, retryDelayMs, uploadPath,
} from '../../../shared/protocol/retry';

const always = (r: number) => () => r;

describe('retryDelayMs', () => {
  it('doubles the ceiling from 1 s and stops at 15 minutes', () => {
    const ceilings = [1, 2, 3, 4, 5, 10, 11, 30].map((n) => retryDelayMs(n, null, always(1)));
    expect(ceilings).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 512_000, 900_000, 900_000]);
  });

  it('picks uniformly below the ceiling (full jitter)', () => {
    expect(retryDelayMs(4, null, always(0))).toBe(0);
    expect(retryDelayMs(4, null, always(0.25))).toBe(2_000);
  });

  it('never waits less than Retry-After, and jitter above it is kept', () => {
    expect(retryDelayMs(1, 5_000, always(0))).toBe(5_000);
    expect(retryDelayMs(1, 5_000, always(1))).toBe(5_000);
    expect(retryDelayMs(20, 5_000, always(1))).toBe(900_000);
    // Longer than the 15-minute ceiling is still honoured.
    expect(retryDelayMs(1, 3_600_000, always(0))).toBe(3_600_000);
  });

  it('follows an injected policy (tests run it with a 1 ms base)', () => {
    expect(retryDelayMs(3, null, always(1), { baseMs: 1, maxMs: 3 })).toBe(3);
    expect(DEFAULT_RETRY_POLICY).toEqual({ baseMs: 1_000, maxMs: 900_000 });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');
  it('reads delay-seconds and HTTP-dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('Sun, 22 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read, and caps absurd waits at a day', () => {
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('2026-11-23', now)).toBeNull();
    expect(parseRetryAfter('99999999', now)).toBe(86_400_000);
  });
});

describe('nextUpload', () => {
  const row = (businessDate: string, zNumber: number, pending = true, nextAttemptAt: number | null = null) => ({ businessDate, zNumber, pending, nextAttemptAt });

  it('sends the oldest pending day first, by date then Z number', () => {
    const rows = [row('2026-11-23', 19), row('2026-11-22', 18), row('2026-11-22', 17)];
    expect(nextUpload(rows, 0)).toEqual({ kind: 'send', row: rows[2] });
    expect([...rows].sort(compareDays).map((r) => r.zNumber)).toEqual([17, 18, 19]);
  });

  it('does not let a refused (settled) day hold back later ones', () => {
    const rows = [row('2026-11-21', 16, false), row('2026-11-22', 17)];
    expect(nextUpload(rows, 0)).toEqual({ kind: 'send', row: rows[1] });
  });

  it('keeps later days behind an older day that waits out its backoff', () => {
    const rows = [row('2026-11-21', 16, true, 5_000), row('2026-11-22', 17)];
    expect(nextUpload(rows, 1_000)).toEqual({ kind: 'wait', row: rows[0], untilMs: 5_000 });
    expect(nextUpload(rows, 5_000)).toEqual({ kind: 'send', row: rows[0] });
  });

  it('is idle when every day is settled', () => {
    expect(nextUpload([row('2026-11-21', 16, false)], 0)).toEqual({ kind: 'idle' });
  });
});

describe('afterAttempt', () => {
  it('settles delivered and stopped outcomes, holds not-enrolled, and schedules retries', () => {
    expect(afterAttempt({ outcome: 'delivered' }, 3, 0, always(1))).toEqual({ state: 'delivered' });
    for (const outcome of ['refused', 'unauthorized', 'conflict'] as const) {
      expect(afterAttempt({ outcome }, 0, 0, always(1))).toEqual({ state: 'stopped' });
    }
    expect(afterAttempt({ outcome: 'not-enrolled' }, 0, 0, always(1))).toEqual({ state: 'held' });
    expect(afterAttempt({ outcome: 'retry', retryAfterMs: null }, 2, 10_000, always(1))).toEqual({ state: 'retry', failures: 3, nextAttemptAt: 14_000 });
    expect(afterAttempt({ outcome: 'retry', retryAfterMs: 60_000 }, 0, 10_000, always(0))).toEqual({ state: 'retry', failures: 1, nextAttemptAt: 70_000 });
  });
});

describe('baseUrlProblem', () => {
  it('takes https anywhere and http only to this computer', () => {
    for (const ok of ['https://central.example.org', 'https://central.example.org/chinar', 'http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787']) {
      expect(baseUrlProblem(ok), ok).toBeNull();
    }
    expect(baseUrlProblem('http://central.example.org')).toMatch(/https/);
    expect(baseUrlProblem('http://192.168.1.10:8787')).toMatch(/https/);
    expect(baseUrlProblem('ftp://central.example.org')).toMatch(/https/);
    expect(baseUrlProblem('https://user:pw@central.example.org')).toMatch(/password/);
    expect(baseUrlProblem('https://central.example.org/?x=1')).toMatch(/query/);
    expect(baseUrlProblem('central.example.org')).toMatch(/full URL/);
  });

  it('keeps a base URL\'s path prefix in the signed path', () => {
    expect(uploadPath('https://c.example.org', '/v1/daily-earnings')).toBe('/v1/daily-earnings');
    expect(uploadPath('https://c.example.org/chinar/', '/v1/daily-earnings')).toBe('/chinar/v1/daily-earnings');
  });
});
