import type { DocBlock, PrintDocument } from '../../../../../shared/documents';

/**
 * The printer test page: the store's name, a rule the full width of the paper, a line of
 * digits exactly as wide as the paper (so a wrong paper-width setting shows at a glance:
 * the digits wrap or stop short), a Code 128 barcode (the raster path every label
 * takes), and the sentence that says it worked. Words come in already translated.
 */

/** Bars a scanner at the counter can read back; digits too, so it scans in any keyboard layout. */
export const TEST_BARCODE = 'CHINAR-TEST-0123456789';

export interface TestPageText {
  title: string;
  storeName: string;
  /** e.g. "22 Nov 2026, 12:00 pm", in the market's time zone. */
  printedAt: string;
  /** e.g. "Paper: 80 mm (48 characters a line)". */
  paper: string;
  works: string;
}

/** "1234567890123…" cut to `width` characters. */
export function digitRuler(width: number): string {
  return '1234567890'.repeat(Math.ceil(width / 10)).slice(0, width);
}

export function buildTestPage(text: TestPageText, width: number): PrintDocument {
  const blocks: DocBlock[] = [
    { kind: 'text', text: text.storeName, align: 'center', bold: true, size: 'double' },
    { kind: 'text', text: text.title, align: 'center' },
    { kind: 'rule', style: 'double' },
    { kind: 'text', text: text.printedAt },
    { kind: 'text', text: text.paper },
    { kind: 'text', text: digitRuler(width) },
    { kind: 'rule', style: 'single' },
    { kind: 'barcode', symbology: 'code128', data: TEST_BARCODE, showText: true },
    { kind: 'rule', style: 'single' },
    { kind: 'text', text: text.works, align: 'center', bold: true },
    { kind: 'feed', lines: 2 },
  ];
  return { type: 'test', title: text.title.slice(0, 120), width, blocks, cut: true };
}
