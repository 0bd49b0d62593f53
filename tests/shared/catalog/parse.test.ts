import { describe, expect, it } from 'vitest';
import { parseCatalog, type CatalogParseResult, type CatalogProblem, type CatalogStoreView } from '../../../shared/catalog';
import {
  ARTISAN_A1, ARTISAN_A2, ARTISANS_HEADER, PRODUCT_P1, PRODUCT_P2, PRODUCTS_HEADER, csv, fixture,
} from './fixture';

const artisansOk = csv(ARTISANS_HEADER, ARTISAN_A1, ARTISAN_A2);

function problemsOf(result: CatalogParseResult): CatalogProblem[] {
  if (result.ok) throw new Error('expected problems, the catalog was accepted');
  return result.problems;
}

/** Products checked against artisans from artisans.csv. */
function productProblems(...rows: string[]): CatalogProblem[] {
  return problemsOf(parseCatalog({ artisansCsv: artisansOk, productsCsv: csv(PRODUCTS_HEADER, ...rows) }));
}

function artisanProblems(...rows: string[]): CatalogProblem[] {
  return problemsOf(parseCatalog({ artisansCsv: csv(ARTISANS_HEADER, ...rows), productsCsv: null }));
}

const at = (file: CatalogProblem['file'], line: number, column: string | null, message: string | RegExp) => ({
  file, line, column, message: typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message),
});

describe('parseCatalog: the sample catalog', () => {
  it('imports clean: 49 artisan rows (48 artisans and the market\'s own stock, M-000) and 420 products', () => {
    const result = parseCatalog({ artisansCsv: fixture('artisans.csv'), productsCsv: fixture('products.csv') });
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
    expect(result.artisans).toHaveLength(49);
    expect(result.artisans.filter((a) => a.code.startsWith('A-'))).toHaveLength(48);
    expect(result.products).toHaveLength(420);
    expect(result.artisans[1]).toEqual({
      code: 'A-002', name: 'Shazia Jan', craft: 'Kani weaving', cooperative: 'Kani Weavers Society, Kanihama',
      village: 'Safa Kadal', phone: '+91 9692359822', gender: 'F', commissionBps: 1250, fairWageCertified: false,
    });
    expect(result.artisans[48]).toMatchObject({ code: 'M-000', name: 'Market stock', gender: null, commissionBps: 10_000 });
    expect(result.products[0]).toEqual({
      sku: 'PSH-0001', barcode: '8906497547351', name: 'Pashmina muffler, rust', artisanCode: 'A-034',
      craft: 'Pashmina weaving', hsn: '6214', handmade: true, gstRateBpsOverride: null, price: 850_000, stock: 12,
    });
    expect(result.products[1]).toMatchObject({ sku: 'KNI-0001', barcode: '' });
  });
});

describe('parseCatalog: reading the file', () => {
  it('reads a BOM and CRLF line ends the same as plain LF', () => {
    const lf = parseCatalog({ artisansCsv: artisansOk, productsCsv: csv(PRODUCTS_HEADER, PRODUCT_P1, PRODUCT_P2) });
    const crlf = parseCatalog({
      artisansCsv: `\uFEFF${artisansOk.replace(/\n/g, '\r\n')}`,
      productsCsv: `\uFEFF${csv(PRODUCTS_HEADER, PRODUCT_P1, PRODUCT_P2).replace(/\n/g, '\r\n')}`,
    });
    expect(lf.ok).toBe(true);
    expect(crlf).toEqual(lf);
  });

  it('keeps quoted commas, doubled quotes and line breaks inside values', () => {
    const result = parseCatalog({
      artisansCsv: csv(ARTISANS_HEADER, 'A-001,"Ghulam ""Papa"" Nabi","Carpet knotting, silk","Line one\r\nline two",Sopore,,M,10,no'),
      productsCsv: null,
    });
    expect(result).toMatchObject({ ok: true, artisans: [{ name: 'Ghulam "Papa" Nabi', craft: 'Carpet knotting, silk', cooperative: 'Line one\nline two' }] });
  });

  it('keeps Urdu and Devanagari names exactly as written', () => {
    const urdu = 'شازیہ جان';
    const hindi = 'राधा देवी';
    const result = parseCatalog({
      artisansCsv: csv(ARTISANS_HEADER, `A-001,${urdu},Kani weaving,,,,F,12.5,yes`, `A-002,${hindi},Sozni embroidery,,,,F,10,no`),
      productsCsv: csv(PRODUCTS_HEADER, 'KNI-0001,,کانی شال,A-001,Kani weaving,6214,yes,,23500.00,1'),
    });
    expect(result).toMatchObject({ ok: true, artisans: [{ name: urdu }, { name: hindi }], products: [{ name: 'کانی شال' }] });
  });

  it('counts physical lines, so a record after a quoted line break is reported where it starts', () => {
    const problems = artisanProblems(
      'A-001,Riyaz,Pashmina weaving,"Pashmina Weavers Cooperative,',
      'Pampore",Shalimar,,M,15,no', // still line 2's record
      'A-002,Shazia,Kani weaving,"Kani Weavers ""Society""',
      '',
      'Kanihama",Safa Kadal,,F,150,no', // record of lines 4–6
      'A-003,Mubeena,Sozni,,,,F,15,maybe', // line 7
    );
    expect(problems).toEqual([
      at('artisans.csv', 4, 'commission_pct', 'is more than 100'),
      at('artisans.csv', 7, 'fair_wage_certified', '"maybe" must be yes or no'),
    ]);
  });

  it('counts CRLF lines the same way, and skips blank and empty-cell lines without losing count', () => {
    const text = [ARTISANS_HEADER, ARTISAN_A1, '', ',,,,,,,,', 'A-003,"Two\r\nlines",Sozni,,,,F,15,no', 'A-004,Tasleema,Crewel,,,,Q,15,no', ''].join('\r\n');
    expect(problemsOf(parseCatalog({ artisansCsv: text, productsCsv: null }))).toEqual([
      at('artisans.csv', 7, 'gender', '"Q" must be F, M, X or empty'),
    ]);
  });

  it('reports a line with too many or too few values, as a whole line', () => {
    expect(artisanProblems(
      'A-001,Riyaz,Pashmina weaving,Pashmina Weavers Cooperative, Pampore,Shalimar,,M,15,no',
      'A-002,Shazia,Kani weaving,,,F,12.5,no',
    )).toEqual([
      at('artisans.csv', 2, null, 'this line has 10 values but the header has 9 columns — put a value that contains a comma in double quotes'),
      at('artisans.csv', 3, null, 'this line has 8 values but the header has 9 columns'),
    ]);
  });

  it('accepts trailing empty cells that spreadsheets add', () => {
    expect(parseCatalog({ artisansCsv: csv(`${ARTISANS_HEADER},`, `${ARTISAN_A1},,`), productsCsv: null }).ok).toBe(true);
  });

  it('reports a quote that is never closed', () => {
    expect(artisanProblems(ARTISAN_A1, 'A-002,"Shazia Jan,Kani weaving,,,,F,12.5,no', ARTISAN_A1.replace('A-001', 'A-003'))).toEqual([
      at('artisans.csv', 3, null, 'never closed'),
      at('artisans.csv', 3, null, 'this line has 2 values'),
    ]);
  });

  it('says when the file was saved in another encoding than UTF-8', () => {
    expect(artisanProblems('A-001,Sh\uFFFDzia,Kani weaving,,,,F,12.5,no')).toEqual([
      at('artisans.csv', 2, 'name', 'CSV UTF-8'),
    ]);
  });
});

describe('parseCatalog: the header', () => {
  it('names each missing and each unknown column', () => {
    const problems = problemsOf(parseCatalog({
      artisansCsv: null,
      productsCsv: csv('sku,barcode,name,artisan,craft,hsn,handmade,gst_rate,price', 'X,,Y,A-001,Z,6214,yes,,1.00'),
    }));
    expect(problems).toEqual([
      at('products.csv', 1, 'artisan', '"artisan" is not a column of products.csv'),
      at('products.csv', 1, 'artisan_code', 'the header has no "artisan_code" column'),
      at('products.csv', 1, 'stock', 'the header has no "stock" column'),
    ]);
  });

  it('reports a column named twice', () => {
    expect(problemsOf(parseCatalog({ artisansCsv: csv(`${ARTISANS_HEADER},name`, `${ARTISAN_A1},x`), productsCsv: null }))).toEqual([
      at('artisans.csv', 1, 'name', 'appears twice'),
    ]);
  });

  it('recognises the two files swapped', () => {
    expect(problemsOf(parseCatalog({ artisansCsv: csv(PRODUCTS_HEADER, PRODUCT_P1), productsCsv: null }))).toEqual([
      at('artisans.csv', 1, null, 'this is the header of products.csv'),
    ]);
  });

  it('reports an empty file', () => {
    expect(problemsOf(parseCatalog({ artisansCsv: '\uFEFF\r\n', productsCsv: null }))).toEqual([
      at('artisans.csv', 1, null, 'the file is empty'),
    ]);
  });

  it('accepts the columns in another order and in other letter case', () => {
    const result = parseCatalog({
      artisansCsv: csv('Name,ARTISAN_CODE,craft,cooperative,village,phone,gender,commission_pct,fair_wage_certified', 'Riyaz,A-001,Pashmina weaving,,,,M,15,no'),
      productsCsv: null,
    });
    expect(result).toMatchObject({ ok: true, artisans: [{ code: 'A-001', name: 'Riyaz' }] });
  });

  it('does not blame every product for an artisans.csv whose header is wrong', () => {
    const problems = problemsOf(parseCatalog({
      artisansCsv: csv(ARTISANS_HEADER.replace('craft', 'kraft'), ARTISAN_A1),
      productsCsv: csv(PRODUCTS_HEADER, PRODUCT_P1, PRODUCT_P2),
    }));
    expect(problems.map((p) => [p.file, p.line, p.column])).toEqual([
      ['artisans.csv', 1, 'kraft'],
      ['artisans.csv', 1, 'craft'],
    ]);
  });
});

describe('parseCatalog: artisans.csv values', () => {
  it('reads commission_pct exactly into basis points', () => {
    const result = parseCatalog({
      artisansCsv: csv(ARTISANS_HEADER, 'A-001,R,C,,,,,0,no', 'A-002,S,C,,,,,12.5,no', 'A-003,T,C,,,,,0.25,no', 'A-004,U,C,,,,,100,no', 'A-005,V,C,,,,,33.33%,no'),
      productsCsv: null,
    });
    expect(result.ok && result.artisans.map((a) => a.commissionBps)).toEqual([0, 1250, 25, 10_000, 3333]);
  });

  it.each([
    ['100.5', 'is more than 100'],
    ['12.555', 'has more than 2 decimals'],
    ['-1', 'is below 0'],
    ['abc', 'is not a percentage'],
    ['', 'is empty'],
  ])('refuses commission_pct %j', (value, why) => {
    expect(artisanProblems(`A-001,R,C,,,,M,${value},no`)).toEqual([at('artisans.csv', 2, 'commission_pct', why)]);
  });

  it('reads gender and yes/no in any letter case, and refuses other words', () => {
    const result = parseCatalog({ artisansCsv: csv(ARTISANS_HEADER, 'A-001,R,C,,,,f,10,YES', 'A-002,S,C,,,,,10,No'), productsCsv: null });
    expect(result.ok && result.artisans.map((a) => [a.gender, a.fairWageCertified])).toEqual([['F', true], [null, false]]);
    expect(artisanProblems('A-001,R,C,,,,Female,10,Y')).toEqual([
      at('artisans.csv', 2, 'gender', '"Female" must be F, M, X or empty'),
      at('artisans.csv', 2, 'fair_wage_certified', '"Y" must be yes or no'),
    ]);
  });

  it('requires code, name and craft, and refuses a duplicate code', () => {
    expect(artisanProblems(ARTISAN_A1, ',,,,,,,10,no', ARTISAN_A1.replace('Riyaz Ahmad Jan', 'Someone Else'), 'A 9,X,C,,,,,10,no')).toEqual([
      at('artisans.csv', 3, 'artisan_code', 'is empty'),
      at('artisans.csv', 3, 'name', 'is empty'),
      at('artisans.csv', 3, 'craft', 'is empty'),
      at('artisans.csv', 4, 'artisan_code', '"A-001" is already on line 2'),
      at('artisans.csv', 5, 'artisan_code', 'may use only English letters, digits'),
    ]);
  });
});

describe('parseCatalog: products.csv values', () => {
  it.each([
    ['12.345', 'has more than 2 decimals'],
    ['abc', 'is not an amount in rupees'],
    ['1,200', 'has a comma — write the amount without commas, e.g. 1200'],
    ['₹1200', 'has a currency sign'],
    ['0', 'must be more than zero'],
    ['-5.00', 'must be more than zero'],
    ['', 'is empty'],
  ])('refuses price %j', (value, why) => {
    const row = `PSH-0001,,Muffler,A-001,Pashmina weaving,6214,yes,,"${value}",1`;
    expect(productProblems(row)).toEqual([at('products.csv', 2, 'price', why)]);
  });

  it('reads prices exactly into paise', () => {
    const rows = ['0.01', '0.29', '12500', '12500.5', '99999999.99'].map((p, i) => `P-${i},,N,A-001,C,6214,yes,,${p},1`);
    const result = parseCatalog({ artisansCsv: artisansOk, productsCsv: csv(PRODUCTS_HEADER, ...rows) });
    expect(result.ok && result.products.map((p) => p.price)).toEqual([1, 29, 1_250_000, 1_250_050, 9_999_999_999]);
  });

  it('reads gst_rate as one of the GST rates, or empty for the tax table', () => {
    const rows = ['', '0', '0.25', '1.5', '3', '5', '12', '18%', '28', '40', '5.00'].map((r, i) => `P-${i},,N,A-001,C,6214,yes,${r},1.00,1`);
    const result = parseCatalog({ artisansCsv: artisansOk, productsCsv: csv(PRODUCTS_HEADER, ...rows) });
    expect(result.ok && result.products.map((p) => p.gstRateBpsOverride)).toEqual([null, 0, 25, 150, 300, 500, 1200, 1800, 2800, 4000, 500]);
    expect(productProblems('P-1,,N,A-001,C,6214,yes,7,1.00,1', 'P-2,,N,A-001,C,6214,yes,five,1.00,1')).toEqual([
      at('products.csv', 2, 'gst_rate', '"7" is not a GST rate — use one of 0, 0.25, 1.5, 3, 5, 12, 18, 28, 40'),
      at('products.csv', 3, 'gst_rate', '"five" is not a GST rate'),
    ]);
  });

  it('refuses a bad EAN-13 or UPC-A check digit and says the right digit', () => {
    expect(productProblems(
      'PSH-0001,8906497547352,Muffler,A-001,C,6214,yes,,1.00,1',
      'PSH-0002,036000291453,Muffler,A-001,C,6214,yes,,1.00,1',
    )).toEqual([
      at('products.csv', 2, 'barcode', '"8906497547352" has a wrong last digit: the check digit should be 1'),
      at('products.csv', 3, 'barcode', 'the check digit should be 2'),
    ]);
  });

  it('accepts Code 128 barcodes and refuses codes no label can carry', () => {
    expect(parseCatalog({ artisansCsv: artisansOk, productsCsv: csv(PRODUCTS_HEADER, 'P-1,SZN/0001-B,N,A-001,C,6214,yes,,1.00,1') }).ok).toBe(true);
    expect(productProblems('P-1,Ω-1,N,A-001,C,6214,yes,,1.00,1')).toEqual([at('products.csv', 2, 'barcode', 'may only use English letters')]);
  });

  it('refuses a duplicate SKU and a duplicate barcode within the file', () => {
    expect(productProblems(
      PRODUCT_P1,
      PRODUCT_P2,
      PRODUCT_P1.replace('8906497547351', ''), // same SKU again
      PRODUCT_P2.replace('KNI-0001,', 'KNI-0002,8906497547351'), // PSH-0001's barcode
    )).toEqual([
      at('products.csv', 4, 'sku', '"PSH-0001" is already on line 2 — every product needs its own SKU'),
      at('products.csv', 5, 'barcode', '"8906497547351" is already on line 2 (SKU PSH-0001)'),
    ]);
  });

  it('refuses a barcode that belongs to another SKU in the store, but not the product\'s own', () => {
    const store: CatalogStoreView = {
      artisans: [],
      products: [{ sku: 'OLD-0001', barcode: '8906497547351' }, { sku: 'PSH-0001', barcode: '2001000000017' }],
    };
    const result = parseCatalog({ artisansCsv: artisansOk, productsCsv: csv(PRODUCTS_HEADER, PRODUCT_P1) }, store);
    expect(problemsOf(result)).toEqual([at('products.csv', 2, 'barcode', '"8906497547351" already belongs to SKU OLD-0001 in the store')]);
    const own: CatalogStoreView = { artisans: [], products: [{ sku: 'PSH-0001', barcode: '8906497547351' }] };
    expect(parseCatalog({ artisansCsv: artisansOk, productsCsv: csv(PRODUCTS_HEADER, PRODUCT_P1) }, own).ok).toBe(true);
  });

  it('refuses an artisan that is neither in artisans.csv nor in the store', () => {
    expect(productProblems(PRODUCT_P1.replace('A-001', 'A-099'), PRODUCT_P1.replace('PSH-0001,8906497547351', 'PSH-0002,').replace('A-001', 'a-002'))).toEqual([
      at('products.csv', 2, 'artisan_code', '"A-099" is neither in artisans.csv nor in the store'),
      at('products.csv', 3, 'artisan_code', 'did you mean "A-002"?'),
    ]);
  });

  it('finds artisans in the store when only products.csv is imported', () => {
    const store: CatalogStoreView = { artisans: [{ code: 'A-001' }], products: [] };
    expect(parseCatalog({ artisansCsv: null, productsCsv: csv(PRODUCTS_HEADER, PRODUCT_P1) }, store).ok).toBe(true);
    expect(problemsOf(parseCatalog({ artisansCsv: null, productsCsv: csv(PRODUCTS_HEADER, PRODUCT_P2) }, store))).toEqual([
      at('products.csv', 2, 'artisan_code', '"A-002" is neither in the store'),
    ]);
  });

  it('does not add "unknown artisan" to products of an artisan whose own row is bad', () => {
    const problems = problemsOf(parseCatalog({
      artisansCsv: csv(ARTISANS_HEADER, ARTISAN_A1.replace(',15,', ',150,')),
      productsCsv: csv(PRODUCTS_HEADER, PRODUCT_P1),
    }));
    expect(problems).toEqual([at('artisans.csv', 2, 'commission_pct', 'is more than 100')]);
  });

  it.each([
    ['handmade', 'PSH-0001,,N,A-001,C,6214,handmade,,1.00,1', '"handmade" must be yes or no'],
    ['stock', 'PSH-0001,,N,A-001,C,6214,yes,,1.00,1.5', '"1.5" is not a whole number'],
    ['stock', 'PSH-0001,,N,A-001,C,6214,yes,,1.00,-1', '"-1" is below 0'],
    ['stock', 'PSH-0001,,N,A-001,C,6214,yes,,1.00,', 'is empty'],
    ['hsn', 'PSH-0001,,N,A-001,C,62,yes,,1.00,1', '"62" must be 4 to 8 digits'],
    ['hsn', 'PSH-0001,,N,A-001,C,621499999,yes,,1.00,1', 'must be 4 to 8 digits'],
    ['name', 'PSH-0001,,,A-001,C,6214,yes,,1.00,1', 'is empty'],
    ['sku', ',,N,A-001,C,6214,yes,,1.00,1', 'is empty'],
    ['artisan_code', 'PSH-0001,,N,,C,6214,yes,,1.00,1', 'is empty'],
  ])('refuses a bad %s', (column, row, why) => {
    expect(productProblems(row)).toEqual([at('products.csv', 2, column, why)]);
  });

  it('reports every problem of both files at once, artisans first, by line', () => {
    const problems = problemsOf(parseCatalog({
      artisansCsv: csv(ARTISANS_HEADER, ARTISAN_A1, 'A-002,S,C,,,,Z,10,no'),
      productsCsv: csv(PRODUCTS_HEADER, 'P-1,,N,A-001,C,6214,yes,,abc,1', PRODUCT_P1, 'P-3,,N,A-001,C,6214,yes,,1.00,x'),
    }));
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual([
      'artisans.csv:3:gender', 'products.csv:2:price', 'products.csv:4:stock',
    ]);
  });
});
