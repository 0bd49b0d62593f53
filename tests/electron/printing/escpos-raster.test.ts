import { existsSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { documentToText, PrintDocumentSchema, type ParsedPrintDocument } from '../../../shared/documents';
import { buildReceipt } from '../../../shared/receipt';
import { encodeDocument, printableDocument } from '../../../electron/printing/escpos-encoder';
import { createPrinter } from '../../../electron/printing/printers';
import { SYSTEM_FONT_CANDIDATES } from '../../../electron/labels/fonts';
import { asPreview, decode, render, type Printed } from './escpos-decode';
import { SAMPLE_ITEMS, sampleSale, splitTenders, STORE } from './sample-sale';

const URDU = 'حلیمہ اختر';
const HINDI = 'पश्मीना शॉल, हाथ से बुना';
const OTHER_SCRIPT = /[\p{Script=Arabic}\p{Script=Devanagari}]/u;
const NO_FONTS = { regular: [], bold: [] };

/** The suite's fonts are the app's: Noto Naskh Arabic and Noto Sans Devanagari where installed. */
const hasFonts = SYSTEM_FONT_CANDIDATES.regular.some((p) => /NaskhArabic|SansArabic/.test(p) && existsSync(p))
  && SYSTEM_FONT_CANDIDATES.regular.some((p) => /Devanagari/.test(p) && existsSync(p))
  && SYSTEM_FONT_CANDIDATES.bold.some((p) => /Devanagari/.test(p) && existsSync(p));

function receipt(width: number): ParsedPrintDocument {
  const items = SAMPLE_ITEMS.map((item, i) => (i === 0 ? { ...item, artisanName: URDU } : i === 1 ? { ...item, name: HINDI } : item));
  return PrintDocumentSchema.parse(buildReceipt({ store: STORE, ...sampleSale({ items, tenders: splitTenders }), copy: 'original', width }));
}

const rasters = (printed: readonly Printed[]) => printed.filter((p): p is Extract<Printed, { kind: 'raster' }> => p.kind === 'raster');
const texts = (printed: readonly Printed[]) => printed.flatMap((p) => (p.kind === 'text' ? [p.text] : []));
const inked = (r: Extract<Printed, { kind: 'raster' }>) => r.data.reduce((n, b) => n + (b.toString(2).split('1').length - 1), 0);

/** The 1-bit image as a PNG, black on white, to look at. */
function savePng(r: Extract<Printed, { kind: 'raster' }>, file: string): void {
  const c = createCanvas(r.widthDots, r.heightDots);
  const ctx = c.getContext('2d');
  const img = ctx.createImageData(r.widthDots, r.heightDots);
  for (let y = 0; y < r.heightDots; y++) {
    for (let x = 0; x < r.widthDots; x++) {
      const on = (r.data[y * (r.widthDots / 8) + (x >> 3)]! & (0x80 >> (x & 7))) !== 0;
      const p = (y * r.widthDots + x) * 4;
      img.data.fill(on ? 0 : 255, p, p + 3);
      img.data[p + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
  writeFileSync(file, c.toBuffer('image/png'));
}

describe('other scripts print as raster images', () => {
  it.skipIf(!hasFonts).each([48, 32])('at %i columns: GS v 0 blocks the paper’s width, no "?", Latin lines as text', (width) => {
    const doc = receipt(width);
    const bytes = encodeDocument(doc, { openDrawer: false });
    const commands = decode(bytes);
    const rendered = render(commands);
    expect(rendered.problems).toEqual([]);
    const images = rasters(rendered.printed);
    // The artisan line ("by حلیمہ اختر [FW]") and the product name's line(s).
    const expectedImages = documentToText(printableDocument(doc, { keepOtherScripts: true }))
      .filter((l) => OTHER_SCRIPT.test(l)).length;
    expect(images.length).toBe(expectedImages);
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const image of images) {
      expect(image.widthDots).toBe(width * 12);
      expect(image.heightDots).toBeGreaterThanOrEqual(24);
      expect(image.data.length).toBe((width * 12 / 8) * image.heightDots);
      expect(inked(image)).toBeGreaterThan(100);
    }
    for (const c of commands) {
      if (c.op === 'raster') {
        expect(c.mode).toBe(0);
        expect(bytes.subarray(c.at, c.at + 8)).toEqual(Buffer.from([0x1d, 0x76, 0x30, 0, (width * 12 / 8) & 0xff, 0, c.heightDots & 0xff, c.heightDots >> 8]));
      }
    }
    const printedText = texts(rendered.printed);
    expect(printedText.join('\n')).not.toContain('?');
    // Every other line prints exactly as the Latin-only layout: the preview minus the image lines.
    const latin = documentToText(printableDocument(doc, { keepOtherScripts: true }))
      .filter((l) => !OTHER_SCRIPT.test(l));
    expect(asPreview(rendered.printed, width).filter((l) => !l.startsWith('[image '))).toEqual(latin);
    images.forEach((image, i) => savePng(image, path.join(os.tmpdir(), `chinar-raster-${width}-${i}.png`)));
  });

  it.skipIf(!hasFonts)('lays out an Urdu-only line right-to-left, honouring the block’s alignment', () => {
    const doc = PrintDocumentSchema.parse({
      type: 'test', title: 'test', width: 48, cut: true,
      blocks: [
        { kind: 'text', text: URDU, align: 'left' },
        { kind: 'text', text: URDU, align: 'right' },
        { kind: 'text', text: URDU, align: 'center', bold: true, size: 'double' },
      ],
    });
    const [left, right, big] = rasters(render(decode(encodeDocument(doc, { openDrawer: false }))).printed);
    const columns = (r: Extract<Printed, { kind: 'raster' }>) => {
      const used: number[] = [];
      for (let x = 0; x < r.widthDots; x++) {
        for (let y = 0; y < r.heightDots; y++) if (r.data[y * (r.widthDots / 8) + (x >> 3)]! & (0x80 >> (x & 7))) { used.push(x); break; }
      }
      return { min: Math.min(...used), max: Math.max(...used) };
    };
    expect(columns(left!).min).toBeLessThan(8);
    expect(columns(right!).max).toBeGreaterThan(576 - 8);
    expect(big!.heightDots).toBe(2 * left!.heightDots);
    const b = columns(big!);
    expect(Math.abs((b.min + b.max) / 2 - 288)).toBeLessThan(16);
    expect(b.max - b.min).toBeGreaterThan(1.5 * (columns(left!).max - columns(left!).min));
    savePng(big!, path.join(os.tmpdir(), 'chinar-raster-urdu-double.png'));
  });

  it.each([48, 32])('falls back to "?" without throwing when no font has the script (%i columns)', (width) => {
    const doc = receipt(width);
    const bytes = encodeDocument(doc, { openDrawer: false, raster: { fonts: NO_FONTS } });
    const rendered = render(decode(bytes));
    expect(rendered.problems).toEqual([]);
    expect(rasters(rendered.printed)).toEqual([]);
    expect(asPreview(rendered.printed, width)).toEqual(documentToText(printableDocument(doc)));
    expect(texts(rendered.printed).join('\n')).toMatch(/by \?{5} \?{4}/);
  });

  it('falls back to "?" when the canvas module cannot load', () => {
    const doc = receipt(48);
    const bytes = encodeDocument(doc, { openDrawer: false, raster: { loadCanvas: () => { throw new Error('no prebuilt binary for this platform'); } } });
    expect(bytes.equals(encodeDocument(doc, { openDrawer: false, raster: { fonts: NO_FONTS } }))).toBe(true);
  });

  it('leaves Latin-only documents byte for byte as before', () => {
    for (const [width, openDrawer] of [[48, false], [32, true]] as const) {
      const doc = PrintDocumentSchema.parse(buildReceipt({ store: STORE, ...sampleSale({ tenders: splitTenders }), copy: 'original', width }));
      expect(encodeDocument(doc, { openDrawer }).equals(encodeDocument(doc, { openDrawer, raster: { fonts: NO_FONTS } }))).toBe(true);
    }
  });

  it('keeps the real text in the file printer’s .txt preview', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chinar-raster-'));
    try {
      const doc = receipt(48);
      await createPrinter({ kind: 'file' }, { fileDir: dir, paperWidth: 48 }).print(doc, { openDrawer: false });
      const txt = (await fs.readdir(dir)).find((f) => f.endsWith('.txt'))!;
      const preview = await fs.readFile(path.join(dir, txt), 'utf8');
      expect(preview).toContain(`by ${URDU} [FW]`);
      expect(preview).toContain('पश्मीना');
      expect(preview).not.toMatch(/\?{3}/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
