import { describe, expect, it } from 'vitest';
import type { CatalogProblem } from '../../../../../shared/catalog';
import { readCsv } from '../../../../../shared/catalog';
import type { ArtisanEntity, ProductEntity } from '../../../../../shared/entities';
import type { Paise } from '../../../../../shared/money';
import { checkChosenFile, problemCounts, problemsCsv, sortProblems } from '../../../../../renderer/ui/manager/logic/importReview';
import { defaultCopies, labelPicksReducer, MAX_COPIES, sheetPlan, totalLabels, unprintablePicks } from '../../../../../renderer/ui/manager/logic/labelPicks';
import { pageWindow } from '../../../../../renderer/ui/manager/logic/paging';

describe('manager paging', () => {
  it('shows positions 1-based and the last page short', () => {
    expect(pageWindow(100_000, 0, 50)).toEqual({ page: 0, pages: 2000, offset: 0, first: 1, last: 50 });
    expect(pageWindow(420, 8, 50)).toEqual({ page: 8, pages: 9, offset: 400, first: 401, last: 420 });
  });

  it('clamps a page past the end (the list shrank after a filter) to the last page', () => {
    expect(pageWindow(120, 7, 50)).toMatchObject({ page: 2, offset: 100, first: 101, last: 120 });
    expect(pageWindow(120, -3, 50)).toMatchObject({ page: 0, first: 1 });
  });

  it('says 0–0 of an empty list, on one page', () => {
    expect(pageWindow(0, 4, 50)).toEqual({ page: 0, pages: 1, offset: 0, first: 0, last: 0 });
  });
});

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

describe('import review', () => {
  const problems: CatalogProblem[] = [
    { file: 'products.csv', line: 9, column: 'barcode', message: 'check digit should be 1' },
    { file: 'products.csv', line: 3, column: 'artisan_code', message: 'no artisan A-999' },
    { file: 'artisans.csv', line: 12, column: 'commission_pct', message: 'is more than 100' },
    { file: 'products.csv', line: 3, column: 'price', message: 'has a comma' },
  ];

  it('orders problems as the manager fixes them: artisans first, then by line, stable within a line', () => {
    expect(sortProblems(problems).map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual([
      'artisans.csv:12:commission_pct', 'products.csv:3:artisan_code', 'products.csv:3:price', 'products.csv:9:barcode',
    ]);
  });

  it('counts problems per file and the lines they are on', () => {
    expect(problemCounts(problems)).toEqual({ artisans: 1, products: 3, lines: 3 });
  });

  it('writes the problem list as a CSV that reads back the same', () => {
    const read = readCsv(problemsCsv([...problems, { file: 'products.csv', line: 1, column: null, message: 'a "quoted", comma' }]));
    expect(read.issues).toEqual([]);
    expect(read.records.map((r) => r.fields)).toEqual([
      ['file', 'line', 'column', 'problem'],
      ['artisans.csv', '12', 'commission_pct', 'is more than 100'],
      ['products.csv', '1', '', 'a "quoted", comma'],
      ['products.csv', '3', 'artisan_code', 'no artisan A-999'],
      ['products.csv', '3', 'price', 'has a comma'],
      ['products.csv', '9', 'barcode', 'check digit should be 1'],
    ]);
  });

  it('turns away a spreadsheet file, an empty file and a huge one before reading them', () => {
    expect(checkChosenFile({ name: 'products.xlsx', size: 5000 })).toEqual({ ok: false, reason: 'notCsv' });
    expect(checkChosenFile({ name: 'products.csv', size: 0 })).toEqual({ ok: false, reason: 'empty' });
    expect(checkChosenFile({ name: 'products.csv', size: 21 * 1024 * 1024 })).toEqual({ ok: false, reason: 'tooBig' });
    expect(checkChosenFile({ name: 'Products (2).CSV', size: 5000 })).toEqual({ ok: true });
  });
});
