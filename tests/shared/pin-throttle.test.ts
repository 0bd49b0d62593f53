import { describe, expect, it } from 'vitest';
import {
  afterWrongPin, FIRST_LOCK_MS, FRESH_THROTTLE, lockDurationMs, MAX_LOCK_MS, parseThrottleState, throttleGate, type PinThrottleState,
} from '../../shared/pin-throttle';

function wrongTimes(n: number, state: PinThrottleState = FRESH_THROTTLE, at = 0) {
  let s = state;
  const locks: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = afterWrongPin(s, at);
    s = r.state;
    if (r.lock) locks.push(r.lock.durationMs);
  }
  return { state: s, locks };
}

describe('pin throttle', () => {
  it('allows four wrong PINs and locks on the fifth for 30 s', () => {
    const four = wrongTimes(4);
    expect(four.locks).toEqual([]);
    expect(throttleGate(four.state, 0)).toEqual({ status: 'open' });
    const r = afterWrongPin(four.state, 1_000);
    expect(r.lock).toEqual({ untilMs: 31_000, durationMs: FIRST_LOCK_MS, nth: 1 });
    expect(throttleGate(r.state, 30_999)).toEqual({ status: 'locked', untilMs: 31_000, waitMs: 1 });
    expect(throttleGate(r.state, 31_000)).toEqual({ status: 'open' });
  });

  it('doubles each further lock up to 15 minutes', () => {
    expect(wrongTimes(40).locks).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
    expect(lockDurationMs(1000)).toBe(MAX_LOCK_MS);
  });

  it('counts down the tries left', () => {
    expect(afterWrongPin(FRESH_THROTTLE, 0).triesLeft).toBe(4);
    expect(afterWrongPin(wrongTimes(3).state, 0).triesLeft).toBe(1);
  });

  it('reads a malformed stored state as a fresh one', () => {
    expect(parseThrottleState(undefined)).toEqual(FRESH_THROTTLE);
    expect(parseThrottleState({ wrongInARow: -3, lockouts: 'x', lockedUntilMs: 'soon' })).toEqual(FRESH_THROTTLE);
    expect(parseThrottleState({ wrongInARow: 2, lockouts: 1, lockedUntilMs: 5 })).toEqual({ wrongInARow: 2, lockouts: 1, lockedUntilMs: 5 });
  });
});
