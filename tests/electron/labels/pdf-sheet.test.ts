import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countPdfPages, renderCardSheetPdf, renderLabelSheetPdf, writeLabelPdf } from '../../../electron/labels/pdf-sheet';
import { inStoreEan13 } from '../../../shared/barcode';
import type { CardData, LabelData } from '../../../shared/labels';
import { HostFailure } from '../../../shared/result';

const has = (tool: string, versionFlag = '-v'): boolean => {
  try {
    execFileSync(tool, [versionFlag], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const poppler = has('pdftotext') && has('pdftoppm');
const zbar = poppler && has('zbarimg', '--version');
/** Helvetica only: the output then does not depend on the fonts installed on this machine. */
const NO_FONTS = { fonts: { regular: [], bold: [] } };

const label = (i: number, over: Partial<LabelData> = {}): LabelData => ({
  sku: `KNI-${String(i).padStart(4, '0')}`, productName: `Kani stole ${i}`, artisanName: 'Shazia Jan', artisanCode: 'A-002',
  craft: 'Kani weaving', price: 1_250_000, barcode: inStoreEan13(20, 1, i + 1), symbology: 'ean13', handmade: true,
  fairWageCertified: i % 2 === 0, storyUrl: i % 3 === 0 ? `https://stories.example.org/a/A-${i}` : null, ...over,
});
const labels = (n: number) => Array.from({ length: n }, (_, i) => label(i));

/**
 * Checks the PDF's cross-reference table: every in-use object offset must point at
 * "N 0 obj", and the trailer must name the root. A viewer needs exactly this to open it.
 */
function expectWellFormedPdf(pdf: Buffer): void {
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-1.')).toBe(true);
  expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 4)).toBe('xref');
  const [, first, count] = /^xref\s+(\d+)\s+(\d+)\s+/.exec(text.slice(startxref))!.map(Number) as [number, number, number];
  const entries = text.slice(startxref).split(/\r?\n/).slice(2, 2 + count);
  let inUse = 0;
  entries.forEach((entry, i) => {
    const [offset, , kind] = entry.trim().split(' ');
    if (kind !== 'n') return;
    inUse++;
    expect(text.slice(Number(offset), Number(offset) + 12)).toMatch(new RegExp(`^${first + i} 0 obj`));
  });
  expect(inUse).toBeGreaterThan(5);
  expect(text.slice(startxref)).toMatch(/trailer\s*<<[\s\S]*\/Root \d+ 0 R/);
}

function pdfText(pdf: Buffer, page = 1): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-'));
  writeFileSync(path.join(dir, 'a.pdf'), pdf);
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', path.join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
}

/** Words with their boxes in points (pdftotext -bbox). */
function pdfWords(pdf: Buffer, page = 1): { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-'));
  writeFileSync(path.join(dir, 'a.pdf'), pdf);
  const html = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', path.join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]! }));
}

const MM = 72 / 25.4;

describe('renderLabelSheetPdf', () => {
  it('puts 30 labels on two 3×8 sheets and 40 on one 4×10 sheet, as well-formed PDFs', async () => {
    const three = await renderLabelSheetPdf({ layout: '3x8', labels: labels(30) }, NO_FONTS);
    expectWellFormedPdf(three);
    expect(countPdfPages(three)).toBe(2);
    expect(three.toString('latin1')).toMatch(/\/Type \/Pages[\s\S]*?\/Count 2/);
    const four = await renderLabelSheetPdf({ layout: '4x10', labels: labels(40) }, NO_FONTS);
    expectWellFormedPdf(four);
    expect(countPdfPages(four)).toBe(1);
  });

  it('starts a new sheet when skipped positions push labels past the first', async () => {
    expect(countPdfPages(await renderLabelSheetPdf({ layout: '4x10', labels: labels(40), skip: 1 }, NO_FONTS))).toBe(2);
    expect(countPdfPages(await renderLabelSheetPdf({ layout: '3x8', labels: labels(1), skip: 23 }, NO_FONTS))).toBe(1);
    expect(countPdfPages(await renderLabelSheetPdf({ layout: '3x8', labels: labels(2), skip: 23 }, NO_FONTS))).toBe(2);
  });

  it('refuses an invalid sheet before drawing anything', async () => {
    await expect(renderLabelSheetPdf({ layout: '3x8', labels: [label(1, { barcode: '8906497547352' })] })).rejects.toThrow(/check digit/);
    await expect(renderLabelSheetPdf({ layout: '3x8', labels: labels(1), skip: 24 })).rejects.toThrow(/skip/);
  });

  it('refuses a Code 128 too long to scan on the small labels, and says what to do', async () => {
    const long = label(1, { barcode: 'KASHMIR-PASHMINA-0001-RUST-LONG', symbology: 'code128' });
    const error = await renderLabelSheetPdf({ layout: '4x10', labels: [long] }, NO_FONTS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostFailure);
    expect(error).toMatchObject({ code: 'bad-request', message: expect.stringContaining('70 × 37 mm') });
  });

  it.skipIf(!poppler)('prints "Rs." with a font that has no rupee sign, and names by code when no font has the script', async () => {
    const pdf = await renderLabelSheetPdf({ layout: '3x8', labels: [label(1, { artisanName: 'شازیہ جان', price: 850_050 })] }, NO_FONTS);
    const text = pdfText(pdf);
    expect(text).toContain('Rs. 8,500.50');
    expect(text).not.toContain('₹');
    expect(text).toContain('by artisan A-002');
    expect(text).toContain('Handmade in Kashmir');
  });

  it.skipIf(!poppler || !existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'))('prints ₹ when the font has it', async () => {
    const dejavu = { regular: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'], bold: ['/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'] };
    const text = pdfText(await renderLabelSheetPdf({ layout: '3x8', labels: [label(1)] }, { fonts: dejavu }));
    expect(text).toContain('₹12,500.00');
    expect(text).not.toContain('Rs.');
  });

  it.skipIf(!poppler)('fills positions left to right, top to bottom, after the skipped ones', async () => {
    const pdf = await renderLabelSheetPdf({ layout: '3x8', labels: [label(7), label(8)], skip: 2 }, NO_FONTS);
    const words = pdfWords(pdf);
    const first = words.find((w) => w.text === '7')!; // "Kani stole 7"
    const second = words.find((w) => w.text === '8')!;
    // Position 2 is the third cell of row 1; position 3 the first cell of row 2.
    expect(first.xMin).toBeGreaterThan(140 * MM);
    expect(first.yMax).toBeLessThan(37.5 * MM);
    expect(second.xMax).toBeLessThan(70 * MM);
    expect(second.yMin).toBeGreaterThan(37.5 * MM);
    expect(second.yMax).toBeLessThan(74.5 * MM);
  });

  it.skipIf(!poppler)('keeps every word inside its own label, however long the names', async () => {
    const long = (i: number) => label(i, {
      productName: `Walnut wood jewellery box with chinar leaf carving and brass hinges, saffron velvet lining, set of ${i}`,
      artisanName: 'Mohammad Abdul Rashid Kaloo Bhat Wani Sheikh Naqashbandi',
      craft: 'Walnut wood carving and inlay with papier-mache detailing',
      price: 99_999_999, fairWageCertified: true, storyUrl: 'https://stories.example.org/a/A-002',
    });
    for (const [layout, w, h, top] of [['3x8', 70, 37, 0.5], ['4x10', 52.5, 29.7, 0]] as const) {
      const pdf = await renderLabelSheetPdf({ layout, labels: Array.from({ length: 8 }, (_, i) => long(i)) }, NO_FONTS);
      const words = pdfWords(pdf);
      expect(words.length).toBeGreaterThan(50);
      for (const word of words) {
        const column = Math.floor(((word.xMin + word.xMax) / 2) / (w * MM));
        const row = Math.floor(((word.yMin + word.yMax) / 2 - top * MM) / (h * MM));
        const cell = { left: column * w * MM, right: (column + 1) * w * MM, top: (top + row * h) * MM, bottom: (top + (row + 1) * h) * MM };
        // At least 1 mm of the label's own margin stays clear on every side.
        expect.soft(word.xMin, `${layout} "${word.text}"`).toBeGreaterThanOrEqual(cell.left + MM);
        expect.soft(word.xMax, `${layout} "${word.text}"`).toBeLessThanOrEqual(cell.right - MM);
        expect.soft(word.yMin, `${layout} "${word.text}"`).toBeGreaterThanOrEqual(cell.top + MM);
        expect.soft(word.yMax, `${layout} "${word.text}"`).toBeLessThanOrEqual(cell.bottom - MM);
      }
    }
  });

  it.skipIf(!zbar)('prints barcodes and QR codes that a scanner reads back, on the smallest labels', async () => {
    const sheet = [
      label(0, { barcode: '8906497547351', symbology: 'ean13', storyUrl: 'https://stories.example.org/a/A-034' }),
      label(1, { barcode: '036000291452', symbology: 'upca', storyUrl: null }),
      label(2, { barcode: 'SZN-0001/B', symbology: 'code128', storyUrl: null }),
      label(3, { barcode: inStoreEan13(20, 1, 123), symbology: 'ean13', storyUrl: null }),
    ];
    const pdf = await renderLabelSheetPdf({ layout: '4x10', labels: sheet }, NO_FONTS);
    const dir = mkdtempSync(path.join(tmpdir(), 'scan-'));
    writeFileSync(path.join(dir, 'a.pdf'), pdf);
    const px = (mm: number) => String(Math.round((mm / 25.4) * 300));
    const read = sheet.map((_, column) => {
      execFileSync('pdftoppm', ['-r', '300', '-png', '-singlefile', '-x', px(column * 52.5), '-y', '0', '-W', px(52.5), '-H', px(29.7), path.join(dir, 'a.pdf'), path.join(dir, `cell${column}`)]);
      try {
        return execFileSync('zbarimg', ['-q', path.join(dir, `cell${column}.png`)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').sort();
      } catch {
        return [];
      }
    });
    expect(read).toEqual([
      ['EAN-13:8906497547351', 'QR-Code:https://stories.example.org/a/A-034'],
      ['EAN-13:0036000291452'], // UPC-A is EAN-13 with a leading 0: the same bars
      ['CODE-128:SZN-0001/B'],
      [`EAN-13:${inStoreEan13(20, 1, 123)}`],
    ]);
  });
});

describe('renderCardSheetPdf', () => {
  const card = (i: number): CardData => ({ code: `A-${String(i).padStart(3, '0')}`, name: `Artisan ${i}`, craft: 'Sozni embroidery', cooperative: "Sozni Women's Cooperative, Ganderbal", fairWageCertified: i % 2 === 1 });

  it('puts 10 cards on a 2×5 sheet and the 11th on a second', async () => {
    const ten = await renderCardSheetPdf({ layout: '2x5', cards: Array.from({ length: 10 }, (_, i) => card(i)) }, NO_FONTS);
    expectWellFormedPdf(ten);
    expect(countPdfPages(ten)).toBe(1);
    expect(countPdfPages(await renderCardSheetPdf({ layout: '2x5', cards: Array.from({ length: 11 }, (_, i) => card(i)) }, NO_FONTS))).toBe(2);
  });

  it.skipIf(!poppler)('shows the name, craft, cooperative and the fair-wage mark', async () => {
    const text = pdfText(await renderCardSheetPdf({ layout: '2x5', cards: [card(1)] }, NO_FONTS));
    for (const part of ['ARTISAN CARD', 'Artisan 1', 'Sozni embroidery', "Sozni Women's Cooperative, Ganderbal", 'Fair-wage certified artisan']) {
      expect(text).toContain(part);
    }
  });
});

describe('writeLabelPdf', () => {
  it('writes the PDF into the folder, creating it, with no temporary file left', async () => {
    const pdf = await renderLabelSheetPdf({ layout: '3x8', labels: labels(30) }, NO_FONTS);
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'labels-')), 'nested', 'labels');
    const result = await writeLabelPdf(pdf, dir, { now: new Date('2026-04-01T09:30:05Z') });
    expect(result.pages).toBe(2);
    expect(path.dirname(result.path)).toBe(path.resolve(dir));
    expect(path.basename(result.path)).toMatch(/^labels-20260401-093005-[0-9a-f]{6}\.pdf$/);
    expect(readFileSync(result.path).equals(pdf)).toBe(true);
    expect(readdirSync(dir)).toEqual([path.basename(result.path)]);
  });

  it('names card sheets apart and never overwrites an earlier file', async () => {
    const pdf = await renderCardSheetPdf({ layout: '2x5', cards: [{ code: 'A-1', name: 'N', craft: '', cooperative: '', fairWageCertified: false }] }, NO_FONTS);
    const dir = mkdtempSync(path.join(tmpdir(), 'cards-'));
    const now = new Date('2026-04-01T09:30:05Z');
    const a = await writeLabelPdf(pdf, dir, { baseName: 'cards', now });
    const b = await writeLabelPdf(pdf, dir, { baseName: 'cards', now });
    expect(a.path).not.toBe(b.path);
    expect(readdirSync(dir).sort()).toEqual([path.basename(a.path), path.basename(b.path)].sort());
    expect(path.basename(a.path)).toMatch(/^cards-/);
  });

  it('refuses what is not a PDF', async () => {
    await expect(writeLabelPdf(Buffer.from('hello'), tmpdir())).rejects.toMatchObject({ code: 'internal' });
  });

  it('reports a folder it cannot write as an io-error', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'blocked-')), 'a-file');
    writeFileSync(file, 'x');
    const pdf = await renderCardSheetPdf({ layout: '2x5', cards: [{ code: 'A-1', name: 'N', craft: '', cooperative: '', fairWageCertified: false }] }, NO_FONTS);
    await expect(writeLabelPdf(pdf, path.join(file, 'sub'))).rejects.toMatchObject({ code: 'io-error' });
  });
});
