import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import bwipjs from 'bwip-js/node';
import PDFDocument from 'pdfkit';
import {
  CardSheetSchema, FAIR_WAGE_TEXT, HANDMADE_TEXT, LabelSheetSchema, SHEET_LAYOUTS,
  cellsPerSheet, type CardData, type CardSheet, type LabelData, type LabelSheet, type SheetLayout,
} from '../../shared/labels';
import { formatRupeesForPrint } from '../../shared/money';
import { HostFailure } from '../../shared/result';
import { SYSTEM_FONT_CANDIDATES, loadFontFaces, winAnsiCovers } from './fonts';

/**
 * A4 sticker sheets as PDF: price labels (3×8, 4×10) and artisan cards (2×5, 3×8).
 * The manager prints the PDF on pre-cut sheets from any office printer, so everything is
 * placed in millimetres from the sheet geometry in shared/labels.ts.
 *
 * Barcodes and QR codes are bwip-js PNGs drawn at an exact module size. Bars are whole
 * modules, so at any whole number of pixels per module every bar edge falls on a pixel
 * edge of the image and the printer's rounding moves it by at most one printer dot.
 */

const PT_PER_MM = 72 / 25.4;
const mm = (v: number): number => v * PT_PER_MM;
const A4_PT: [number, number] = [mm(210), mm(297)];

/**
 * Image pixels per module. Bar geometry is exact at any whole number; this sets how smooth
 * bwip-js's digits under the bars are. QR codes carry no text, so 2 is enough.
 * (Each pixel costs: bwip-js writes RGBA PNGs that pdfkit must inflate and split.)
 */
const PX_PER_MODULE = 3;
const QR_PX_PER_MODULE = 2;
/** Narrowest bar we print: below ~0.19 mm (7.5 mil) handheld scanners start to miss. */
const MIN_MODULE_MM = 0.19;

/**
 * Everything a label cell holds, in millimetres and points. Heights were budgeted so a
 * two-line name, artisan, craft, "Handmade", the price and the barcode fit the cell.
 */
interface LabelStyle {
  padXMm: number;
  padYMm: number;
  name: { size: number; min: number; lines: number };
  by: { size: number; min: number };
  small: { size: number; min: number };
  price: { size: number; min: number; noteSize: number };
  qrMm: number;
  badge: { size: number; iconMm: number };
  bar: { moduleMm: number; heightMm: number; textSize: number };
  gapMm: number;
  /** Between the text and the QR column: at least the QR's 4-module quiet zone. */
  qrGapMm: number;
}

const LABEL_STYLES: Record<'3x8' | '4x10', LabelStyle> = {
  // 70 × 37 mm: EAN-13 at 0.30 mm bars (≈ 90 % of nominal size).
  '3x8': {
    padXMm: 3, padYMm: 2.5,
    name: { size: 8.5, min: 6.5, lines: 2 },
    by: { size: 7, min: 5.5 },
    small: { size: 6, min: 5 },
    price: { size: 10.5, min: 8, noteSize: 6 },
    qrMm: 12,
    badge: { size: 5.5, iconMm: 2.4 },
    bar: { moduleMm: 0.30, heightMm: 8, textSize: 8 },
    gapMm: 1,
    qrGapMm: 2,
  },
  // 52.5 × 29.7 mm: EAN-13 at 0.25 mm bars (≈ 75 %: fine for shelf scanning at the till).
  '4x10': {
    padXMm: 2.5, padYMm: 2,
    name: { size: 7, min: 5.5, lines: 2 },
    by: { size: 5.8, min: 4.8 },
    small: { size: 5, min: 4.3 },
    price: { size: 8.5, min: 6.5, noteSize: 5 },
    qrMm: 9.5,
    badge: { size: 4.6, iconMm: 2 },
    bar: { moduleMm: 0.25, heightMm: 6.5, textSize: 7 },
    gapMm: 0.7,
    qrGapMm: 1.6,
  },
};

interface CardStyle {
  padXMm: number;
  padYMm: number;
  title: number;
  name: { size: number; min: number; lines: number };
  craft: number;
  coop: { size: number; lines: number };
  badge: { size: number; iconMm: number };
  bar: { moduleMm: number; heightMm: number; textSize: number };
}

const CARD_STYLES: Record<'2x5' | '3x8', CardStyle> = {
  '2x5': {
    padXMm: 5, padYMm: 4, title: 6.5,
    name: { size: 15, min: 10, lines: 2 }, craft: 9, coop: { size: 7.5, lines: 2 },
    badge: { size: 7, iconMm: 3 },
    bar: { moduleMm: 0.4, heightMm: 12, textSize: 10 },
  },
  '3x8': {
    padXMm: 3, padYMm: 2.5, title: 5,
    name: { size: 10, min: 7, lines: 1 }, craft: 7, coop: { size: 6, lines: 1 },
    badge: { size: 5.5, iconMm: 2.4 },
    bar: { moduleMm: 0.30, heightMm: 7, textSize: 8 },
  },
};

export interface SheetPdfOptions {
  /** Font files to try, best first; default: the usual system locations. */
  fonts?: { regular: readonly string[]; bold: readonly string[] };
  /** Draw thin grey cell outlines, for a test print on plain paper to check alignment. */
  guides?: boolean;
}

type Doc = InstanceType<typeof PDFDocument>;

/** Picks a font per piece of text, fits text into boxes and draws it. */
class Typesetter {
  private readonly regular: string[] = [];
  private readonly bold: string[] = [];
  private readonly covers = new Map<string, (text: string) => boolean>();
  private readonly graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

  constructor(private readonly doc: Doc, fonts: { regular: readonly string[]; bold: readonly string[] }) {
    for (const [list, paths, prefix] of [[this.regular, fonts.regular, 'R'], [this.bold, fonts.bold, 'B']] as const) {
      loadFontFaces(paths).forEach((face, i) => {
        const name = `${prefix}${i}`;
        doc.registerFont(name, face.data);
        this.covers.set(name, face.covers);
        list.push(name);
      });
    }
  }

  /** The first font that has every character of `text`; Helvetica for plain Latin; else null. */
  font(text: string, bold: boolean): string | null {
    for (const name of bold ? [...this.bold, ...this.regular] : this.regular) {
      if (this.covers.get(name)!(text)) return name;
    }
    if (winAnsiCovers(text)) return bold ? 'Helvetica-Bold' : 'Helvetica';
    return null;
  }

  /** The price as "₹12,500.00" when a font has the rupee sign, else "Rs. 12,500.00" (DESIGN.md). */
  price(paise: number, bold: boolean): { text: string; font: string } {
    const plain = formatRupeesForPrint(paise);
    const rupee = plain.replace('Rs. ', '₹');
    const font = this.font(rupee, bold);
    return font !== null && !font.startsWith('Helvetica') ? { text: rupee, font } : { text: plain, font: this.font(plain, bold)! };
  }

  /**
   * Urdu and other right-to-left text is measured and drawn a word at a time: pdfkit
   * shapes each word correctly but misplaces a whole right-to-left run with spaces in it
   * (seen on Noto Naskh: the run starts a space's width late and the gap goes missing).
   */
  width(text: string, font: string, size: number): number {
    this.doc.font(font).fontSize(size);
    if (!RTL.test(text)) return this.doc.widthOfString(text);
    const words = text.split(' ');
    return words.reduce((sum, w) => sum + this.doc.widthOfString(w), 0) + (words.length - 1) * this.doc.widthOfString(' ');
  }

  private put(text: string, font: string, size: number, x: number, baseline: number): void {
    const options = { lineBreak: false, baseline: 'alphabetic' } as const;
    if (!RTL.test(text)) {
      this.doc.font(font).fontSize(size).text(text, x, baseline, options);
      return;
    }
    // The first word goes rightmost: a name reads from the right.
    let end = x + this.width(text, font, size);
    const space = this.width(' ', font, size);
    for (const word of text.split(' ')) {
      end -= this.width(word, font, size);
      this.doc.font(font).fontSize(size).text(word, end, baseline, options);
      end -= space;
    }
  }

  /**
   * Lines of `text` that fit `width` in at most `maxLines`, at the largest size from
   * `size` down to `min`; at `min` the last line ends in an ellipsis. Returns null when
   * no installed font can show the text at all.
   */
  fit(text: string, o: { width: number; maxLines: number; size: number; min: number; bold: boolean }):
    { font: string; size: number; lines: string[] } | null {
    const clean = text.replace(/\s+/g, ' ').trim();
    const font = this.font(clean, o.bold);
    if (font === null) return null;
    for (let size = o.size; size >= o.min - 1e-9; size -= 0.25) {
      const lines = this.wrap(clean, font, size, o.width);
      if (lines.length <= o.maxLines) return { font, size, lines };
    }
    const lines = this.wrap(clean, font, o.min, o.width).slice(0, o.maxLines);
    lines[lines.length - 1] = this.ellipsize(lines[lines.length - 1]!, font, o.min, o.width);
    return { font, size: o.min, lines };
  }

  private wrap(text: string, font: string, size: number, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (this.width(candidate, font, size) <= width) { line = candidate; continue; }
      if (line !== '') lines.push(line);
      // A word wider than the box is broken between graphemes, never inside a conjunct.
      line = '';
      for (const { segment } of this.graphemes.segment(word)) {
        if (line !== '' && this.width(line + segment, font, size) > width) { lines.push(line); line = ''; }
        line += segment;
      }
    }
    if (line !== '') lines.push(line);
    return lines;
  }

  private ellipsize(line: string, font: string, size: number, width: number): string {
    // Helvetica has no cmap entry here, and WinAnsi has the ellipsis.
    const mark = (this.covers.get(font)?.('…') ?? true) ? '…' : '...';
    const parts = [...this.graphemes.segment(line)].map((s) => s.segment);
    while (parts.length > 0 && this.width(`${parts.join('').trimEnd()}${mark}`, font, size) > width) parts.pop();
    let kept = parts.join('');
    // End on a whole word ("velvet…", not "velvet linin…") unless that leaves too little.
    const lastSpace = kept.lastIndexOf(' ');
    if (parts.length < [...this.graphemes.segment(line)].length && line[kept.length] !== ' ' && lastSpace > kept.length * 0.6) {
      kept = kept.slice(0, lastSpace);
    }
    return `${kept.trimEnd().replace(/[,;:·-]$/, '')}${mark}`;
  }

  /** Rows for `text` wrapped into at most `maxLines` lines of `width` (see fit). */
  rows(text: string, o: { width: number; maxLines: number; size: number; min: number; bold: boolean }, gapBefore = 0): Row[] | null {
    const fit = this.fit(text, o);
    return fit && fit.lines.map((line, i) => ({ gapBefore: i === 0 ? gapBefore : 0, size: fit.size, runs: [{ text: line, font: fit.font, size: fit.size }] }));
  }

  /**
   * One line of a fixed Latin `prefix` and a `text` that may need another font, e.g.
   * "by " and an Urdu name: no single font may have both, so each part gets its own.
   * Shrinks towards `min`, then ellipsizes `text`. Null when no font can show `text`.
   */
  prefixed(prefix: string, text: string, o: { width: number; size: number; min: number; bold: boolean }, gapBefore = 0): Row | null {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (this.font(prefix + clean, o.bold) !== null) {
      const rows = this.rows(prefix + clean, { ...o, maxLines: 1 }, gapBefore);
      return rows?.[0] ?? null;
    }
    const prefixFont = this.font(prefix, o.bold)!;
    const textFont = this.font(clean, o.bold);
    if (textFont === null) return null;
    let size = o.size;
    while (size > o.min && this.width(prefix, prefixFont, size) + this.width(clean, textFont, size) > o.width) size -= 0.25;
    size = Math.max(size, o.min);
    const room = o.width - this.width(prefix, prefixFont, size);
    const shown = this.width(clean, textFont, size) <= room ? clean : this.ellipsize(clean, textFont, size, room);
    return { gapBefore, size, runs: [{ text: prefix, font: prefixFont, size }, { text: shown, font: textFont, size }] };
  }

  /** Draws rows top down from `top`; returns the y below the last row. */
  draw(rows: readonly Row[], x: number, top: number, width: number, align: 'left' | 'center' = 'left'): number {
    let y = top;
    for (const row of rows) {
      y += row.gapBefore;
      const baseline = y + row.size * LINE_ASCENT;
      const total = row.runs.reduce((sum, r) => sum + this.width(r.text, r.font, r.size), 0);
      let at = x + (align === 'center' ? Math.max(0, (width - total) / 2) : 0);
      for (const run of row.runs) {
        this.put(run.text, run.font, run.size, at, baseline);
        at += this.width(run.text, run.font, run.size);
      }
      y += row.size * LINE_HEIGHT;
    }
    return y;
  }
}

/** One line of text: runs side by side on one baseline, each in its own font and size. */
interface Row {
  gapBefore: number;
  /** The largest run size; sets the line's height. */
  size: number;
  runs: { text: string; font: string; size: number }[];
}

/** Hebrew, Arabic (Urdu, Kashmiri) and their presentation forms. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/** Line height and baseline position, in ems: tight, as on printed shelf labels. */
const LINE_HEIGHT = 1.2;
const LINE_ASCENT = 0.98;

const rowsHeight = (rows: readonly Row[]): number => rows.reduce((h, r) => h + r.gapBefore + r.size * LINE_HEIGHT, 0);

interface Png { uri: string; widthPx: number; heightPx: number }

/** bwip-js renders, once per distinct code in a job (labels repeat for every piece in stock). */
class Barcodes {
  private readonly cache = new Map<string, Promise<Png>>();

  render(options: bwipjs.RenderOptions): Promise<Png> {
    const key = JSON.stringify(options);
    let png = this.cache.get(key);
    if (!png) {
      png = bwipjs.toBuffer(options).then((buffer) => ({
        // pdfkit keys its image registry by string, so a data URI embeds each code once.
        uri: `data:image/png;base64,${buffer.toString('base64')}`,
        widthPx: buffer.readUInt32BE(16),
        heightPx: buffer.readUInt32BE(20),
      }));
      this.cache.set(key, png);
    }
    return png;
  }

  /**
   * A linear barcode with `moduleMm` bars (narrowed towards MIN_MODULE_MM if the code is
   * too wide for `maxWidthMm`), its digits underneath. Returns its drawn size in points.
   */
  async linear(data: string, symbology: LabelData['symbology'], o: { moduleMm: number; heightMm: number; textSize: number; maxWidthMm: number }):
    Promise<{ png: Png; width: number; height: number }> {
    // bwip-js lays a symbol out in points with one module = 1 pt, and takes the bar
    // height in millimetres of that layout. We draw a module as `moduleMm`, so every
    // size is divided by the module's width in points to come out right on paper.
    const options = (moduleMm: number): bwipjs.RenderOptions => ({
      bcid: symbology, text: data, scale: PX_PER_MODULE, includetext: true,
      ...(symbology === 'code128' ? { textxalign: 'center' as const } : {}),
      height: o.heightMm / mm(moduleMm),
      textsize: o.textSize / mm(moduleMm),
    });
    let moduleMm = o.moduleMm;
    let png = await this.render(options(moduleMm));
    const modules = png.widthPx / PX_PER_MODULE;
    if (modules * moduleMm > o.maxWidthMm) {
      moduleMm = o.maxWidthMm / modules;
      if (moduleMm < MIN_MODULE_MM) {
        throw new HostFailure('bad-request', `Barcode ${data} is too long to print readably on this label size — use the 70 × 37 mm sheet or give the product a shorter barcode`);
      }
      png = await this.render(options(moduleMm));
    }
    const width = mm((png.widthPx / PX_PER_MODULE) * moduleMm);
    return { png, width, height: width * (png.heightPx / png.widthPx) };
  }

  async qr(url: string): Promise<Png> {
    return this.render({ bcid: 'qrcode', text: url, scale: QR_PX_PER_MODULE });
  }
}

/** Top-left corner, in points, of position `index` on its sheet (left to right, top to bottom). */
function cellOrigin(layout: SheetLayout, index: number): { x: number; y: number } {
  const g = SHEET_LAYOUTS[layout];
  const onSheet = index % cellsPerSheet(layout);
  const row = Math.floor(onSheet / g.columns);
  const column = onSheet % g.columns;
  return { x: mm(g.leftMm + column * g.cellWidthMm), y: mm(g.topMm + row * g.cellHeightMm) };
}

function newDocument(title: string): Doc {
  return new PDFDocument({
    autoFirstPage: false,
    size: A4_PT,
    margin: 0,
    info: { Title: title, Creator: 'Chinar POS', Producer: 'Chinar POS' },
  });
}

function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Lays out `items` from position `skip`, starting a page whenever a sheet fills up. */
async function placeOnSheets<T>(
  doc: Doc, layout: SheetLayout, items: readonly T[], skip: number, guides: boolean,
  draw: (item: T, x: number, y: number) => Promise<void>,
): Promise<void> {
  const perSheet = cellsPerSheet(layout);
  const g = SHEET_LAYOUTS[layout];
  for (let i = 0; i < items.length; i++) {
    const position = skip + i;
    if (i === 0 || position % perSheet === 0) {
      doc.addPage({ size: A4_PT, margin: 0 });
      if (guides) {
        doc.save().lineWidth(0.25).strokeColor('#b0b0b0');
        for (let c = 0; c < perSheet; c++) {
          const o = cellOrigin(layout, c);
          doc.rect(o.x, o.y, mm(g.cellWidthMm), mm(g.cellHeightMm)).stroke();
        }
        doc.restore();
      }
    }
    const { x, y } = cellOrigin(layout, position);
    await draw(items[i]!, x, y);
    // A big job takes seconds of CPU; let the host's other calls (a sale's receipt) through.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** A small filled circle with a tick: the fair-wage mark, readable without colour. */
function tickMark(doc: Doc, cx: number, cy: number, d: number): void {
  doc.save().circle(cx, cy, d / 2).fill('#000000');
  doc.lineWidth(d * 0.13).lineCap('round').lineJoin('round').strokeColor('#ffffff')
    .moveTo(cx - d * 0.24, cy + d * 0.01).lineTo(cx - d * 0.06, cy + d * 0.2).lineTo(cx + d * 0.26, cy - d * 0.2).stroke();
  doc.restore();
}

interface Cell { x: number; y: number; w: number; h: number }

async function drawLabel(doc: Doc, t: Typesetter, codes: Barcodes, label: LabelData, style: LabelStyle, cell: Cell): Promise<void> {
  const left = cell.x + mm(style.padXMm);
  const top = cell.y + mm(style.padYMm);
  const innerW = cell.w - 2 * mm(style.padXMm);
  const bottom = cell.y + cell.h - mm(style.padYMm);
  const gap = mm(style.gapMm);

  // Right column: the story QR, and under it the fair-wage mark. The gap to the text
  // keeps the QR's quiet zone (4 modules) clear.
  const hasRight = label.storyUrl !== null || label.fairWageCertified;
  const rightW = mm(style.qrMm);
  const rightX = left + innerW - rightW;
  const textW = hasRight ? innerW - rightW - mm(style.qrGapMm) : innerW;
  let rightBottom = top;
  if (label.storyUrl !== null) {
    const qr = await codes.qr(label.storyUrl);
    doc.image(qr.uri, rightX, top, { width: rightW, height: rightW });
    rightBottom += rightW + gap;
  }
  if (label.fairWageCertified) {
    const icon = mm(style.badge.iconMm);
    tickMark(doc, rightX + rightW / 2, rightBottom + icon / 2, icon);
    // "Fair-wage certified" in two short lines: the column is as narrow as the QR.
    const words = ['Fair-wage', 'certified'].flatMap((w) => t.rows(w, { width: rightW + gap, maxLines: 1, size: style.badge.size, min: style.badge.size * 0.8, bold: true }) ?? []);
    rightBottom = t.draw(words, rightX - gap / 2, rightBottom + icon + style.badge.size * 0.1, rightW + gap, 'center');
  }

  // Bottom: the barcode at its full height; the text above gets what is left. A long
  // Code 128 reaches under the right column, so there its bars stop below the mark.
  let bar = await codes.linear(label.barcode, label.symbology, { ...style.bar, maxWidthMm: innerW / PT_PER_MM });
  const shorten = async (overlap: number): Promise<void> => {
    if (overlap <= 0) return;
    const heightMm = Math.max(style.bar.heightMm * 0.5, style.bar.heightMm - overlap / PT_PER_MM);
    bar = await codes.linear(label.barcode, label.symbology, { ...style.bar, heightMm, maxWidthMm: innerW / PT_PER_MM });
  };
  if (bar.width > textW) await shorten(rightBottom + gap - (bottom - bar.height));
  const room = bottom - bar.height - gap - top;

  // Left column, top down. The first arrangement that fits the room wins: two-line name,
  // then craft and "Handmade" sharing a line, then a one-line name, then no craft.
  const textRow = (text: string, o: { size: number; min: number }, bold: boolean, lines = 1) =>
    t.rows(text, { width: textW, maxLines: lines, size: o.size, min: o.min, bold }) ?? [];
  // A product name in a script no installed font has gives way to the SKU, and an
  // artisan's name to "by artisan A-014": the label still says whose piece it is.
  const name = (lines: number): Row[] => {
    const rows = textRow(label.productName, style.name, true, lines);
    return rows.length > 0 ? rows : textRow(label.sku, style.name, true);
  };
  const by = [t.prefixed('by ', label.artisanName, { width: textW, ...style.by, bold: false })
    ?? t.prefixed('by artisan ', label.artisanCode, { width: textW, ...style.by, bold: false })!];
  const craft = label.craft !== '' ? textRow(label.craft, style.small, false) : [];
  const handmade = label.handmade ? textRow(HANDMADE_TEXT, style.small, true) : [];
  const together = ((): Row[] => {
    if (!label.handmade || label.craft === '') return [...craft, ...handmade];
    const craftText = label.craft.replace(/\s+/g, ' ').trim();
    const craftFont = t.font(`${craftText} · `, false);
    const markFont = t.font(HANDMADE_TEXT, true)!;
    const size = style.small.size;
    if (craftFont === null || t.width(`${craftText} · `, craftFont, size) + t.width(HANDMADE_TEXT, markFont, size) > textW) return [...craft, ...handmade];
    return [{ gapBefore: 0, size, runs: [{ text: `${craftText} · `, font: craftFont, size }, { text: HANDMADE_TEXT, font: markFont, size }] }];
  })();
  const price = priceRow(t, label.price, style, textW, gap * 0.7);
  const arrangements = [
    [...name(style.name.lines), ...by, ...craft, ...handmade],
    [...name(style.name.lines), ...by, ...together],
    [...name(1), ...by, ...together],
    [...name(1), ...by, ...handmade],
  ].map((rows) => [...rows, price]);
  const rows = arrangements.find((a) => rowsHeight(a) <= room) ?? arrangements[arrangements.length - 1]!;
  const textBottom = t.draw(rows, left, top, textW);

  // Only a label whose text cannot shrink further gets shorter bars (never squashed digits).
  await shorten(textBottom + gap - (bottom - bar.height));
  doc.image(bar.png.uri, left, bottom - bar.height, { width: bar.width, height: bar.height });
}

/** "₹12,500.00" large and " incl. GST" small on one baseline, shrunk to fit `width`. */
function priceRow(t: Typesetter, paise: number, style: LabelStyle, width: number, gapBefore: number): Row {
  const amount = t.price(paise, true);
  const note = ' incl. GST';
  const noteFont = t.font(note, false)!;
  let size = style.price.size;
  while (size > style.price.min && t.width(amount.text, amount.font, size) + t.width(note, noteFont, style.price.noteSize) > width) size -= 0.25;
  return { gapBefore, size, runs: [{ text: amount.text, font: amount.font, size }, { text: note, font: noteFont, size: style.price.noteSize }] };
}

async function drawCard(doc: Doc, t: Typesetter, codes: Barcodes, card: CardData, style: CardStyle, cell: Cell): Promise<void> {
  const left = cell.x + mm(style.padXMm);
  const innerW = cell.w - 2 * mm(style.padXMm);
  const top = cell.y + mm(style.padYMm);
  const bottom = cell.y + cell.h - mm(style.padYMm);

  const heading = t.rows('ARTISAN CARD', { width: innerW / 2, maxLines: 1, size: style.title, min: style.title, bold: true })!;
  t.draw(heading, left, top, innerW);
  if (card.fairWageCertified) {
    const mark = t.rows(FAIR_WAGE_TEXT, { width: innerW * 0.55, maxLines: 1, size: style.badge.size, min: style.badge.size * 0.75, bold: true });
    if (mark) {
      const run = mark[0]!.runs[0]!;
      const w = t.width(run.text, run.font, run.size);
      const icon = mm(style.badge.iconMm);
      t.draw(mark, left + innerW - w, top, w);
      tickMark(doc, left + innerW - w - icon * 0.8, top + run.size * 0.62, icon);
    }
  }

  const bar = await codes.linear(card.code, 'code128', { ...style.bar, maxWidthMm: innerW / PT_PER_MM });
  const rows = [
    ...(t.rows(card.name, { width: innerW, maxLines: style.name.lines, size: style.name.size, min: style.name.min, bold: true }, style.title * 0.5)
      ?? t.rows(card.code, { width: innerW, maxLines: 1, size: style.name.size, min: style.name.min, bold: true }, style.title * 0.5)!),
    ...(card.craft !== '' ? t.rows(card.craft, { width: innerW, maxLines: 1, size: style.craft, min: style.craft * 0.8, bold: false }) ?? [] : []),
    ...(card.cooperative !== '' ? t.rows(card.cooperative, { width: innerW, maxLines: style.coop.lines, size: style.coop.size, min: style.coop.size * 0.8, bold: false }) ?? [] : []),
  ];
  t.draw(rows, left, top + rowsHeight(heading), innerW);
  doc.image(bar.png.uri, left, bottom - bar.height, { width: bar.width, height: bar.height });
}

/** Price labels on A4 sticker sheets. Validates the sheet (the caller may be the renderer). */
export async function renderLabelSheetPdf(sheet: LabelSheet, options: SheetPdfOptions = {}): Promise<Buffer> {
  const parsed = LabelSheetSchema.parse(sheet);
  const doc = newDocument(`Labels (${parsed.labels.length})`);
  const t = new Typesetter(doc, options.fonts ?? SYSTEM_FONT_CANDIDATES);
  const codes = new Barcodes();
  const g = SHEET_LAYOUTS[parsed.layout];
  const style = LABEL_STYLES[parsed.layout];
  await placeOnSheets(doc, parsed.layout, parsed.labels, parsed.skip, options.guides ?? false, (label, x, y) =>
    drawLabel(doc, t, codes, label, style, { x, y, w: mm(g.cellWidthMm), h: mm(g.cellHeightMm) }));
  return finish(doc);
}

/** Artisan cards on A4 card sheets (2×5 business cards, or 3×8 stickers). */
export async function renderCardSheetPdf(sheet: CardSheet, options: SheetPdfOptions = {}): Promise<Buffer> {
  const parsed = CardSheetSchema.parse(sheet);
  const doc = newDocument(`Artisan cards (${parsed.cards.length})`);
  const t = new Typesetter(doc, options.fonts ?? SYSTEM_FONT_CANDIDATES);
  const codes = new Barcodes();
  const g = SHEET_LAYOUTS[parsed.layout];
  const style = CARD_STYLES[parsed.layout];
  await placeOnSheets(doc, parsed.layout, parsed.cards, parsed.skip, options.guides ?? false, (card, x, y) =>
    drawCard(doc, t, codes, card, style, { x, y, w: mm(g.cellWidthMm), h: mm(g.cellHeightMm) }));
  return finish(doc);
}

/** Pages in a PDF, counted from its page objects (pdfkit writes them uncompressed). */
export function countPdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

/**
 * Writes the PDF into `dir` atomically (a temporary file, flushed, then renamed), so a
 * viewer or a print spooler never opens half a file. Names sort by time of writing.
 */
export async function writeLabelPdf(pdf: Buffer, dir: string, options: { baseName?: string; now?: Date } = {}): Promise<{ path: string; name: string; pages: number }> {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new HostFailure('internal', 'The label sheet did not render as a PDF — try again');
  const pages = countPdfPages(pdf);
  const stamp = (options.now ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  const file = path.resolve(dir, `${options.baseName ?? 'labels'}-${stamp}-${randomBytes(3).toString('hex')}.pdf`);
  const temporary = `${file}.tmp`;
  try {
    // Owner-only, like the host's other files: a sheet lists the market's stock and prices.
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(pdf);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new HostFailure('io-error', `Could not save the label PDF in ${dir}: ${(error as Error).message}`);
  }
  return { path: file, name: path.basename(file), pages };
}
