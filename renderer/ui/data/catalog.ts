import { useEffect, useState } from 'react';
import { findProductByBarcode, searchProducts, type ProductWithArtisan } from '../../db';
import { messageOf } from './boot';
import type { Station } from './station';

/** The scan path: one indexed lookup, nothing else. */
export function lookupBarcode(station: Station, code: string): Promise<ProductWithArtisan | null> {
  return findProductByBarcode(station.db, code);
}

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; query: string; results: ProductWithArtisan[] }
  | { status: 'done'; query: string; results: ProductWithArtisan[] }
  | { status: 'failed'; query: string; message: string };

/**
 * Searches as the operator types, after a short pause so each keystroke does not start a
 * query; a slower answer to an older query never replaces a newer one.
 */
export function useProductSearch(station: Station, query: string, limit = 20, debounceMs = 120): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const trimmed = query.trim();
  useEffect(() => {
    if (trimmed === '') {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState((s) => ({ status: 'searching', query: trimmed, results: 'results' in s ? s.results : [] }));
    const timer = window.setTimeout(() => {
      searchProducts(station.db, trimmed, limit).then(
        (results) => { if (live) setState({ status: 'done', query: trimmed, results }); },
        (error: unknown) => { if (live) setState({ status: 'failed', query: trimmed, message: messageOf(error) }); },
      );
    }, debounceMs);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [station.db, trimmed, limit, debounceMs]);
  return state;
}
