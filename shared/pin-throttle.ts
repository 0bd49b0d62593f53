/**
 * Wrong PINs at a keypad (the sign-in screen, a manager's approval): after five in a row
 * the keypad locks for 30 s; each further run of five without a right PIN between them
 * doubles the wait, up to 15 minutes. A right PIN starts afresh. A PIN of 4 digits has
 * 10,000 values: at five tries per lock this takes a guesser days, not minutes, while a
 * person who mistyped waits half a minute. Pure: the clock is a parameter (epoch ms).
 */
export const PIN_TRIES_BEFORE_LOCK = 5;
export const FIRST_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 15 * 60_000;

export interface PinThrottleState {
  /** Wrong PINs since the last lock or the last right PIN. */
  wrongInARow: number;
  /** Locks since the last right PIN: the next lock lasts FIRST_LOCK_MS × 2^lockouts. */
  lockouts: number;
  /** Epoch ms until which the keypad refuses every PIN; null: not locked. */
  lockedUntilMs: number | null;
}

export const FRESH_THROTTLE: PinThrottleState = { wrongInARow: 0, lockouts: 0, lockedUntilMs: null };

export type ThrottleGate = { status: 'open' } | { status: 'locked'; untilMs: number; waitMs: number };

/** Whether the keypad takes a PIN at `nowMs`. */
export function throttleGate(state: PinThrottleState, nowMs: number): ThrottleGate {
  if (state.lockedUntilMs !== null && nowMs < state.lockedUntilMs) {
    return { status: 'locked', untilMs: state.lockedUntilMs, waitMs: state.lockedUntilMs - nowMs };
  }
  return { status: 'open' };
}

/** How long the nth lock (1-based) lasts. */
export function lockDurationMs(nth: number): number {
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.max(0, Math.min(nth - 1, 20)));
}

export interface AfterWrong {
  state: PinThrottleState;
  /** The lock this wrong PIN started, or null. */
  lock: { untilMs: number; durationMs: number; nth: number } | null;
  /** Wrong PINs still allowed before the next lock (0 when this one locked). */
  triesLeft: number;
}

/** A wrong PIN at `nowMs`. */
export function afterWrongPin(state: PinThrottleState, nowMs: number): AfterWrong {
  const wrong = state.wrongInARow + 1;
  if (wrong < PIN_TRIES_BEFORE_LOCK) {
    return { state: { ...state, wrongInARow: wrong }, lock: null, triesLeft: PIN_TRIES_BEFORE_LOCK - wrong };
  }
  const nth = state.lockouts + 1;
  const durationMs = lockDurationMs(nth);
  const untilMs = nowMs + durationMs;
  return { state: { wrongInARow: 0, lockouts: nth, lockedUntilMs: untilMs }, lock: { untilMs, durationMs, nth }, triesLeft: 0 };
}

/** Reads a stored state, forgiving anything malformed as a fresh one. */
export function parseThrottleState(value: unknown): PinThrottleState {
  if (typeof value !== 'object' || value === null) return FRESH_THROTTLE;
  const v = value as Record<string, unknown>;
  const int = (x: unknown) => (typeof x === 'number' && Number.isSafeInteger(x) && x >= 0 ? x : 0);
  return {
    wrongInARow: int(v.wrongInARow),
    lockouts: int(v.lockouts),
    lockedUntilMs: typeof v.lockedUntilMs === 'number' && Number.isFinite(v.lockedUntilMs) ? v.lockedUntilMs : null,
  };
}
