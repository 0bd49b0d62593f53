import Printer from 'escpos';
import iconv from 'iconv-lite';
import { gs1CheckDigit } from '../../shared/barcode';
import { pairLine, wrapText, type Align, type ParsedDocBlock, type ParsedPrintDocument } from '../../shared/documents';
import { HostFailure } from '../../shared/result';
import { rasterCommand, rasterLine, type RasterOptions } from './raster-line';

/**
 * Print documents to ESC/POS bytes, checked command by command against Epson's
 * "ESC/POS Application Programming Guide" / command reference.
 *
 * escpos 3.0.0-alpha.6's Printer core writes into an in-memory adapter here and is used
 * for what it encodes correctly: ESC @ (init), ESC t n (code table), ESC a n (justify),
 * GS ! n (character size), LF feeds and text through iconv-lite. Everything it gets wrong
 * is written as raw bytes by this module:
 * - its default text encoding is GB18030: we select PC858 and encode in cp858;
 * - `style('B')` adds ESC 4 / ESC 5 (italic on Star, undefined on Epson): bold is ESC E n;
 * - `barcode()` drops the GS k length byte for Code 128 data of 1–15 bytes and sends no
 *   code-set prefix, so Epson printers print nothing;
 * - `cashdraw()` writes its command as a UTF-8 string, turning the 0xFA pulse time into C3 BA;
 * - `qrcode()` sends ESC Z (a PDF417/QR command of some Chinese firmwares), not GS ( k;
 * - `cut()` is GS V 0 after three guessed line feeds; GS V 66 n lets the printer feed to
 *   its own cutter position.
 *
 * Barcodes and QR codes use the printer's own symbol commands rather than bwip-js rasters:
 * GS k and GS ( k are supported by every Epson TM since the TM-T88IV and by the clones
 * sold in the valley, they print at the head's full resolution, and they keep a job to a
 * few hundred bytes, which matters on a 9600-baud serial printer (a raster QR is ~10 kB).
 */

/** PC858 is PC850 with €: Latin-1 letters for Western names, and on every Epson TM. */
export const CODE_PAGE = { escT: 19, iconv: 'cp858', name: 'PC858' } as const;

/** Font A is 12 dots wide, so a line of `width` characters spans width × 12 dots (48 → 576, 80 mm). */
const DOTS_PER_CHAR = 12;
const BARCODE_HEIGHT_DOTS = 80;
/** Many clones accept module sizes 1–8 only (Epson: 1–16); 6 dots is ~0.75 mm, easy for a phone. */
const QR_MAX_MODULE_DOTS = 6;
const CUT_FEED = 0;

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;

/** FS . cancels Kanji mode: clones that boot in Chinese mode would read bytes ≥ 0x80 as GB18030 pairs. */
const CANCEL_KANJI = Buffer.from([FS, 0x2e]);
/** ESC p 0 25 250: pulse drawer pin 2 on for 50 ms (25 × 2 ms), off for 500 ms (250 × 2 ms). */
export const DRAWER_KICK = Buffer.from([ESC, 0x70, 0x00, 25, 250]);
const bold = (on: boolean) => Buffer.from([ESC, 0x45, on ? 1 : 0]);
/** GS V 66 n: feed to the cutting position (+ n motion units), then partial cut. */
const partialCut = Buffer.from([GS, 0x56, 66, CUT_FEED]);

const SUBSTITUTES: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u2033': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-',
  '\u2026': '...', '\u2022': '*',
};

let printable: Set<string> | null = null;
function printableChars(): Set<string> {
  if (!printable) {
    const bytes = [];
    for (let b = 0x20; b <= 0xff; b++) if (b !== 0x7f) bytes.push(b);
    printable = new Set(iconv.decode(Buffer.from(bytes), CODE_PAGE.iconv));
  }
  return printable;
}

/**
 * Text as the printer's code page can show it, one character per column: ₹ becomes
 * "Rs.", typographic punctuation becomes ASCII, accents the code page lacks are dropped
 * (ā → a), anything else becomes "?". Control characters never reach the printer: they
 * would be commands. Newlines are kept only where a text block reads them as paragraphs.
 */
export function printableText(text: string, keepNewlines = false): string {
  return mapText(text, keepNewlines, false);
}

/**
 * printableText, except that characters it would print as "?" are kept: the text of a
 * line that may be printed as an image, and of the preview people read.
 */
export function printableOrOtherScript(text: string, keepNewlines = false): string {
  return mapText(text, keepNewlines, true);
}

/** Whether printableText would print some character of `text` as "?". */
export function hasOtherScript(text: string): boolean {
  return printableOrOtherScript(text, true) !== printableText(text, true);
}

function mapText(text: string, keepNewlines: boolean, keepOthers: boolean): string {
  const chars = printableChars();
  let out = '';
  for (const ch of text.replace(/₹\s*/g, 'Rs. ').normalize('NFC')) {
    if (ch === '\n' && keepNewlines) out += ch;
    else if (/\s/.test(ch)) out += ' ';
    else if (chars.has(ch)) out += ch;
    else if (SUBSTITUTES[ch] !== undefined) out += SUBSTITUTES[ch];
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base.length === 1 && chars.has(base) ? base : keepOthers ? ch : '?';
    }
  }
  return out;
}

/**
 * The document as the printer will print it (see printableText). With `keepOtherScripts`,
 * text blocks keep the characters the code page lacks, as the raster lines print them:
 * the file printer's readable preview uses that.
 */
export function printableDocument(doc: ParsedPrintDocument, { keepOtherScripts = false } = {}): ParsedPrintDocument {
  const blocks = doc.blocks.map((b): ParsedDocBlock => {
    switch (b.kind) {
      case 'text': return { ...b, text: keepOtherScripts ? printableOrOtherScript(b.text, true) : printableText(b.text, true) };
      case 'pair': return { ...b, left: printableText(b.left), right: printableText(b.right) };
      case 'qr': return { ...b, caption: printableText(b.caption) };
      // The printer prints the check digit under the bars; the preview should show it too.
      case 'barcode': return b.symbology === 'ean13' ? { ...b, data: ean13Digits(b.data) } : b;
      default: return b;
    }
  });
  return { ...doc, title: printableText(doc.title), blocks };
}

/**
 * Code 128 data in Epson's GS k 73 form: "{B" or "{C" selects a code set, "{{" is a
 * literal "{", and in code set C each byte is the value (0–99) of a digit pair. Digit
 * runs go to code set C where that saves symbols (ISO/IEC 15417 Annex E: four or more
 * digits at either end, six or more in the middle), so a 15-character invoice number
 * fits 58 mm paper at a module width of two dots.
 */
export function code128Data(data: string): { bytes: Buffer; symbols: number } {
  if (!/^[\x20-\x7e]+$/.test(data)) {
    throw new HostFailure('bad-request', `A Code 128 barcode takes printable ASCII only; "${data}" has other characters`);
  }
  const out: number[] = [];
  let set: 'B' | 'C' | null = null;
  let symbols = 0;
  const select = (next: 'B' | 'C') => {
    if (set === next) return;
    out.push(0x7b, next.charCodeAt(0));
    set = next;
    symbols++; // a start symbol the first time, a code-set switch after
  };
  let i = 0;
  while (i < data.length) {
    let run = 0;
    while (i + run < data.length && /\d/.test(data[i + run]!)) run++;
    const atStart = i === 0;
    const atEnd = i + run === data.length;
    const worthC = run >= 4 && (atStart || atEnd || run >= 6) || (atStart && atEnd && run >= 2 && run % 2 === 0);
    if (worthC) {
      if (run % 2 === 1 && !atStart) {
        select('B');
        out.push(data.charCodeAt(i));
        symbols++;
        i++;
        run--;
      }
      select('C');
      const pairs = Math.floor(run / 2);
      for (let p = 0; p < pairs; p++, i += 2) {
        out.push(Number(data.slice(i, i + 2)));
        symbols++;
      }
      continue;
    }
    select('B');
    const ch = data[i]!;
    if (ch === '{') out.push(0x7b, 0x7b);
    else out.push(ch.charCodeAt(0));
    symbols++;
    i++;
  }
  return { bytes: Buffer.from(out), symbols };
}

/** Modules of a Code 128 symbol: 11 per symbol (start, data, switches, check) and 13 for stop. */
function code128Modules(symbols: number): number {
  return 11 * (symbols + 1) + 13;
}

/** Twelve digits get their check digit; thirteen must already carry the right one. */
export function ean13Digits(data: string): string {
  if (/^\d{12}$/.test(data)) return data + String(gs1CheckDigit(data));
  if (/^\d{13}$/.test(data) && Number(data[12]) === gs1CheckDigit(data.slice(0, 12))) return data;
  throw new HostFailure('bad-request', `"${data}" is not an EAN-13 number (12 digits, or 13 with a correct check digit)`);
}

/** Byte capacity of QR versions 1–40 at error correction level M (ISO/IEC 18004 table 7). */
const QR_BYTES_M = [
  14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666,
  711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331,
];

/** The largest module size (dots) at which the symbol and its 4-module quiet zones fit the line. */
export function qrModuleDots(byteLength: number, lineDots: number): number {
  const version = QR_BYTES_M.findIndex((capacity) => capacity >= byteLength) + 1;
  if (version === 0) throw new HostFailure('bad-request', `A QR code cannot hold ${byteLength} bytes at error correction level M`);
  const modules = 17 + 4 * version + 8;
  return Math.max(1, Math.min(QR_MAX_MODULE_DOTS, Math.floor(lineDots / modules)));
}

/** GS ( k pL pH cn fn …: pL + pH × 256 counts the bytes after pH. */
function gsParenK(fn: number, params: readonly number[] | Buffer): Buffer {
  const length = 2 + params.length;
  return Buffer.concat([Buffer.from([GS, 0x28, 0x6b, length & 0xff, length >> 8, 49, fn]), Buffer.from(params)]);
}

export function qrCommands(data: string, lineDots: number): Buffer {
  const bytes = Buffer.from(data, 'utf8'); // phones read QR byte mode as UTF-8
  return Buffer.concat([
    gsParenK(65, [50, 0]), // Function 165: model 2
    gsParenK(67, [qrModuleDots(bytes.length, lineDots)]), // Function 167: module size in dots
    gsParenK(69, [49]), // Function 169: error correction level M (15%)
    gsParenK(80, Buffer.concat([Buffer.from([48]), bytes])), // Function 180: store the data
    gsParenK(81, [48]), // Function 181: print the stored symbol
  ]);
}

interface Style { align: Align; bold: boolean; double: boolean }

/**
 * Encodes one job. Layout is the same as documentToText (wrapText, pairLine, rules of
 * the document's width), so the paper matches the on-screen preview line for line.
 */
export function encodeDocument(doc: ParsedPrintDocument, options: { openDrawer: boolean; raster?: RasterOptions }): Buffer {
  const chunks: Buffer[] = [];
  const printer = new Printer({ write: (data, callback) => { chunks.push(Buffer.from(data)); callback?.(null); } }, { encoding: CODE_PAGE.iconv, width: doc.width });
  const width = doc.width;
  const lineDots = width * DOTS_PER_CHAR;
  const style: Style = { align: 'left', bold: false, double: false };
  const setStyle = (next: Style) => {
    // ESC a is honoured only at the start of a line; every call here follows an LF.
    if (next.align !== style.align) printer.align(next.align === 'left' ? 'lt' : next.align === 'center' ? 'ct' : 'rt');
    if (next.bold !== style.bold) printer.raw(bold(next.bold));
    if (next.double !== style.double) printer.size(next.double ? 1 : 0, next.double ? 1 : 0);
    Object.assign(style, next);
  };
  const line = (text: string, next: Style) => {
    setStyle(next);
    printer.text(text);
  };
  const plain = (align: Align = 'left'): Style => ({ align, bold: false, double: false });

  printer.hardware('init');
  printer.raw(CANCEL_KANJI);
  printer.setCharacterCodeTable(CODE_PAGE.escT);
  if (options.openDrawer) printer.raw(DRAWER_KICK);

  const originals = doc.blocks;
  printableDocument(doc).blocks.forEach((b, index) => {
    switch (b.kind) {
      case 'text': {
        const double = b.size === 'double';
        const columns = double ? Math.floor(width / 2) : width;
        const next: Style = { align: b.align, bold: b.bold, double };
        const original = originals[index];
        if (original?.kind === 'text' && hasOtherScript(original.text)) {
          // Lines with other scripts print as images where a font has them; Latin lines stay text.
          const lines = wrapText(printableOrOtherScript(original.text, true), columns);
          const images = lines.map((l) => (hasOtherScript(l) ? rasterLine(l, next, lineDots, options.raster) : null));
          // If any line cannot be drawn, the whole block prints as before, so wrapping stays the preview's.
          if (images.every((image, i) => image !== null || !hasOtherScript(lines[i]!))) {
            lines.forEach((l, i) => {
              const image = images[i];
              if (!image) { line(printableText(l), next); return; }
              setStyle(next);
              printer.raw(rasterCommand(image));
            });
            break;
          }
        }
        for (const l of wrapText(b.text, columns)) line(l, next);
        break;
      }
      case 'pair': line(pairLine(b.left, b.right, width), { align: 'left', bold: b.bold, double: false }); break;
      case 'rule': line((b.style === 'double' ? '=' : '-').repeat(width), plain()); break;
      case 'feed': setStyle(plain()); printer.feed(b.lines); break;
      case 'barcode': {
        setStyle(plain('center'));
        // EAN-13: 95 modules, quiet zones of 11 and 7; Code 128: quiet zones of 10 each side.
        const symbol = b.symbology === 'ean13'
          ? { m: 67, bytes: Buffer.from(ean13Digits(b.data), 'ascii'), modules: 95, quiet: 18 }
          : (() => { const c = code128Data(b.data); return { m: 73, bytes: c.bytes, modules: code128Modules(c.symbols), quiet: 20 }; })();
        // Three-dot modules only with the quiet zones inside the line, so the symbol still prints on
        // 80 mm clones with a 512-dot line; at two dots the paper's margins give the quiet zones.
        const moduleDots = (symbol.modules + symbol.quiet) * 3 <= lineDots ? 3 : symbol.modules * 2 <= lineDots ? 2 : undefined;
        if (symbol.bytes.length > 255 || moduleDots === undefined) {
          // Too wide for the paper: the printer would silently skip it, so print the number to type in.
          for (const l of wrapText(b.data, width)) line(l, plain('center'));
          break;
        }
        printer.raw(Buffer.from([
          GS, 0x68, BARCODE_HEIGHT_DOTS, // GS h: bar height in dots
          GS, 0x77, moduleDots, // GS w: narrow module width in dots
          GS, 0x48, b.showText ? 2 : 0, // GS H: HRI characters below, or none
          GS, 0x6b, symbol.m, symbol.bytes.length, // GS k m n (function B: n is the data length)
        ]));
        printer.raw(symbol.bytes);
        break;
      }
      case 'qr': {
        setStyle(plain('center'));
        printer.raw(qrCommands(b.data, lineDots));
        if (b.caption) line(b.caption, plain('center'));
        break;
      }
    }
  });
  setStyle(plain());
  if (doc.cut) printer.raw(partialCut);
  printer.flush();
  return Buffer.concat(chunks);
}

/** A no-sale drawer open: initialise, then the kick pulse, nothing printed. */
export function encodeDrawerKick(): Buffer {
  return Buffer.concat([Buffer.from([ESC, 0x40]), DRAWER_KICK]);
}
