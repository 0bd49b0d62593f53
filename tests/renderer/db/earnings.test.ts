import { describe, expect, it } from 'vitest';
import { checkAuditChain, earningsBetween, earningsOfArtisan, gstMonthFromStore, type ChinarDb } from '../../../renderer/db';
import { earningsReport, type EarningsReport } from '../../../shared/earnings';
import { gstMonth } from '../../../shared/gst-export';
import { paise } from '../../../shared/money';
import type { BusinessDate } from '../../../shared/time';
import { seeded } from '../../fixtures/random';
import { freshStore, NOON_IN_SRINAGAR, sellBarcodes } from './helpers';
import { counterWithFloat, nextDay, randomEvent } from './random-counter';

const HALEEMA_SHAWL = '2000000000015';
const HALEEMA_STOLE = '2000000000022';
const SHAZIA_SHAWL = '2000000000039';
const DAY = '2026-11-22' as BusinessDate;
const NEXT_DAY = new Date(NOON_IN_SRINAGAR.getTime() + 86_400_000);

describe('earnings from the store', () => {
  it('gives an artisan her own pieces and nothing of anyone else', async () => {
    const { db, newId } = await freshStore();
    const { lines } = await sellBarcodes(db, [HALEEMA_SHAWL, SHAZIA_SHAWL, HALEEMA_STOLE], { newId });
    const haleema = (await db.artisans.get({ code: 'DEMO-01' }))!;
    const mine = await earningsOfArtisan(db, haleema.id, DAY, DAY);
    const hers = lines.filter((l) => l.artisanId === haleema.id);
    expect(hers).toHaveLength(2);
    expect(mine.artisanId).toBe(haleema.id);
    expect(mine.lines.map((l) => l.lineId).sort()).toEqual(hers.map((l) => l.id).sort());
    expect(mine.lines.map((l) => l.name)).not.toContain('Sozni embroidered shawl');
    expect(mine.net).toBe(hers.reduce((s, l) => s + l.artisanNet, 0));
    expect(mine.gross).toBe(hers.reduce((s, l) => s + l.gross, 0));
    expect(mine.tax + mine.commission + mine.net).toBe(mine.gross);
    // No payouts table yet: nothing paid, all of it owed.
    expect(mine.paid).toBe(0);
    expect(mine.owed).toBe(mine.net);
    // Nothing of Shazia's is anywhere in what comes back.
    expect(JSON.stringify(mine)).not.toMatch(/Sozni|Shazia|DEMO-02/);
  });

  it('carries what is owed from earlier days, and shows an empty day as nothing sold', async () => {
    const { db, newId } = await freshStore();
    await sellBarcodes(db, [HALEEMA_SHAWL], { newId });
    await sellBarcodes(db, [HALEEMA_STOLE], { newId, now: NEXT_DAY });
    const haleema = (await db.artisans.get({ code: 'DEMO-01' }))!;
    const first = await earningsOfArtisan(db, haleema.id, DAY, DAY);
    const second = await earningsOfArtisan(db, haleema.id, '2026-11-23' as BusinessDate, '2026-11-23' as BusinessDate);
    expect(second.broughtForward).toBe(first.net);
    expect(second.owed).toBe(first.net + second.net);
    const empty = await earningsOfArtisan(db, haleema.id, '2026-11-21' as BusinessDate, '2026-11-21' as BusinessDate);
    expect(empty).toMatchObject({ itemsSold: 0, net: 0, owed: 0, lines: [] });
  });

  it('reports every artisan over a range, women’s share and cooperatives included', async () => {
    const { db, newId } = await freshStore();
    await sellBarcodes(db, [HALEEMA_SHAWL, SHAZIA_SHAWL, '2000000000053'], { newId });
    await sellBarcodes(db, [HALEEMA_STOLE], { newId, now: NEXT_DAY });
    const report = await earningsBetween(db, DAY, '2026-11-23' as BusinessDate);
    expect(report.artisans.map((a) => a.artisanCode)).toEqual(['DEMO-01', 'DEMO-02', 'DEMO-03']);
    expect(report.daily.map((d) => d.date)).toEqual(['2026-11-22', '2026-11-23']);
    expect(report.daily[0]!.net + report.daily[1]!.net).toBe(report.totals.net);
    const women = report.artisans.filter((a) => a.gender === 'F').reduce((s, a) => s + a.net, 0);
    expect(report.women.net).toBe(women);
    expect(report.cooperatives.at(-1)!.cooperative).toBe('');
  });

  it('reads the GST month from its lines and checks the audit chain', async () => {
    const { db, newId } = await freshStore();
    const { lines } = await sellBarcodes(db, [HALEEMA_SHAWL, SHAZIA_SHAWL], { newId });
    const m = await gstMonthFromStore(db, '2026-11');
    expect(m.totals.taxable).toBe(lines.reduce((s, l) => s + l.taxable, 0));
    expect((await gstMonthFromStore(db, '2026-10')).b2cs).toEqual([]);
    const check = await checkAuditChain(db);
    expect(check).toMatchObject({ status: 'intact', count: await db.audit.count() });
    const second = (await db.audit.get(2))!;
    await db.audit.put({ ...second, detail: { ...second.detail, forged: true } });
    expect(await checkAuditChain(db)).toEqual({ status: 'broken', seq: 2, problem: 'altered' });
  });
});

/** The report as it was computed before v42: from every row in the store, brought-forward from every earlier line and payout. */
async function reportFromAllRows(db: ChinarDb, from: BusinessDate, to: BusinessDate): Promise<EarningsReport> {
  const [artisans, sales, lines, payouts] = await Promise.all([db.artisans.toArray(), db.sales.toArray(), db.saleLines.toArray(), db.payouts.toArray()]);
  const owed = new Map<string, number>();
  for (const l of lines) if (l.businessDate < from) owed.set(l.artisanId, (owed.get(l.artisanId) ?? 0) + l.artisanNet);
  for (const p of payouts) if (p.businessDate < from) owed.set(p.artisanId, (owed.get(p.artisanId) ?? 0) - p.amount);
  return earningsReport({ from, to, artisans, sales, lines, payouts, broughtForward: new Map([...owed].map(([id, v]) => [id, paise(v)])) });
}

describe('earnings and the GST month by index and day summaries', () => {
  it.each([3, 29])('seed %i: equal what every row in the store gives, to the paisa, over random days across a month end', async (seed) => {
    // Five days from 28 November, each with sales (split tenders too), returns of earlier days' sales, voids, cash movements and payouts.
    const c = await counterWithFloat(6);
    const next = seeded(seed);
    const dates: BusinessDate[] = [];
    for (let d = 0; d < 5; d++) {
      dates.push((await c.db.businessDays.get(c.dayId))!.businessDate);
      for (let i = 0; i < 12; i++) await randomEvent(c, next);
      if (d < 4) await nextDay(c);
    }
    expect(dates).toEqual(['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect((await c.db.sales.toArray()).filter((s) => s.kind === 'return').length).toBeGreaterThan(0);
    expect(await c.db.payouts.count()).toBeGreaterThan(0);
    // One closed day without a summary (restored), one with a summary from before v42 (no HSN sums): the first gives its lines, the second its artisans' nets but, for the GST month, its lines.
    const [first, second] = await c.db.businessDays.where('businessDate').anyOf(dates[0]!, dates[1]!).sortBy('businessDate');
    await c.db.daySummaries.delete(first!.id);
    const old = (await c.db.daySummaries.get(second!.id))!;
    const { byHsn: _byHsn, ...before42 } = old.tally;
    await c.db.daySummaries.put({ ...old, tally: before42 as typeof old.tally });

    const ranges: [BusinessDate, BusinessDate][] = [[dates[0]!, dates[4]!], [dates[1]!, dates[2]!], [dates[3]!, dates[3]!], [dates[4]!, dates[4]!], ['2026-11-20' as BusinessDate, dates[0]!]];
    const artisans = await c.db.artisans.toArray();
    for (const [from, to] of ranges) {
      const expected = await reportFromAllRows(c.db, from, to);
      expect(await earningsBetween(c.db, from, to)).toEqual(expected);
      for (const a of artisans) {
        const hers = await earningsOfArtisan(c.db, a.id, from, to);
        const want = expected.artisans.find((x) => x.artisanId === a.id);
        if (want) expect(hers).toEqual(want);
        else expect(hers).toMatchObject({ artisanId: a.id, net: 0, paid: 0, broughtForward: 0, owed: 0, lines: [] });
      }
    }
    expect(new Set((await earningsBetween(c.db, dates[4]!, dates[4]!)).artisans.map((a) => a.broughtForward))).not.toEqual(new Set([0]));
    const lines = await c.db.saleLines.toArray();
    for (const month of ['2026-11', '2026-12', '2026-10']) expect(await gstMonthFromStore(c.db, month)).toEqual(gstMonth(month, lines));
    expect((await gstMonthFromStore(c.db, '2026-12')).hsn.length).toBeGreaterThan(0);
    // Reads only: the day without a summary gave its lines, and nothing was written.
    expect(await c.db.daySummaries.get(first!.id)).toBeUndefined();
    expect((await c.db.daySummaries.get(second!.id))!.tally.byHsn).toBeUndefined();
  });

  it('refuses a month that is not YYYY-MM, saying so', async () => {
    const { db } = await freshStore();
    await expect(gstMonthFromStore(db, '2026-13')).rejects.toThrow(/"2026-13" is not a month \(YYYY-MM\)/);
  });
});
