import type { DayTotals } from './day-report';
import { pairBlocks, textBlock, type DocBlock, type PrintDocument } from './documents';
import type { ArtisanEarningsFigures } from './earnings';
import { formatRupeesForPrint as rs } from './money';
import { halfRate } from './receipt';
import type { StoreProfile } from './store-profile';
import { formatRate } from './tax';
import { printableDateTime, type BusinessDate } from './time';

/**
 * The day's paper: the X report (totals so far, any time, changes nothing), the Z report
 * (the close: its number, the never-reset grand total and the audit chain's head, so the
 * paper anchors the chain), and an artisan's earnings slip. Latin text only, for thermal
 * paper 48 or 32 characters wide. Each refuses to build when its figures do not add up,
 * as a receipt does: wrong numbers on a close would be signed off by the manager.
 */

const rule: DocBlock = { kind: 'rule', style: 'single' };
const doubleRule: DocBlock = { kind: 'rule', style: 'double' };
const feed: DocBlock = { kind: 'feed', lines: 1 };
const HEX64 = /^[0-9a-f]{64}$/;

const when = (iso: string, timeZone: string): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`"${iso}" is not a date and time`);
  return printableDateTime(d, timeZone);
};

function headline(t: string, width: number): DocBlock {
  const fits = t.split(/\s+/).every((w) => w.length <= Math.floor(width / 2));
  return textBlock(t, { align: 'center', bold: true, double: fits });
}

function storeHeader(store: StoreProfile): DocBlock[] {
  const out = [textBlock(store.name, { align: 'center', bold: true })];
  for (const a of store.addressLines) out.push(textBlock(a, { align: 'center' }));
  out.push(textBlock(`GSTIN ${store.gstin}`, { align: 'center' }));
  return out;
}

/** Every cross-total the report prints must agree with the others. */
export function dayFigureProblems(f: DayTotals): string[] {
  const problems: string[] = [];
  const expect = (what: string, actual: number, wanted: number) => { if (actual !== wanted) problems.push(`${what} is ${actual}, not ${wanted}`); };
  const sum = <T>(xs: readonly T[], pick: (x: T) => number) => xs.reduce((s, x) => s + pick(x), 0);
  expect('net takings', f.netTakings, f.sales - f.returns + f.roundOff);
  expect('the tenders', f.tenders.cash + f.tenders.card + f.tenders.upi, f.netTakings);
  expect('GST', f.tax, sum(f.taxByRate, (r) => r.tax));
  expect('CGST + SGST', f.cgst + f.sgst, f.tax);
  expect('taxable value', f.taxable, sum(f.taxByRate, (r) => r.taxable));
  expect('taxable value + GST', f.taxable + f.tax, f.sales - f.returns);
  for (const r of f.taxByRate) expect(`CGST + SGST at ${formatRate(r.rateBps)}`, r.cgst + r.sgst, r.tax);
  expect('artisans’ sales', sum(f.artisans, (a) => a.gross), f.sales);
  expect('artisans’ returns', sum(f.artisans, (a) => a.returns), f.returns);
  expect('artisans’ net', sum(f.artisans, (a) => a.net), f.artisanNet);
  expect('artisans’ commission', sum(f.artisans, (a) => a.commission), f.commission);
  for (const a of f.artisans) expect(`${a.artisanCode} net`, a.net, a.gross - a.returns - a.tax - a.commission);
  const c = f.cash;
  expect('expected cash', c.expected, c.openingFloat + c.cashTaken - c.changeGiven - c.cashRefunds + c.paidIn - c.paidOut);
  expect('cash tender', f.tenders.cash, c.cashTaken - c.changeGiven - c.cashRefunds);
  if (c.counted !== null) expect('over/short', c.overShort ?? NaN, c.counted - c.expected);
  expect('grand total', f.grandTotal, f.previousGrandTotal + f.sales);
  return problems;
}

function dayBody(f: DayTotals, width: number, detailArtisans: boolean): DocBlock[] {
  const b: DocBlock[] = [];
  const p = (l: string, r: string, bold = false) => b.push(...pairBlocks(l, r, width, bold));
  b.push(textBlock('SALES', { bold: true }));
  p(`Sales (${f.saleCount}, ${f.itemsSold} pcs)`, rs(f.sales));
  p('  incl. discounts', rs(f.discounts));
  p(`Returns (${f.returnCount}, ${f.itemsReturned} pcs)`, rs(-f.returns));
  if (f.roundOff !== 0) p('Round off', rs(f.roundOff));
  p('Net takings', rs(f.netTakings), true);
  b.push(rule, textBlock('GST', { bold: true }));
  for (const r of f.taxByRate) {
    p(`Taxable @ ${formatRate(r.rateBps)}`, rs(r.taxable));
    p(`CGST @ ${halfRate(r.rateBps)}`, rs(r.cgst));
    p(`SGST @ ${halfRate(r.rateBps)}`, rs(r.sgst));
  }
  p('Total GST', rs(f.tax), true);
  b.push(rule, textBlock('TENDERS', { bold: true }));
  p('Cash', rs(f.tenders.cash));
  p('Card', rs(f.tenders.card));
  p('UPI', rs(f.tenders.upi));
  b.push(rule, textBlock('CASH DRAWER', { bold: true }));
  const c = f.cash;
  p('Opening float', rs(c.openingFloat));
  p('+ Cash taken', rs(c.cashTaken));
  p('- Change given', rs(c.changeGiven));
  p('- Cash refunds', rs(c.cashRefunds));
  p('+ Paid in', rs(c.paidIn));
  p('- Paid out', rs(c.paidOut));
  p('Expected in drawer', rs(c.expected), true);
  if (c.counted !== null && c.overShort !== null) {
    p('Counted', rs(c.counted), true);
    p(c.overShort < 0 ? 'SHORT' : c.overShort > 0 ? 'OVER' : 'Over/short', rs(c.overShort), true);
  }
  b.push(rule, textBlock('ARTISANS', { bold: true }));
  p('Commission', rs(f.commission));
  p("Artisans' net", rs(f.artisanNet), true);
  if (detailArtisans) {
    for (const a of f.artisans) {
      b.push(feed, textBlock(`${a.artisanCode} ${a.name}`, { bold: true }));
      p(`  Items ${a.itemsSold}${a.itemsReturned ? `, returned ${a.itemsReturned}` : ''}`, '');
      p('  Gross', rs(a.gross));
      if (a.returns !== 0) p('  Returns', rs(-a.returns));
      p('  GST', rs(a.tax));
      p('  Commission', rs(a.commission));
      p('  Net', rs(a.net), true);
    }
  }
  return b;
}

export interface XReportInput {
  store: StoreProfile;
  figures: DayTotals;
  /** When it is printed: an X report is a snapshot. */
  printedAt: Date;
  width: number;
}

export function buildXReport(input: XReportInput): PrintDocument {
  const { store, figures: f, width } = input;
  const problems = dayFigureProblems(f);
  if (problems.length > 0) throw new RangeError(`X report ${f.businessDate}: ${problems.join('; ')}`);
  const blocks: DocBlock[] = [
    ...storeHeader(store), feed, headline('X REPORT', width), textBlock('Totals so far - the day is not closed', { align: 'center' }), rule,
    ...pairBlocks('Business date', f.businessDate, width), ...pairBlocks('Device', f.deviceId, width),
    ...pairBlocks('Opened', when(f.openedAt, store.timeZone), width),
    ...pairBlocks('Printed', printableDateTime(input.printedAt, store.timeZone), width), rule,
    ...dayBody(f, width, true), doubleRule,
  ];
  return { type: 'report', title: `X ${f.businessDate}`, width, blocks, cut: true };
}

export interface ZReportInput {
  store: StoreProfile;
  /** A closed day's figures. */
  figures: DayTotals;
  /** The audit chain's head hash when the day closed. */
  auditHead: string;
  copy: 'original' | 'duplicate';
  width: number;
}

export function buildZReport(input: ZReportInput): PrintDocument {
  const { store, figures: f, width } = input;
  const problems = dayFigureProblems(f);
  if (f.status !== 'closed' || f.closedAt === null) problems.push('the day is not closed');
  if (f.cash.counted === null) problems.push('the drawer was not counted');
  if (!HEX64.test(input.auditHead)) problems.push('the audit chain head is not a SHA-256 hash');
  if (problems.length > 0) throw new RangeError(`Z report ${f.zNumber}: ${problems.join('; ')}`);
  const headLines: string[] = [];
  for (let i = 0; i < 64; i += width) headLines.push(input.auditHead.slice(i, i + width));
  const blocks: DocBlock[] = [
    ...(input.copy === 'duplicate' ? [headline('DUPLICATE COPY', width), feed] : []),
    ...storeHeader(store), feed, headline(`Z REPORT ${f.zNumber}`, width), rule,
    ...pairBlocks('Z number', String(f.zNumber), width, true),
    ...pairBlocks('Business date', f.businessDate, width), ...pairBlocks('Device', f.deviceId, width),
    ...pairBlocks('Opened', when(f.openedAt, store.timeZone), width),
    ...pairBlocks('Closed', when(f.closedAt!, store.timeZone), width), rule,
    ...dayBody(f, width, true), rule,
    textBlock('GRAND TOTAL (never reset)', { bold: true }),
    ...pairBlocks('Before this day', rs(f.previousGrandTotal), width),
    ...pairBlocks('+ Sales today', rs(f.sales), width),
    ...pairBlocks('Grand total', rs(f.grandTotal), width, true), rule,
    textBlock('Audit chain head (SHA-256)', { bold: true }),
    ...headLines.map((l) => textBlock(l)), doubleRule,
    feed, textBlock('Counted and closed by: ____________'),
  ];
  return { type: 'report', title: `Z ${f.zNumber} ${f.businessDate}`, width, blocks, cut: true };
}

export interface EarningsSlipInput {
  store: StoreProfile;
  artisan: ArtisanEarningsFigures;
  from: BusinessDate;
  to: BusinessDate;
  printedAt: Date;
  width: number;
}

function slipProblems(a: ArtisanEarningsFigures): string[] {
  const problems: string[] = [];
  const expect = (what: string, actual: number, wanted: number) => { if (actual !== wanted) problems.push(`${what} is ${actual}, not ${wanted}`); };
  const sum = <T>(xs: readonly T[], pick: (x: T) => number) => xs.reduce((s, x) => s + pick(x), 0);
  expect('gross', a.gross, sum(a.lines.filter((l) => l.qty > 0), (l) => l.gross));
  expect('returns', a.returns, -sum(a.lines.filter((l) => l.qty < 0), (l) => l.gross));
  expect('GST', a.tax, sum(a.lines, (l) => l.tax));
  expect('commission', a.commission, sum(a.lines, (l) => l.commission));
  expect('net', a.net, sum(a.lines, (l) => l.net));
  expect('net (gross − returns − GST − commission)', a.net, a.gross - a.returns - a.tax - a.commission);
  for (const l of a.lines) expect(`${l.receiptNo} net`, l.net, l.gross - l.tax - l.commission);
  expect('paid', a.paid, sum(a.payouts, (p) => p.amount));
  expect('owed', a.owed, a.broughtForward + a.net - a.paid);
  return problems;
}

/** One artisan's slip for a day or a range: every piece, what she earned, was paid and is owed. */
export function buildEarningsSlip(input: EarningsSlipInput): PrintDocument {
  const { store, artisan: a, width } = input;
  const problems = slipProblems(a);
  if (problems.length > 0) throw new RangeError(`Earnings slip ${a.artisanCode}: ${problems.join('; ')}`);
  const b: DocBlock[] = [...storeHeader(store), feed, headline('EARNINGS SLIP', width), rule];
  const p = (l: string, r: string, bold = false) => b.push(...pairBlocks(l, r, width, bold));
  b.push(textBlock(`${a.artisanCode} ${a.name}`, { bold: true }));
  p('Period', input.from === input.to ? input.from : `${input.from} to ${input.to}`);
  p('Printed', printableDateTime(input.printedAt, store.timeZone));
  b.push(rule);
  a.lines.forEach((l, i) => {
    if (i > 0) b.push(feed);
    b.push(textBlock(`${l.qty < 0 ? 'RETURN ' : ''}${l.qty} x ${l.name}`, { bold: true }));
    p(`  ${when(l.createdAt, store.timeZone)}`, l.receiptNo);
    p('  Price', rs(l.gross));
    p(`  GST ${formatRate(l.taxRateBps)}`, rs(-l.tax));
    p('  Commission', rs(-l.commission));
    p('  Your net', rs(l.net), true);
  });
  if (a.lines.length === 0) b.push(textBlock('No pieces sold in this period.'));
  b.push(rule);
  p(`Sold (${a.itemsSold} pcs)`, rs(a.gross));
  if (a.returns !== 0) p(`Returned (${a.itemsReturned} pcs)`, rs(-a.returns));
  p('GST', rs(-a.tax));
  p('Commission', rs(-a.commission));
  p('EARNED', rs(a.net), true);
  b.push(rule);
  if (a.broughtForward !== 0) p('Owed before', rs(a.broughtForward));
  for (const po of a.payouts) p(`Paid ${po.businessDate} ${po.method === 'bank' ? 'bank' : po.method === 'upi' ? 'UPI' : 'cash'}${po.reference ? ` ${po.reference}` : ''}`, rs(-po.amount));
  p('PAID', rs(a.paid));
  b.push(doubleRule);
  p('STILL OWED', rs(a.owed), true);
  b.push(doubleRule);
  return { type: 'slip', title: `Slip ${a.artisanCode} ${input.from}${input.from === input.to ? '' : `..${input.to}`}`, width, blocks: b, cut: true };
}
