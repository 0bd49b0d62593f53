import { describe, expect, it } from 'vitest';
import { documentToText, PrintDocumentSchema, type PrintDocument } from '../../shared/documents';
import { paise } from '../../shared/money';
import { buildReceipt, type ReceiptInput } from '../../shared/receipt';
import { SAMPLE_ITEMS, sampleReturn, sampleSale, splitTenders, STORE, type SampleSale } from '../electron/printing/sample-sale';

const AMOUNT = /(-?)Rs\. ([\d,]+)\.(\d\d)$/;

/** "Rs. 1,23,456.78" at the end of a line → 12345678 paise. */
function amountAtEnd(line: string): number {
  const m = AMOUNT.exec(line.trimEnd());
  if (!m) throw new Error(`No amount at the end of "${line}"`);
  const value = Number(m[2]!.replace(/,/g, '')) * 100 + Number(m[3]);
  return m[1] ? -value : value;
}

function build(s: SampleSale, extra: Partial<ReceiptInput> = {}): { doc: PrintDocument; text: string[] } {
  const doc = buildReceipt({ store: STORE, ...s, copy: 'original', width: 48, ...extra });
  return { doc, text: documentToText(doc) };
}

/** Lines between the first two rules after the header are the items; totals follow. */
function sections(text: string[]) {
  const rules = text.flatMap((l, i) => (/^-+$/.test(l) ? [i] : []));
  const doubles = text.flatMap((l, i) => (/^=+$/.test(l) ? [i] : []));
  return {
    items: text.slice(rules[1]! + 1, rules[2]),
    totals: text.slice(rules[2]! + 1, doubles[0]),
    total: text.slice(doubles[0]! + 1, doubles[1]).join(' '),
    payments: text.slice(doubles[1]! + 1, rules[3]),
  };
}

function labelled(lines: string[], label: RegExp): number[] {
  return lines.filter((l) => label.test(l)).map(amountAtEnd);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('buildReceipt', () => {
  const split = sampleSale({ tenders: splitTenders });
  const cash = sampleSale({ round: true });

  it('is a valid receipt document titled with the invoice number', () => {
    const { doc } = build(split);
    const parsed = PrintDocumentSchema.parse(doc);
    expect(parsed).toMatchObject({ type: 'receipt', title: 'K01/2627/000123', width: 48, cut: true });
  });

  it('carries the GST rule 46 header: supplier, GSTIN, TAX INVOICE, number, date in the market zone, operator', () => {
    const { text } = build(split);
    const trimmed = text.map((l) => l.trim());
    expect(trimmed.slice(0, 5)).toEqual([
      'Chinar Crafts Market', 'Polo View, Residency Road', 'Srinagar, Jammu & Kashmir 190001',
      'Phone +91 194 245 1234', 'GSTIN 01ABCDE1234F1Z5',
    ]);
    expect(trimmed).toContain('TAX INVOICE');
    expect(trimmed).not.toContain('CREDIT NOTE');
    expect(text).toContain(`Invoice No.${' '.repeat(22)}K01/2627/000123`);
    // 12:34:11Z is 18:04 in Srinagar (UTC+05:30).
    expect(text).toContain(`Date${' '.repeat(26)}22 Nov 2026, 18:04`);
    expect(text.some((l) => /^Served by +Rafiq Ahmad Dar$/.test(l))).toBe(true);
    const utc = build(split, { store: { ...STORE, timeZone: 'UTC' } }).text;
    expect(utc.some((l) => l.endsWith('22 Nov 2026, 12:34'))).toBe(true);
  });

  it('prints the store name in double size and bold', () => {
    const { doc } = build(split);
    expect(doc.blocks[0]).toMatchObject({ kind: 'text', text: 'Chinar Crafts Market', size: 'double', bold: true });
  });

  it('names each piece, who made it, its handmade and fair-wage marks, HSN and GST rate', () => {
    const { text } = build(split);
    const joined = text.join('\n');
    expect(joined).toContain('1. Kani Pashmina shawl, hand-woven jamawar with\npaisley border [HM]\nby Shameema Akhtar [FW]\nHSN 6214, GST 5%');
    expect(joined).toContain('2. Papier-mache jewellery box, naqashi [HM]\nby Ghulam Nabi Shah\nHSN 4823, GST 5%');
    expect(joined).toContain('4. Copper samovar, machine-pressed, 1.5 litre\nby Bashir Ahmad Kanth\nHSN 7418, GST 18%');
    expect(text.filter((l) => l.includes('[HM]'))).toHaveLength(3 + 1); // three handmade pieces and the legend
    expect(text).toContain('[HM] handmade');
    expect(text).toContain('[FW] made by a fair-wage certified artisan');
  });

  it('leaves out legend entries for marks that do not appear', () => {
    const { text } = build(sampleSale({ items: [{ name: 'Copper samovar', hsn: '7418', handmade: false, price: 2_450_75, qty: 1, artisanName: 'Bashir Ahmad Kanth', fairWage: false }] }));
    expect(text.some((l) => l.includes('[HM]') || l.includes('[FW]'))).toBe(false);
  });

  it.each([['split payment', split], ['cash with round-off', cash]])(
    '%s: quantity × unit price is each line amount, and the line amounts add up to the total less round-off', (_, s) => {
      const { text } = build(s);
      const { items, totals, total } = sections(text);
      const qtyLines = items.filter((l) => /^-?\d+ x Rs\./.test(l));
      expect(qtyLines).toHaveLength(s.lines.length);
      for (const l of qtyLines) {
        const [qty, unit] = [Number(/^(-?\d+) x/.exec(l)![1]), amountAtEnd(l.replace(/ +-?Rs\. [\d,.]+$/, ''))];
        expect(qty * unit, l).toBe(amountAtEnd(l));
      }
      const discounts = labelled(items, /^Discount /);
      expect(discounts).toEqual([-2_000_00]);
      const roundOff = labelled(totals, /^Round off /);
      const printedTotal = amountAtEnd(total);
      expect(printedTotal).toBe(s.sale.total);
      expect(sum(qtyLines.map(amountAtEnd)) + sum(discounts)).toBe(printedTotal - sum(roundOff));
    });

  it('CGST and SGST by rate add up to the GST, and taxable value + GST + round-off is the total', () => {
    for (const s of [split, cash]) {
      const { totals, total } = sections(build(s).text);
      const taxable = labelled(totals, /^Taxable @ /);
      const cgst = labelled(totals, /^CGST @ /);
      const sgst = labelled(totals, /^SGST @ /);
      const roundOff = labelled(totals, /^Round off /);
      expect(totals.filter((l) => /^Taxable @ /.test(l)).map((l) => l.split(/ {2,}/)[0])).toEqual(['Taxable @ 5%', 'Taxable @ 18%']);
      expect(totals.filter((l) => /^CGST @ /.test(l)).map((l) => l.split(/ {2,}/)[0])).toEqual(['CGST @ 2.5%', 'CGST @ 9%']);
      expect(sum(cgst) + sum(sgst)).toBe(s.sale.tax);
      expect(sum(taxable)).toBe(s.sale.taxable);
      for (const rate of [500, 1800]) {
        const atRate = s.lines.filter((l) => l.taxRateBps === rate);
        const i = rate === 500 ? 0 : 1;
        expect(cgst[i]! + sgst[i]!).toBe(sum(atRate.map((l) => l.tax)));
      }
      expect(sum(taxable) + sum(cgst) + sum(sgst) + sum(roundOff)).toBe(amountAtEnd(total));
    }
  });

  it('shows a round-off line only when there is one', () => {
    expect(cash.sale.roundOff).toBe(-25);
    expect(sections(build(cash).text).totals).toContain(`Round off${' '.repeat(30)}-Rs. 0.25`);
    expect(build(split).text.some((l) => l.startsWith('Round off'))).toBe(false);
  });

  it('prints the total in double size and bold', () => {
    const { doc } = build(split);
    expect(doc.blocks).toContainEqual({ kind: 'text', text: 'TOTAL Rs. 52,650.25', align: 'right', bold: true, size: 'double' });
  });

  it('lists card and UPI references, cash received and change, and the payments add up to the total', () => {
    const { payments, total } = sections(build(split).text);
    expect(payments).toEqual([
      `Card ref AX4471${' '.repeat(20)}Rs. 40,000.00`,
      `UPI ref 432198765012${' '.repeat(16)}Rs. 5,000.00`,
      `Cash${' '.repeat(32)}Rs. 7,650.25`,
      `  Cash received${' '.repeat(21)}Rs. 8,000.00`,
      `  Change${' '.repeat(30)}Rs. 349.75`,
    ]);
    expect(sum(labelled(payments, /^(Card|UPI|Cash) /))).toBe(amountAtEnd(total));
    const [received, change] = [labelled(payments, /Cash received/)[0]!, labelled(payments, /Change/)[0]!];
    expect(received - change).toBe(labelled(payments, /^Cash /)[0]);
  });

  it('tells the buyer how much goes to the artisans: the sum of the lines’ artisan earnings', () => {
    const { text } = build(split);
    const expected = sum(split.lines.map((l) => l.artisanNet));
    const line = text.find((l) => l.includes('of this goes to the artisans'));
    expect(expected).toBe(43_650_21);
    expect(line?.trim()).toBe('Rs. 43,650.21 of this goes to the artisans who');
  });

  it('ends with a Code 128 barcode of the invoice number for returns to scan, then the footer', () => {
    const { doc, text } = build(split);
    expect(doc.blocks).toContainEqual({ kind: 'barcode', symbology: 'code128', data: 'K01/2627/000123', showText: true });
    const barcode = text.findIndex((l) => l.includes('[Code 128: K01/2627/000123]'));
    const footer = text.findIndex((l) => l.includes('Thank you for supporting'));
    expect(barcode).toBeGreaterThan(0);
    expect(footer).toBeGreaterThan(barcode);
    expect(doc.cut).toBe(true);
  });

  it('marks a duplicate copy clearly at the top and the bottom, and an original not at all', () => {
    const dup = build(split, { copy: 'duplicate' });
    const marks = dup.text.flatMap((l, i) => (l.trim() === 'DUPLICATE COPY' ? [i] : []));
    expect(marks).toEqual([0, dup.text.length - 1]);
    expect(dup.doc.blocks[0]).toMatchObject({ size: 'double', bold: true });
    expect(build(split).text.some((l) => l.includes('DUPLICATE'))).toBe(false);
  });

  it('turns a return into a credit note against the original invoice with negative amounts', () => {
    const r = sampleReturn();
    const { text } = build(r, { originalReceiptNo: 'K01/2627/000123' });
    const trimmed = text.map((l) => l.trim());
    expect(trimmed).toContain('CREDIT NOTE');
    expect(trimmed).not.toContain('TAX INVOICE');
    expect(text.some((l) => /^Credit note No\. +K01\/2627\/000131$/.test(l))).toBe(true);
    expect(text.some((l) => /^Against invoice +K01\/2627\/000123$/.test(l))).toBe(true);
    const { items, totals, total, payments } = sections(text);
    expect(items).toContain(`-1 x Rs. 1,850.00${' '.repeat(18)}-Rs. 1,850.00`);
    expect(amountAtEnd(total)).toBe(-1_850_00);
    expect(sum(labelled(totals, /^(Taxable|CGST|SGST) @ /))).toBe(-1_850_00);
    expect(payments).toEqual([`Refund in cash${' '.repeat(21)}-Rs. 1,850.00`]);
    expect(text.some((l) => l.includes('goes to the artisans'))).toBe(false);
  });

  it('marks a void as a cancelled sale on a credit note', () => {
    const v = sampleSale({ kind: 'void', items: [{ ...SAMPLE_ITEMS[1]!, qty: -2 }] });
    const trimmed = build(v).text.map((l) => l.trim());
    expect(trimmed).toContain('CREDIT NOTE');
    expect(trimmed).toContain('(sale cancelled)');
  });

  it.each([48, 32])('fits every line in %i columns, with double-size lines in half of it', (width) => {
    const longNamed = { ...STORE, name: 'Kashmir Arts-and-Crafts-Emporium Srinagar' };
    for (const [store, s] of [[STORE, split], [STORE, cash], [STORE, sampleReturn()], [longNamed, split]] as const) {
      const doc = buildReceipt({ store, ...s, copy: 'duplicate', width, originalReceiptNo: 'K01/2627/000123' });
      for (const l of documentToText(doc)) expect(l.length, l).toBeLessThanOrEqual(width);
      for (const b of PrintDocumentSchema.parse(doc).blocks) {
        if (b.kind === 'text' && b.size === 'double') {
          for (const word of b.text.split(' ')) expect(word.length, b.text).toBeLessThanOrEqual(width / 2);
        }
      }
    }
  });

  it.each([48, 32])('never cuts an amount at %i columns: each "Rs." keeps its number on the same line', (width) => {
    const big = sampleSale({
      items: [{ name: 'Kani Pashmina shawl', hsn: '6214', handmade: true, price: 12_50_000_00, qty: 10, discount: 1_00_000_00, artisanName: 'Shameema Akhtar', fairWage: true }],
      tenders: (total) => [{ method: 'upi', amount: total, reference: '4321987650123456' }],
    });
    const text = documentToText(buildReceipt({ store: STORE, ...big, copy: 'original', width }));
    const joined = text.join('\n');
    expect(joined).toContain('Rs. 12,50,000.00');
    expect(joined).toContain('Rs. 1,25,00,000.00');
    for (const l of text) expect(l, l).not.toMatch(/Rs\.$|^[\d,.]+$/);
    const { total } = sections(text);
    expect(amountAtEnd(total)).toBe(big.sale.total);
  });

  it('wraps long Kashmiri product and artisan names on word boundaries without losing a word', () => {
    const name = 'Sozni-embroidered Pashmina stole with Kashidakari chinar motifs, Kanihama weave';
    const artisan = 'Mohammad Yousuf Najar & Sons Woodcarvers Cooperative, Zadibal';
    const s = sampleSale({ items: [{ name, hsn: '6214', handmade: true, price: 18_500_00, qty: 1, artisanName: artisan, fairWage: true }] });
    const text = documentToText(buildReceipt({ store: STORE, ...s, copy: 'original', width: 32 }));
    const joined = text.join(' ');
    expect(joined).toContain(`1. ${name} [HM]`.split(' ').join(' '));
    expect(joined).toContain(`by ${artisan} [FW]`);
    const first = text.findIndex((l) => l.startsWith('1. '));
    expect(text.slice(first, first + 3)).toEqual(['1. Sozni-embroidered Pashmina', 'stole with Kashidakari chinar', 'motifs, Kanihama weave [HM]']);
  });

  it('refuses to print a sale whose amounts do not add up', () => {
    const tampered = { ...split, lines: split.lines.map((l, i) => (i === 0 ? { ...l, cgst: paise(l.cgst + 1) } : l)) };
    expect(() => build(tampered)).toThrow(/line 1 CGST \+ SGST is not its GST/);
    const wrongTotal = { ...split, sale: { ...split.sale, total: paise(split.sale.total + 100) } };
    expect(() => build(wrongTotal)).toThrow(/do not make the total/);
    const short = { ...split, payments: split.payments.slice(1) };
    expect(() => build(short)).toThrow(/payments do not make the total/);
  });

  it('prints CGST and SGST halves of an odd rate exactly', () => {
    const s = sampleSale();
    const lines = s.lines.slice(0, 1).map((l) => ({ ...l, taxRateBps: 25 }));
    const sale = { ...s.sale, total: lines[0]!.gross, gross: lines[0]!.gross, tax: lines[0]!.tax, taxable: lines[0]!.taxable, roundOff: paise(0) };
    const text = documentToText(buildReceipt({ store: STORE, sale, lines, payments: [], copy: 'original', width: 48 }));
    expect(text.some((l) => l.startsWith('CGST @ 0.125% '))).toBe(true);
    expect(text.some((l) => l.startsWith('Taxable @ 0.25% '))).toBe(true);
  });
});
