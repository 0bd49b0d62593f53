import type {
  BusinessDayEntity, CashMovementEntity, PaymentEntity, SaleEntity, SaleLineEntity, TenderMethod,
} from './entities';
import { paise, type Paise } from './money';
import type { BusinessDate } from './time';

/**
 * The X and Z figures of one business day, from that day's rows as the store holds them:
 * read-only at any time (X), and the figures a close locks in (Z). One pass over the rows,
 * so a day of thousands of sales costs milliseconds. The rows are checked as they are
 * read: figures built on rows that do not add up would be wrong on paper and upstream.
 */
export interface DayReportInput {
  day: BusinessDayEntity;
  /** Every sale, return and void recorded in the day. */
  sales: readonly SaleEntity[];
  lines: readonly SaleLineEntity[];
  payments: readonly PaymentEntity[];
  cashMovements: readonly CashMovementEntity[];
  /** This device's previous Z (number and grand total); null before the first close. */
  previous: { zNumber: number; grandTotal: Paise } | null;
  /** The blind count at the close, for an open day being closed; a closed day uses its own. */
  counted?: Paise | null;
}

export interface RateFigures {
  rateBps: number;
  /** Net of returns. */
  gross: Paise;
  taxable: Paise;
  tax: Paise;
  cgst: Paise;
  sgst: Paise;
}

/** One sold or returned line, as the artisan's slip and the upload list it. */
export interface ArtisanLineFigures {
  lineId: SaleLineEntity['id'];
  saleId: SaleEntity['id'];
  receiptNo: string;
  kind: SaleEntity['kind'];
  createdAt: string;
  businessDate: BusinessDate;
  sku: string;
  name: string;
  hsn: string;
  /** Negative on returns. */
  qty: number;
  unitPrice: Paise;
  gross: Paise;
  taxRateBps: number;
  taxable: Paise;
  tax: Paise;
  cgst: Paise;
  sgst: Paise;
  commission: Paise;
  net: Paise;
}

/** A stored line as the artisan's slip and the upload list it. */
export function artisanLineFigures(l: SaleLineEntity, s: SaleEntity): ArtisanLineFigures {
  return {
    lineId: l.id, saleId: s.id, receiptNo: s.receiptNo, kind: s.kind, createdAt: s.createdAt, businessDate: l.businessDate,
    sku: l.sku, name: l.name, hsn: l.hsn, qty: l.qty, unitPrice: l.unitPrice, gross: l.gross, taxRateBps: l.taxRateBps,
    taxable: l.taxable, tax: l.tax, cgst: l.cgst, sgst: l.sgst, commission: l.commission, net: l.artisanNet,
  };
}

/** Slips and uploads list lines in the order they were rung up. */
export function compareLineFigures(x: ArtisanLineFigures, y: ArtisanLineFigures): number {
  return x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : x.receiptNo < y.receiptNo ? -1 : x.receiptNo > y.receiptNo ? 1 : 0;
}

/** What an artisan's lines add up to: the day report's rows and the earnings' rows both count these. */
export interface ArtisanLineTotals {
  itemsSold: number;
  itemsReturned: number;
  /** Her sale lines' gross. */
  gross: Paise;
  /** Minus her return lines' gross (positive). */
  returns: Paise;
  /** Net of returns, like commission and net. */
  tax: Paise;
  commission: Paise;
  /** gross − returns − tax − commission. */
  net: Paise;
}

export const noArtisanLineTotals = (): ArtisanLineTotals => ({
  itemsSold: 0, itemsReturned: 0, gross: paise(0), returns: paise(0), tax: paise(0), commission: paise(0), net: paise(0),
});

/** Adds one of her stored lines: a sale line to what she sold, a return line (qty and gross negative) to her returns. */
export function addArtisanLine(into: ArtisanLineTotals, l: SaleLineEntity): void {
  if (l.qty > 0) { into.itemsSold += l.qty; into.gross = (into.gross + l.gross) as Paise; } else { into.itemsReturned -= l.qty; into.returns = (into.returns - l.gross) as Paise; }
  into.tax = (into.tax + l.tax) as Paise;
  into.commission = (into.commission + l.commission) as Paise;
  into.net = (into.net + l.artisanNet) as Paise;
}

export interface ArtisanFigures extends ArtisanLineTotals {
  artisanId: string;
  artisanCode: string;
  /** As the latest of her lines names her. */
  name: string;
  fairWageCertified: boolean;
  lines: ArtisanLineFigures[];
}

export interface CashFigures {
  openingFloat: Paise;
  /** Cash handed over by buyers. */
  cashTaken: Paise;
  changeGiven: Paise;
  /** Cash given back on returns (positive). */
  cashRefunds: Paise;
  paidIn: Paise;
  /** Includes artisans' payouts in cash. */
  paidOut: Paise;
  /** float + cash taken − change given − cash refunds + paid-in − paid-out. */
  expected: Paise;
  counted: Paise | null;
  /** counted − expected; null until counted. */
  overShort: Paise | null;
}

export interface DayFigures {
  dayId: string;
  businessDate: BusinessDate;
  deviceId: string;
  status: BusinessDayEntity['status'];
  /** The Z number of a closed day; for an open day, the number its close will take. */
  zNumber: number;
  openedAt: string;
  closedAt: string | null;
  saleCount: number;
  /** Returns and voids. */
  returnCount: number;
  itemsSold: number;
  itemsReturned: number;
  /** Gross of the sale lines (GST-inclusive, after discount). */
  sales: Paise;
  /** Discounts on the sale lines: already inside `sales`. */
  discounts: Paise;
  /** Minus the return lines' gross (positive). */
  returns: Paise;
  /** Cash rounding over every record, returns included. */
  roundOff: Paise;
  /** sales − returns + roundOff: what the tenders took, net. */
  netTakings: Paise;
  /** Net of returns from here on. */
  taxable: Paise;
  tax: Paise;
  cgst: Paise;
  sgst: Paise;
  commission: Paise;
  artisanNet: Paise;
  taxByRate: RateFigures[];
  /** Per method, net of change and refunds. */
  tenders: Record<TenderMethod, Paise>;
  cash: CashFigures;
  artisans: ArtisanFigures[];
  previousGrandTotal: Paise;
  /** Previous grand total + this day's sales: never reset, never falls. */
  grandTotal: Paise;
}

export class DayRowsError extends RangeError {
  constructor(readonly problems: readonly string[]) {
    super(`The day's records do not add up: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
  }
}

interface Acc { gross: number; taxable: number; tax: number; cgst: number; sgst: number }

export function dayFigures(input: DayReportInput): DayFigures {
  const { day } = input;
  const problems: string[] = [];
  const foreign = (row: { dayId?: string; businessDate: BusinessDate }) =>
    (row.dayId !== undefined ? row.dayId !== day.id : row.businessDate !== day.businessDate);

  const sales = new Map<string, { sale: SaleEntity; gross: number; paid: number; hasPayments: boolean }>();
  let saleCount = 0;
  let returnCount = 0;
  let roundOff = 0;
  for (const s of input.sales) {
    if (foreign(s)) problems.push(`${s.receiptNo} belongs to another day`);
    if (sales.has(s.id)) problems.push(`${s.receiptNo} is listed twice`);
    sales.set(s.id, { sale: s, gross: 0, paid: 0, hasPayments: false });
    if (s.kind === 'sale') saleCount++; else returnCount++;
    roundOff += s.roundOff;
  }

  let itemsSold = 0, itemsReturned = 0, salesGross = 0, discounts = 0, returns = 0, commission = 0;
  const total: Acc = { gross: 0, taxable: 0, tax: 0, cgst: 0, sgst: 0 };
  const byRate = new Map<number, Acc>();
  const artisans = new Map<string, ArtisanFigures & { latest: string }>();
  for (const l of input.lines) {
    const owner = sales.get(l.saleId);
    if (!owner) { problems.push(`line ${l.id} has no sale in the day`); continue; }
    const s = owner.sale;
    if (foreign(l)) problems.push(`line ${l.lineNo} of ${s.receiptNo} belongs to another day`);
    if ((s.kind === 'sale') !== (l.qty > 0) || l.qty === 0) problems.push(`line ${l.lineNo} of ${s.receiptNo} has quantity ${l.qty} on a ${s.kind}`);
    if (l.unitPrice * l.qty - l.discount !== l.gross || l.taxable + l.tax !== l.gross || l.cgst + l.sgst !== l.tax || l.taxable - l.commission !== l.artisanNet) {
      problems.push(`line ${l.lineNo} of ${s.receiptNo} breaks a line identity`);
    }
    owner.gross += l.gross;
    if (l.qty > 0) { itemsSold += l.qty; salesGross += l.gross; discounts += l.discount; } else { itemsReturned -= l.qty; returns -= l.gross; }
    commission += l.commission;
    total.gross += l.gross; total.taxable += l.taxable; total.tax += l.tax; total.cgst += l.cgst; total.sgst += l.sgst;
    const r = byRate.get(l.taxRateBps) ?? { gross: 0, taxable: 0, tax: 0, cgst: 0, sgst: 0 };
    r.gross += l.gross; r.taxable += l.taxable; r.tax += l.tax; r.cgst += l.cgst; r.sgst += l.sgst;
    byRate.set(l.taxRateBps, r);

    let a = artisans.get(l.artisanId);
    if (!a) {
      a = {
        artisanId: l.artisanId, artisanCode: l.artisanCode, name: l.artisanName, fairWageCertified: l.fairWageCertified,
        ...noArtisanLineTotals(), lines: [], latest: s.createdAt,
      };
      artisans.set(l.artisanId, a);
    } else if (s.createdAt >= a.latest) {
      a.latest = s.createdAt; a.name = l.artisanName; a.fairWageCertified = l.fairWageCertified; a.artisanCode = l.artisanCode;
    }
    addArtisanLine(a, l);
    a.lines.push(artisanLineFigures(l, s));
  }

  const tenders = { cash: 0, card: 0, upi: 0 };
  let cashTaken = 0, changeGiven = 0, cashRefunds = 0;
  for (const p of input.payments) {
    const owner = sales.get(p.saleId);
    if (!owner) { problems.push(`payment ${p.id} has no sale in the day`); continue; }
    if (foreign(p)) problems.push(`a payment of ${owner.sale.receiptNo} belongs to another day`);
    owner.paid += p.amount;
    owner.hasPayments = true;
    tenders[p.method] += p.amount;
    if (p.method !== 'cash') continue;
    if (p.amount < 0) { cashRefunds -= p.amount; continue; }
    const handed = p.tendered ?? p.amount;
    const change = p.change ?? 0;
    if (handed - change !== p.amount) problems.push(`the cash of ${owner.sale.receiptNo} is not what was handed over less change`);
    cashTaken += handed;
    changeGiven += change;
  }
  for (const { sale, gross, paid, hasPayments } of sales.values()) {
    if (gross !== sale.gross) problems.push(`the lines of ${sale.receiptNo} do not make its gross`);
    if (sale.gross + sale.roundOff !== sale.total) problems.push(`${sale.receiptNo}: gross plus round-off is not its total`);
    if ((hasPayments || sale.total !== 0) && paid !== sale.total) problems.push(`the payments of ${sale.receiptNo} do not make its total`);
  }

  let paidIn = 0, paidOut = 0;
  for (const m of input.cashMovements) {
    if (m.dayId !== day.id) problems.push(`cash movement ${m.id} belongs to another day`);
    if (!Number.isSafeInteger(m.amount) || m.amount <= 0) problems.push(`cash movement ${m.id} has no positive amount`);
    if (m.kind === 'paid-in') paidIn += m.amount; else paidOut += m.amount;
  }

  const zNumber = day.status === 'closed' ? day.zNumber : (input.previous?.zNumber ?? 0) + 1;
  if (day.status === 'closed' && input.previous && input.previous.zNumber + 1 !== day.zNumber) {
    problems.push(`Z ${day.zNumber} does not follow the previous Z ${input.previous.zNumber}`);
  }
  const previousGrandTotal = input.previous?.grandTotal ?? 0;
  const grandTotal = previousGrandTotal + salesGross;
  const expected = day.openingFloat + cashTaken - changeGiven - cashRefunds + paidIn - paidOut;
  const counted = day.status === 'closed' ? day.countedCash : input.counted ?? null;
  if (day.status === 'closed') {
    if (day.expectedCash !== expected) problems.push(`the expected cash was ${day.expectedCash} at the close but the rows give ${expected}`);
    if (day.grandTotal !== grandTotal) problems.push(`the grand total was ${day.grandTotal} at the close but the rows give ${grandTotal}`);
    if (day.overShort !== day.countedCash - expected) problems.push(`the over/short recorded at the close is not the count less the expected cash`);
  }
  if (problems.length > 0) throw new DayRowsError(problems);

  const artisanList = [...artisans.values()]
    .map(({ latest: _latest, ...a }) => ({ ...a, lines: a.lines.sort(compareLineFigures) }))
    .sort((x, y) => (x.artisanCode < y.artisanCode ? -1 : x.artisanCode > y.artisanCode ? 1 : 0));

  return {
    dayId: day.id, businessDate: day.businessDate, deviceId: day.deviceId, status: day.status, zNumber,
    openedAt: day.openedAt, closedAt: day.status === 'closed' ? day.closedAt : null,
    saleCount, returnCount, itemsSold, itemsReturned,
    sales: paise(salesGross), discounts: paise(discounts), returns: paise(returns), roundOff: paise(roundOff),
    netTakings: paise(salesGross - returns + roundOff),
    taxable: paise(total.taxable), tax: paise(total.tax), cgst: paise(total.cgst), sgst: paise(total.sgst),
    commission: paise(commission), artisanNet: paise(total.taxable - commission),
    taxByRate: [...byRate.entries()].sort(([x], [y]) => x - y).map(([rateBps, r]) => ({
      rateBps, gross: paise(r.gross), taxable: paise(r.taxable), tax: paise(r.tax), cgst: paise(r.cgst), sgst: paise(r.sgst),
    })),
    tenders: { cash: paise(tenders.cash), card: paise(tenders.card), upi: paise(tenders.upi) },
    cash: {
      openingFloat: day.openingFloat, cashTaken: paise(cashTaken), changeGiven: paise(changeGiven), cashRefunds: paise(cashRefunds),
      paidIn: paise(paidIn), paidOut: paise(paidOut), expected: paise(expected),
      counted, overShort: counted === null ? null : paise(counted - expected),
    },
    artisans: artisanList,
    previousGrandTotal: paise(previousGrandTotal), grandTotal: paise(grandTotal),
  };
}
