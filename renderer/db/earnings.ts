import { Dexie } from 'dexie';
import type { AuditChainStatus } from '../../shared/audit-chain';
import { verifyAuditLog } from '../../shared/audit-chain';
import { earningsReport, type ArtisanEarningsFigures, type EarningsReport } from '../../shared/earnings';
import type { ArtisanEntity, PayoutEntity, SaleEntity, SaleLineEntity } from '../../shared/entities';
import { checkGstMonth, gstMonthFromTallies, gstMonthSums, type GstMonth } from '../../shared/gst-export';
import { paise, type Paise } from '../../shared/money';
import type { BusinessDate } from '../../shared/time';
import { currentTally, dayLines } from './day-summary';
import type { ChinarDb } from './schema';

/**
 * What artisans earned, read from the store for shared/earnings.ts (which does the sums):
 * her own day on her screen and slip, everyone's range on the manager's report; the GST
 * month for the accountant; the audit chain's check. None of it reads the whole history:
 * ranges come by index, what came before from the days' running summaries (day-summary.ts).
 * Reads only: nothing here writes.
 */

/**
 * Payouts of `artisanId` (by the artisanId index) or everyone's, dated up to `to` (and from
 * `from`, when given). A market pays its artisans a few times a month: a small table.
 */
export async function payoutsFor(db: ChinarDb, range: { from?: BusinessDate; to: BusinessDate }, artisanId?: ArtisanEntity['id']): Promise<PayoutEntity[]> {
  const all = artisanId === undefined ? await db.payouts.toArray() : await db.payouts.where('artisanId').equals(artisanId).toArray();
  return all.filter((p) => p.businessDate <= range.to && (range.from === undefined || p.businessDate >= range.from));
}

/** Everyone's lines dated from..to, by the [businessDate+artisanId] index: the range, never the history. */
function linesBetween(db: ChinarDb, from: BusinessDate, to: BusinessDate): Promise<SaleLineEntity[]> {
  return db.saleLines.where('[businessDate+artisanId]').between([from, Dexie.minKey], [to, Dexie.maxKey], true, true).toArray();
}

/** Her lines dated from..to, by the [artisanId+businessDate] index (v42): nobody else's. */
function linesOfArtisan(db: ChinarDb, artisanId: ArtisanEntity['id'], from: BusinessDate, to: BusinessDate): Promise<SaleLineEntity[]> {
  return db.saleLines.where('[artisanId+businessDate]').between([artisanId, from], [artisanId, to], true, true).toArray();
}

function dayBefore(date: BusinessDate): BusinessDate {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10) as BusinessDate;
}

/** Earned before `from` less paid before it: what is brought forward. */
function owedBefore(earned: ReadonlyMap<string, number>, payouts: readonly PayoutEntity[]): Map<string, Paise> {
  const out = new Map(earned);
  for (const p of payouts) out.set(p.artisanId, (out.get(p.artisanId) ?? 0) - p.amount);
  return new Map([...out].map(([id, v]) => [id, paise(v)]));
}

/**
 * Owed to her before `from`: her earlier lines' net (her own stretch of the
 * [artisanId+businessDate] index, read in one getAll) less her earlier payouts.
 */
async function broughtForwardOf(db: ChinarDb, artisanId: ArtisanEntity['id'], from: BusinessDate): Promise<Map<string, Paise>> {
  const [earlier, payouts] = await Promise.all([
    db.saleLines.where('[artisanId+businessDate]').between([artisanId, Dexie.minKey], [artisanId, from], true, false).toArray(),
    payoutsFor(db, { to: dayBefore(from) }, artisanId),
  ]);
  const earned = new Map<string, number>();
  for (const l of earlier) earned.set(artisanId, (earned.get(artisanId) ?? 0) + l.artisanNet);
  return owedBefore(earned, payouts);
}

/**
 * Owed to everyone before `from`, from the running summaries of the days before it (each
 * artisan's net per day: a row a day, not every line of the history; a summary from before
 * v42 has them too), less the earlier payouts. A day with no summary (from before v40, or
 * restored) gives its own lines instead.
 */
async function broughtForwardOfAll(db: ChinarDb, from: BusinessDate): Promise<Map<string, Paise>> {
  const days = await db.businessDays.where('businessDate').below(from).toArray();
  const [summaries, payouts] = await Promise.all([db.daySummaries.bulkGet(days.map((d) => d.id)), payoutsFor(db, { to: dayBefore(from) })]);
  const earned = new Map<string, number>();
  const add = (artisanId: string, net: number) => earned.set(artisanId, (earned.get(artisanId) ?? 0) + net);
  const unsummed = await Promise.all(days.filter((_, i) => summaries[i] === undefined).map((d) => dayLines(db, d)));
  for (const row of summaries) if (row) for (const a of Object.values(row.tally.artisans)) add(a.artisanId, a.net);
  for (const lines of unsummed) for (const l of lines) add(l.artisanId, l.artisanNet);
  return owedBefore(earned, payouts);
}

async function salesOf(db: ChinarDb, lines: readonly SaleLineEntity[]): Promise<SaleEntity[]> {
  const ids = [...new Set(lines.map((l) => l.saleId))];
  return (await db.sales.bulkGet(ids)).filter((s): s is SaleEntity => s !== undefined);
}

/**
 * The records everyone's lines from..to belong to: one ranged getAll by date (a line is
 * dated as its record is), where a bulkGet would be a request a sale; any record dated
 * otherwise is fetched by id.
 */
async function salesBetween(db: ChinarDb, from: BusinessDate, to: BusinessDate, lines: readonly SaleLineEntity[]): Promise<SaleEntity[]> {
  const dated = await db.sales.where('businessDate').between(from, to, true, true).toArray();
  const have = new Set(dated.map((s) => s.id));
  const others = lines.filter((l) => !have.has(l.saleId));
  return others.length === 0 ? dated : [...dated, ...(await salesOf(db, others))];
}

/** Everyone's earnings from..to (the manager's report): the range's lines, and what was owed before it from the earlier days' summaries. */
export async function earningsBetween(db: ChinarDb, from: BusinessDate, to: BusinessDate): Promise<EarningsReport> {
  return db.transaction('r', db.tables, async () => {
    const lines = await linesBetween(db, from, to);
    const [artisans, sales, payouts, bf] = await Promise.all([
      db.artisans.toArray(), salesBetween(db, from, to, lines), payoutsFor(db, { from, to }), broughtForwardOfAll(db, from),
    ]);
    return earningsReport({ from, to, artisans, sales, lines, payouts, broughtForward: bf });
  });
}

/** One artisan's figures for a record that may not exist yet (nothing sold, nothing paid). */
function emptyFigures(a: ArtisanEntity, bf: Paise): ArtisanEarningsFigures {
  return {
    artisanId: a.id, artisanCode: a.code, name: a.name, gender: a.gender, cooperative: a.cooperative, fairWageCertified: a.fairWageCertified,
    itemsSold: 0, itemsReturned: 0, gross: paise(0), returns: paise(0), tax: paise(0), commission: paise(0), net: paise(0),
    paid: paise(0), broughtForward: bf, owed: bf, lines: [], payouts: [],
  };
}

/**
 * One artisan's earnings from..to, and nothing of anyone else: the query is by her id,
 * and only her lines, her payouts and her own record go into the sums.
 */
export async function earningsOfArtisan(db: ChinarDb, artisanId: ArtisanEntity['id'], from: BusinessDate, to: BusinessDate): Promise<ArtisanEarningsFigures> {
  return db.transaction('r', db.tables, async () => {
    const artisan = await db.artisans.get(artisanId);
    if (!artisan) throw new Error('This artisan is not in the store.');
    const lines = await linesOfArtisan(db, artisanId, from, to);
    const [sales, payouts, bf] = await Promise.all([salesOf(db, lines), payoutsFor(db, { from, to }, artisanId), broughtForwardOf(db, artisanId, from)]);
    const report = earningsReport({ from, to, artisans: [artisan], sales, lines, payouts, broughtForward: bf });
    return report.artisans.find((a) => a.artisanId === artisanId) ?? emptyFigures(artisan, bf.get(artisanId) ?? paise(0));
  });
}

/**
 * The GST month (YYYY-MM) of every sale, return and void line dated in it, from the
 * running summaries of the month's days (a row a day, not the month's lines); a day
 * without a current one (from before v42, or restored) gives its own lines instead.
 * Equal to gstMonth over the lines, to the paisa.
 */
export async function gstMonthFromStore(db: ChinarDb, month: string): Promise<GstMonth> {
  checkGstMonth(month);
  return db.transaction('r', [db.businessDays, db.daySummaries, db.saleLines], async () => {
    const days = await db.businessDays.where('businessDate').between(`${month}-01`, `${month}-31`, true, true).toArray();
    const tallies = (await db.daySummaries.bulkGet(days.map((d) => d.id))).map(currentTally);
    const unsummed = await Promise.all(days.filter((_, i) => tallies[i] === undefined).map((d) => dayLines(db, d)));
    return gstMonthFromTallies(month, [...tallies.filter((t) => t !== undefined), ...unsummed.map((lines) => gstMonthSums(month, lines))]);
  });
}

/** The whole audit log, checked link by link. */
export async function checkAuditChain(db: ChinarDb): Promise<AuditChainStatus> {
  return verifyAuditLog(await db.audit.orderBy('seq').toArray());
}
