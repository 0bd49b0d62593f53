import { z } from 'zod';

/**
 * Printable documents: receipts, reports, earnings slips, labels. Plain data built in
 * shared/, drawn by the renderer as an on-screen preview and encoded to ESC/POS by the
 * host. Text is what a person reads; the encoder decides how a printer gets it
 * (Latin code page, ₹ as "Rs.").
 */
export const AlignSchema = z.enum(['left', 'center', 'right']);

const text = z.string().max(2_000);

export const DocBlockSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    text,
    align: AlignSchema.default('left'),
    bold: z.boolean().default(false),
    /** double: double width and height (titles, totals). */
    size: z.enum(['normal', 'double']).default('normal'),
  }),
  /** A line with text on the left and an amount (or anything) flush right. */
  z.object({ kind: z.literal('pair'), left: text, right: z.string().max(200), bold: z.boolean().default(false) }),
  z.object({ kind: z.literal('rule'), style: z.enum(['single', 'double']).default('single') }),
  z.object({
    kind: z.literal('barcode'),
    symbology: z.enum(['code128', 'ean13']),
    data: z.string().min(1).max(80),
    /** Print the human-readable text under the bars. */
    showText: z.boolean().default(true),
  }),
  z.object({ kind: z.literal('qr'), data: z.string().min(1).max(1_000), caption: z.string().max(200).default('') }),
  z.object({ kind: z.literal('feed'), lines: z.number().int().min(1).max(10) }),
]);

export const PrintDocumentSchema = z.object({
  /** What it is, for the print log and the file printer's file names. */
  type: z.enum(['receipt', 'report', 'slip', 'label', 'card', 'test']),
  /** A short title for logs, e.g. the invoice number. */
  title: z.string().max(120),
  /** Characters per line of the paper this was laid out for (80 mm: 48, 58 mm: 32). */
  width: z.number().int().min(16).max(64).default(48),
  blocks: z.array(DocBlockSchema).max(5_000),
  /** Cut the paper at the end. */
  cut: z.boolean().default(true),
});

export type Align = z.infer<typeof AlignSchema>;
export type DocBlock = z.input<typeof DocBlockSchema>;
export type PrintDocument = z.input<typeof PrintDocumentSchema>;
/** A document after validation: every default filled in. */
export type ParsedPrintDocument = z.output<typeof PrintDocumentSchema>;
export type ParsedDocBlock = z.output<typeof DocBlockSchema>;

/** Left text and right text on one line of `width`, the left side cut to fit. */
export function pairLine(left: string, right: string, width: number): string {
  const room = Math.max(0, width - right.length - 1);
  const l = left.length > room ? left.slice(0, room) : left;
  return `${l}${' '.repeat(Math.max(1, width - l.length - right.length))}${right}`;
}

/** Word-wraps text to `width` columns; words longer than a line are split. */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let w = word;
      while (w.length > width) {
        if (line) { out.push(line); line = ''; }
        out.push(w.slice(0, width));
        w = w.slice(width);
      }
      if (!line) line = w;
      else if (line.length + 1 + w.length <= width) line += ` ${w}`;
      else { out.push(line); line = w; }
    }
    out.push(line);
  }
  return out;
}

/**
 * The document as plain text lines, exactly as a Latin-only printer lays it out:
 * the file printer's readable preview and the renderer's on-screen preview share this.
 * Barcodes and QR codes appear as a bracketed note of their data.
 */
export function documentToText(doc: PrintDocument): string[] {
  const parsed = PrintDocumentSchema.parse(doc);
  const width = parsed.width;
  const lines: string[] = [];
  const place = (t: string, align: Align, w: number): string => {
    if (align === 'left') return t;
    const pad = Math.max(0, w - t.length);
    return align === 'center' ? ' '.repeat(Math.floor(pad / 2)) + t : ' '.repeat(pad) + t;
  };
  for (const b of parsed.blocks) {
    switch (b.kind) {
      case 'text': {
        const w = b.size === 'double' ? Math.floor(width / 2) : width;
        for (const l of wrapText(b.text, w)) lines.push(place(l, b.align, width));
        break;
      }
      case 'pair': lines.push(pairLine(b.left, b.right, width)); break;
      case 'rule': lines.push((b.style === 'double' ? '=' : '-').repeat(width)); break;
      case 'barcode': lines.push(place(`[${b.symbology === 'ean13' ? 'EAN-13' : 'Code 128'}: ${b.data}]`, 'center', width)); break;
      case 'qr': {
        lines.push(place(`[QR: ${b.data}]`, 'center', width));
        if (b.caption) lines.push(place(b.caption, 'center', width));
        break;
      }
      case 'feed': for (let i = 0; i < b.lines; i++) lines.push(''); break;
    }
  }
  return lines;
}

/** A text block with the defaults spelled out (reports and slips). */
export function textBlock(t: string, opts: { align?: Align; bold?: boolean; double?: boolean } = {}): DocBlock {
  return { kind: 'text', text: t, align: opts.align ?? 'left', bold: opts.bold ?? false, size: opts.double ? 'double' : 'normal' };
}

/**
 * A label with a value flush right; when both do not fit one line, the label gets its own
 * line and the value one of its own, so an amount is never cut.
 */
export function pairBlocks(left: string, right: string, width: number, bold = false): DocBlock[] {
  if (left.length + 1 + right.length <= width) return [{ kind: 'pair', left, right, bold }];
  if (right.length + 1 > width) return [textBlock(left, { bold }), textBlock(right, { bold, align: 'right' })];
  return [textBlock(left.trim(), { bold }), { kind: 'pair', left: '', right, bold }];
}
