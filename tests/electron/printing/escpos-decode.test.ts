import { describe, expect, it } from 'vitest';
import { asPreview, decode, decodeCode128, hexDump, parseHexDump, render } from './escpos-decode';

/** Hand-written byte strings from Epson's command reference: the decoder the other tests trust. */
const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('escpos-decode', () => {
  it('reads a job: init, code table, centred bold double text, drawer, partial cut', () => {
    const commands = decode(hex('1b40 1c2e 1b7413 1b6101 1b4501 1d2111 414243 0a 1b700019fa 1d564200'));
    expect(commands.map((c) => c.op)).toEqual(['init', 'kanji-off', 'code-table', 'align', 'bold', 'size', 'text', 'lf', 'drawer', 'cut']);
    const r = render(commands);
    expect(r.printed).toEqual([{ kind: 'text', text: 'ABC', align: 'center', bold: true, double: true }]);
    expect(r.drawerKicks).toEqual([hex('1b700019fa')]);
    expect(r.cut).toEqual({ mode: 66, feed: 0 });
    expect(r.problems).toEqual([]);
  });

  it('flags text before a code table is chosen, Kanji mode, and text left in the buffer', () => {
    const r = render(decode(hex('1b40 41 0a 1c26 42')));
    expect(r.problems).toEqual([
      'text printed with no Latin code table selected (ESC t null)',
      'FS & selects Kanji mode',
      'text at offset 6 printed in Kanji mode',
      'the job ends in the middle of a line, which stays in the printer',
    ]);
  });

  it('flags ESC a in the middle of a line, where Epson printers ignore it', () => {
    const r = render(decode(hex('1b40 1b7413 41 1b6101 42 0a')));
    expect(r.problems).toEqual(['ESC a at offset 6 is not at the start of a line and is ignored']);
    expect(r.printed).toEqual([{ kind: 'text', text: 'AB', align: 'left', bold: false, double: false }]);
  });

  it('reads text in the selected code table: 0x82 is é in PC858', () => {
    const r = render(decode(hex('1b40 1b7413 436166 82 0a')));
    expect(r.printed[0]).toMatchObject({ text: 'Café' });
  });

  it('reads Code 128 function B with its length byte, in code sets B and C', () => {
    // "{B" "K01/" "{C" 26 27: K01/2627
    const commands = decode(hex('1d6b49 0a 7b42 4b30312f 7b43 1a1b'));
    const b = commands[0];
    expect(b).toMatchObject({ op: 'barcode', m: 73, lengthByte: 10 });
    if (b?.op !== 'barcode') throw new Error('no barcode');
    expect(decodeCode128(b.data)).toEqual({ codeSets: ['B', 'C'], text: 'K01/2627', symbols: 8 });
  });

  it('refuses Code 128 data without a code-set prefix, which Epson printers do not print', () => {
    expect(() => decodeCode128(Buffer.from('K01/2627', 'latin1'))).toThrow(/must start with/);
  });

  it('reads EAN-13 in function A (NUL-terminated) and function B (length byte)', () => {
    const a = decode(hex('1d6b02 343030363338313333333933 00'));
    expect(a[0]).toMatchObject({ op: 'barcode', m: 2, lengthByte: null });
    const b = decode(hex('1d6b43 0d 34303036333831333333393331'));
    expect(b[0]).toMatchObject({ op: 'barcode', m: 67, lengthByte: 13 });
  });

  it('reads a QR code from GS ( k functions 165, 167, 169, 180 and 181', () => {
    const r = render(decode(hex('1b40 1b6101 1d286b0400314132 00 1d286b0300314306 1d286b0300314531 1d286b0600315030 414243 1d286b0300315130')));
    expect(r.printed).toEqual([{ kind: 'qr', data: 'ABC', align: 'center', moduleDots: 6 }]);
    expect(r.problems).toEqual([]);
  });

  it('throws on commands it does not know, such as escpos’s ESC Z QR command', () => {
    expect(() => decode(hex('1b5a 03 4c 06'))).toThrow(/Unknown command ESC 0x5a at offset 0/);
    expect(() => decode(hex('1d6b49 05 7b42'))).toThrow(/cut short/);
    expect(() => decode(hex('09'))).toThrow(/Unexpected control byte 0x9/);
  });

  it('lays printed lines out the way documentToText does', () => {
    const r = render(decode(hex('1b40 1b7413 1b6101 4142 0a 1b6102 43 0a 1b6100 0a')));
    expect(asPreview(r.printed, 8)).toEqual(['   AB', '       C', '']);
  });

  it('writes and reads back a hex dump', () => {
    const bytes = Buffer.from(Array.from({ length: 40 }, (_, i) => (i * 7) & 0xff));
    const dump = hexDump(bytes);
    expect(dump.split('\n')[0]).toBe('00000000  00 07 0e 15 1c 23 2a 31 38 3f 46 4d 54 5b 62 69  |.....#*18?FMT[bi|');
    expect(parseHexDump(dump)).toEqual(bytes);
  });
  it('reads GS v 0: m, xL xH bytes per row, yL yH rows, then x × y bytes, MSB the leftmost dot', () => {
    // 2 bytes per row (16 dots) × 3 rows; row 1 has only its leftmost dot, row 3 only its rightmost.
    const commands = decode(hex('1b40 1d763000 0200 0300 8000 0000 0001 41 0a'));
    expect(commands.map((c) => c.op)).toEqual(['init', 'raster', 'text', 'lf']);
    expect(commands[1]).toMatchObject({ op: 'raster', mode: 0, widthBytes: 2, heightDots: 3, data: hex('800000000001') });
    expect(render(commands).printed[0]).toEqual({ kind: 'raster', widthDots: 16, heightDots: 3, data: hex('800000000001') });
    expect(() => decode(hex('1d763000 0200 0300 8000 0000 00'))).toThrow(/cut short/);
    expect(() => decode(hex('1d763000 0000 0100'))).toThrow(/0 bytes per row/);
    expect(render(decode(hex('1b7413 41 1d763000 0100 0100 ff 0a'))).problems).toContain('GS v 0 at offset 4 is not at the start of a line');
  });
});
