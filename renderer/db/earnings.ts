import { Dexie } from 'dexie';
import type { AuditChainStatus } from '../../shared/audit-chain';
import { verifyAuditLog } from '../../shared/audit-chain';
import { earningsReport, type ArtisanEarningsFigures, type EarningsReport } from '../../shared/earnings';
import type { ArtisanEntity, PayoutEntity, SaleEntity, SaleLineEntity } from '../../shared/entities';
import { gstMonth, type GstMonth } from '../../shared/gst-export';
import { paise, type Paise } from '../../shared/money';
import type { BusinessDate } from '../../shared/time';
import type { ChinarDb } from './schema';

/**
 * What artisans earned, read from the store for shared/earnings.ts (which does the sums):
 * her own day on her screen and slip, everyone's range on the manager's report; the GST
 * month for the accountant; the audit chain's check. Reads only: nothing here writes.
 */

/**
 * Payouts of `artisanId` (by the artisanId index) or everyone's, dated up to `to` (and from
 * `from`, when given). A market pays its artisans a few times a month: a small table.
 */
export async function payoutsFor(db: ChinarDb, range: { from?: BusinessDate; to: BusinessDate }, artisanId?: ArtisanEntity['id']): Promise<PayoutEntity[]> {
  const all = artisanId === undefined ? await db.payouts.toArray() : await db.payouts.where('artisanId').equals(artisanId).toArray();
  return all.filter((p) => p.businessDate <= range.to && (range.from === undefined || p.businessDate >= range.from));
}

/** Lines dated from..to (of one artisan, when given), by the [businessDate+artisanId] index. */
async function linesBetween(db: ChinarDb, from: BusinessDate, to: BusinessDate, artisanId?: ArtisanEntity['id']): Promise<SaleLineEntity[]> {
  const index = db.saleLines.where('[businessDate+artisanId]');
  if (artisanId !== undefined && from === to) return index.equals([from, artisanId]).toArray();
  const lines = await index.between([from, Dexie.minKey], [to, Dexie.maxKey], true, true).toArray();
  return artisanId === undefined ? lines : lines.filter((l) => l.artisanId === artisanId);
}

/**
 * Owed before `from`, by artisan: every earlier line's net minus every earlier payout.
 * The index leads with the date, so this reads all earlier lines (a year of a market's
 * lines is read in well under a second).
 */
async function broughtForward(db: ChinarDb, from: BusinessDate, artisanId?: ArtisanEntity['id']): Promise<Map<string, Paise>> {
  const out = new Map<string, number>();
  await db.saleLines.where('[businessDate+artisanId]').below([from, Dexie.minKey]).each((l) => {
    if (artisanId === undefined || l.artisanId === artisanId) out.set(l.artisanId, (out.get(l.artisanId) ?? 0) + l.artisanNet);
  });
  const dayBefore = new Date(`${from}T12:00:00Z`);
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  for (const p of await payoutsFor(db, { to: dayBefore.toISOString().slice(0, 10) as BusinessDate }, artisanId)) {
    out.set(p.artisanId, (out.get(p.artisanId) ?? 0) - p.amount);
  }
  return new Map([...out].map(([id, v]) => [id, paise(v)]));
}

async function salesOf(db: ChinarDb, lines: readonly SaleLineEntity[]): Promise<SaleEntity[]> {
  const ids = [...new Set(lines.map((l) => l.saleId))];
  return (await db.sales.bulkGet(ids)).filter((s): s is SaleEntity => s !== undefined);
}

/** Everyone's earnings from..to (the manager's report). */
export async function earningsBetween(db: ChinarDb, from: BusinessDate, to: BusinessDate): Promise<EarningsReport> {
  return db.transaction('r', db.tables, async () => {
    const lines = await linesBetween(db, from, to);
    const [artisans, sales, payouts, bf] = await Promise.all([
      db.artisans.toArray(), salesOf(db, lines), payoutsFor(db, { from, to }), broughtForward(db, from),
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
    const lines = await linesBetween(db, from, to, artisanId);
    const [sales, payouts, bf] = await Promise.all([salesOf(db, lines), payoutsFor(db, { from, to }, artisanId), broughtForward(db, from, artisanId)]);
    const report = earningsReport({ from, to, artisans: [artisan], sales, lines, payouts, broughtForward: bf });
    return report.artisans.find((a) => a.artisanId === artisanId) ?? emptyFigures(artisan, bf.get(artisanId) ?? paise(0));
  });
}

/** The GST month (YYYY-MM) from every sale, return and void line dated in it. */
export async function gstMonthFromStore(db: ChinarDb, month: string): Promise<GstMonth> {
  const lines = await db.saleLines.where('[businessDate+artisanId]').between([`${month}-01`, Dexie.minKey], [`${month}-31`, Dexie.maxKey], true, true).toArray();
  return gstMonth(month, lines);
}

/** The whole audit log, checked link by link. */
export async function checkAuditChain(db: ChinarDb): Promise<AuditChainStatus> {
  return verifyAuditLog(await db.audit.orderBy('seq').toArray());
}
