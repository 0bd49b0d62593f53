import { validateBarcode } from '../../../../shared/barcode';
import type { ArtisanEntity, ProductEntity } from '../../../../shared/entities';
import { cellsPerSheet, MAX_LABELS_PER_JOB, sheetPages, type SheetLayout } from '../../../../shared/labels';

/**
 * The products a manager picked for labels, and how many labels of each. Small (what a
 * morning's restock needs), so it holds whole entities; never the whole catalog.
 */
export interface LabelPick {
  product: ProductEntity;
  artisan: ArtisanEntity;
  copies: number;
}

/** More than this of one product is a typo on the count, not a shelf. */
export const MAX_COPIES = 999;

export type LabelPickAction =
  | { type: 'add'; product: ProductEntity; artisan: ArtisanEntity }
  | { type: 'setCopies'; productId: string; copies: number }
  | { type: 'step'; productId: string; by: number }
  | { type: 'remove'; productId: string }
  | { type: 'clear' };

/**
 * One label per piece in stock by default. A product with none in stock gets one: the
 * manager picked it on purpose, most likely for a piece that has just arrived.
 */
export function defaultCopies(product: Pick<ProductEntity, 'stock'>): number {
  return clampCopies(product.stock > 0 ? product.stock : 1);
}

function clampCopies(n: number): number {
  if (!Number.isFinite(n)) return 0;
  return Math.min(MAX_COPIES, Math.max(0, Math.trunc(n)));
}

export function labelPicksReducer(state: readonly LabelPick[], action: LabelPickAction): LabelPick[] {
  switch (action.type) {
    case 'add':
      // Picking a product twice (a double tap, a second scan) must not double its labels.
      if (state.some((p) => p.product.id === action.product.id)) return [...state];
      return [...state, { product: action.product, artisan: action.artisan, copies: defaultCopies(action.product) }];
    case 'setCopies':
      return state.map((p) => (p.product.id === action.productId ? { ...p, copies: clampCopies(action.copies) } : p));
    case 'step':
      return state.map((p) => (p.product.id === action.productId ? { ...p, copies: clampCopies(p.copies + action.by) } : p));
    case 'remove':
      return state.filter((p) => p.product.id !== action.productId);
    case 'clear':
      return [];
  }
}

export function totalLabels(picks: readonly Pick<LabelPick, 'copies'>[]): number {
  return picks.reduce((sum, p) => sum + p.copies, 0);
}

/** Picks whose stored barcode cannot be printed (the label builder would refuse them). */
export function unprintablePicks(picks: readonly LabelPick[]): LabelPick[] {
  return picks.filter((p) => !validateBarcode(p.product.barcode).ok);
}

export interface SheetPlan {
  perSheet: number;
  pages: number;
  /** The skip to use: what was asked, kept below a sheet's positions. */
  skip: number;
  /** Within the host's limit for one PDF. */
  fits: boolean;
}

/** How a batch falls on A4 sticker sheets when the first `skip` stickers are used already. */
export function sheetPlan(layout: SheetLayout, count: number, skip: number): SheetPlan {
  const perSheet = cellsPerSheet(layout);
  const safeSkip = Math.min(Math.max(0, Math.trunc(skip)), perSheet - 1);
  return {
    perSheet,
    pages: count > 0 ? sheetPages(layout, count, safeSkip) : 0,
    skip: safeSkip,
    fits: count > 0 && count <= MAX_LABELS_PER_JOB,
  };
}
