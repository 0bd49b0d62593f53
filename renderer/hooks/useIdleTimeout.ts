import { useEffect, useRef } from 'react';

/** What counts as someone using the kiosk. */
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * How long until an idle timeout fires: `timeoutMs` after the last activity, never
 * negative. Pure, so the rule is tested without timers.
 */
export function idleRemainingMs(lastActivityMs: number, nowMs: number, timeoutMs: number): number {
  return Math.max(0, lastActivityMs + timeoutMs - nowMs);
}

/**
 * Calls `onIdle` once `timeoutMs` pass with no touch, click, key or scroll anywhere on the
 * page, while `enabled`. Activity re-arms it; `clock` is injectable for tests.
 */
export function useIdleTimeout(enabled: boolean, timeoutMs: number, onIdle: () => void, clock: () => number = Date.now): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => { onIdleRef.current = onIdle; }, [onIdle]);

  useEffect(() => {
    if (!enabled) return;
    let last = clock();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(check, ms);
    };
    // The timer may fire late (a sleeping machine) or early relative to new activity:
    // decide from the clock, not from the timer having fired.
    const check = () => {
      const left = idleRemainingMs(last, clock(), timeoutMs);
      if (left > 0) arm(left);
      else onIdleRef.current();
    };
    const touched = () => { last = clock(); };
    for (const e of ACTIVITY) window.addEventListener(e, touched, { capture: true, passive: true });
    arm(timeoutMs);
    return () => {
      clearTimeout(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, touched, { capture: true });
    };
  }, [enabled, timeoutMs, clock]);
}
