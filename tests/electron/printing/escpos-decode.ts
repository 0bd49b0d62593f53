import iconv from 'iconv-lite';

/**
 * A small ESC/POS decoder written from Epson's command reference, independent of the
 * encoder, so tests can assert what the bytes mean. It knows the commands a receipt
 * printer job may contain and throws on anything else (an unknown command is a bug: on
 * a real printer its parameter bytes would print as garbage or swallow the next text).
 */
export type Command =
  | { op: 'init'; at: number }
  | { op: 'code-table'; at: number; table: number }
  | { op: 'kanji-on'; at: number }
  | { op: 'kanji-off'; at: number }
  | { op: 'align'; at: number; align: 'left' | 'center' | 'right' }
  | { op: 'bold'; at: number; on: boolean }
  | { op: 'size'; at: number; width: number; height: number }
  | { op: 'text'; at: number; bytes: Buffer }
  | { op: 'lf'; at: number }
  | { op: 'feed-lines'; at: number; lines: number }
  | { op: 'drawer'; at: number; pin: number; onMs: number; offMs: number; bytes: Buffer }
  | { op: 'cut'; at: number; mode: number; feed: number | null }
  | { op: 'barcode-height'; at: number; dots: number }
  | { op: 'barcode-module'; at: number; dots: number }
  | { op: 'hri-position'; at: number; position: number }
  | { op: 'barcode'; at: number; m: number; lengthByte: number | null; data: Buffer }
  | { op: 'qr'; at: number; fn: number; declaredLength: number; params: Buffer }
  /** GS v 0 m xL xH yL yH d1…dk: k = (xL + xH × 256) × (yL + yH × 256) bytes, MSB leftmost. */
  | { op: 'raster'; at: number; mode: number; widthBytes: number; heightDots: number; data: Buffer };

const ALIGN = { 0: 'left', 1: 'center', 2: 'right', 48: 'left', 49: 'center', 50: 'right' } as const;

export function decode(bytes: Buffer): Command[] {
  const out: Command[] = [];
  let i = 0;
  const need = (n: number, what: string) => {
    if (i + n > bytes.length) throw new Error(`${what} at offset ${i} is cut short`);
  };
  const at = (k: number) => bytes[i + k]!;
  while (i < bytes.length) {
    const b = at(0);
    if (b === 0x0a) { out.push({ op: 'lf', at: i }); i += 1; continue; }
    if (b >= 0x20 && b !== 0x7f) {
      const start = i;
      while (i < bytes.length && bytes[i]! >= 0x20 && bytes[i] !== 0x7f) i++;
      out.push({ op: 'text', at: start, bytes: bytes.subarray(start, i) });
      continue;
    }
    if (b === 0x1b) {
      need(2, 'ESC');
      const c = at(1);
      switch (c) {
        case 0x40: out.push({ op: 'init', at: i }); i += 2; continue;
        case 0x74: need(3, 'ESC t'); out.push({ op: 'code-table', at: i, table: at(2) }); i += 3; continue;
        case 0x61: {
          need(3, 'ESC a');
          const align = ALIGN[at(2) as keyof typeof ALIGN];
          if (!align) throw new Error(`ESC a ${at(2)} at offset ${i} is out of range`);
          out.push({ op: 'align', at: i, align });
          i += 3;
          continue;
        }
        case 0x45: need(3, 'ESC E'); out.push({ op: 'bold', at: i, on: (at(2) & 1) === 1 }); i += 3; continue;
        case 0x64: need(3, 'ESC d'); out.push({ op: 'feed-lines', at: i, lines: at(2) }); i += 3; continue;
        case 0x70: {
          need(5, 'ESC p');
          // ESC p m t1 t2: pin 2 (m = 0/48) or 5 (1/49); on t1 × 2 ms, off t2 × 2 ms.
          const m = at(2);
          if (![0, 1, 48, 49].includes(m)) throw new Error(`ESC p m=${m} at offset ${i} is out of range`);
          out.push({ op: 'drawer', at: i, pin: m % 48 === 0 ? 2 : 5, onMs: at(3) * 2, offMs: at(4) * 2, bytes: bytes.subarray(i, i + 5) });
          i += 5;
          continue;
        }
        default: throw new Error(`Unknown command ESC 0x${c.toString(16)} at offset ${i}`);
      }
    }
    if (b === 0x1d) {
      need(2, 'GS');
      const c = at(1);
      switch (c) {
        case 0x21: need(3, 'GS !'); out.push({ op: 'size', at: i, width: (at(2) >> 4) + 1, height: (at(2) & 0x0f) + 1 }); i += 3; continue;
        case 0x56: {
          need(3, 'GS V');
          const m = at(2);
          if ([0, 1, 48, 49].includes(m)) { out.push({ op: 'cut', at: i, mode: m, feed: null }); i += 3; continue; }
          if ([65, 66].includes(m)) { need(4, 'GS V'); out.push({ op: 'cut', at: i, mode: m, feed: at(3) }); i += 4; continue; }
          throw new Error(`GS V m=${m} at offset ${i} is out of range`);
        }
        case 0x68: need(3, 'GS h'); out.push({ op: 'barcode-height', at: i, dots: at(2) }); i += 3; continue;
        case 0x77: need(3, 'GS w'); out.push({ op: 'barcode-module', at: i, dots: at(2) }); i += 3; continue;
        case 0x48: need(3, 'GS H'); out.push({ op: 'hri-position', at: i, position: at(2) % 48 }); i += 3; continue;
        case 0x6b: {
          need(3, 'GS k');
          const m = at(2);
          if (m <= 6) {
            // Function A: data ends at NUL.
            const end = bytes.indexOf(0, i + 3);
            if (end === -1) throw new Error(`GS k ${m} at offset ${i} has no NUL`);
            out.push({ op: 'barcode', at: i, m, lengthByte: null, data: bytes.subarray(i + 3, end) });
            i = end + 1;
            continue;
          }
          if (m >= 65 && m <= 79) {
            // Function B: n data bytes follow.
            need(4, 'GS k');
            const n = at(3);
            need(4 + n, `GS k ${m} with ${n} data bytes`);
            out.push({ op: 'barcode', at: i, m, lengthByte: n, data: bytes.subarray(i + 4, i + 4 + n) });
            i += 4 + n;
            continue;
          }
          throw new Error(`GS k m=${m} at offset ${i} is out of range`);
        }
        case 0x28: {
          need(5, 'GS (');
          if (at(2) !== 0x6b) throw new Error(`Unknown command GS ( 0x${at(2).toString(16)} at offset ${i}`);
          const declaredLength = at(3) + at(4) * 256;
          need(5 + declaredLength, 'GS ( k');
          if (at(5) !== 49) throw new Error(`GS ( k cn=${at(5)} at offset ${i} is not QR Code (49)`);
          out.push({ op: 'qr', at: i, fn: at(6), declaredLength, params: bytes.subarray(i + 7, i + 5 + declaredLength) });
          i += 5 + declaredLength;
          continue;
        }
        case 0x76: {
          need(8, 'GS v');
          if (at(2) !== 0x30) throw new Error(`Unknown command GS v 0x${at(2).toString(16)} at offset ${i}`);
          const mode = at(3);
          if (![0, 1, 2, 3, 48, 49, 50, 51].includes(mode)) throw new Error(`GS v 0 m=${mode} at offset ${i} is out of range`);
          const widthBytes = at(4) + at(5) * 256;
          const heightDots = at(6) + at(7) * 256;
          if (widthBytes < 1 || widthBytes > 128) throw new Error(`GS v 0 with ${widthBytes} bytes per row at offset ${i}`);
          if (heightDots < 1 || heightDots > 4095) throw new Error(`GS v 0 with ${heightDots} rows at offset ${i}`);
          need(8 + widthBytes * heightDots, `GS v 0 with ${widthBytes} × ${heightDots} data bytes`);
          out.push({ op: 'raster', at: i, mode: mode % 48, widthBytes, heightDots, data: bytes.subarray(i + 8, i + 8 + widthBytes * heightDots) });
          i += 8 + widthBytes * heightDots;
          continue;
        }
        default: throw new Error(`Unknown command GS 0x${c.toString(16)} at offset ${i}`);
      }
    }
    if (b === 0x1c) {
      need(2, 'FS');
      if (at(1) === 0x26) { out.push({ op: 'kanji-on', at: i }); i += 2; continue; }
      if (at(1) === 0x2e) { out.push({ op: 'kanji-off', at: i }); i += 2; continue; }
      throw new Error(`Unknown command FS 0x${at(1).toString(16)} at offset ${i}`);
    }
    throw new Error(`Unexpected control byte 0x${b.toString(16)} at offset ${i}`);
  }
  return out;
}

/** Epson code tables (ESC t n) this decoder can read text in. */
const CODE_TABLES: Record<number, string> = { 0: 'cp437', 2: 'cp850', 16: 'cp1252', 19: 'cp858' };

/**
 * Code 128 data of GS k 73: "{A"/"{B"/"{C" select a code set, "{{" is "{", "{1"–"{4"
 * are FNC1–4 and "{S" shifts one character; in code set C each byte is a digit pair.
 */
export function decodeCode128(data: Buffer): { codeSets: string[]; text: string; symbols: number } {
  if (data[0] !== 0x7b || ![0x41, 0x42, 0x43].includes(data[1] ?? 0)) {
    throw new Error('Code 128 data must start with {A, {B or {C');
  }
  let set = '';
  const codeSets: string[] = [];
  let text = '';
  let symbols = 0; // start or code-set switch, then one per data character or digit pair
  for (let i = 0; i < data.length; i++) {
    const b = data[i]!;
    if (b === 0x7b) {
      const next = data[++i];
      if (next === undefined) throw new Error('Code 128 data ends in a lone {');
      const c = String.fromCharCode(next);
      if ('ABC'.includes(c)) { set = c; codeSets.push(c); symbols++; continue; }
      if (c === '{' && set !== 'C') { text += '{'; symbols++; continue; }
      throw new Error(`Code 128 special {${c} is not used by receipts`);
    }
    symbols++;
    if (set === 'C') {
      if (b > 99) throw new Error(`Code set C byte ${b} is not a digit pair`);
      text += String(b).padStart(2, '0');
    } else if (set === 'B') {
      if (b < 0x20 || b > 0x7e) throw new Error(`Code set B byte ${b} is not printable`);
      text += String.fromCharCode(b);
    } else {
      if (b > 0x5f) throw new Error(`Code set A byte ${b} is out of range`);
      text += String.fromCharCode(b);
    }
  }
  return { codeSets, text, symbols };
}

export type Printed =
  | { kind: 'text'; text: string; align: 'left' | 'center' | 'right'; bold: boolean; double: boolean }
  | { kind: 'barcode'; symbology: 'code128' | 'ean13'; data: string; align: 'left' | 'center' | 'right'; moduleDots: number }
  | { kind: 'qr'; data: string; align: 'left' | 'center' | 'right'; moduleDots: number }
  | { kind: 'raster'; widthDots: number; heightDots: number; data: Buffer };

export interface Rendered {
  printed: Printed[];
  /** Things a real printer would get wrong, in order. Empty for a good job. */
  problems: string[];
  cut: { mode: number; feed: number | null } | null;
  drawerKicks: Buffer[];
}

/**
 * Plays the commands like a printer in standard mode: what gets printed, line by line,
 * and anything that would go wrong on paper.
 */
export function render(commands: readonly Command[]): Rendered {
  const printed: Printed[] = [];
  const problems: string[] = [];
  const drawerKicks: Buffer[] = [];
  let cut: Rendered['cut'] = null;
  let table: number | null = null;
  let kanji = false;
  let align: 'left' | 'center' | 'right' = 'left';
  let bold = false;
  let double = false;
  let line: Buffer[] = [];
  let lineBold = false;
  let lineDouble = false;
  let barcodeModule = 2;
  let qr = { model: 0, moduleDots: 3, data: null as Buffer | null };
  const atLineStart = () => line.length === 0;
  const endLine = () => {
    const bytes = Buffer.concat(line);
    const encoding = table === null ? null : CODE_TABLES[table];
    if (bytes.length > 0 && !encoding) problems.push(`text printed with no Latin code table selected (ESC t ${table})`);
    printed.push({ kind: 'text', text: iconv.decode(bytes, encoding ?? 'cp437'), align, bold: lineBold, double: lineDouble });
    line = [];
    lineBold = false;
    lineDouble = false;
  };
  for (const c of commands) {
    switch (c.op) {
      // Epson boots in PC437, but the clones sold locally boot in GB18030 or Kanji mode: after
      // ESC @ the table is taken as unknown until the job selects one.
      case 'init': table = null; kanji = false; align = 'left'; bold = false; double = false; break;
      case 'code-table': table = c.table; break;
      case 'kanji-on': kanji = true; problems.push('FS & selects Kanji mode'); break;
      case 'kanji-off': kanji = false; break;
      case 'align':
        if (!atLineStart()) problems.push(`ESC a at offset ${c.at} is not at the start of a line and is ignored`);
        else align = c.align;
        break;
      case 'bold': bold = c.on; break;
      case 'size': double = c.width === 2 && c.height === 2; if (!double && (c.width !== 1 || c.height !== 1)) problems.push(`size ${c.width}×${c.height}`); break;
      case 'text':
        if (kanji) problems.push(`text at offset ${c.at} printed in Kanji mode`);
        line.push(c.bytes);
        lineBold ||= bold;
        lineDouble ||= double;
        break;
      case 'lf': endLine(); break;
      case 'feed-lines': if (!atLineStart()) endLine(); for (let n = 0; n < c.lines; n++) endLine(); break;
      case 'drawer': drawerKicks.push(Buffer.from(c.bytes)); break;
      case 'cut':
        if (!atLineStart()) problems.push(`GS V at offset ${c.at} is not at the start of a line`);
        cut = { mode: c.mode, feed: c.feed };
        break;
      case 'barcode-height': break;
      case 'barcode-module': barcodeModule = c.dots; break;
      case 'hri-position': break;
      case 'barcode': {
        if (!atLineStart()) problems.push(`GS k at offset ${c.at} is not at the start of a line`);
        if (c.m === 73) {
          printed.push({ kind: 'barcode', symbology: 'code128', data: decodeCode128(c.data).text, align, moduleDots: barcodeModule });
        } else if (c.m === 67) {
          if (c.lengthByte !== 13 && c.lengthByte !== 12) problems.push(`EAN-13 with n=${c.lengthByte}`);
          printed.push({ kind: 'barcode', symbology: 'ean13', data: c.data.toString('latin1'), align, moduleDots: barcodeModule });
        } else {
          problems.push(`barcode system m=${c.m} is not used by this app`);
        }
        break;
      }
      case 'raster':
        // Standard mode prints GS v 0 only at the start of a line (Epson: "ignored" otherwise on some models).
        if (!atLineStart()) problems.push(`GS v 0 at offset ${c.at} is not at the start of a line`);
        if (c.mode !== 0) problems.push(`GS v 0 m=${c.mode} scales the image`);
        printed.push({ kind: 'raster', widthDots: c.widthBytes * 8, heightDots: c.heightDots, data: c.data });
        break;
      case 'qr': {
        const p = c.params;
        if (c.fn === 65) qr.model = p[0] === 50 ? 2 : p[0] === 49 ? 1 : 0;
        else if (c.fn === 67) qr.moduleDots = p[0] ?? 0;
        else if (c.fn === 69) { /* error correction level */ }
        else if (c.fn === 80) {
          if (p[0] !== 48) problems.push('QR store (function 180) needs m = 48');
          qr.data = p.subarray(1);
        } else if (c.fn === 81) {
          if (!atLineStart()) problems.push(`QR print at offset ${c.at} is not at the start of a line`);
          if (qr.data === null) problems.push('QR print with no stored data');
          printed.push({ kind: 'qr', data: (qr.data ?? Buffer.alloc(0)).toString('utf8'), align, moduleDots: qr.moduleDots });
          qr = { ...qr, data: null };
        } else problems.push(`QR function ${c.fn + 100} is not used by this app`);
        break;
      }
    }
  }
  if (!atLineStart()) problems.push('the job ends in the middle of a line, which stays in the printer');
  return { printed, problems, cut, drawerKicks };
}

/** The printed lines in documentToText's form: alignment as leading spaces, symbols as bracketed notes. */
export function asPreview(printed: readonly Printed[], width: number): string[] {
  const place = (t: string, align: 'left' | 'center' | 'right') => {
    const pad = Math.max(0, width - t.length);
    return align === 'left' ? t : align === 'center' ? ' '.repeat(Math.floor(pad / 2)) + t : ' '.repeat(pad) + t;
  };
  return printed.map((p) => {
    if (p.kind === 'text') return place(p.text, p.align);
    if (p.kind === 'barcode') return place(`[${p.symbology === 'ean13' ? 'EAN-13' : 'Code 128'}: ${p.data}]`, p.align);
    if (p.kind === 'raster') return `[image ${p.widthDots}x${p.heightDots}]`;
    return place(`[QR: ${p.data}]`, p.align);
  });
}

/** A reviewable hex dump: offset, 16 bytes, and their printable ASCII. */
export function hexDump(bytes: Buffer): string {
  const rows: string[] = [];
  for (let o = 0; o < bytes.length; o += 16) {
    const chunk = bytes.subarray(o, o + 16);
    const hex = [...chunk].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...chunk].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    rows.push(`${o.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  |${ascii}|`);
  }
  return `${rows.join('\n')}\n`;
}

export function parseHexDump(dump: string): Buffer {
  const bytes: number[] = [];
  for (const row of dump.split('\n')) {
    const m = /^[0-9a-f]{8} {2}((?:[0-9a-f]{2} ?)+)/.exec(row);
    if (m) for (const h of m[1]!.trim().split(' ')) bytes.push(parseInt(h, 16));
  }
  return Buffer.from(bytes);
}
