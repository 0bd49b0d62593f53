import type { DocBlock, PrintDocument } from './documents';
import { makerQrBlocks } from './maker-story';
import type { PaymentEntity, SaleEntity, SaleLineEntity } from './entities';
import { formatRupeesForPrint as rs, sumPaise } from './money';
import type { StoreProfile } from './store-profile';
import { formatRate } from './tax';
import { printableDateTime } from './time';
import { receiptApproxLines, type TouristAmount } from './tourist-currency';

/**
 * The customer's receipt: a GST rule 46 tax invoice (or, for a return or a void, a credit
 * note against the original invoice), built as a print document for both the printer and
 * the on-screen preview. It also tells the tourist who made each piece, which pieces are
 * handmade, which artisans are fair-wage certified and how much of the price reaches them.
 */
export interface ReceiptInput {
  store: StoreProfile;
  sale: SaleEntity;
  lines: readonly SaleLineEntity[];
  payments: readonly PaymentEntity[];
  copy: 'original' | 'duplicate';
  /** Characters per line: 48 for 80 mm paper, 32 for 58 mm. */
  width: number;
  /** Returns and voids: the invoice number of the sale they reverse, when known. */
  originalReceiptNo?: string | null;
  /** Returns and voids: when that invoice was issued (ISO 8601), printed beside its number (GST rule 53). */
  originalIssuedAt?: string | null;
  /** The total in tourist currencies, printed as "approx." under it (sales only; never changes an INR amount). */
  approx?: readonly TouristAmount[];
}

export const HANDMADE_MARK = '[HM]';
export const FAIR_WAGE_MARK = '[FW]';

type Block = DocBlock;

const text = (t: string, opts: { align?: 'left' | 'center' | 'right'; bold?: boolean; double?: boolean } = {}): Block => ({
  kind: 'text', text: t, align: opts.align ?? 'left', bold: opts.bold ?? false, size: opts.double ? 'double' : 'normal',
});

/**
 * A label with a value flush right. When both do not fit one line, the label gets its own
 * line(s) and the value a line of its own, so an amount is never cut.
 */
function pair(left: string, right: string, width: number, bold = false): Block[] {
  if (left.length + 1 + right.length <= width) return [{ kind: 'pair', left, right, bold }];
  if (right.length + 1 > width) return [text(left, { bold }), text(right, { bold, align: 'right' })];
  return [text(left.trim(), { bold }), { kind: 'pair', left: '', right, bold }];
}

/** Double size where every word fits half the line; otherwise bold at normal size. */
function headline(t: string, width: number, align: 'center' | 'right' = 'center'): Block {
  const fits = t.split(/\s+/).every((w) => w.length <= Math.floor(width / 2));
  return text(t, { align, bold: true, double: fits });
}

/** CGST and SGST are each half the GST rate: 500 → "2.5%", 25 → "0.125%". */
export function halfRate(rateBps: number): string {
  if (rateBps % 2 === 0) return formatRate(rateBps / 2);
  const thousandths = rateBps * 5; // (bps / 2) hundredths of a percent = bps × 5 thousandths
  const whole = Math.floor(thousandths / 1000);
  const fraction = String(thousandths % 1000).padStart(3, '0').replace(/0+$/, '');
  return `${whole}.${fraction}%`;
}

interface RateGroup { rateBps: number; taxable: number; cgst: number; sgst: number }

/**
 * A printed invoice is a legal document: if the stored amounts do not add up, printing
 * them would put wrong numbers in front of the buyer and the tax officer, so refuse.
 */
function checkAmounts(sale: SaleEntity, lines: readonly SaleLineEntity[], payments: readonly PaymentEntity[]): void {
  const fail = (what: string): never => {
    throw new RangeError(`Receipt ${sale.receiptNo}: ${what}; the sale record is inconsistent and cannot be printed`);
  };
  if (lines.length === 0) fail('it has no lines');
  for (const l of lines) {
    if (l.unitPrice * l.qty - l.discount !== l.gross) fail(`line ${l.lineNo} gross is not quantity × price − discount`);
    if (l.cgst + l.sgst !== l.tax) fail(`line ${l.lineNo} CGST + SGST is not its GST`);
    if (l.taxable + l.tax !== l.gross) fail(`line ${l.lineNo} taxable value + GST is not its gross`);
  }
  if (sumPaise(lines, (l) => l.gross) + sale.roundOff !== sale.total) fail('the lines plus round-off do not make the total');
  if (sumPaise(lines, (l) => l.tax) !== sale.tax) fail('the lines’ GST does not make the sale’s GST');
  if (sumPaise(lines, (l) => l.taxable) !== sale.taxable) fail('the lines’ taxable values do not make the sale’s');
  if (payments.length > 0 && sumPaise(payments, (p) => p.amount) !== sale.total) fail('the payments do not make the total');
}

function itemBlocks(line: SaleLineEntity, n: number, width: number): Block[] {
  const blocks: Block[] = [
    text(`${n}. ${line.name}${line.handmade ? ` ${HANDMADE_MARK}` : ''}`, { bold: true }),
    text(`by ${line.artisanName}${line.fairWageCertified ? ` ${FAIR_WAGE_MARK}` : ''}`),
    text(`HSN ${line.hsn}, GST ${formatRate(line.taxRateBps)}`),
    ...pair(`${line.qty} x ${rs(line.unitPrice)}`, rs(line.unitPrice * line.qty), width),
  ];
  if (line.discount !== 0) blocks.push(...pair('Discount', rs(-line.discount), width));
  return blocks;
}

function paymentBlocks(payments: readonly PaymentEntity[], refund: boolean, width: number): Block[] {
  const blocks: Block[] = [];
  for (const p of payments) {
    const ref = p.reference ? ` ref ${p.reference}` : '';
    const label = {
      cash: refund ? 'Refund in cash' : 'Cash',
      card: refund ? `Refund to card${ref}` : `Card${ref}`,
      upi: refund ? `Refund by UPI${ref}` : `UPI${ref}`,
    }[p.method];
    blocks.push(...pair(label, rs(p.amount), width));
    if (p.method === 'cash' && p.tendered !== null && !refund) {
      blocks.push(...pair('  Cash received', rs(p.tendered), width));
      blocks.push(...pair('  Change', rs(p.change ?? 0), width));
    }
  }
  return blocks;
}

/** Tourist currencies (issue 12): each amount and its rate, right-aligned under the total, then a rule. */
function approxBlocks(amounts: readonly TouristAmount[]): Block[] {
  const blocks: Block[] = [];
  for (const amount of amounts) {
    const [value, rate] = receiptApproxLines(amount);
    blocks.push(text(value, { align: 'right', bold: true }), text(rate, { align: 'right' }));
  }
  blocks.push({ kind: 'rule', style: 'single' });
  return blocks;
}

export function buildReceipt(input: ReceiptInput): PrintDocument {
  const { store, sale, payments, width } = input;
  const lines = [...input.lines].sort((a, b) => a.lineNo - b.lineNo);
  checkAmounts(sale, lines, payments);
  const createdAt = new Date(sale.createdAt);
  if (Number.isNaN(createdAt.getTime())) throw new RangeError(`Receipt ${sale.receiptNo}: "${sale.createdAt}" is not a date and time`);

  const creditNote = sale.kind !== 'sale';
  const duplicate = input.copy === 'duplicate';
  const rule: Block = { kind: 'rule', style: 'single' };
  const doubleRule: Block = { kind: 'rule', style: 'double' };
  const blocks: Block[] = [];

  if (duplicate) blocks.push(headline('DUPLICATE COPY', width), { kind: 'feed', lines: 1 });
  blocks.push(headline(store.name, width));
  for (const a of store.addressLines) blocks.push(text(a, { align: 'center' }));
  if (store.phone.trim()) blocks.push(text(`Phone ${store.phone}`, { align: 'center' }));
  blocks.push(text(`GSTIN ${store.gstin}`, { align: 'center' }));
  blocks.push({ kind: 'feed', lines: 1 });
  blocks.push(text(creditNote ? 'CREDIT NOTE' : 'TAX INVOICE', { align: 'center', bold: true }));
  if (sale.kind === 'void') blocks.push(text('(sale cancelled)', { align: 'center' }));
  blocks.push(rule);

  blocks.push(...pair(creditNote ? 'Credit note No.' : 'Invoice No.', sale.receiptNo, width, true));
  if (creditNote && input.originalReceiptNo) blocks.push(...pair('Against invoice', input.originalReceiptNo, width));
  if (creditNote && input.originalIssuedAt) {
    const issued = new Date(input.originalIssuedAt);
    if (Number.isNaN(issued.getTime())) throw new RangeError(`Receipt ${sale.receiptNo}: "${input.originalIssuedAt}" is not a date and time`);
    blocks.push(...pair('Invoice date', printableDateTime(issued, store.timeZone), width));
  }
  blocks.push(...pair('Date', printableDateTime(createdAt, store.timeZone), width));
  blocks.push(...pair('Served by', sale.operatorName, width));
  blocks.push(rule);

  lines.forEach((line, i) => {
    if (i > 0) blocks.push({ kind: 'feed', lines: 1 });
    blocks.push(...itemBlocks(line, i + 1, width));
  });
  blocks.push(rule);

  const groups = new Map<number, RateGroup>();
  for (const l of lines) {
    const g = groups.get(l.taxRateBps) ?? { rateBps: l.taxRateBps, taxable: 0, cgst: 0, sgst: 0 };
    g.taxable += l.taxable;
    g.cgst += l.cgst;
    g.sgst += l.sgst;
    groups.set(l.taxRateBps, g);
  }
  for (const g of [...groups.values()].sort((a, b) => a.rateBps - b.rateBps)) {
    blocks.push(...pair(`Taxable @ ${formatRate(g.rateBps)}`, rs(g.taxable), width));
    blocks.push(...pair(`CGST @ ${halfRate(g.rateBps)}`, rs(g.cgst), width));
    blocks.push(...pair(`SGST @ ${halfRate(g.rateBps)}`, rs(g.sgst), width));
  }
  if (sale.roundOff !== 0) blocks.push(...pair('Round off', rs(sale.roundOff), width));
  blocks.push(doubleRule);
  const totalLabel = 'TOTAL';
  const totalText = `${totalLabel} ${rs(sale.total)}`;
  if (rs(sale.total).length <= Math.floor(width / 2)) {
    if (totalText.length <= Math.floor(width / 2)) blocks.push(text(totalText, { align: 'right', bold: true, double: true }));
    else blocks.push(text(totalLabel, { align: 'right', bold: true, double: true }), text(rs(sale.total), { align: 'right', bold: true, double: true }));
  } else {
    blocks.push(...pair(totalLabel, rs(sale.total), width, true));
  }
  blocks.push(doubleRule);
  if (!creditNote && input.approx && input.approx.length > 0) blocks.push(...approxBlocks(input.approx));

  if (payments.length > 0) {
    blocks.push(...paymentBlocks(payments, creditNote, width));
    blocks.push(rule);
  }

  if (!creditNote && sale.artisanNet > 0) {
    blocks.push(text(`${rs(sale.artisanNet)} of this goes to the artisans who made it.`, { align: 'center', bold: true }));
  }
  const legend: string[] = [];
  if (lines.some((l) => l.handmade)) legend.push(`${HANDMADE_MARK} handmade`);
  if (lines.some((l) => l.fairWageCertified)) legend.push(`${FAIR_WAGE_MARK} made by a fair-wage certified artisan`);
  if (legend.length > 0) {
    blocks.push({ kind: 'feed', lines: 1 });
    for (const l of legend) blocks.push(text(l));
  }

  // The makers' stories on the web shop (issue 12): a sale's receipt only, since a credit
  // note is not something a tourist keeps to read about the piece she bought.
  if (!creditNote) blocks.push(...makerQrBlocks(lines, store.webShopStoryPattern, store.receiptMakerQr, width));

  blocks.push({ kind: 'feed', lines: 1 });
  blocks.push({ kind: 'barcode', symbology: 'code128', data: sale.receiptNo, showText: true });
  if (store.footer.trim()) blocks.push({ kind: 'feed', lines: 1 }, text(store.footer, { align: 'center' }));
  if (duplicate) blocks.push({ kind: 'feed', lines: 1 }, headline('DUPLICATE COPY', width));

  return { type: 'receipt', title: sale.receiptNo, width, blocks, cut: true };
}
