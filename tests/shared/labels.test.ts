import { describe, expect, it } from 'vitest';
import { inStoreEan13 } from '../../shared/barcode';
import { PrintDocumentSchema, documentToText } from '../../shared/documents';
import {
  CardSheetSchema, LabelDataSchema, LabelSheetSchema, MAX_LABELS_PER_JOB, buildArtisanCard, buildThermalLabel, cardDataFor,
  cellsPerSheet, labelDataFor, labelsForProducts, sheetPages, storyUrlFor, type LabelData,
} from '../../shared/labels';
import { paise } from '../../shared/money';

const label: LabelData = {
  sku: 'KNI-0001', productName: 'Kani stole, border weave', artisanName: 'Shazia Jan', artisanCode: 'A-002',
  craft: 'Kani weaving', price: 1_250_000, barcode: '8906497547351', symbology: 'ean13', handmade: true,
  fairWageCertified: true, storyUrl: 'https://stories.example.org/artisans/A-002',
};

describe('buildThermalLabel', () => {
  it('says what, who, craft, the GST-inclusive price and the barcode, and is a valid document', () => {
    const doc = buildThermalLabel(label, 32);
    expect(PrintDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc).toMatchObject({ type: 'label', title: 'Label KNI-0001', width: 32, cut: true });
    // Centred on the 32-column paper; the content and its order is what matters here.
    expect(documentToText(doc).map((l) => l.trim())).toEqual([
      'Kani stole, border weave',
      'by Shazia Jan',
      'Kani weaving',
      'Rs. 12,500.00 (incl. GST)',
      '[EAN-13: 8906497547351]',
      'Handmade in Kashmir',
      '* Fair-wage certified artisan *',
      '[QR: https://stories.example.org/artisans/A-002]',
      'Scan to meet the artisan',
    ]);
  });

  it('leaves out "Handmade", the fair-wage mark and the QR code when they do not apply', () => {
    const doc = buildThermalLabel({ ...label, handmade: false, fairWageCertified: false, storyUrl: null }, 48);
    const text = documentToText(doc).join('\n');
    expect(text).not.toContain('Handmade');
    expect(text).not.toContain('Fair-wage');
    expect(doc.blocks.some((b) => b.kind === 'qr')).toBe(false);
  });

  it('prints UPC-A as the EAN-13 with a leading 0 (the same bars) and Code 128 as it is', () => {
    const upca = buildThermalLabel({ ...label, barcode: '036000291452', symbology: 'upca' }, 48);
    expect(upca.blocks).toContainEqual({ kind: 'barcode', symbology: 'ean13', data: '0036000291452', showText: true });
    const code128 = buildThermalLabel({ ...label, barcode: 'SZN/0001-B', symbology: 'code128' }, 48);
    expect(code128.blocks).toContainEqual({ kind: 'barcode', symbology: 'code128', data: 'SZN/0001-B', showText: true });
  });
});

describe('buildArtisanCard', () => {
  it('carries name, craft, cooperative and the artisan code as Code 128', () => {
    const doc = buildArtisanCard({ code: 'A-014', name: 'Ali Mohammad Mir', craft: 'Sozni embroidery', cooperative: "Sozni Women's Cooperative", fairWageCertified: false }, 48);
    expect(PrintDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc).toMatchObject({ type: 'card', title: 'Card A-014' });
    expect(doc.blocks).toContainEqual({ kind: 'barcode', symbology: 'code128', data: 'A-014', showText: true });
    expect(documentToText(doc).map((l) => l.trim()).filter(Boolean)).toEqual([
      'Ali Mohammad Mir', 'Sozni embroidery', "Sozni Women's Cooperative", '[Code 128: A-014]',
    ]);
  });

  it('takes an artisan entity, but cardDataFor passes on nothing else (no PIN hash)', () => {
    const entity = {
      id: 'x', code: 'A-1', name: 'N', craft: 'C', cooperative: '', village: 'V', phone: '1', gender: null,
      commissionBps: 0, fairWageCertified: true, story: '', pinHash: 'f'.repeat(64), active: true,
    };
    expect(buildArtisanCard(entity, 32).blocks).toHaveLength(4);
    expect(cardDataFor(entity)).toEqual({ code: 'A-1', name: 'N', craft: 'C', cooperative: '', fairWageCertified: true });
    expect(CardSheetSchema.safeParse({ layout: '2x5', cards: [entity] }).success).toBe(false);
    expect(CardSheetSchema.safeParse({ layout: '2x5', cards: [cardDataFor(entity)] }).success).toBe(true);
  });
});

describe('LabelDataSchema and the sheet schemas', () => {
  it('refuses a barcode that does not match its symbology or its check digit', () => {
    expect(LabelDataSchema.safeParse(label).success).toBe(true);
    expect(LabelDataSchema.safeParse({ ...label, symbology: 'code128' }).success).toBe(false);
    expect(LabelDataSchema.safeParse({ ...label, barcode: '8906497547352' }).success).toBe(false);
  });

  it('takes only http(s) story links and a positive whole price', () => {
    expect(LabelDataSchema.safeParse({ ...label, storyUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(LabelDataSchema.safeParse({ ...label, storyUrl: null }).success).toBe(true);
    expect(LabelDataSchema.safeParse({ ...label, price: 12.5 }).success).toBe(false);
    expect(LabelDataSchema.safeParse({ ...label, price: 0 }).success).toBe(false);
  });

  it('defaults skip to 0, and refuses a skip beyond the first sheet or too many labels', () => {
    expect(LabelSheetSchema.parse({ layout: '3x8', labels: [label] }).skip).toBe(0);
    expect(LabelSheetSchema.safeParse({ layout: '3x8', labels: [label], skip: 23 }).success).toBe(true);
    expect(LabelSheetSchema.safeParse({ layout: '3x8', labels: [label], skip: 24 }).success).toBe(false);
    expect(LabelSheetSchema.safeParse({ layout: '4x10', labels: [label], skip: 39 }).success).toBe(true);
    expect(LabelSheetSchema.safeParse({ layout: '2x5', labels: [label] }).success).toBe(false);
    expect(LabelSheetSchema.safeParse({ layout: '4x10', labels: Array(MAX_LABELS_PER_JOB).fill(label) }).success).toBe(true);
    expect(LabelSheetSchema.safeParse({ layout: '4x10', labels: Array(MAX_LABELS_PER_JOB + 1).fill(label) }).success).toBe(false);
    expect(LabelSheetSchema.safeParse({ layout: '4x10', labels: [] }).success).toBe(false);
  });

  it('counts pages from the layout, the count and the skipped positions', () => {
    expect(cellsPerSheet('3x8')).toBe(24);
    expect(cellsPerSheet('4x10')).toBe(40);
    expect(cellsPerSheet('2x5')).toBe(10);
    expect(sheetPages('3x8', 30, 0)).toBe(2);
    expect(sheetPages('4x10', 40, 0)).toBe(1);
    expect(sheetPages('4x10', 40, 1)).toBe(2);
    expect(sheetPages('3x8', 24, 0)).toBe(1);
  });
});

describe('labelsForProducts', () => {
  const artisan = { code: 'A-002', name: 'Shazia Jan', fairWageCertified: true };
  const product = (sku: string, stock: number, barcode = inStoreEan13(20, 1, 7)) => ({
    sku, name: `Item ${sku}`, barcode, craft: 'Kani weaving', price: paise(100), handmade: true, stock,
  });

  it('makes one label per piece in stock unless told how many, in the order asked', () => {
    const labels = labelsForProducts([
      { product: product('A', 3), artisan },
      { product: product('B', 5, '036000291452'), artisan, copies: 1 },
      { product: product('C', 4), artisan, copies: 0 },
      { product: product('D', 0), artisan },
    ], 'https://stories.example.org/a/');
    expect(labels.map((l) => l.sku)).toEqual(['A', 'A', 'A', 'B']);
    expect(labels[3]).toMatchObject({ symbology: 'upca', storyUrl: 'https://stories.example.org/a/A-002', fairWageCertified: true });
    for (const l of labels) expect(LabelDataSchema.safeParse(l).success).toBe(true);
  });

  it('refuses negative or fractional copies and products without a printable barcode', () => {
    expect(() => labelsForProducts([{ product: product('A', 1), artisan, copies: -1 }], '')).toThrow(RangeError);
    expect(() => labelsForProducts([{ product: product('A', 1), artisan, copies: 1.5 }], '')).toThrow(RangeError);
    expect(() => labelDataFor(product('A', 1, ''), artisan, '')).toThrow(/barcode/);
  });
});

describe('storyUrlFor', () => {
  it('joins the base and the code, and gives no link without a base', () => {
    expect(storyUrlFor('https://x.org/s', 'A-002')).toBe('https://x.org/s/A-002');
    expect(storyUrlFor('https://x.org/s//', 'A 2/3')).toBe('https://x.org/s/A%202%2F3');
    expect(storyUrlFor('  ', 'A-002')).toBeNull();
  });
});
