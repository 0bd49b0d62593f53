import { describe, expect, it } from 'vitest';
import { datesBetween, earningsCsv, earningsReport, type EarningsInput } from '../../shared/earnings';
import type { PayoutEntity } from '../../shared/entities';
import { paise } from '../../shared/money';
import type { BusinessDate } from '../../shared/time';
import { BASHIR, HALEEMA, idMaker, makeReturn, makeSale, SAKINA, type Committed } from './day-fixture';

const d = (s: string) => s as BusinessDate;

function payout(artisanId: string, code: string, amount: number, date: string, method: PayoutEntity['method'] = 'cash'): PayoutEntity {
  return { id: `po-${artisanId}-${date}`, artisanId, artisanCode: code, amount: paise(amount), method, reference: method === 'cash' ? null : 'UTR1', dayId: `day-${date}`, businessDate: d(date), at: `${date}T17:00:00+05:30`, paidBy: 'm1', cashMovementId: null };
}

function twoDays() {
  const newId = idMaker();
  const s1 = makeSale({ receiptNo: 'K01/2627/000001', date: d('2026-11-21'), createdAt: '2026-11-21T10:00:00+05:30', pieces: [{ artisan: HALEEMA, sku: 'PSH-0141', price: 250_000 }, { artisan: BASHIR, sku: 'SAM-1', hsn: '7418', handmade: false, price: 100_000 }] }, newId);
  const s2 = makeSale({ receiptNo: 'K01/2627/000002', date: d('2026-11-23'), createdAt: '2026-11-23T10:00:00+05:30', pieces: [{ artisan: SAKINA, sku: 'STL-1', price: 80_000, qty: 2 }] }, newId);
  // Haleema's shawl comes back on the 23rd: it lowers the 23rd, not the 21st.
  const r1 = makeReturn({ original: s1, earlier: [], quantities: [{ lineId: s1.lines[0]!.id, qty: 1 }], receiptNo: 'K01/C2627/00001', date: d('2026-11-23'), createdAt: '2026-11-23T12:00:00+05:30' }, newId);
  const rows: Committed[] = [s1, s2, r1];
  const input: EarningsInput = {
    from: d('2026-11-21'), to: d('2026-11-23'), artisans: [HALEEMA, BASHIR, SAKINA],
    sales: rows.map((r) => r.sale), lines: rows.flatMap((r) => r.lines), payouts: [payout('a2', 'A-021', 50_000, '2026-11-22', 'upi')],
  };
  return { input, s1, s2, r1 };
}

describe('artisans’ earnings', () => {
  it('gives each artisan items, gross, returns, tax, commission, net, paid and owed', () => {
    const { input, s1 } = twoDays();
    const r = earningsReport(input);
    expect(r.artisans.map((a) => a.artisanCode)).toEqual(['A-014', 'A-021', 'A-033']);
    const [haleema, bashir] = r.artisans;
    expect(haleema).toMatchObject({ itemsSold: 1, itemsReturned: 1, gross: 250_000, returns: 250_000, tax: 0, commission: 0, net: 0, paid: 0, owed: 0 });
    expect(bashir).toMatchObject({ gross: 100_000, net: s1.lines[1]!.artisanNet, paid: 50_000, owed: s1.lines[1]!.artisanNet - 50_000 });
    expect(bashir!.payouts).toHaveLength(1);
    expect(r.totals.net).toBe(r.artisans.reduce((s, a) => s + a.net, 0));
  });

  it('carries what was owed before the range', () => {
    const { input } = twoDays();
    const r = earningsReport({ ...input, broughtForward: new Map([['a1', paise(12_345)], ['a9', paise(500)]]) });
    expect(r.artisans.find((a) => a.artisanId === 'a1')).toMatchObject({ broughtForward: 12_345, owed: 12_345 });
    expect(r.artisans.find((a) => a.artisanId === 'a9')).toMatchObject({ owed: 500, net: 0 });
  });

  it('keeps to the range: a day shows only its own lines and payouts', () => {
    const { input, s1 } = twoDays();
    const day = earningsReport({ ...input, from: d('2026-11-21'), to: d('2026-11-21') });
    expect(day.artisans.map((a) => [a.artisanCode, a.net])).toEqual([['A-014', s1.lines[0]!.artisanNet], ['A-021', s1.lines[1]!.artisanNet]]);
    expect(day.artisans[1]!.paid).toBe(0);
  });

  it('gives the women’s share, each cooperative, and a net per day with the empty days', () => {
    const { input, s1, s2, r1 } = twoDays();
    const r = earningsReport(input);
    const women = s2.lines[0]!.artisanNet; // Haleema's net is 0 after her return
    expect(r.women).toEqual({ net: women, totalNet: r.totals.net, shareBps: Math.round((women * 10_000) / r.totals.net) });
    expect(r.cooperatives.map((c) => [c.cooperative, c.artisanCount, c.net])).toEqual([['Kani Weavers', 2, women], ['', 1, s1.lines[1]!.artisanNet]]);
    expect(r.daily).toEqual([
      { date: '2026-11-21', net: s1.lines[0]!.artisanNet + s1.lines[1]!.artisanNet },
      { date: '2026-11-22', net: 0 },
      { date: '2026-11-23', net: s2.lines[0]!.artisanNet + r1.lines[0]!.artisanNet },
    ]);
  });

  it('has no women’s share when nobody earned', () => {
    const r = earningsReport({ from: d('2026-11-21'), to: d('2026-11-21'), artisans: [], sales: [], lines: [], payouts: [] });
    expect(r.women.shareBps).toBeNull();
    expect(r.daily).toEqual([{ date: '2026-11-21', net: 0 }]);
  });

  it('walks dates across months and years, and refuses a backwards range', () => {
    expect(datesBetween(d('2026-12-30'), d('2027-01-02'))).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(datesBetween(d('2028-02-28'), d('2028-03-01'))).toHaveLength(3);
    expect(() => datesBetween(d('2026-11-22'), d('2026-11-21'))).toThrow(RangeError);
  });

  it('exports the table as RFC 4180 CSV', () => {
    const { input } = twoDays();
    const withComma = { ...input, artisans: [{ ...HALEEMA, name: 'Haleema "Hali" Akhter, Kanihama' }, BASHIR, SAKINA] };
    const csv = earningsCsv(earningsReport(withComma));
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe('artisan_code,name,cooperative,gender,fair_wage_certified,items_sold,items_returned,gross,returns,gst,commission,net,paid,brought_forward,owed');
    expect(rows[1]).toBe('A-014,"Haleema ""Hali"" Akhter, Kanihama",Kani Weavers,F,yes,1,1,2500.00,2500.00,0.00,0.00,0.00,0.00,0.00,0.00');
    expect(rows[2]!.startsWith('A-021,Bashir Ahmad Kanth,,M,no,1,0,1000.00,0.00,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(rows).toHaveLength(5);
  });
});
