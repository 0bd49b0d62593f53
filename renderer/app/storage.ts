import { useCallback, useEffect, useState } from 'react';
import { checkSpace, type SpaceState } from '../db';

/**
 * Free space, checked at start, every `intervalMs` and on demand (after each sale).
 * When it is low the sell screen stops taking new sales, before a write can fail.
 */
export function useSpaceWatch(intervalMs = 60_000): { space: SpaceState; recheck: () => void } {
  const [space, setSpace] = useState<SpaceState>({ state: 'unknown' });
  const recheck = useCallback(() => {
    // An estimate that fails tells us nothing; keep the last known state.
    checkSpace().then(setSpace, () => undefined);
  }, []);
  useEffect(() => {
    recheck();
    const timer = window.setInterval(recheck, intervalMs);
    return () => window.clearInterval(timer);
  }, [recheck, intervalMs]);
  return { space, recheck };
}
