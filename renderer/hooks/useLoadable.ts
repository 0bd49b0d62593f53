import { useEffect, useState } from 'react';

export type Loadable<T> =
  /** `previous` keeps the last answer on screen while the next one loads (no flicker when paging). */
  | { status: 'loading'; previous: T | null }
  | { status: 'ready'; value: T }
  | { status: 'failed'; message: string };

/**
 * Runs `load` whenever it changes (callers memoise it with useCallback) and keeps only
 * the newest answer: a slow page 3 never overwrites page 4.
 */
export function useLoadable<T>(load: () => Promise<T>): Loadable<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading', previous: null });
  useEffect(() => {
    let live = true;
    setState((s) => ({ status: 'loading', previous: shown(s) }));
    load().then(
      (value) => { if (live) setState({ status: 'ready', value }); },
      (error: unknown) => { if (live) setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }); },
    );
    return () => { live = false; };
  }, [load]);
  return state;
}

/** The value to draw: the answer, or the previous one while reloading. */
export function shown<T>(state: Loadable<T>): T | null {
  return state.status === 'ready' ? state.value : state.status === 'loading' ? state.previous : null;
}
