import { describe, expect, it } from 'vitest';
import type { CatalogProblem } from '../../../../../shared/catalog';
import { readCsv } from '../../../../../shared/catalog';
import { checkChosenFile, problemCounts, problemsCsv, sortProblems } from '../../../../../renderer/ui/manager/logic/importReview';

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
