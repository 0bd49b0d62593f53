import { createRequire } from 'node:module';
import type * as Canvas from '@napi-rs/canvas';
import type { Align } from '../../shared/documents';
import { loadFontFaces, SYSTEM_FONT_CANDIDATES, type FontFace } from '../labels/fonts';

/**
 * Lines in scripts the printer's Latin code page lacks (Urdu, Devanagari, …) printed as
 * raster images: drawn with @napi-rs/canvas (Skia, synchronous, shapes Arabic joining and
 * Devanagari conjuncts, lays out right-to-left runs) in the installed fonts that
 * electron/labels/fonts.ts finds, thresholded to 1 bit and sent as GS v 0.
 *
 * Everything here fails soft: no canvas binary, no font with the glyphs, or a Skia error
 * returns null, and the caller prints the line as text with "?" as before. A receipt
 * must still print.
 */

type CanvasModule = typeof Canvas;

export interface RasterOptions {
  /** Font files to try, best first (default: the label sheets' system font list). */
  fonts?: { regular: readonly string[]; bold: readonly string[] };
  /** Test seam: how to load @napi-rs/canvas; throwing means "not available". */
  loadCanvas?: () => CanvasModule;
}

/** Dots per line of Font A text (24-dot glyphs, default line spacing ~30 dots): keeps the receipt's rhythm. */
export const RASTER_LINE_DOTS = 32;
const FONT_PX = 22;

let canvasModule: CanvasModule | null | undefined;
function defaultLoadCanvas(): CanvasModule {
  // Loaded lazily and synchronously: a missing or broken native binary must not stop the host starting.
  return createRequire(__filename)('@napi-rs/canvas') as CanvasModule;
}

function canvasFor(options: RasterOptions): CanvasModule | null {
  if (options.loadCanvas) {
    try {
      return options.loadCanvas();
    } catch {
      return null;
    }
  }
  if (canvasModule === undefined) {
    try {
      canvasModule = defaultLoadCanvas();
    } catch {
      canvasModule = null;
    }
  }
  return canvasModule;
}

interface RegisteredFace { family: string; face: FontFace }
interface FontSet { regular: RegisteredFace[]; bold: RegisteredFace[] }

/** Fonts are registered with Skia once per canvas module and font list, under aliases of our own. */
const fontSets = new WeakMap<CanvasModule, Map<string, FontSet>>();
let aliasCounter = 0;

function fontSetFor(canvas: CanvasModule, fonts: NonNullable<RasterOptions['fonts']>): FontSet {
  let byKey = fontSets.get(canvas);
  if (!byKey) fontSets.set(canvas, (byKey = new Map()));
  const key = JSON.stringify(fonts);
  let set = byKey.get(key);
  if (!set) {
    const register = (paths: readonly string[]): RegisteredFace[] => loadFontFaces(paths).flatMap((face) => {
      const family = `ChinarPrint${aliasCounter++}`;
      try {
        return canvas.GlobalFonts.register(face.data, family) ? [{ family, face }] : [];
      } catch {
        return [];
      }
    });
    set = { regular: register(fonts.regular), bold: register(fonts.bold) };
    byKey.set(key, set);
  }
  return set;
}

/** Unicode's first-strong rule (UAX #9 P2–P3), enough to pick a paragraph direction. */
function firstStrongIsRtl(text: string): boolean {
  for (const ch of text) {
    if (/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(ch) && /\p{L}/u.test(ch)) return true;
    if (/\p{L}/u.test(ch)) return false;
  }
  return false;
}

export interface RasterImage {
  /** Bytes per row (the width in dots is 8 × this). */
  widthBytes: number;
  heightDots: number;
  /** Rows top to bottom, MSB = leftmost dot, 1 = black: GS v 0's layout. */
  data: Buffer;
}

/**
 * Draws one line of text `lineDots` wide, placed as `align` says, and returns its 1-bit
 * image, or null when it cannot be drawn faithfully (no canvas, a character no font has).
 */
export function rasterLine(text: string, style: { align: Align; bold: boolean; double: boolean }, lineDots: number, options: RasterOptions = {}): RasterImage | null {
  try {
    const canvas = canvasFor(options);
    if (!canvas) return null;
    const set = fontSetFor(canvas, options.fonts ?? SYSTEM_FONT_CANDIDATES);
    // Bold faces first when bold, regular ones to fill any gaps; every character must be covered.
    const faces = style.bold ? [...set.bold, ...set.regular] : set.regular;
    for (const ch of text) {
      if (/\s/.test(ch)) continue;
      if (!faces.some((f) => f.face.covers(ch))) return null;
    }
    const scale = style.double ? 2 : 1;
    const width = Math.ceil(lineDots / 8) * 8;
    const height = RASTER_LINE_DOTS * scale;
    const c = canvas.createCanvas(width, height);
    const ctx = c.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = '#000';
    let px = FONT_PX * scale;
    const families = faces.map((f) => `"${f.family}"`).join(', ');
    ctx.font = `${px}px ${families}`;
    ctx.direction = firstStrongIsRtl(text) ? 'rtl' : 'ltr';
    ctx.textAlign = style.align;
    ctx.textBaseline = 'alphabetic';
    // Shrink (never grow) a line that would run off the paper or out of its band.
    const m = ctx.measureText(text);
    const fit = Math.min(1, width / Math.max(1, m.width), height / Math.max(1, m.actualBoundingBoxAscent + m.actualBoundingBoxDescent + 2));
    if (fit < 1) {
      px = Math.max(8, Math.floor(px * fit));
      ctx.font = `${px}px ${families}`;
    }
    const measured = ctx.measureText(text);
    const ascent = measured.actualBoundingBoxAscent;
    const descent = measured.actualBoundingBoxDescent;
    // Centre the ink in the band, so tall Devanagari headstrokes and Urdu descenders both fit.
    const baseline = Math.round((height - (ascent + descent)) / 2 + ascent);
    const x = style.align === 'left' ? 0 : style.align === 'center' ? width / 2 : width;
    ctx.fillText(text, x, baseline);
    return threshold(ctx.getImageData(0, 0, width, height).data, width, height);
  } catch {
    return null;
  }
}

/** Dark enough to print: a little below mid-grey, so thin antialiased strokes are kept. */
const INK_BELOW = 160;

function threshold(rgba: Uint8ClampedArray, width: number, height: number): RasterImage {
  const widthBytes = width / 8;
  const data = Buffer.alloc(widthBytes * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      const luma = (rgba[p]! * 299 + rgba[p + 1]! * 587 + rgba[p + 2]! * 114) / 1000;
      if (luma < INK_BELOW) data[y * widthBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { widthBytes, heightDots: height, data };
}

/**
 * GS v 0 m xL xH yL yH d1…dk (Epson ESC/POS reference, "GS v 0: Print raster bit image"):
 * m = 0 is normal density; xL + xH × 256 is bytes per row (1–128), yL + yH × 256 rows
 * (1–4095); k = x × y data bytes, each row left to right, MSB the leftmost dot.
 */
export function rasterCommand(image: RasterImage): Buffer {
  const { widthBytes: x, heightDots: y } = image;
  return Buffer.concat([Buffer.from([0x1d, 0x76, 0x30, 0, x & 0xff, x >> 8, y & 0xff, y >> 8]), image.data]);
}
