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

const noAcc = (): Acc => ({ gross: 0, taxable: 0, tax: 0, cgst: 0, sgst: 0 });

/** A tally's sums for one HSN at one rate. */
export interface HsnAcc extends Acc { hsn: string; rateBps: number; qty: number }

/** The key of a line's HSN and rate in a tally's `byHsn`. */
export function hsnRateKey(hsn: string, rateBps: number): string {
  return `${hsn}|${rateBps}`;
}

/** An artisan's totals in a tally, with what her latest line says about her. */
export interface ArtisanTally extends ArtisanLineTotals {
  artisanId: string;
  artisanCode: string;
  name: string;
  fairWageCertified: boolean;
  /** createdAt of the latest record her name was taken from. */
  latest: string;
}

/**
 * The running sums behind a day's figures, as plain data (the store keeps one per day in
 * `daySummaries`, updated inside each sale's, return's and cash movement's own
 * transaction). dayFigures folds the day's rows into one of these, and so does the
 * store, one record at a time: both give the same totals, to the paisa, because they
 * are the same additions.
 */
export interface DayTally {
  saleCount: number;
  returnCount: number;
  roundOff: number;
  itemsSold: number;
  itemsReturned: number;
  salesGross: number;
  discounts: number;
  returns: number;
  commission: number;
  total: Acc;
  /** Keyed by the rate in basis points. */
  byRate: Record<string, Acc>;
  /**
   * Keyed by `hsnRateKey` (HSN and rate: one HSN can be sold at two slabs), with pieces net
   * of returns: the GST month's HSN summary adds these up instead of reading the month's lines.
   */
  byHsn: Record<string, HsnAcc>;
  tenders: Record<TenderMethod, number>;
  cashTaken: number;
  changeGiven: number;
  cashRefunds: number;
  paidIn: number;
  paidOut: number;
  /** Keyed by artisan id. */
  artisans: Record<string, ArtisanTally>;
}

export function emptyDayTally(): DayTally {
  return {
    saleCount: 0, returnCount: 0, roundOff: 0, itemsSold: 0, itemsReturned: 0, salesGross: 0, discounts: 0, returns: 0, commission: 0,
    total: noAcc(), byRate: {}, byHsn: {}, tenders: { cash: 0, card: 0, upi: 0 }, cashTaken: 0, changeGiven: 0, cashRefunds: 0, paidIn: 0, paidOut: 0,
    artisans: {},
  };
}

function addAcc(into: Acc, l: SaleLineEntity): void {
  into.gross += l.gross; into.taxable += l.taxable; into.tax += l.tax; into.cgst += l.cgst; into.sgst += l.sgst;
}

/** Counts one sale, return or void record (not its lines or payments). */
function tallySale(t: DayTally, s: SaleEntity): void {
  if (s.kind === 'sale') t.saleCount++; else t.returnCount++;
  t.roundOff += s.roundOff;
}

/** Adds one line of the record `s`; the artisan's name, code and certificate follow her latest line. */
function tallyLine(t: DayTally, l: SaleLineEntity, s: SaleEntity): ArtisanTally {
  if (l.qty > 0) { t.itemsSold += l.qty; t.salesGross += l.gross; t.discounts += l.discount; } else { t.itemsReturned -= l.qty; t.returns -= l.gross; }
  t.commission += l.commission;
  addAcc(t.total, l);
  addAcc(t.byRate[l.taxRateBps] ??= noAcc(), l);
  const hsn = t.byHsn[hsnRateKey(l.hsn, l.taxRateBps)] ??= { hsn: l.hsn, rateBps: l.taxRateBps, qty: 0, ...noAcc() };
  addAcc(hsn, l);
  hsn.qty += l.qty;
  let a = t.artisans[l.artisanId];
  if (!a) {
    a = {
      artisanId: l.artisanId, artisanCode: l.artisanCode, name: l.artisanName, fairWageCertified: l.fairWageCertified,
      ...noArtisanLineTotals(), latest: s.createdAt,
    };
    t.artisans[l.artisanId] = a;
  } else if (s.createdAt >= a.latest) {
    a.latest = s.createdAt; a.name = l.artisanName; a.fairWageCertified = l.fairWageCertified; a.artisanCode = l.artisanCode;
  }
  addArtisanLine(a, l);
  return a;
}

/** Adds one payment; a cash payment whose handed-over amount less change is not its amount is a problem. */
function tallyPayment(t: DayTally, p: PaymentEntity): boolean {
  t.tenders[p.method] += p.amount;
  if (p.method !== 'cash') return true;
  if (p.amount < 0) { t.cashRefunds -= p.amount; return true; }
  const handed = p.tendered ?? p.amount;
  const change = p.change ?? 0;
  t.cashTaken += handed;
  t.changeGiven += change;
  return handed - change === p.amount;
}

function movementProblem(m: CashMovementEntity, dayId: string): string | null {
  if (m.dayId !== dayId) return `cash movement ${m.id} belongs to another day`;
  if (!Number.isSafeInteger(m.amount) || m.amount <= 0) return `cash movement ${m.id} has no positive amount`;
  return null;
}

function tallyMovement(t: DayTally, m: CashMovementEntity): void {
  if (m.kind === 'paid-in') t.paidIn += m.amount; else t.paidOut += m.amount;
}

/** `paid` null: the record's payments were not read (their sums come from the day's summary, checked when each was written). */
function saleProblems(sale: SaleEntity, gross: number, paid: number | null, hasPayments: boolean): string[] {
  const problems: string[] = [];
  if (gross !== sale.gross) problems.push(`the lines of ${sale.receiptNo} do not make its gross`);
  if (sale.gross + sale.roundOff !== sale.total) problems.push(`${sale.receiptNo}: gross plus round-off is not its total`);
  if (paid !== null && (hasPayments || sale.total !== 0) && paid !== sale.total) problems.push(`the payments of ${sale.receiptNo} do not make its total`);
  return problems;
}

function lineProblems(l: SaleLineEntity, s: SaleEntity, problems: string[]): void {
  if ((s.kind === 'sale') !== (l.qty > 0) || l.qty === 0) problems.push(`line ${l.lineNo} of ${s.receiptNo} has quantity ${l.qty} on a ${s.kind}`);
  if (l.unitPrice * l.qty - l.discount !== l.gross || l.taxable + l.tax !== l.gross || l.cgst + l.sgst !== l.tax || l.taxable - l.commission !== l.artisanNet) {
    problems.push(`line ${l.lineNo} of ${s.receiptNo} breaks a line identity`);
  }
}

/**
 * Adds one committed record (a sale, return or void, with all its lines and payments) to
 * the day's running tally, as its transaction writes it. Returns a new tally; a record
 * whose rows do not add up throws DayRowsError, so its transaction writes nothing.
 */
export function tallyRecord(
  tally: DayTally, record: { sale: SaleEntity; lines: readonly SaleLineEntity[]; payments: readonly PaymentEntity[] },
): DayTally {
  const t = cloneTally(tally);
  const problems: string[] = [];
  const { sale } = record;
  tallySale(t, sale);
  let gross = 0, paid = 0;
  for (const l of record.lines) {
    if (l.saleId !== sale.id) { problems.push(`line ${l.id} has no sale in the day`); continue; }
    lineProblems(l, sale, problems);
    gross += l.gross;
    tallyLine(t, l, sale);
  }
  for (const p of record.payments) {
    if (p.saleId !== sale.id) { problems.push(`payment ${p.id} has no sale in the day`); continue; }
    paid += p.amount;
    if (!tallyPayment(t, p)) problems.push(`the cash of ${sale.receiptNo} is not what was handed over less change`);
  }
  problems.push(...saleProblems(sale, gross, paid, record.payments.length > 0));
  if (problems.length > 0) throw new DayRowsError(problems);
  return t;
}

/** Adds a paid-in or paid-out of the day `dayId` to its running tally. Returns a new tally. */
export function tallyCashMovement(tally: DayTally, movement: CashMovementEntity, dayId: string): DayTally {
  const problem = movementProblem(movement, dayId);
  if (problem) throw new DayRowsError([problem]);
  const t = cloneTally(tally);
  tallyMovement(t, movement);
  return t;
}

function cloneTally(t: DayTally): DayTally {
  const artisans: Record<string, ArtisanTally> = {};
  for (const [id, a] of Object.entries(t.artisans)) artisans[id] = { ...a };
  const byRate: Record<string, Acc> = {};
  for (const [rate, r] of Object.entries(t.byRate)) byRate[rate] = { ...r };
  const byHsn: Record<string, HsnAcc> = {};
  for (const [key, h] of Object.entries(t.byHsn)) byHsn[key] = { ...h };
  return { ...t, total: { ...t.total }, byRate, byHsn, tenders: { ...t.tenders }, artisans };
}

/** A day's figures without each artisan's lines: what the X and Z reports print. */
export type ArtisanDayTotals = Omit<ArtisanFigures, 'lines'>;
export type DayTotals = Omit<DayFigures, 'artisans'> & { artisans: ArtisanDayTotals[] };

/** What the day's own row and the previous Z add to a tally, as dayFigures takes them. */
export type DayTotalsContext = Pick<DayReportInput, 'day' | 'previous' | 'counted'>;

/**
 * The X or Z totals of a day from its tally. A closed day's figures must be those its
 * close recorded (expected cash, grand total, over/short); otherwise DayRowsError.
 */
export function dayTotalsFromTally(t: DayTally, context: DayTotalsContext): DayTotals {
  const problems: string[] = [];
  const totals = totalsOf(t, context, problems);
  if (problems.length > 0) throw new DayRowsError(problems);
  return totals;
}

function totalsOf(t: DayTally, { day, previous, counted: countedAtClose }: DayTotalsContext, problems: string[]): DayTotals {
  const zNumber = day.status === 'closed' ? day.zNumber : (previous?.zNumber ?? 0) + 1;
  if (day.status === 'closed' && previous && previous.zNumber + 1 !== day.zNumber) {
    problems.push(`Z ${day.zNumber} does not follow the previous Z ${previous.zNumber}`);
  }
  const previousGrandTotal = previous?.grandTotal ?? 0;
  const grandTotal = previousGrandTotal + t.salesGross;
  const expected = day.openingFloat + t.cashTaken - t.changeGiven - t.cashRefunds + t.paidIn - t.paidOut;
  const counted = day.status === 'closed' ? day.countedCash : countedAtClose ?? null;
  if (day.status === 'closed') {
    if (day.expectedCash !== expected) problems.push(`the expected cash was ${day.expectedCash} at the close but the rows give ${expected}`);
    if (day.grandTotal !== grandTotal) problems.push(`the grand total was ${day.grandTotal} at the close but the rows give ${grandTotal}`);
    if (day.overShort !== day.countedCash - expected) problems.push(`the over/short recorded at the close is not the count less the expected cash`);
  }
  const artisans = Object.values(t.artisans)
    .map(({ latest: _latest, ...a }): ArtisanDayTotals => ({ ...a }))
    .sort((x, y) => (x.artisanCode < y.artisanCode ? -1 : x.artisanCode > y.artisanCode ? 1 : 0));
  return {
    dayId: day.id, businessDate: day.businessDate, deviceId: day.deviceId, status: day.status, zNumber,
    openedAt: day.openedAt, closedAt: day.status === 'closed' ? day.closedAt : null,
    saleCount: t.saleCount, returnCount: t.returnCount, itemsSold: t.itemsSold, itemsReturned: t.itemsReturned,
    sales: paise(t.salesGross), discounts: paise(t.discounts), returns: paise(t.returns), roundOff: paise(t.roundOff),
    netTakings: paise(t.salesGross - t.returns + t.roundOff),
    taxable: paise(t.total.taxable), tax: paise(t.total.tax), cgst: paise(t.total.cgst), sgst: paise(t.total.sgst),
    commission: paise(t.commission), artisanNet: paise(t.total.taxable - t.commission),
    taxByRate: Object.entries(t.byRate).map(([rate, r]) => ({ rateBps: Number(rate), r })).sort((x, y) => x.rateBps - y.rateBps).map(({ rateBps, r }) => ({
      rateBps, gross: paise(r.gross), taxable: paise(r.taxable), tax: paise(r.tax), cgst: paise(r.cgst), sgst: paise(r.sgst),
    })),
    tenders: { cash: paise(t.tenders.cash), card: paise(t.tenders.card), upi: paise(t.tenders.upi) },
    cash: {
      openingFloat: day.openingFloat, cashTaken: paise(t.cashTaken), changeGiven: paise(t.changeGiven), cashRefunds: paise(t.cashRefunds),
      paidIn: paise(t.paidIn), paidOut: paise(t.paidOut), expected: paise(expected),
      counted, overShort: counted === null ? null : paise(counted - expected),
    },
    artisans,
    previousGrandTotal: paise(previousGrandTotal), grandTotal: paise(grandTotal),
  };
}

/**
 * The day's rows folded into its tally, checking every row as it goes (each belongs to
 * the day, is listed once, keeps the line identities; each record's lines and payments
 * make its totals). Problems are collected into `problems`.
 */
function foldRows(
  input: DayReportInput, problems: string[], onLine?: (l: SaleLineEntity, s: SaleEntity, a: ArtisanTally) => void, paymentsRead = true,
): DayTally {
  const { day } = input;
  const foreign = (row: { dayId?: string; businessDate: BusinessDate }) =>
    (row.dayId !== undefined ? row.dayId !== day.id : row.businessDate !== day.businessDate);
  const t = emptyDayTally();
  const sales = new Map<string, { sale: SaleEntity; gross: number; paid: number; hasPayments: boolean }>();
  for (const s of input.sales) {
    if (foreign(s)) problems.push(`${s.receiptNo} belongs to another day`);
    if (sales.has(s.id)) problems.push(`${s.receiptNo} is listed twice`);
    sales.set(s.id, { sale: s, gross: 0, paid: 0, hasPayments: false });
    tallySale(t, s);
  }
  for (const l of input.lines) {
    const owner = sales.get(l.saleId);
    if (!owner) { problems.push(`line ${l.id} has no sale in the day`); continue; }
    const s = owner.sale;
    if (foreign(l)) problems.push(`line ${l.lineNo} of ${s.receiptNo} belongs to another day`);
    lineProblems(l, s, problems);
    owner.gross += l.gross;
    const a = tallyLine(t, l, s);
    onLine?.(l, s, a);
  }
  for (const p of input.payments) {
    const owner = sales.get(p.saleId);
    if (!owner) { problems.push(`payment ${p.id} has no sale in the day`); continue; }
    if (foreign(p)) problems.push(`a payment of ${owner.sale.receiptNo} belongs to another day`);
    owner.paid += p.amount;
    owner.hasPayments = true;
    if (!tallyPayment(t, p)) problems.push(`the cash of ${owner.sale.receiptNo} is not what was handed over less change`);
  }
  for (const { sale, gross, paid, hasPayments } of sales.values()) problems.push(...saleProblems(sale, gross, paymentsRead ? paid : null, hasPayments));
  for (const m of input.cashMovements) {
    const problem = movementProblem(m, day.id);
    if (problem) problems.push(problem);
    tallyMovement(t, m);
  }
  return t;
}

/** The day's rows as a running tally (what `daySummaries` holds), checked as dayFigures checks them. */
export function dayTallyFromRows(input: Omit<DayReportInput, 'previous' | 'counted'>): DayTally {
  const problems: string[] = [];
  const t = foldRows({ ...input, previous: null }, problems);
  if (problems.length > 0) throw new DayRowsError(problems);
  return t;
}

/** A day's rows folded once: the tally, each artisan's lines in the order rung up, and what did not add up. */
export interface FoldedDay {
  readonly tally: DayTally;
  readonly linesOf: ReadonlyMap<string, readonly ArtisanLineFigures[]>;
  readonly problems: readonly string[];
}

/** Folds the day's rows once, checking them; figuresOfFoldedDay then gives any number of figures from it (the close needs the X and the Z). */
export function foldDayRows(input: Omit<DayReportInput, 'previous' | 'counted'>): FoldedDay {
  return foldWithLines({ ...input, previous: null }, true);
}

function foldWithLines(input: DayReportInput, paymentsRead: boolean): FoldedDay {
  const problems: string[] = [];
  const linesOf = new Map<string, ArtisanLineFigures[]>();
  const tally = foldRows(input, problems, (l, s) => {
    let lines = linesOf.get(l.artisanId);
    if (!lines) { lines = []; linesOf.set(l.artisanId, lines); }
    lines.push(artisanLineFigures(l, s));
  }, paymentsRead);
  for (const lines of linesOf.values()) lines.sort(compareLineFigures);
  return { tally, linesOf, problems };
}

/** What a day's payments add to its tally: the sums foldDayAgainstTally takes from the summary instead of the rows. */
type PaymentSums = Pick<DayTally, 'tenders' | 'cashTaken' | 'changeGiven' | 'cashRefunds'>;

/**
 * The Z close's fold when the day's running summary is at hand: the sales, lines and cash
 * movements are read and folded as foldDayRows folds them (every row checked, each
 * artisan's lines in the order rung up), and everything they sum must be the summary's
 * own, to the paisa; what the payments sum (tenders, cash taken, change, refunds) is the
 * summary's, which each record's transaction added after checking that its payments make
 * its total (tallyRecord). The payments, a fifth of the day's rows, are then not read.
 * Null when the summary and the rows disagree: the caller folds every row instead (the
 * rows are the truth; the summary is only derived from them).
 */
export function foldDayAgainstTally(input: Omit<DayReportInput, 'previous' | 'counted' | 'payments'>, summary: DayTally): FoldedDay | null {
  const folded = foldWithLines({ ...input, payments: [], previous: null }, false);
  const payments: PaymentSums = { tenders: { ...summary.tenders }, cashTaken: summary.cashTaken, changeGiven: summary.changeGiven, cashRefunds: summary.cashRefunds };
  const tally: DayTally = { ...folded.tally, ...payments };
  return sameTally(tally, summary) ? { ...folded, tally } : null;
}

/** Two tallies with the same sums, whatever order their records were added in. */
export function sameTally(a: DayTally, b: DayTally): boolean {
  return canonical(a) === canonical(b);
}

/** Plain data with every object's keys sorted: the tally's maps are filled in the order records arrive. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
    : v));
}

/** The figures of the folded rows with the day's own row and the previous Z; DayRowsError when they do not add up. */
export function figuresOfFoldedDay(folded: FoldedDay, context: DayTotalsContext): DayFigures {
  const problems = [...folded.problems];
  const totals = totalsOf(folded.tally, context, problems);
  if (problems.length > 0) throw new DayRowsError(problems);
  return { ...totals, artisans: totals.artisans.map((a) => ({ ...a, lines: [...(folded.linesOf.get(a.artisanId) ?? [])] })) };
}

export function dayFigures(input: DayReportInput): DayFigures {
  return figuresOfFoldedDay(foldDayRows(input), input);
}
