import { useEffect, useRef } from 'react';

/**
 * Longest wait for the next frame. A page nobody looks at (the counter behind the customer
 * display, a minimised window) gets no animation frames at all, and the work must still run.
 */
export const AFTER_PAINT_LIMIT_MS = 100;

/**
 * Runs `run` once the next frame is painted and the page is idle: from inside
 * requestAnimationFrame it asks for the first idle moment, which comes after that frame's
 * paint and after the tasks already waiting (a keystroke, a scan's next key). A hidden
 * page, or one that draws no frame within AFTER_PAINT_LIMIT_MS, runs it from a timer
 * instead. Returns a cancel.
 */
export function afterNextPaint(run: () => void): () => void {
  let done = false;
  let idle: number | null = null;
  const stop = () => {
    done = true;
    window.clearTimeout(limit);
    if (frame !== null) window.cancelAnimationFrame(frame);
    if (idle !== null) window.cancelIdleCallback(idle);
  };
  const once = () => {
    if (done) return;
    stop();
    run();
  };
  const whenIdle = () => {
    if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(once, { timeout: AFTER_PAINT_LIMIT_MS });
    else window.setTimeout(once, 0);
  };
  const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
  const limit = window.setTimeout(once, hidden ? 0 : AFTER_PAINT_LIMIT_MS);
  const frame = hidden || typeof window.requestAnimationFrame !== 'function' ? null : window.requestAnimationFrame(whenIdle);
  return stop;
}

/**
 * An effect for work the screen does not show: it runs after the change is painted, so
 * a scan's line reaches the screen first and the store write or the host call follows.
 * `effect` runs at render time and returns the deferred work (or nothing): whatever it
 * decides is decided with the values of that render. Changes faster than a frame are
 * each run, in order, in the same after-paint task; none is dropped, and work still
 * waiting when the component goes away, or the page is left or hidden, runs then.
 */
export function useEffectAfterPaint(effect: () => (() => void) | undefined, deps: readonly unknown[]): void {
  const queue = useRef<(() => void)[]>([]);
  const cancel = useRef<(() => void) | null>(null);
  const flush = useRef(() => {
    cancel.current = null;
    const jobs = queue.current;
    queue.current = [];
    for (const job of jobs) job();
  });

  useEffect(() => {
    const job = effect();
    if (!job) return;
    queue.current.push(job);
    cancel.current ??= afterNextPaint(flush.current);
    // The dependencies are the caller's, as with useEffect.
  }, deps);

  // Work still waiting is done now when the component goes, or the page is being left or
  // hidden (a reload, the window minimised): a kept cart must not wait for a frame that
  // will never be drawn.
  useEffect(() => {
    const now = () => {
      cancel.current?.();
      flush.current();
    };
    const onHidden = () => { if (document.visibilityState === 'hidden') now(); };
    window.addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', now);
      document.removeEventListener('visibilitychange', onHidden);
      now();
    };
  }, []);
}
