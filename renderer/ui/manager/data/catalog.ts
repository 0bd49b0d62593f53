import { useCallback, useEffect, useState } from 'react';
import type { ArtisanEntity, ProductEntity, UserEntity } from '../../../../shared/entities';
import {
  adjustStock, CatalogEditError, lowStockProducts, newId, productPage, saveArtisan, saveProduct, saveUser,
  searchProducts, setArtisanActive, setProductActive, listArtisans, listUsers,
  type Actor, type ArtisanDraft, type ProductDraft, type UserDraft,
} from '../../../db';
import { messageOf } from '../../data/boot';
import type { Station } from '../../data/station';

/**
 * The manager screens' only way to the store: each hook or action here calls one
 * renderer/db operation. Reads come back as a Loadable; writes as an EditOutcome that
 * tells a refusal the manager can fix (the store's own words) from a failure.
 */

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
    setState((s) => ({ status: 'loading', previous: s.status === 'ready' ? s.value : s.status === 'loading' ? s.previous : null }));
    load().then(
      (value) => { if (live) setState({ status: 'ready', value }); },
      (error: unknown) => { if (live) setState({ status: 'failed', message: messageOf(error) }); },
    );
    return () => { live = false; };
  }, [load]);
  return state;
}

/** The value to draw: the answer, or the previous one while reloading. */
export function shown<T>(state: Loadable<T>): T | null {
  return state.status === 'ready' ? state.value : state.status === 'loading' ? state.previous : null;
}

/** A counter that screens bump after a save, so the lists they show load again. */
export function useGeneration(): [number, () => void] {
  const [generation, setGeneration] = useState(0);
  return [generation, useCallback(() => setGeneration((g) => g + 1), [])];
}

/** Waits `ms` after the last change before passing a value on (typing in a search box). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function useArtisans(station: Station, generation: number): Loadable<ArtisanEntity[]> {
  // `generation` is a dependency on purpose: bumping it loads the list again.
  const load = useCallback(() => listArtisans(station.db), [station.db, generation]);
  return useLoadable(load);
}

export function useUsers(station: Station, generation: number): Loadable<UserEntity[]> {
  const load = useCallback(() => listUsers(station.db), [station.db, generation]);
  return useLoadable(load);
}

export type ProductList =
  /**
   * A page of the whole catalog (or one artisan's part of it), in SKU order. It carries
   * its own offset: while the next page loads, the rows on screen are still these, and
   * the "Showing 51–100" above them must describe them, not the page being fetched.
   */
  | { mode: 'page'; rows: ProductEntity[]; total: number; offset: number }
  /** Search hits: the first `limit` only; `more` when there may be others (type more words). */
  | { mode: 'search'; rows: ProductEntity[]; more: boolean };

export interface ProductListQuery {
  query: string;
  artisanId: string | null;
  offset: number;
  limit: number;
  generation: number;
}

/**
 * Search hits among this many are filtered by artisan. The search index answers by
 * name words, not by artisan, so a search within one artisan's work takes a wider set
 * of hits and keeps that artisan's.
 */
const SEARCH_WITHIN_ARTISAN = 500;

/**
 * The product list: the indexed prefix search when there is a query (fast at 100,000
 * products), otherwise one page by SKU. Only the rows on screen are ever in state.
 */
export function useProductList(station: Station, q: ProductListQuery): Loadable<ProductList> {
  const { query, artisanId, offset, limit, generation } = q;
  const load = useCallback(async (): Promise<ProductList> => {
    const words = query.trim();
    if (words !== '') {
      // A manager looks for switched-off products too, to switch them back on.
      const hits = await searchProducts(station.db, words, artisanId ? SEARCH_WITHIN_ARTISAN : limit + 1, { includeInactive: true });
      const rows = hits.map((h) => h.product).filter((p) => !artisanId || p.artisanId === artisanId);
      return { mode: 'search', rows: rows.slice(0, limit), more: rows.length > limit || (!artisanId && hits.length > limit) };
    }
    const page = await productPage(station.db, { offset, limit, artisanId });
    return { mode: 'page', rows: page.products, total: page.total, offset };
  }, [station.db, query, artisanId, offset, limit, generation]);
  return useLoadable(load);
}

/** Most low-stock rows read at once; a longer list says so and asks for a lower threshold. */
export const LOW_STOCK_LIMIT = 200;

export function useLowStock(station: Station, threshold: number, generation: number): Loadable<ProductEntity[]> {
  const load = useCallback(async () => {
    const rows = await lowStockProducts(station.db, threshold, LOW_STOCK_LIMIT);
    // Fewest first, then by SKU, so the emptiest shelves head the list.
    return rows.sort((a, b) => a.stock - b.stock || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  }, [station.db, threshold, generation]);
  return useLoadable(load);
}

export type EditOutcome<T> =
  | { ok: true; value: T }
  /** The store refused the change and said why in the manager's words; nothing was saved. */
  | { ok: false; kind: 'refused'; message: string }
  /** Something else went wrong (the store itself); nothing was saved. */
  | { ok: false; kind: 'failed'; message: string };

async function edit<T>(run: () => Promise<T>): Promise<EditOutcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof CatalogEditError) return { ok: false, kind: 'refused', message: error.message };
    return { ok: false, kind: 'failed', message: messageOf(error) };
  }
}

export function actorOf(user: UserEntity): Actor {
  return { id: user.id, name: user.name };
}

export function saveProductEdit(station: Station, by: UserEntity, draft: ProductDraft): Promise<EditOutcome<ProductEntity>> {
  return edit(() => saveProduct(station.db, draft, { actor: actorOf(by), now: new Date(), newId }));
}

export function saveArtisanEdit(station: Station, by: UserEntity, draft: ArtisanDraft): Promise<EditOutcome<ArtisanEntity>> {
  return edit(() => saveArtisan(station.db, draft, { actor: actorOf(by), now: new Date(), newId }));
}

export function saveUserEdit(station: Station, by: UserEntity, draft: UserDraft): Promise<EditOutcome<UserEntity>> {
  return edit(() => saveUser(station.db, draft, { actor: actorOf(by), now: new Date(), newId }));
}

export function adjustStockEdit(
  station: Station, by: UserEntity, productId: string, delta: number, reason: string,
): Promise<EditOutcome<ProductEntity>> {
  return edit(() => adjustStock(station.db, productId, delta, reason, { actor: actorOf(by), now: new Date() }));
}

export function setProductActiveEdit(station: Station, by: UserEntity, productId: string, active: boolean): Promise<EditOutcome<void>> {
  return edit(() => setProductActive(station.db, productId, active, { actor: actorOf(by), now: new Date() }));
}

export function setArtisanActiveEdit(station: Station, by: UserEntity, artisanId: string, active: boolean): Promise<EditOutcome<void>> {
  return edit(() => setArtisanActive(station.db, artisanId, active, { actor: actorOf(by), now: new Date() }));
}
