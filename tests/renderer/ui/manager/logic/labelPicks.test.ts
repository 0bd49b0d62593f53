import { describe, expect, it } from 'vitest';
import type { ArtisanEntity, ProductEntity } from '../../../../../shared/entities';
import type { Paise } from '../../../../../shared/money';
import { defaultCopies, labelPicksReducer, MAX_COPIES, sheetPlan, totalLabels, unprintablePicks } from '../../../../../renderer/ui/manager/logic/labelPicks';

const artisan = { id: 'a1', code: 'A-001', name: 'Riyaz', fairWageCertified: false } as ArtisanEntity;
function product(id: string, stock: number, barcode = '2901000000015'): ProductEntity {
  return {
    id, sku: `SKU-${id}`, barcode, name: `Piece ${id}`, searchWords: [], artisanId: 'a1', craft: '', hsn: '6214',
    handmade: true, gstRateBpsOverride: null, price: 100_00 as Paise, stock, active: true,
  };
}

describe('label picks', () => {
  it('starts each product at one label per piece in stock, and one when none is in stock', () => {
    expect(defaultCopies({ stock: 12 })).toBe(12);
    expect(defaultCopies({ stock: 0 })).toBe(1);
    expect(defaultCopies({ stock: -2 })).toBe(1);
    expect(defaultCopies({ stock: 5000 })).toBe(MAX_COPIES);
  });

  it('adds a product once however often it is tapped or scanned', () => {
    let picks = labelPicksReducer([], { type: 'add', product: product('1', 3), artisan });
    picks = labelPicksReducer(picks, { type: 'step', productId: '1', by: 2 });
    picks = labelPicksReducer(picks, { type: 'add', product: product('1', 3), artisan });
    expect(picks).toHaveLength(1);
    expect(picks[0]!.copies).toBe(5);
  });

  it('keeps counts between 0 and the most, and totals them', () => {
    let picks = labelPicksReducer([], { type: 'add', product: product('1', 3), artisan });
    picks = labelPicksReducer(picks, { type: 'add', product: product('2', 4), artisan });
    picks = labelPicksReducer(picks, { type: 'step', productId: '1', by: -10 });
    expect(picks[0]!.copies).toBe(0);
    picks = labelPicksReducer(picks, { type: 'setCopies', productId: '2', copies: 12_345 });
    expect(picks[1]!.copies).toBe(MAX_COPIES);
    picks = labelPicksReducer(picks, { type: 'setCopies', productId: '2', copies: 7.9 });
    expect(totalLabels(picks)).toBe(7);
    picks = labelPicksReducer(picks, { type: 'remove', productId: '2' });
    expect(picks.map((p) => p.product.id)).toEqual(['1']);
    expect(labelPicksReducer(picks, { type: 'clear' })).toEqual([]);
  });

  it('names picks whose stored barcode cannot be printed', () => {
    let picks = labelPicksReducer([], { type: 'add', product: product('1', 1), artisan });
    picks = labelPicksReducer(picks, { type: 'add', product: product('2', 1, '2901000000018'), artisan });
    expect(unprintablePicks(picks).map((p) => p.product.id)).toEqual(['2']);
  });

  it('works out sheets with used stickers skipped', () => {
    expect(sheetPlan('3x8', 24, 0)).toEqual({ perSheet: 24, pages: 1, skip: 0, fits: true });
    expect(sheetPlan('3x8', 24, 1)).toMatchObject({ pages: 2 });
    expect(sheetPlan('4x10', 41, 0)).toMatchObject({ perSheet: 40, pages: 2 });
    // A skip left over from the bigger sheet is kept below the smaller sheet's size.
    expect(sheetPlan('3x8', 5, 39)).toMatchObject({ skip: 23, pages: 2 });
    expect(sheetPlan('3x8', 0, 0)).toMatchObject({ pages: 0, fits: false });
    expect(sheetPlan('4x10', 2001, 0).fits).toBe(false);
  });
});
