import { writeCsv } from './catalog/csv';
import { hsnRateKey, type DayTally } from './day-report';
import type { SaleLineEntity } from './entities';
import { formatRupeesPlain, paise, type Paise } from './money';
import { formatRate } from './tax';

/**
 * What the accountant needs from a month for GSTR-1 on sales to unregistered buyers
 * (every tourist): table 7 (B2CS, intra-state, by rate) and table 12 (HSN-wise summary).
 * Credit notes are netted into the month they were issued in, as the Z reports net them,
 * so the month equals the sum of its Z reports to the paisa.
 */
export interface GstRateRow {
  rateBps: number;
  taxable: Paise;
  cgst: Paise;
  sgst: Paise;
  tax: Paise;
  /** Invoice value, GST included. */
  gross: Paise;
}

export interface GstHsnRow extends GstRateRow {
  hsn: string;
  /** Pieces, net of returns (UQC PCS). */
  qty: number;
}

export interface GstMonth {
  /** YYYY-MM. */
  month: string;
  b2cs: GstRateRow[];
  hsn: GstHsnRow[];
  totals: Omit<GstRateRow, 'rateBps'>;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Refuses anything but a YYYY-MM month. */
export function checkGstMonth(month: string): void {
  if (!MONTH.test(month)) throw new RangeError(`"${month}" is not a month (YYYY-MM)`);
}

/** The month's figures from every sale, return and void line dated in it (lines of other months are left out). */
export function gstMonth(month: string, lines: readonly SaleLineEntity[]): GstMonth {
  return gstMonthFromTallies(month, [gstMonthSums(month, lines)]);
}

/** The sums gstMonthFromTallies adds up, from lines (those dated outside the month are left out). */
export function gstMonthSums(month: string, lines: readonly SaleLineEntity[]): Pick<DayTally, 'byRate' | 'byHsn' | 'total'> {
  checkGstMonth(month);
  const sums = { byRate: {} as DayTally['byRate'], byHsn: {} as DayTally['byHsn'], total: noSums() };
  for (const l of lines) {
    if (!l.businessDate.startsWith(month) || l.businessDate[7] !== '-') continue;
    addLine(sums.byRate[l.taxRateBps] ??= noSums(), l);
    // The HSN summary has a row per HSN and rate (one HSN can be sold at two slabs).
    const h = sums.byHsn[hsnRateKey(l.hsn, l.taxRateBps)] ??= { hsn: l.hsn, rateBps: l.taxRateBps, qty: 0, ...noSums() };
    addLine(h, l);
    h.qty += l.qty;
    addLine(sums.total, l);
  }
  return sums;
}

type Sums = { taxable: number; cgst: number; sgst: number; tax: number; gross: number };
const noSums = (): Sums => ({ taxable: 0, cgst: 0, sgst: 0, tax: 0, gross: 0 });
const addLine = (into: Sums, l: SaleLineEntity) => {
  into.taxable += l.taxable; into.cgst += l.cgst; into.sgst += l.sgst; into.tax += l.tax; into.gross += l.gross;
};

/**
 * The month's figures from the running tallies of its days (each the sums of one day's
 * lines; every day dated in the month, each once): what gstMonth gives from the lines,
 * to the paisa, without reading a month of lines.
 */
export function gstMonthFromTallies(month: string, tallies: readonly Pick<DayTally, 'byRate' | 'byHsn' | 'total'>[]): GstMonth {
  checkGstMonth(month);
  const rates = new Map<number, GstRateRow>();
  const hsns = new Map<string, GstHsnRow>();
  const totals = noSums();
  const add = (into: Sums, from: Sums) => {
    into.taxable += from.taxable; into.cgst += from.cgst; into.sgst += from.sgst; into.tax += from.tax; into.gross += from.gross;
  };
  const zero = { taxable: paise(0), cgst: paise(0), sgst: paise(0), tax: paise(0), gross: paise(0) };
  for (const t of tallies) {
    for (const [key, acc] of Object.entries(t.byRate)) {
      const rateBps = Number(key);
      let r = rates.get(rateBps);
      if (!r) { r = { rateBps, ...zero }; rates.set(rateBps, r); }
      add(r, acc);
    }
    for (const [key, acc] of Object.entries(t.byHsn)) {
      let h = hsns.get(key);
      if (!h) { h = { hsn: acc.hsn, rateBps: acc.rateBps, qty: 0, ...zero }; hsns.set(key, h); }
      add(h, acc);
      h.qty += acc.qty;
    }
    add(totals, t.total);
  }
  return {
    month,
    b2cs: [...rates.values()].sort((a, b) => a.rateBps - b.rateBps),
    hsn: [...hsns.values()].sort((a, b) => (a.hsn < b.hsn ? -1 : a.hsn > b.hsn ? 1 : a.rateBps - b.rateBps)),
    totals: { taxable: paise(totals.taxable), cgst: paise(totals.cgst), sgst: paise(totals.sgst), tax: paise(totals.tax), gross: paise(totals.gross) },
  };
}

const rs = formatRupeesPlain;
const rate = (bps: number) => formatRate(bps).replace('%', '');

/**
 * Table 7 as CSV. `placeOfSupply` is the market's state as the GST portal writes it,
 * e.g. "01-Jammu and Kashmir": every counter sale is intra-state, so it is one value.
 */
export function gstB2csCsv(m: GstMonth, placeOfSupply: string): string {
  return writeCsv(
    ['type', 'place_of_supply', 'rate', 'taxable_value', 'integrated_tax', 'central_tax', 'state_tax', 'cess'],
    m.b2cs.map((r) => ['OE', placeOfSupply, rate(r.rateBps), rs(r.taxable), '0.00', rs(r.cgst), rs(r.sgst), '0.00']),
  );
}

/** Table 12 as CSV: quantities in pieces (UQC PCS-PIECES). */
export function gstHsnCsv(m: GstMonth): string {
  return writeCsv(
    ['hsn', 'uqc', 'total_quantity', 'total_value', 'rate', 'taxable_value', 'integrated_tax', 'central_tax', 'state_tax', 'cess'],
    m.hsn.map((h) => [h.hsn, 'PCS-PIECES', String(h.qty), rs(h.gross), rate(h.rateBps), rs(h.taxable), '0.00', rs(h.cgst), rs(h.sgst), '0.00']),
  );
}
