import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFontFaces, readCmap, winAnsiCovers } from '../../../electron/labels/fonts';

/** A minimal sfnt holding only a cmap table with the given (platform, encoding, subtable). */
function sfntWithCmap(platform: number, encoding: number, subtable: Buffer): Buffer {
  const head = Buffer.alloc(12 + 16);
  head.writeUInt32BE(0x00010000, 0);
  head.writeUInt16BE(1, 4);
  head.write('cmap', 12, 'latin1');
  head.writeUInt32BE(28, 20); // table offset
  head.writeUInt32BE(12 + subtable.length, 24);
  const cmap = Buffer.alloc(12);
  cmap.writeUInt16BE(0, 0);
  cmap.writeUInt16BE(1, 2);
  cmap.writeUInt16BE(platform, 4);
  cmap.writeUInt16BE(encoding, 6);
  cmap.writeUInt32BE(12, 8);
  return Buffer.concat([head, cmap, subtable]);
}

/**
 * Format 4 with four segments: A–C by delta (glyphs 1–3), D through the glyph array to
 * glyph 0 (no glyph), ₹ through the glyph array to glyph 5, and the 0xFFFF terminator.
 */
function format4(): Buffer {
  const segments = [
    { start: 0x41, end: 0x43, delta: 1 - 0x41, rangeOffset: 0 },
    { start: 0x44, end: 0x44, delta: 0, rangeOffset: 6 },
    { start: 0x20b9, end: 0x20b9, delta: 0, rangeOffset: 6 },
    { start: 0xffff, end: 0xffff, delta: 1, rangeOffset: 0 },
  ];
  const glyphs = [0, 5];
  const n = segments.length;
  const b = Buffer.alloc(16 + n * 8 + glyphs.length * 2);
  b.writeUInt16BE(4, 0);
  b.writeUInt16BE(b.length, 2);
  b.writeUInt16BE(n * 2, 6);
  segments.forEach((s, i) => {
    b.writeUInt16BE(s.end, 14 + i * 2);
    b.writeUInt16BE(s.start, 16 + n * 2 + i * 2);
    b.writeInt16BE(((s.delta + 0x8000) & 0xffff) - 0x8000, 16 + n * 4 + i * 2);
    b.writeUInt16BE(s.rangeOffset, 16 + n * 6 + i * 2);
  });
  glyphs.forEach((g, i) => b.writeUInt16BE(g, 16 + n * 8 + i * 2));
  return b;
}

function format12(groups: [number, number, number][]): Buffer {
  const b = Buffer.alloc(16 + groups.length * 12);
  b.writeUInt16BE(12, 0);
  b.writeUInt32BE(b.length, 4);
  b.writeUInt32BE(groups.length, 12);
  groups.forEach(([start, end, glyph], i) => {
    b.writeUInt32BE(start, 16 + i * 12);
    b.writeUInt32BE(end, 20 + i * 12);
    b.writeUInt32BE(glyph, 24 + i * 12);
  });
  return b;
}

describe('readCmap', () => {
  it('reads a format 4 map, through deltas and through the glyph array', () => {
    const has = readCmap(sfntWithCmap(3, 1, format4()))!;
    expect([0x41, 0x42, 0x43, 0x20b9].map(has)).toEqual([true, true, true, true]);
    expect([0x44, 0x45, 0x40, 0x1f600].map(has)).toEqual([false, false, false, false]);
  });

  it('reads a format 12 map, where a range starting at glyph 0 has no glyph for its first character', () => {
    const has = readCmap(sfntWithCmap(3, 10, format12([[0x41, 0x42, 0], [0x1f600, 0x1f602, 10]])))!;
    expect([0x41, 0x42, 0x1f600, 0x1f602, 0x1f603].map(has)).toEqual([false, true, true, true, false]);
  });

  it('gives null for files that are not a single font', () => {
    expect(readCmap(Buffer.from('%PDF-1.7 not a font at all'))).toBeNull();
    expect(readCmap(Buffer.from('ttcf0000000000000000'))).toBeNull();
    expect(readCmap(sfntWithCmap(1, 0, format4()))).toBeNull(); // a Mac Roman map only
  });
});

describe('loadFontFaces', () => {
  it('skips missing and unreadable files and checks coverage of whole strings', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fonts-'));
    const font = path.join(dir, 'tiny.ttf');
    writeFileSync(font, sfntWithCmap(0, 3, format4()));
    writeFileSync(path.join(dir, 'junk.ttf'), 'junk');
    const faces = loadFontFaces([path.join(dir, 'missing.ttf'), path.join(dir, 'junk.ttf'), font]);
    expect(faces.map((f) => f.path)).toEqual([font]);
    expect(faces[0]!.covers('ABC ₹')).toBe(true); // spaces need no glyph
    expect(faces[0]!.covers('ABCD')).toBe(false);
  });

  it.skipIf(!existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'))('sees the rupee sign and no Devanagari in DejaVu Sans', () => {
    const [dejavu] = loadFontFaces(['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf']);
    expect(dejavu!.covers('₹12,500.00 Shazia')).toBe(true);
    expect(dejavu!.covers('राधा')).toBe(false);
  });
});

describe('winAnsiCovers', () => {
  it('accepts Latin-1 and typographic marks, and nothing Helvetica cannot print', () => {
    expect(winAnsiCovers('Café – “Pheran” … €5')).toBe(true);
    expect(winAnsiCovers('₹500')).toBe(false);
    expect(winAnsiCovers('राधा')).toBe(false);
    expect(winAnsiCovers('شازیہ')).toBe(false);
  });
});
