import { useCallback } from 'react';
import { findProductByBarcode, prefetchEan13sStartingWith, prefetchProductByBarcode, searchProducts, type ProductWithArtisan } from '../db';
import { useDebounced } from '../hooks/useDebounced';
import { shown, useLoadable } from '../hooks/useLoadable';
import { attempt, type Outcome } from './outcome';
import type { Station } from './station';

/**
 * The scan path: one indexed lookup, nothing else (done already if it was started ahead,
 * see prefetchBarcode). Null: no product has this barcode.
 */
export function lookupBarcode(station: Station, code: string): Promise<Outcome<ProductWithArtisan | null>> {
  return attempt(() => findProductByBarcode(station.db, code));
}

/**
 * Starts the lookup of a code the scanner is still typing, so that the read is done by
 * the time its Enter comes (lookupBarcode of the same code takes it). Never fails, and
 * changes nothing: a code that is not scanned after all costs one read.
 */
export function prefetchBarcode(station: Station, code: string): void {
  prefetchProductByBarcode(station.db, code);
}

/** The same, a key earlier: the EAN-13s that start with these eleven digits, in one small read. */
export function prefetchBarcodeStart(station: Station, digits: string): void {
  prefetchEan13sStartingWith(station.db, digits);
}

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; query: string; results: ProductWithArtisan[] }
  | { status: 'done'; query: string; results: ProductWithArtisan[] }
  | { status: 'failed'; query: string; message: string };

/**
 * Searches as the operator types, after a short pause so each keystroke does not start a
 * query; a slower answer to an older query never replaces a newer one, and while the next
 * answer comes the last results stay on screen.
 */
export function useProductSearch(station: Station, query: string, limit = 20, debounceMs = 120): SearchState {
  const trimmed = query.trim();
  const settled = useDebounced(trimmed, debounceMs);
  const load = useCallback(async () => ({
    query: settled,
    results: settled === '' ? [] : await searchProducts(station.db, settled, limit),
  }), [station.db, settled, limit]);
  const loaded = useLoadable(load);
  if (trimmed === '') return { status: 'idle' };
  // Each answer says which query it is for: the one on screen may be a keystroke behind.
  if (loaded.status === 'ready' && loaded.value.query === trimmed) return { status: 'done', query: trimmed, results: loaded.value.results };
  if (loaded.status === 'failed' && settled === trimmed) return { status: 'failed', query: trimmed, message: loaded.message };
  return { status: 'searching', query: trimmed, results: shown(loaded)?.results ?? [] };
}
