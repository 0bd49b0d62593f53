import { readFileSync } from 'node:fs';

/**
 * Fonts for A4 label sheets. PDF's built-in Helvetica has no ₹ and no Devanagari or
 * Urdu, and artisans' names come in all three scripts, so each piece of text gets the
 * first installed font whose character map covers all of it. Coverage is read from the
 * font's own `cmap` table (below) rather than guessed from its name.
 */

/** A TrueType/OpenType font file we can embed, and which characters it has. */
export interface FontFace {
  path: string;
  data: Buffer;
  covers(text: string): boolean;
}

/**
 * Where Debian/Ubuntu kiosks (fonts-noto-core, fonts-dejavu-core, fonts-liberation) and
 * Windows keep fonts, best first. Noto's script fonts come before DejaVu because DejaVu
 * also has Arabic letters, drawn less well for Urdu; Latin text still meets Noto Sans
 * first. Condensed DejaVu before regular: labels are narrow.
 */
export const SYSTEM_FONT_CANDIDATES: { regular: readonly string[]; bold: readonly string[] } = {
  regular: [
    '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
    '/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf',
    // Naskh rather than Nastaliq: its joining is simple enough to shape reliably in a PDF.
    '/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf',
    '/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
    '/usr/share/fonts/truetype/lohit-devanagari/Lohit-Devanagari.ttf',
    'C:\\Windows\\Fonts\\arial.ttf',
    'C:\\Windows\\Fonts\\Nirmala.ttf',
    'C:\\Windows\\Fonts\\segoeui.ttf',
  ],
  bold: [
    '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf',
    '/usr/share/fonts/truetype/noto/NotoSansDevanagari-Bold.ttf',
    '/usr/share/fonts/truetype/noto/NotoNaskhArabic-Bold.ttf',
    '/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
    'C:\\Windows\\Fonts\\arialbd.ttf',
    'C:\\Windows\\Fonts\\NirmalaB.ttf',
    'C:\\Windows\\Fonts\\segoeuib.ttf',
  ],
};

/** Characters that need no glyph of their own: joiners, direction marks, line breaks. */
function needsGlyph(codePoint: number): boolean {
  return codePoint > 0x20 && !(codePoint >= 0x200b && codePoint <= 0x200f) && codePoint !== 0xfeff;
}

/**
 * A lookup "does this font map this code point to a real glyph" from the font's cmap
 * table: format 12 (full Unicode) when present, else format 4 (the BMP). Returns null
 * for files that are not a single sfnt font (collections, WOFF) or have no Unicode cmap.
 */
export function readCmap(data: Buffer): ((codePoint: number) => boolean) | null {
  try {
    const version = data.readUInt32BE(0);
    if (version !== 0x00010000 && version !== 0x4f54544f /* OTTO */ && version !== 0x74727565 /* true */) return null;
    const numTables = data.readUInt16BE(4);
    let cmap = -1;
    for (let i = 0; i < numTables; i++) {
      const record = 12 + i * 16;
      if (data.toString('latin1', record, record + 4) === 'cmap') cmap = data.readUInt32BE(record + 8);
    }
    if (cmap < 0) return null;
    const subtables: { platform: number; encoding: number; offset: number }[] = [];
    const count = data.readUInt16BE(cmap + 2);
    for (let i = 0; i < count; i++) {
      const r = cmap + 4 + i * 8;
      subtables.push({ platform: data.readUInt16BE(r), encoding: data.readUInt16BE(r + 2), offset: cmap + data.readUInt32BE(r + 4) });
    }
    const unicode = subtables.filter((s) => s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10)));
    const format12 = unicode.find((s) => data.readUInt16BE(s.offset) === 12);
    if (format12) return format12Lookup(data, format12.offset);
    const format4 = unicode.find((s) => data.readUInt16BE(s.offset) === 4);
    if (format4) return format4Lookup(data, format4.offset);
    return null;
  } catch {
    return null; // a truncated or odd file: treat as unusable rather than fail the job
  }
}

function format12Lookup(data: Buffer, at: number): (codePoint: number) => boolean {
  const groups: [number, number, number][] = [];
  const n = data.readUInt32BE(at + 12);
  for (let i = 0; i < n; i++) {
    const g = at + 16 + i * 12;
    groups.push([data.readUInt32BE(g), data.readUInt32BE(g + 4), data.readUInt32BE(g + 8)]);
  }
  return (cp) => {
    let lo = 0;
    let hi = groups.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [start, end, glyph] = groups[mid]!;
      if (cp < start) hi = mid - 1;
      else if (cp > end) lo = mid + 1;
      else return glyph + (cp - start) !== 0;
    }
    return false;
  };
}

function format4Lookup(data: Buffer, at: number): (codePoint: number) => boolean {
  const segCount = data.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  return (cp) => {
    if (cp > 0xffff) return false;
    for (let i = 0; i < segCount; i++) {
      if (data.readUInt16BE(ends + i * 2) < cp) continue;
      const start = data.readUInt16BE(starts + i * 2);
      if (start > cp) return false;
      const delta = data.readInt16BE(deltas + i * 2);
      const rangeAt = rangeOffsets + i * 2;
      const rangeOffset = data.readUInt16BE(rangeAt);
      if (rangeOffset === 0) return ((cp + delta) & 0xffff) !== 0;
      const glyph = data.readUInt16BE(rangeAt + rangeOffset + (cp - start) * 2);
      return glyph !== 0 && ((glyph + delta) & 0xffff) !== 0;
    }
    return false;
  };
}

/** Loads the fonts that exist and can be read; the rest are skipped silently. */
export function loadFontFaces(paths: readonly string[]): FontFace[] {
  const faces: FontFace[] = [];
  for (const path of paths) {
    let data: Buffer;
    try {
      data = readFileSync(path);
    } catch {
      continue;
    }
    const has = readCmap(data);
    if (!has) continue;
    faces.push({
      path,
      data,
      covers: (text) => {
        for (const ch of text) if (needsGlyph(ch.codePointAt(0)!) && !has(ch.codePointAt(0)!)) return false;
        return true;
      },
    });
  }
  return faces;
}

/**
 * What Helvetica (WinAnsi) can print: ASCII and Latin-1, plus the typographic marks
 * pdfkit maps into WinAnsi. Used when no installed font fits.
 */
export function winAnsiCovers(text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff)) continue;
    if ('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.includes(ch)) continue;
    return false;
  }
  return true;
}
