import { z } from 'zod';
import { validateBarcode } from './barcode';
import type { PrintDocument, DocBlock } from './documents';
import type { ArtisanEntity, ProductEntity } from './entities';
import { formatRupeesForPrint, type Paise } from './money';

/**
 * Price labels and artisan cards: the data on them, the thermal-printer documents, and
 * the A4 sticker sheets the host renders to PDF. A label tells the tourist who made the
 * piece, that it is handmade and which artisans are fair-wage certified (DESIGN.md).
 */

/** Most labels or cards in one PDF job: a morning's restock, not the whole store at once. */
export const MAX_LABELS_PER_JOB = 2_000;

export const SymbologySchema = z.enum(['ean13', 'upca', 'code128']);

export const LabelDataSchema = z.object({
  sku: z.string().min(1).max(40),
  productName: z.string().min(1).max(200),
  artisanName: z.string().min(1).max(100),
  artisanCode: z.string().min(1).max(40),
  craft: z.string().max(60),
  /** GST-inclusive price (MRP) in paise. */
  price: z.number().int().positive().max(100_000_000_00),
  barcode: z.string().min(1).max(48),
  symbology: SymbologySchema,
  handmade: z.boolean(),
  fairWageCertified: z.boolean(),
  /** The artisan's story page for the QR code; null: no QR. */
  storyUrl: z.url({ protocol: /^https?$/ }).max(300).nullable(),
}).strict().superRefine((label, ctx) => {
  // The renderer is untrusted and bwip-js refuses bad check digits mid-job: catch it here.
  const check = validateBarcode(label.barcode);
  if (!check.ok) ctx.addIssue({ code: 'custom', path: ['barcode'], message: `Barcode ${label.barcode}: ${check.reason}` });
  else if (check.symbology !== label.symbology) {
    ctx.addIssue({ code: 'custom', path: ['symbology'], message: `Barcode ${label.barcode} is ${check.symbology}, not ${label.symbology}` });
  }
});
export type LabelData = z.infer<typeof LabelDataSchema>;

export const CardDataSchema = z.object({
  /** The artisan code, printed as Code 128. Field names match ArtisanEntity, so an entity fits. */
  code: z.string().min(1).max(40).regex(/^[\x20-\x7e]+$/, 'An artisan code is printable ASCII (it is a Code 128 barcode)'),
  name: z.string().min(1).max(100),
  craft: z.string().max(60),
  cooperative: z.string().max(100),
  fairWageCertified: z.boolean(),
}).strict();
export type CardData = z.infer<typeof CardDataSchema>;

/**
 * A4 sticker sheets, edge to edge: 3×8 of 70 × 37 mm and 4×10 of 52.5 × 29.7 mm for
 * price labels; 2×5 of 85 × 54 mm (business-card sheets) for artisan cards. Millimetres;
 * `top`/`left` is where the first cell starts.
 */
export interface SheetGeometry {
  columns: number;
  rows: number;
  cellWidthMm: number;
  cellHeightMm: number;
  leftMm: number;
  topMm: number;
}

export const SHEET_LAYOUTS = {
  /** 24 per sheet; 8 × 37 = 296 mm leaves 0.5 mm top and bottom. */
  '3x8': { columns: 3, rows: 8, cellWidthMm: 70, cellHeightMm: 37, leftMm: 0, topMm: 0.5 },
  /** 40 per sheet, covering the whole page. */
  '4x10': { columns: 4, rows: 10, cellWidthMm: 52.5, cellHeightMm: 29.7, leftMm: 0, topMm: 0 },
  /** 10 per sheet of 85 × 54 mm cards (ID-1 size), centred: 20 mm side and 13.5 mm top margins. */
  '2x5': { columns: 2, rows: 5, cellWidthMm: 85, cellHeightMm: 54, leftMm: 20, topMm: 13.5 },
} as const satisfies Record<string, SheetGeometry>;
export type SheetLayout = keyof typeof SHEET_LAYOUTS;

export function cellsPerSheet(layout: SheetLayout): number {
  return SHEET_LAYOUTS[layout].columns * SHEET_LAYOUTS[layout].rows;
}

/** Pages a job takes when the first `skip` positions of the first sheet are already used. */
export function sheetPages(layout: SheetLayout, count: number, skip: number): number {
  return Math.ceil((skip + count) / cellsPerSheet(layout));
}

function skipFits(sheet: { layout: SheetLayout; skip: number }, ctx: z.RefinementCtx): void {
  if (sheet.skip >= cellsPerSheet(sheet.layout)) {
    ctx.addIssue({ code: 'custom', path: ['skip'], message: `A ${sheet.layout} sheet has ${cellsPerSheet(sheet.layout)} positions; skip at most ${cellsPerSheet(sheet.layout) - 1}` });
  }
}

export const LabelSheetSchema = z.object({
  layout: z.enum(['3x8', '4x10']),
  labels: z.array(LabelDataSchema).min(1).max(MAX_LABELS_PER_JOB),
  /** Positions already peeled off the first sheet, counted left to right, top to bottom. */
  skip: z.number().int().min(0).default(0),
}).strict().superRefine(skipFits);
export type LabelSheet = z.input<typeof LabelSheetSchema>;
export type ParsedLabelSheet = z.output<typeof LabelSheetSchema>;

export const CardSheetSchema = z.object({
  layout: z.enum(['2x5', '3x8']),
  cards: z.array(CardDataSchema).min(1).max(MAX_LABELS_PER_JOB),
  skip: z.number().int().min(0).default(0),
}).strict().superRefine(skipFits);
export type CardSheet = z.input<typeof CardSheetSchema>;
export type ParsedCardSheet = z.output<typeof CardSheetSchema>;

/** The story page of an artisan under the store's storyBaseUrl, or null when there is none. */
export function storyUrlFor(storyBaseUrl: string, artisanCode: string): string | null {
  const base = storyBaseUrl.trim().replace(/\/+$/, '');
  return base === '' ? null : `${base}/${encodeURIComponent(artisanCode)}`;
}

type LabelProduct = Pick<ProductEntity, 'sku' | 'name' | 'barcode' | 'craft' | 'price' | 'handmade'>;
type LabelArtisan = Pick<ArtisanEntity, 'code' | 'name' | 'fairWageCertified'>;

/** What goes on one product's label. Throws if the stored barcode is not printable. */
export function labelDataFor(product: LabelProduct, artisan: LabelArtisan, storyBaseUrl: string): LabelData {
  const check = validateBarcode(product.barcode);
  if (!check.ok) throw new RangeError(`Product ${product.sku} has barcode "${product.barcode}" that ${check.reason}`);
  return {
    sku: product.sku,
    productName: product.name,
    artisanName: artisan.name,
    artisanCode: artisan.code,
    craft: product.craft,
    price: product.price,
    barcode: product.barcode,
    symbology: check.symbology,
    handmade: product.handmade,
    fairWageCertified: artisan.fairWageCertified,
    storyUrl: storyUrlFor(storyBaseUrl, artisan.code),
  };
}

export interface LabelRequest {
  product: LabelProduct & Pick<ProductEntity, 'stock'>;
  artisan: LabelArtisan;
  /** How many labels; by default one per piece in stock. */
  copies?: number;
}

/** Expands "how many of each" into one LabelData per sticker, in the order asked. */
export function labelsForProducts(requests: readonly LabelRequest[], storyBaseUrl: string): LabelData[] {
  const labels: LabelData[] = [];
  for (const { product, artisan, copies } of requests) {
    const n = copies ?? product.stock;
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Copies for ${product.sku} must be a whole number ≥ 0, got ${n}`);
    if (n === 0) continue;
    const label = labelDataFor(product, artisan, storyBaseUrl);
    for (let i = 0; i < n; i++) labels.push(label);
  }
  return labels;
}

/** "Rs. 12,500.00 (incl. GST)": labels show the MRP, which includes GST. */
export function labelPriceText(price: Paise | number): string {
  return `${formatRupeesForPrint(price)} (incl. GST)`;
}

export const HANDMADE_TEXT = 'Handmade in Kashmir';
export const FAIR_WAGE_TEXT = 'Fair-wage certified artisan';
export const STORY_CAPTION = 'Scan to meet the artisan';

/**
 * A price label for a thermal label printer, `width` characters across. UPC-A prints
 * as the EAN-13 with a leading 0: the bars are identical, and documents carry no UPC-A.
 */
export function buildThermalLabel(label: LabelData, width: number): PrintDocument {
  const blocks: DocBlock[] = [
    { kind: 'text', text: label.productName, align: 'center', bold: true },
    { kind: 'text', text: `by ${label.artisanName}`, align: 'center' },
  ];
  if (label.craft !== '') blocks.push({ kind: 'text', text: label.craft, align: 'center' });
  blocks.push({ kind: 'text', text: labelPriceText(label.price), align: 'center', bold: true });
  blocks.push(label.symbology === 'code128'
    ? { kind: 'barcode', symbology: 'code128', data: label.barcode, showText: true }
    : { kind: 'barcode', symbology: 'ean13', data: label.symbology === 'upca' ? `0${label.barcode}` : label.barcode, showText: true });
  if (label.handmade) blocks.push({ kind: 'text', text: HANDMADE_TEXT, align: 'center', bold: true });
  if (label.fairWageCertified) blocks.push({ kind: 'text', text: `* ${FAIR_WAGE_TEXT} *`, align: 'center' });
  if (label.storyUrl !== null) blocks.push({ kind: 'qr', data: label.storyUrl, caption: STORY_CAPTION });
  return { type: 'label', title: `Label ${label.sku}`, width, blocks, cut: true };
}

/** An artisan's card: scanned at the kiosk to open their earnings, so the code is Code 128. */
export function buildArtisanCard(artisan: CardData, width: number): PrintDocument {
  const blocks: DocBlock[] = [
    { kind: 'text', text: artisan.name, align: 'center', bold: true, size: 'double' },
  ];
  if (artisan.craft !== '') blocks.push({ kind: 'text', text: artisan.craft, align: 'center' });
  if (artisan.cooperative !== '') blocks.push({ kind: 'text', text: artisan.cooperative, align: 'center' });
  if (artisan.fairWageCertified) blocks.push({ kind: 'text', text: `* ${FAIR_WAGE_TEXT} *`, align: 'center' });
  blocks.push({ kind: 'barcode', symbology: 'code128', data: artisan.code, showText: true });
  return { type: 'card', title: `Card ${artisan.code}`, width, blocks, cut: true };
}

/**
 * Card data from a stored artisan, with nothing else: the sheet schema is strict, and the
 * PIN hash has no business crossing to the host.
 */
export function cardDataFor(artisan: CardData): CardData {
  return {
    code: artisan.code, name: artisan.name, craft: artisan.craft,
    cooperative: artisan.cooperative, fairWageCertified: artisan.fairWageCertified,
  };
}
