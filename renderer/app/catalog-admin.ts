import { useCallback } from 'react';
import type { ArtisanEntity, ProductEntity, UserEntity } from '../../shared/entities';
import * as db from '../db';
import type { ArtisanDraft, ProductDraft, UserDraft } from '../db';
import { useLoadable, type Loadable } from '../hooks/useLoadable';
import { attempt, type Outcome } from './outcome';
import { actorOf, type Station } from './station';

/**
 * The manager's catalog and people: artisans, products, stock and users. Reads come back
 * as a Loadable; each change as an Outcome (refused: the store's own words, which the
 * manager can act on; failed: the store itself broke). Every change is audited under the
 * signed-in manager's name.
 */

export function useArtisans(station: Station, generation: number): Loadable<ArtisanEntity[]> {
  // `generation` is a dependency on purpose: bumping it loads the list again.
  const load = useCallback(() => db.listArtisans(station.db), [station.db, generation]);
  return useLoadable(load);
}

export function useUsers(station: Station, generation: number): Loadable<UserEntity[]> {
  const load = useCallback(() => db.listUsers(station.db), [station.db, generation]);
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
      const hits = await db.searchProducts(station.db, words, artisanId ? SEARCH_WITHIN_ARTISAN : limit + 1, { includeInactive: true });
      const rows = hits.map((h) => h.product).filter((p) => !artisanId || p.artisanId === artisanId);
      return { mode: 'search', rows: rows.slice(0, limit), more: rows.length > limit || (!artisanId && hits.length > limit) };
    }
    const page = await db.productPage(station.db, { offset, limit, artisanId });
    return { mode: 'page', rows: page.products, total: page.total, offset };
  }, [station.db, query, artisanId, offset, limit, generation]);
  return useLoadable(load);
}

/** Most low-stock rows read at once; a longer list says so and asks for a lower threshold. */
export const LOW_STOCK_LIMIT = 200;

export function useLowStock(station: Station, threshold: number, generation: number): Loadable<ProductEntity[]> {
  const load = useCallback(async () => {
    const rows = await db.lowStockProducts(station.db, threshold, LOW_STOCK_LIMIT);
    // Fewest first, then by SKU, so the emptiest shelves head the list.
    return rows.sort((a, b) => a.stock - b.stock || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  }, [station.db, threshold, generation]);
  return useLoadable(load);
}

export function saveProduct(station: Station, by: UserEntity, draft: ProductDraft): Promise<Outcome<ProductEntity>> {
  return attempt(() => db.saveProduct(station.db, draft, { actor: actorOf(by), now: new Date(), newId: db.newId }));
}

export function saveArtisan(station: Station, by: UserEntity, draft: ArtisanDraft): Promise<Outcome<ArtisanEntity>> {
  return attempt(() => db.saveArtisan(station.db, draft, { actor: actorOf(by), now: new Date(), newId: db.newId }));
}

export function saveUser(station: Station, by: UserEntity, draft: UserDraft): Promise<Outcome<UserEntity>> {
  return attempt(() => db.saveUser(station.db, draft, { actor: actorOf(by), now: new Date(), newId: db.newId }));
}

/** Stock counted in or out by hand, with the reason the audit log keeps. */
export function adjustStock(
  station: Station, by: UserEntity, productId: string, delta: number, reason: string,
): Promise<Outcome<ProductEntity>> {
  return attempt(() => db.adjustStock(station.db, productId, delta, reason, { actor: actorOf(by), now: new Date() }));
}

/** Switching a product off (it can no longer be sold) or on again; nothing is deleted. */
export function setProductActive(station: Station, by: UserEntity, productId: string, active: boolean): Promise<Outcome<void>> {
  return attempt(() => db.setProductActive(station.db, productId, active, { actor: actorOf(by), now: new Date() }));
}

export function setArtisanActive(station: Station, by: UserEntity, artisanId: string, active: boolean): Promise<Outcome<void>> {
  return attempt(() => db.setArtisanActive(station.db, artisanId, active, { actor: actorOf(by), now: new Date() }));
}
