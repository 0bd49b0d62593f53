import { useEffect, useState } from 'react';

/**
 * Seconds left of a keypad lock, ticking once a second; 0 when not locked (or the lock
 * ran out, which `onOver` hears once).
 */
export function useLockCountdown(untilMs: number | null, onOver: () => void): number {
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    if (untilMs === null) return;
    setNowMs(Date.now());
    const timer = setInterval(() => {
      const t = Date.now();
      setNowMs(t);
      if (t >= untilMs) {
        clearInterval(timer);
        onOver();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [untilMs, onOver]);
  return untilMs === null ? 0 : Math.max(0, Math.ceil((untilMs - nowMs) / 1000));
}

/** "0:30", "2:00", "15:00": digits that read the same in every language of the kiosk. */
export function formatWait(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
