import { validateBarcode } from '../barcode';
import { readCsv } from './csv';
import {
  ARTISAN_COLUMNS, PRODUCT_COLUMNS,
  type ArtisanRow, type CatalogFile, type CatalogParseResult, type CatalogProblem, type CatalogStoreView, type ProductRow,
} from './types';
import {
  parseCode, parseCommissionPct, parseGender, parseGstRate, parseHsn, parsePrice, parseStock, parseText, parseYesNo,
  type Parsed,
} from './values';

/**
 * Catalog import, step one: read both files and check every row, collecting every
 * problem rather than stopping at the first, because importing is all-or-nothing
 * (DESIGN.md "Catalog CSV") and the manager fixes the whole file in one go.
 * Messages say why, without the column name: a screen shows them next to line and column.
 */
export interface CatalogInput {
  /** Text of artisans.csv, or null when only products are imported. */
  artisansCsv: string | null;
  /** Text of products.csv, or null when only artisans are imported. */
  productsCsv: string | null;
}

const EMPTY_STORE: CatalogStoreView = { artisans: [], products: [] };

interface TableRow<C extends string> {
  line: number;
  get(column: C): string;
}

/** Reads one file into rows keyed by header name, or null when its header is unusable. */
function readTable<C extends string>(
  file: CatalogFile,
  text: string,
  columns: readonly C[],
  otherFile: { file: CatalogFile; columns: readonly string[] },
  problems: CatalogProblem[],
): TableRow<C>[] | null {
  const { records, issues } = readCsv(text);
  for (const issue of issues) problems.push({ file, line: issue.line, column: null, message: issue.message });
  const expected = columns.join(',');
  const [header, ...data] = records;
  if (!header) {
    problems.push({ file, line: 1, column: null, message: `the file is empty — its first line must be the header: ${expected}` });
    return null;
  }
  const names = header.fields.map((f) => f.trim().toLowerCase());
  if (names.join(',') === otherFile.columns.join(',')) {
    problems.push({ file, line: header.line, column: null, message: `this is the header of ${otherFile.file} — choose the right file; ${file} starts with: ${expected}` });
    return null;
  }
  const index = new Map<string, number>();
  let headerOk = true;
  names.forEach((name, i) => {
    if (name === '' && i === names.length - 1 && i >= columns.length) return; // a trailing comma
    if (index.has(name)) {
      problems.push({ file, line: header.line, column: name, message: 'this column appears twice in the header — keep one' });
      headerOk = false;
    } else if (!(columns as readonly string[]).includes(name)) {
      problems.push({ file, line: header.line, column: name || null, message: `"${name}" is not a column of ${file} — remove it or fix its spelling; the header is: ${expected}` });
      headerOk = false;
    }
    index.set(name, i);
  });
  for (const column of columns) {
    if (!index.has(column)) {
      problems.push({ file, line: header.line, column, message: `the header has no "${column}" column — the header is: ${expected}` });
      headerOk = false;
    }
  }
  if (!headerOk) return null;

  const rows: TableRow<C>[] = [];
  for (const record of data) {
    const { fields, line } = record;
    // Spreadsheets pad rows with empty cells; only values beyond the header count.
    const width = fields.length > names.length && fields.slice(names.length).every((f) => f.trim() === '') ? names.length : fields.length;
    if (width !== names.length) {
      problems.push({
        file, line, column: null,
        message: width > names.length
          ? `this line has ${width} values but the header has ${names.length} columns — put a value that contains a comma in double quotes, e.g. "Kani Weavers Society, Kanihama"`
          : `this line has ${width} values but the header has ${names.length} columns — add the missing values (leave optional ones empty between commas)`,
      });
      continue;
    }
    // U+FFFD is what a UTF-8 reader makes of bytes in another encoding: Excel's plain
    // "CSV" saves in the Windows code page, which would garble every non-English name.
    const garbled = fields.findIndex((f) => f.includes('\uFFFD'));
    if (garbled >= 0) {
      problems.push({ file, line, column: names[garbled] ?? null, message: 'has characters that are not UTF-8 — save the file as "CSV UTF-8" and import it again' });
      continue;
    }
    rows.push({ line, get: (column) => (fields[index.get(column)!] ?? '').trim() });
  }
  return rows;
}

/**
 * Runs a cell through its parser and records the problem when there is one. Returns the
 * value, or undefined when the cell is bad, so the caller can keep checking the rest.
 */
function cell<T>(problems: CatalogProblem[], file: CatalogFile, line: number, column: string, parsed: Parsed<T>): T | undefined {
  if (parsed.ok) return parsed.value;
  problems.push({ file, line, column, message: parsed.why });
  return undefined;
}

/**
 * Keeps the line each code of a file's column first stood on, and records a problem when a
 * later row repeats one (`rule` says why it must not). An undefined code (a bad cell) is skipped.
 */
function firstUseOf(problems: CatalogProblem[], file: CatalogFile, column: string, rule: string): (code: string | undefined, line: number) => void {
  const firstLine = new Map<string, number>();
  return (code, line) => {
    if (code === undefined) return;
    const seen = firstLine.get(code);
    if (seen !== undefined) problems.push({ file, line, column, message: `"${code}" is already on line ${seen} — ${rule}` });
    else firstLine.set(code, line);
  };
}

function parseArtisans(rows: TableRow<(typeof ARTISAN_COLUMNS)[number]>[], problems: CatalogProblem[]): ArtisanRow[] {
  const file = 'artisans.csv';
  const out: ArtisanRow[] = [];
  const codeUsed = firstUseOf(problems, file, 'artisan_code', 'every artisan needs their own code');
  for (const row of rows) {
    const before = problems.length;
    const at = <T>(column: string, parsed: Parsed<T>) => cell(problems, file, row.line, column, parsed);
    const code = at('artisan_code', parseCode(row.get('artisan_code'), 'artisan code', 'A-014'));
    codeUsed(code, row.line);
    const name = at('name', parseText(row.get('name'), { required: true, max: 100, example: 'Shazia Jan' }));
    const craft = at('craft', parseText(row.get('craft'), { required: true, max: 60, example: 'Kani weaving' }));
    const cooperative = at('cooperative', parseText(row.get('cooperative'), { required: false, max: 100, example: '' }));
    const village = at('village', parseText(row.get('village'), { required: false, max: 60, example: '' }));
    const phone = at('phone', parseText(row.get('phone'), { required: false, max: 30, example: '' }));
    const gender = at('gender', parseGender(row.get('gender')));
    const commissionBps = at('commission_pct', parseCommissionPct(row.get('commission_pct')));
    const fairWageCertified = at('fair_wage_certified', parseYesNo(row.get('fair_wage_certified')));
    if (problems.length > before) continue;
    out.push({
      code: code!, name: name!, craft: craft!, cooperative: cooperative!, village: village!, phone: phone!,
      gender: gender!, commissionBps: commissionBps!, fairWageCertified: fairWageCertified!,
    });
  }
  return out;
}

function parseProducts(
  rows: TableRow<(typeof PRODUCT_COLUMNS)[number]>[],
  knownArtisans: { inFile: ReadonlySet<string>; inStore: ReadonlySet<string>; fileRead: boolean },
  store: CatalogStoreView,
  problems: CatalogProblem[],
): ProductRow[] {
  const file = 'products.csv';
  const out: ProductRow[] = [];
  const skuUsed = firstUseOf(problems, file, 'sku', 'every product needs its own SKU');
  const barcodeAt = new Map<string, { line: number; sku: string }>();
  const storeSkuByBarcode = new Map<string, string>();
  for (const p of store.products) if (p.barcode !== '') storeSkuByBarcode.set(p.barcode, p.sku);
  const allCodes = [...knownArtisans.inFile, ...knownArtisans.inStore];

  for (const row of rows) {
    const before = problems.length;
    const at = <T>(column: string, parsed: Parsed<T>) => cell(problems, file, row.line, column, parsed);
    const sku = at('sku', parseCode(row.get('sku'), 'SKU', 'PSH-0001'));
    skuUsed(sku, row.line);

    const barcode = row.get('barcode');
    if (barcode !== '') {
      const check = validateBarcode(barcode);
      if (!check.ok) {
        problems.push({
          file, line: row.line, column: 'barcode',
          message: check.reason.startsWith('check digit')
            ? `"${barcode}" has a wrong last digit: the ${check.reason} — check the number on the product, or leave barcode empty to get an in-store barcode`
            : `"${barcode}" ${check.reason} — leave barcode empty to get an in-store barcode`,
        });
      } else {
        const seen = barcodeAt.get(barcode);
        const owner = storeSkuByBarcode.get(barcode);
        if (seen !== undefined) {
          problems.push({ file, line: row.line, column: 'barcode', message: `"${barcode}" is already on line ${seen.line} (SKU ${seen.sku}) — every product needs its own barcode` });
        } else {
          barcodeAt.set(barcode, { line: row.line, sku: sku ?? row.get('sku') });
          if (owner !== undefined && owner !== sku) {
            problems.push({ file, line: row.line, column: 'barcode', message: `"${barcode}" already belongs to SKU ${owner} in the store — every product needs its own barcode; leave it empty to get an in-store barcode` });
          }
        }
      }
    }

    const name = at('name', parseText(row.get('name'), { required: true, max: 120, example: 'Pashmina stole, rust' }));
    const artisanCode = row.get('artisan_code');
    if (artisanCode === '') {
      problems.push({ file, line: row.line, column: 'artisan_code', message: 'is empty — every product belongs to one artisan; enter their code, e.g. A-014' });
    } else if (!knownArtisans.inFile.has(artisanCode) && !knownArtisans.inStore.has(artisanCode)) {
      const near = allCodes.find((c) => c.toLowerCase() === artisanCode.toLowerCase());
      const where = knownArtisans.fileRead ? 'in artisans.csv nor in the store' : 'in the store';
      problems.push({
        file, line: row.line, column: 'artisan_code',
        message: near !== undefined
          ? `"${artisanCode}" is neither ${where} — did you mean "${near}"? Codes must match exactly`
          : `"${artisanCode}" is neither ${where} — add the artisan to artisans.csv first, or fix the code`,
      });
    }
    const craft = at('craft', parseText(row.get('craft'), { required: true, max: 60, example: 'Kani weaving' }));
    const hsn = at('hsn', parseHsn(row.get('hsn')));
    const handmade = at('handmade', parseYesNo(row.get('handmade')));
    const gstRateBpsOverride = at('gst_rate', parseGstRate(row.get('gst_rate')));
    const price = at('price', parsePrice(row.get('price')));
    const stock = at('stock', parseStock(row.get('stock')));
    if (problems.length > before) continue;
    out.push({
      sku: sku!, barcode, name: name!, artisanCode, craft: craft!, hsn: hsn!, handmade: handmade!,
      gstRateBpsOverride: gstRateBpsOverride!, price: price!, stock: stock!,
    });
  }
  return out;
}

/**
 * Reads and checks the catalog files against each other and against the store: product
 * artisans must exist in artisans.csv or the store, and a barcode may not belong to
 * another SKU in the store. Returns the rows only when there is no problem at all.
 */
export function parseCatalog(input: CatalogInput, store: CatalogStoreView = EMPTY_STORE): CatalogParseResult {
  const problems: CatalogProblem[] = [];
  let artisans: ArtisanRow[] = [];
  let products: ProductRow[] = [];
  // Every code written in artisans.csv counts as known, even on a bad row: the manager
  // sees that row's own problem, not a second one on each of the artisan's products.
  const inFile = new Set<string>();
  let artisansUnreadable = false;
  if (input.artisansCsv !== null) {
    const rows = readTable('artisans.csv', input.artisansCsv, ARTISAN_COLUMNS, { file: 'products.csv', columns: PRODUCT_COLUMNS }, problems);
    artisansUnreadable = rows === null;
    if (rows) {
      for (const row of rows) if (row.get('artisan_code') !== '') inFile.add(row.get('artisan_code'));
      artisans = parseArtisans(rows, problems);
    }
  }
  if (input.productsCsv !== null) {
    const rows = readTable('products.csv', input.productsCsv, PRODUCT_COLUMNS, { file: 'artisans.csv', columns: ARTISAN_COLUMNS }, problems);
    if (rows) {
      const inStore = new Set(store.artisans.map((a) => a.code));
      // An artisans.csv with an unusable header tells us nothing about codes; saying
      // "unknown artisan" on every product would bury the one real problem.
      if (artisansUnreadable) {
        for (const row of rows) if (row.get('artisan_code') !== '') inFile.add(row.get('artisan_code'));
      }
      products = parseProducts(rows, { inFile, inStore, fileRead: input.artisansCsv !== null }, store, problems);
    }
  }
  if (problems.length > 0) {
    problems.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file === 'artisans.csv' ? -1 : 1));
    return { ok: false, problems };
  }
  return { ok: true, artisans, products };
}
