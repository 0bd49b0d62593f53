import { writeCsv, type CatalogProblem } from '../../../../shared/catalog';

/**
 * What the import screen shows about a check of the catalog files. Problems come in
 * file order (artisans first, as the manager fixes them in that order: products refer
 * to artisans), then by line, so the table reads top to bottom like the spreadsheet.
 */
export function sortProblems(problems: readonly CatalogProblem[]): CatalogProblem[] {
  const fileRank = (f: CatalogProblem['file']) => (f === 'artisans.csv' ? 0 : 1);
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => fileRank(a.p.file) - fileRank(b.p.file) || a.p.line - b.p.line || a.i - b.i)
    .map(({ p }) => p);
}

/** How many problems each file has, for the sentence above the table. */
export function problemCounts(problems: readonly CatalogProblem[]): { artisans: number; products: number; lines: number } {
  const lines = new Set(problems.map((p) => `${p.file}:${p.line}`));
  return {
    artisans: problems.filter((p) => p.file === 'artisans.csv').length,
    products: problems.filter((p) => p.file === 'products.csv').length,
    lines: lines.size,
  };
}

/**
 * The problem list as a CSV the manager can open next to their spreadsheet. The column
 * names are part of the file (like the catalog's own headers), so they are not translated.
 */
export function problemsCsv(problems: readonly CatalogProblem[]): string {
  return writeCsv(['file', 'line', 'column', 'problem'], sortProblems(problems).map((p) => [p.file, String(p.line), p.column ?? '', p.message]));
}

/** Catalog files are small text; anything bigger than this is not a catalog export. */
export const MAX_CATALOG_FILE_BYTES = 20 * 1024 * 1024;

export type FileCheck = { ok: true } | { ok: false; reason: 'tooBig' | 'notCsv' | 'empty' };

/** A first look at a chosen file before it is read as a catalog: the common wrong picks. */
export function checkChosenFile(file: { name: string; size: number }): FileCheck {
  if (file.size === 0) return { ok: false, reason: 'empty' };
  if (file.size > MAX_CATALOG_FILE_BYTES) return { ok: false, reason: 'tooBig' };
  // Spreadsheets save .xlsx by default; reading one as CSV gives a wall of nonsense errors.
  if (/\.(xlsx?|ods|numbers)$/i.test(file.name)) return { ok: false, reason: 'notCsv' };
  return { ok: true };
}
