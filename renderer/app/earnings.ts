import { useCallback } from 'react';
import type { AuditChainStatus } from '../../shared/audit-chain';
import { buildEarningsSlip } from '../../shared/day-documents';
import { earningsCsv, type ArtisanEarningsFigures, type EarningsReport } from '../../shared/earnings';
import { gstB2csCsv, gstHsnCsv, type GstMonth } from '../../shared/gst-export';
import { calendarDateIn, type BusinessDate } from '../../shared/time';
import { checkAuditChain, earningsBetween, earningsOfArtisan, gstMonthFromStore, type SignedInArtisan } from '../db';
import { useLoadable, type Loadable } from '../hooks/useLoadable';
import { attempt, valueOf, type Outcome } from './outcome';
import { printDocument, type PrintOutcome } from './printing';
import type { Station } from './station';

/**
 * Artisans' earnings (her own screen and slip; the manager's report and CSV), the GST month
 * for the accountant, and the audit log's check.
 */

/** Today's business date in the market's zone. */
export function today(station: Station, now: Date = new Date()): BusinessDate {
  return calendarDateIn(now, station.profile.timeZone);
}

/**
 * What the signed-in artisan earned on `day`: only her id goes in, so nothing of anyone
 * else can come out. Owed counts every day up to this one.
 */
export function myEarnings(station: Station, artisan: SignedInArtisan['id'], day: BusinessDate): Promise<Outcome<ArtisanEarningsFigures>> {
  return attempt(() => earningsOfArtisan(station.db, artisan, day, day));
}

export function useMyEarnings(station: Station, artisan: SignedInArtisan['id'], day: BusinessDate, generation: number): Loadable<ArtisanEarningsFigures> {
  const load = useCallback(async () => valueOf(await myEarnings(station, artisan, day)), [station, artisan, day, generation]); // generation: load again on purpose
  return useLoadable(load);
}

/** Her earnings slip for `day`, through the host's printer. */
export async function printMySlip(station: Station, artisan: SignedInArtisan['id'], day: BusinessDate, now: Date = new Date()): Promise<PrintOutcome> {
  const figures = await myEarnings(station, artisan, day);
  if (figures.status !== 'ok') return figures;
  let document;
  try {
    document = buildEarningsSlip({ store: station.profile, artisan: figures.value, from: day, to: day, printedAt: now, width: station.settings.paperWidth });
  } catch (error) {
    return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  return printDocument(station.host, document, false);
}

/** Every artisan's earnings from..to (the manager's report). */
export function earningsReportFor(station: Station, from: BusinessDate, to: BusinessDate): Promise<Outcome<EarningsReport>> {
  return attempt(() => earningsBetween(station.db, from, to));
}

export function useEarningsReport(station: Station, from: BusinessDate, to: BusinessDate): Loadable<EarningsReport> {
  const load = useCallback(async () => valueOf(await earningsReportFor(station, from, to)), [station, from, to]);
  return useLoadable(load);
}

export { earningsCsv };

/** The names the GST portal gives the states, by GSTIN state code (the market's, for place of supply). */
const STATES: Readonly<Record<string, string>> = {
  '01': 'Jammu and Kashmir', '02': 'Himachal Pradesh', '03': 'Punjab', '04': 'Chandigarh', '05': 'Uttarakhand',
  '06': 'Haryana', '07': 'Delhi', '08': 'Rajasthan', '09': 'Uttar Pradesh', '38': 'Ladakh',
};

/** "01-Jammu and Kashmir" from a GSTIN starting 01 (every counter sale is intra-state). */
export function placeOfSupply(gstin: string): string {
  const code = gstin.slice(0, 2);
  return STATES[code] ? `${code}-${STATES[code]}` : code;
}

export interface GstExport {
  month: GstMonth;
  b2csCsv: string;
  hsnCsv: string;
}

/** The month's GSTR-1 figures (B2CS by rate, the HSN summary) and their CSV files. */
export function gstExportFor(station: Station, month: string): Promise<Outcome<GstExport>> {
  return attempt(async () => {
    const m = await gstMonthFromStore(station.db, month);
    return { month: m, b2csCsv: gstB2csCsv(m, placeOfSupply(station.profile.gstin)), hsnCsv: gstHsnCsv(m) };
  });
}

export function useGstExport(station: Station, month: string): Loadable<GstExport> {
  const load = useCallback(async () => valueOf(await gstExportFor(station, month)), [station, month]);
  return useLoadable(load);
}

/** The audit chain, checked from its first entry. */
export function checkAuditLog(station: Station): Promise<Outcome<AuditChainStatus>> {
  return attempt(() => checkAuditChain(station.db));
}

export function useAuditCheck(station: Station, generation: number): Loadable<AuditChainStatus> {
  const load = useCallback(async () => valueOf(await checkAuditLog(station)), [station, generation]); // generation: check again on purpose
  return useLoadable(load);
}

/** The business date `days` after `day` (negative: before); calendar arithmetic on UTC noon. */
export function shiftDay(day: BusinessDate, days: number): BusinessDate {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10) as BusinessDate;
}
