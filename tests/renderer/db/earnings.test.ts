import { describe, expect, it } from 'vitest';
import { checkAuditChain, earningsBetween, earningsOfArtisan, gstMonthFromStore } from '../../../renderer/db';
import type { BusinessDate } from '../../../shared/time';
import { freshStore, NOON_IN_SRINAGAR, sellBarcodes } from './helpers';

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
