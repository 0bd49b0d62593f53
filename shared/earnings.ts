import { writeCsv } from './catalog/csv';
import {
  addArtisanLine, artisanLineFigures, compareLineFigures, noArtisanLineTotals, type ArtisanLineFigures, type ArtisanLineTotals,
} from './day-report';
import type { ArtisanEntity, PayoutEntity, SaleEntity, SaleLineEntity } from './entities';
import { divideRoundHalfUp, formatRupeesPlain, paise, type Paise } from './money';
import { isBusinessDate, type BusinessDate } from './time';

/**
 * What each artisan earned over a day or a range of days (her screen, her slip, the
 * manager's table, chart and CSV). Earnings fall on the day of the line: a return lowers
 * the day it was made, not the day of the sale. Owed = brought forward + earned − paid.
 */
export interface EarningsInput {
  /** First and last business date, inclusive. */
  from: BusinessDate;
  to: BusinessDate;
  /** Current artisan records: gender and cooperative come from here. */
  artisans: readonly ArtisanEntity[];
  /** The sales, returns and voids the lines belong to. */
  sales: readonly SaleEntity[];
  /** Lines of the range (lines dated outside it are left out). */
  lines: readonly SaleLineEntity[];
  /** Payouts of the range (others are left out). */
  payouts: readonly PayoutEntity[];
  /** Owed to each artisan before `from` (earned − paid up to then), by artisan id. */
  broughtForward?: ReadonlyMap<string, Paise>;
}

/** Her totals over the range's lines: `net` is what she earned in the range. */
export interface ArtisanEarningsFigures extends ArtisanLineTotals {
  artisanId: string;
  artisanCode: string;
  name: string;
  gender: ArtisanEntity['gender'];
  cooperative: string;
  fairWageCertified: boolean;
  paid: Paise;
  broughtForward: Paise;
  /** broughtForward + net − paid. */
  owed: Paise;
  lines: ArtisanLineFigures[];
  payouts: PayoutEntity[];
}

export interface EarningsTotals extends ArtisanLineTotals {
  paid: Paise;
  owed: Paise;
}

export interface CooperativeFigures extends EarningsTotals {
  /** "" for artisans in no cooperative. */
  cooperative: string;
  artisanCount: number;
}

export interface EarningsReport {
  from: BusinessDate;
  to: BusinessDate;
  /** By artisan code. */
  artisans: ArtisanEarningsFigures[];
  totals: EarningsTotals;
  /** Net earnings of women artisans (gender F) against everyone's; shareBps null when nobody earned. */
  women: { net: Paise; totalNet: Paise; shareBps: number | null };
  /** By cooperative name, "" last. */
  cooperatives: CooperativeFigures[];
  /** Every date of the range, in order, with the net earned that day (0 on a day without sales). */
  daily: { date: BusinessDate; net: Paise }[];
}

const MAX_DAYS = 3_700;

/** The dates from..to inclusive (calendar arithmetic on UTC noon, so no zone can shift a day). */
export function datesBetween(from: BusinessDate, to: BusinessDate): BusinessDate[] {
  if (!isBusinessDate(from) || !isBusinessDate(to)) throw new RangeError(`${from}..${to} is not a range of dates`);
  if (from > to) throw new RangeError(`The range starts (${from}) after it ends (${to})`);
  const out: BusinessDate[] = [];
  const day = new Date(`${from}T12:00:00Z`);
  for (let d = from; d <= to; ) {
    out.push(d);
    if (out.length > MAX_DAYS) throw new RangeError('A range of more than ten years is too long to chart');
    day.setUTCDate(day.getUTCDate() + 1);
    d = day.toISOString().slice(0, 10) as BusinessDate;
  }
  return out;
}

const emptyTotals = (): EarningsTotals => ({
  ...noArtisanLineTotals(), paid: paise(0), owed: paise(0),
});

function addTotals(into: EarningsTotals, a: EarningsTotals): void {
  into.itemsSold += a.itemsSold;
  into.itemsReturned += a.itemsReturned;
  into.gross = (into.gross + a.gross) as Paise;
  into.returns = (into.returns + a.returns) as Paise;
  into.tax = (into.tax + a.tax) as Paise;
  into.commission = (into.commission + a.commission) as Paise;
  into.net = (into.net + a.net) as Paise;
  into.paid = (into.paid + a.paid) as Paise;
  into.owed = (into.owed + a.owed) as Paise;
}

export function earningsReport(input: EarningsInput): EarningsReport {
  const dates = datesBetween(input.from, input.to);
  const inRange = (d: BusinessDate) => d >= input.from && d <= input.to;
  const people = new Map(input.artisans.map((a) => [a.id, a]));
  const sales = new Map(input.sales.map((s) => [s.id, s]));
  const rows = new Map<string, ArtisanEarningsFigures>();
  const row = (id: string, code: string, name: string, fairWage: boolean): ArtisanEarningsFigures => {
    let r = rows.get(id);
    if (!r) {
      const who = people.get(id);
      const bf = input.broughtForward?.get(id) ?? paise(0);
      r = {
        artisanId: id, artisanCode: who?.code ?? code, name: who?.name ?? name, gender: who?.gender ?? null,
        cooperative: who?.cooperative ?? '', fairWageCertified: who?.fairWageCertified ?? fairWage,
        ...noArtisanLineTotals(), paid: paise(0), broughtForward: bf, owed: bf, lines: [], payouts: [],
      };
      rows.set(id, r);
    }
    return r;
  };
  const daily = new Map<string, number>(dates.map((d) => [d, 0]));

  for (const l of input.lines) {
    if (!inRange(l.businessDate)) continue;
    const s = sales.get(l.saleId);
    if (!s) throw new RangeError(`Line ${l.id} has no sale among the records given`);
    const r = row(l.artisanId, l.artisanCode, l.artisanName, l.fairWageCertified);
    addArtisanLine(r, l);
    r.lines.push(artisanLineFigures(l, s));
    daily.set(l.businessDate, (daily.get(l.businessDate) ?? 0) + l.artisanNet);
  }
  for (const p of input.payouts) {
    if (!inRange(p.businessDate)) continue;
    const r = row(p.artisanId, p.artisanCode, p.artisanCode, false);
    r.paid = (r.paid + p.amount) as Paise;
    r.payouts.push(p);
  }
  for (const [id, bf] of input.broughtForward ?? []) if (bf !== 0) row(id, id, id, false);

  const artisans = [...rows.values()]
    .map((r) => ({ ...r, owed: paise(r.broughtForward + r.net - r.paid), lines: r.lines.sort(compareLineFigures), payouts: [...r.payouts].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)) }))
    .sort((a, b) => (a.artisanCode < b.artisanCode ? -1 : a.artisanCode > b.artisanCode ? 1 : 0));

  const totals = emptyTotals();
  const coops = new Map<string, CooperativeFigures>();
  let womenNet = 0;
  for (const a of artisans) {
    addTotals(totals, a);
    if (a.gender === 'F') womenNet += a.net;
    const c = coops.get(a.cooperative) ?? { cooperative: a.cooperative, artisanCount: 0, ...emptyTotals() };
    c.artisanCount++;
    addTotals(c, a);
    coops.set(a.cooperative, c);
  }
  const cooperatives = [...coops.values()].sort((a, b) =>
    (a.cooperative === '' ? 1 : b.cooperative === '' ? -1 : a.cooperative < b.cooperative ? -1 : a.cooperative > b.cooperative ? 1 : 0));

  return {
    from: input.from, to: input.to, artisans, totals,
    women: { net: paise(womenNet), totalNet: totals.net, shareBps: totals.net > 0 ? divideRoundHalfUp(womenNet * 10_000, totals.net) : null },
    cooperatives,
    daily: dates.map((date) => ({ date, net: paise(daily.get(date) ?? 0) })),
  };
}

export const EARNINGS_CSV_HEADER = [
  'artisan_code', 'name', 'cooperative', 'gender', 'fair_wage_certified', 'items_sold', 'items_returned',
  'gross', 'returns', 'gst', 'commission', 'net', 'paid', 'brought_forward', 'owed',
] as const;

/**
 * The per-artisan table as CSV (RFC 4180: CRLF, quoted only where needed), amounts in
 * rupees with two decimals as the catalog CSV writes prices.
 */
export function earningsCsv(report: EarningsReport): string {
  const rs = formatRupeesPlain;
  return writeCsv(EARNINGS_CSV_HEADER, report.artisans.map((a) => [
    a.artisanCode, a.name, a.cooperative, a.gender ?? '', a.fairWageCertified ? 'yes' : 'no', String(a.itemsSold), String(a.itemsReturned),
    rs(a.gross), rs(a.returns), rs(a.tax), rs(a.commission), rs(a.net), rs(a.paid), rs(a.broughtForward), rs(a.owed),
  ]));
}
