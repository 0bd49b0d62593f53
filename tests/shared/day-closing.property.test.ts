import { describe, expect, it } from 'vitest';
import { cashCountValue, EMPTY_CASH_COUNT } from '../../shared/cash-count';
import { buildEarningsSlip, buildZReport, dayFigureProblems } from '../../shared/day-documents';
import { dayFigures, type DayFigures } from '../../shared/day-report';
import { earningsReport } from '../../shared/earnings';
import type { CashMovementEntity, CashCount, ClosedBusinessDayEntity, OpenBusinessDayEntity, PayoutEntity } from '../../shared/entities';
import { buildEnvelope, serializeEnvelope } from '../../shared/envelope';
import { gstMonth } from '../../shared/gst-export';
import { paise, type Paise } from '../../shared/money';
import { checkEnvelope } from '../../shared/protocol/daily-earnings';
import { returnedSoFar } from '../../shared/returns';
import { cashRoundOff, type TenderInput } from '../../shared/tender';
import type { BusinessDate } from '../../shared/time';
import { STORE } from '../electron/printing/sample-sale';
import { seeded } from '../fixtures/random';
import { artisan, idMaker, makeReturn, makeSale, type Committed, type Piece } from './day-fixture';

/** Draws on the seeded generator, so a failing day can be replayed from its seed. */
function prng(seed: number) {
  const next = seeded(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!, chance: (p: number) => next() < p };
}

const ARTISANS = [
  artisan({ id: 'a1', code: 'A-001', name: 'Haleema Akhter', gender: 'F', cooperative: 'Kani Weavers', commissionBps: 1500 }),
  artisan({ id: 'a2', code: 'A-002', name: 'Bashir Ahmad', gender: 'M', cooperative: '', commissionBps: 1250, fairWageCertified: false }),
  artisan({ id: 'a3', code: 'A-003', name: 'Sakina Bano', gender: 'F', cooperative: 'Kani Weavers', commissionBps: 1000 }),
  artisan({ id: 'a4', code: 'A-004', name: 'Gulzar Mir', gender: null, cooperative: 'Papier Mache Guild', commissionBps: 1333 }),
  artisan({ id: 'a5', code: 'A-005', name: 'Mehmooda', gender: 'F', cooperative: 'Papier Mache Guild', commissionBps: 0 }),
];
/** Prices around the textile slab on purpose (₹2,600, ₹2,625.00, ₹2,625.01), odd paise, and 18% goods. */
const PRODUCTS: Omit<Piece, 'qty' | 'discount'>[] = [
  { artisan: ARTISANS[0]!, sku: 'PSH-1', hsn: '6214', handmade: true, price: 1_250_000 },
  { artisan: ARTISANS[0]!, sku: 'STL-1', hsn: '6214', handmade: false, price: 260_000 },
  { artisan: ARTISANS[1]!, sku: 'STL-2', hsn: '6214', handmade: false, price: 262_500 },
  { artisan: ARTISANS[1]!, sku: 'STL-3', hsn: '6117', handmade: false, price: 262_501 },
  { artisan: ARTISANS[1]!, sku: 'SAM-1', hsn: '7418', handmade: false, price: 85_033 },
  { artisan: ARTISANS[2]!, sku: 'NMD-1', hsn: '5705', handmade: true, price: 333_333 },
  { artisan: ARTISANS[3]!, sku: 'BOX-1', hsn: '4823', handmade: true, price: 45_099 },
  { artisan: ARTISANS[3]!, sku: 'WAL-1', hsn: '4419', handmade: false, price: 12_345 },
  { artisan: ARTISANS[4]!, sku: 'GAB-1', hsn: '5701', handmade: true, price: 1_850_001 },
  { artisan: ARTISANS[4]!, sku: 'CUP-1', hsn: '6304', handmade: true, price: 99_999 },
];

interface ClosedDay { day: ClosedBusinessDayEntity; z: DayFigures; rows: Committed[]; payouts: PayoutEntity[]; movements: CashMovementEntity[] }

function countOf(total: number): CashCount {
  const notes = { ...EMPTY_CASH_COUNT.notes };
  let rest = total;
  for (const r of [500, 200, 100, 50, 20, 10] as const) { notes[r] = Math.floor(rest / (r * 100)); rest -= notes[r] * r * 100; }
  return { notes, coins: paise(rest) };
}

function simulate(seed: number, dayCount: number) {
  const r = prng(seed);
  const newId = idMaker(`s${seed}`);
  const all: Committed[] = [];
  const returnsOf = new Map<string, Committed[]>();
  const closed: ClosedDay[] = [];
  let invoice = 0, credit = 0;
  let date = new Date('2026-10-27T12:00:00Z');
  let previous: { zNumber: number; grandTotal: Paise } | null = { zNumber: 40, grandTotal: paise(r.int(0, 50_000_000)) };
  for (let d = 0; d < dayCount; d++) {
    // Sometimes a second day opens on the same calendar date after a close.
    if (d > 0 && !r.chance(0.25)) date = new Date(date.getTime() + 86_400_000);
    const businessDate = date.toISOString().slice(0, 10) as BusinessDate;
    const dayId = `day-${seed}-${d}`;
    const openingCount = countOf(r.int(0, 40) * 10_000 + r.int(0, 999));
    const open: OpenBusinessDayEntity = {
      id: dayId, businessDate, deviceId: 'pv/K01', openedAt: `${businessDate}T09:00:00+05:30`, openedBy: 'm1',
      openingCount, openingFloat: cashCountValue(openingCount), status: 'open',
    };
    const rows: Committed[] = [];
    const movements: CashMovementEntity[] = [];
    const payouts: PayoutEntity[] = [];
    let minute = 0;
    const stamp = () => { minute++; return `${businessDate}T${String(10 + Math.floor(minute / 60) % 12).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+05:30`; };
    const saleCount = r.int(0, 25);
    for (let s = 0; s < saleCount; s++) {
      const pieces: Piece[] = Array.from({ length: r.int(1, 5) }, () => {
        const p = r.pick(PRODUCTS);
        const qty = r.int(1, 3);
        const discount = r.chance(0.3) ? r.int(0, Math.floor(p.price * qty * 0.2)) : 0;
        return { ...p, sku: p.sku, qty, discount };
      });
      // One product per line, as the cart keeps it.
      const unique = [...new Map(pieces.map((p) => [p.sku, p])).values()];
      const kind = r.int(0, 4);
      const allCash = kind <= 1;
      const createdAt = stamp();
      const receiptNo = `K01/2627/${String(++invoice).padStart(6, '0')}`;
      const roundOffFor = (gross: number) => (allCash && r.chance(0.5) ? cashRoundOff(paise(gross)) : 0);
      const grossOf = unique.reduce((sum, p) => sum + p.price * (p.qty ?? 1) - (p.discount ?? 0), 0);
      if (grossOf <= 0) { invoice--; continue; }
      const roundOff = roundOffFor(grossOf);
      const tenders = (total: Paise): TenderInput[] => {
        if (kind === 0) return [{ method: 'cash', tendered: total }];
        if (kind === 1) return [{ method: 'cash', tendered: paise(Math.ceil(total / 50_000) * 50_000 + r.int(0, 1) * 50_000) }];
        if (kind === 2) return [{ method: 'card', amount: total, reference: `T${invoice}` }];
        if (kind === 3) return [{ method: 'upi', amount: total, reference: `U${invoice}` }];
        const card = paise(r.int(1, total));
        const upi = paise(r.int(0, total - card));
        const rest = total - card - upi;
        return [
          { method: 'card', amount: card, reference: `T${invoice}` },
          ...(upi > 0 ? [{ method: 'upi' as const, amount: upi, reference: `U${invoice}` }] : []),
          { method: 'cash', tendered: paise(rest + r.int(0, 3) * 10_000) },
        ];
      };
      const sale = makeSale({ receiptNo, date: businessDate, dayId, createdAt, pieces: unique, tenders, roundOff }, newId);
      rows.push(sale);
      all.push(sale);
      if (r.chance(0.05)) {
        // A void of the sale just made: a full return, approved the same way.
        const v = makeReturn({ original: sale, earlier: [], quantities: sale.lines.map((l) => ({ lineId: l.id, qty: l.qty })), receiptNo: `K01/C2627/${String(++credit).padStart(5, '0')}`, date: businessDate, dayId, createdAt: stamp(), kind: 'void' }, newId);
        rows.push(v);
        returnsOf.set(sale.sale.id, [v]);
      }
    }
    // Returns, partial or whole, in steps, of this day's sales or earlier days'.
    const returnCount = all.length === 0 ? 0 : r.int(0, 6);
    for (let k = 0; k < returnCount; k++) {
      const original = r.pick(all);
      const earlier = returnsOf.get(original.sale.id) ?? [];
      const back = returnedSoFar(earlier.flatMap((e) => e.lines));
      const open = original.lines.filter((l) => l.qty > (back.get(l.id) ?? 0));
      if (open.length === 0) continue;
      const quantities = open.filter(() => r.chance(0.6)).map((l) => ({ lineId: l.id, qty: r.int(1, l.qty - (back.get(l.id) ?? 0)) }));
      if (quantities.length === 0) continue;
      const ret = makeReturn({ original, earlier, quantities, receiptNo: `K01/C2627/${String(++credit).padStart(5, '0')}`, date: businessDate, dayId, createdAt: stamp(), mode: r.chance(0.7) ? 'original-tenders' : 'cash' }, newId);
      rows.push(ret);
      returnsOf.set(original.sale.id, [...earlier, ret]);
    }
    if (r.chance(0.4)) movements.push({ id: newId(), dayId, businessDate, kind: 'paid-in', amount: paise(r.int(1, 50) * 10_000), reason: 'change', by: 'u1', approvedBy: 'm1', at: stamp(), payoutId: null });
    if (r.chance(0.3)) movements.push({ id: newId(), dayId, businessDate, kind: 'paid-out', amount: paise(r.int(1, 500) * 100), reason: 'tea', by: 'u1', approvedBy: 'm1', at: stamp(), payoutId: null });
    if (r.chance(0.5)) {
      const who = r.pick(ARTISANS);
      const method = r.pick(['cash', 'upi', 'bank'] as const);
      const id = newId();
      const amount = paise(r.int(1, 200) * 1_000);
      const mv = method === 'cash' ? newId() : null;
      payouts.push({ id, artisanId: who.id, artisanCode: who.code, amount, method, reference: method === 'cash' ? null : `REF${id}`, dayId, businessDate, at: stamp(), paidBy: 'm1', cashMovementId: mv });
      if (mv) movements.push({ id: mv, dayId, businessDate, kind: 'paid-out', amount, reason: `payout ${who.code}`, by: 'm1', approvedBy: 'm1', at: stamp(), payoutId: id });
    }
    const input = { sales: rows.map((x) => x.sale), lines: rows.flatMap((x) => x.lines), payments: rows.flatMap((x) => x.payments), cashMovements: movements, previous };
    const x = dayFigures({ ...input, day: open });
    const counted = Math.max(0, x.cash.expected + r.int(-3, 3) * r.pick([0, 1, 100, 5_000]));
    const closingCount = countOf(counted);
    const day: ClosedBusinessDayEntity = {
      ...open, status: 'closed', closedAt: `${businessDate}T23:00:00+05:30`, closedBy: 'm1', zNumber: x.zNumber, closingCount,
      countedCash: cashCountValue(closingCount), expectedCash: x.cash.expected, overShort: paise(counted - x.cash.expected), grandTotal: x.grandTotal, auditHead: 'c'.repeat(64),
    };
    const z = dayFigures({ ...input, day });
    closed.push({ day, z, rows, payouts, movements });
    previous = { zNumber: z.zNumber, grandTotal: z.grandTotal };
  }
  return { closed, all, returnsOf };
}

const SEEDS = Array.from({ length: 12 }, (_, i) => 1_000 + i * 7_919);

describe('closing many random days', () => {
  it.each(SEEDS)('seed %i: Z, envelope, slips and GST export agree to the paisa', (seed) => {
    const { closed } = simulate(seed, 30);
    const dates = new Map<string, ClosedDay[]>();
    for (const c of closed) dates.set(c.day.businessDate, [...(dates.get(c.day.businessDate) ?? []), c]);
    expect([...dates.values()].some((ds) => ds.length > 1)).toBe(true);

    let gt = closed[0]!.z.previousGrandTotal;
    closed.forEach((c, i) => {
      const { z } = c;
      expect(dayFigureProblems(z)).toEqual([]);
      expect(z.zNumber).toBe(41 + i);
      expect(z.grandTotal).toBe(gt + z.sales);
      expect(z.grandTotal).toBeGreaterThanOrEqual(gt);
      gt = z.grandTotal;
      // Expected cash counted independently: float + every cash payment (net of change, refunds negative) + in − out.
      const cashNet = c.rows.flatMap((x) => x.payments).filter((p) => p.method === 'cash').reduce((s, p) => s + p.amount, 0);
      const moves = c.movements.reduce((s, m) => s + (m.kind === 'paid-in' ? m.amount : -m.amount), 0);
      expect(z.cash.expected).toBe(c.day.openingFloat + cashNet + moves);
      expect(z.cash.overShort).toBe(c.day.countedCash - z.cash.expected);

      const envelope = buildEnvelope(z, { deviceId: 'pv/K01', marketId: 'srinagar-polo-view' });
      const check = checkEnvelope(envelope);
      expect(check.ok ? [] : check.problems).toEqual([]);
      const body = serializeEnvelope(envelope);
      expect(serializeEnvelope(JSON.parse(body))).toBe(body);
      expect(envelope.totals.tax).toBe(z.tax);
      expect(envelope.totals.artisanNet).toBe(z.artisanNet);
      if (i % 10 === 0) buildZReport({ store: STORE, figures: z, auditHead: c.day.auditHead, copy: 'original', width: i % 20 === 0 ? 48 : 32 });
    });

    // Each artisan's slip for a calendar date equals her lines in that date's Z reports (two days on one date add up).
    for (const [date, days] of dates) {
      const rows = days.flatMap((d) => d.rows);
      const e = earningsReport({
        from: date as BusinessDate, to: date as BusinessDate, artisans: ARTISANS, sales: rows.map((x) => x.sale),
        lines: rows.flatMap((x) => x.lines), payouts: days.flatMap((d) => d.payouts),
      });
      for (const a of e.artisans) {
        const inZ = days.flatMap((d) => d.z.artisans.filter((x) => x.artisanId === a.artisanId));
        const sum = (k: 'gross' | 'returns' | 'tax' | 'commission' | 'net' | 'itemsSold') => inZ.reduce((s, x) => s + x[k], 0);
        expect([a.gross, a.returns, a.tax, a.commission, a.net, a.itemsSold]).toEqual([sum('gross'), sum('returns'), sum('tax'), sum('commission'), sum('net'), sum('itemsSold')]);
        expect(a.paid).toBe(days.flatMap((d) => d.payouts).filter((p) => p.artisanId === a.artisanId).reduce((s, p) => s + p.amount, 0));
        expect(a.owed).toBe(a.net - a.paid);
        buildEarningsSlip({ store: STORE, artisan: a, from: date as BusinessDate, to: date as BusinessDate, printedAt: new Date('2026-12-01T12:00:00Z'), width: 32 });
      }
      expect(e.totals.net).toBe(days.reduce((s, d) => s + d.z.artisanNet, 0));
    }

    // The month's GSTR-1 figures are the sum of its Z reports.
    const months = new Set(closed.map((c) => c.day.businessDate.slice(0, 7)));
    expect(months.size).toBeGreaterThan(1);
    for (const month of months) {
      const inMonth = closed.filter((c) => c.day.businessDate.startsWith(month));
      const g = gstMonth(month, closed.flatMap((c) => c.rows.flatMap((x) => x.lines)));
      const rates = new Map<number, [number, number, number]>();
      for (const c of inMonth) for (const t of c.z.taxByRate) {
        const acc = rates.get(t.rateBps) ?? [0, 0, 0];
        rates.set(t.rateBps, [acc[0] + t.taxable, acc[1] + t.cgst, acc[2] + t.sgst]);
      }
      expect(g.b2cs.map((b) => [b.rateBps, b.taxable, b.cgst, b.sgst])).toEqual([...rates.entries()].sort(([a], [b]) => a - b).map(([k, v]) => [k, ...v]));
      expect(g.totals.tax).toBe(inMonth.reduce((s, c) => s + c.z.tax, 0));
      expect(g.hsn.reduce((s, h) => s + h.taxable, 0)).toBe(g.totals.taxable);
      expect(g.hsn.reduce((s, h) => s + h.qty, 0)).toBe(inMonth.reduce((s, c) => s + c.z.itemsSold - c.z.itemsReturned, 0));
    }
  });

  it.each(SEEDS.slice(0, 6))('seed %i: returns never exceed what was sold, and a full return gives back exactly the original', (seed) => {
    const { all, returnsOf } = simulate(seed, 30);
    let full = 0;
    for (const sale of all) {
      const rets = returnsOf.get(sale.sale.id) ?? [];
      const back = returnedSoFar(rets.flatMap((x) => x.lines));
      for (const l of sale.lines) expect(back.get(l.id) ?? 0).toBeLessThanOrEqual(l.qty);
      const refunds = rets.flatMap((x) => x.payments);
      expect(-refunds.reduce((s, p) => s + p.amount, 0)).toBeLessThanOrEqual(sale.sale.total);
      if (!sale.lines.every((l) => back.get(l.id) === l.qty)) continue;
      full++;
      for (const l of sale.lines) {
        const mine = rets.flatMap((x) => x.lines).filter((b) => b.originalLineId === l.id);
        for (const k of ['gross', 'discount', 'tax', 'cgst', 'sgst', 'taxable', 'commission', 'artisanNet'] as const) {
          expect(mine.reduce((s, b) => s + b[k], 0)).toBe(0 - l[k]);
        }
      }
      expect(rets.reduce((s, x) => s + x.sale.total, 0)).toBe(0 - sale.sale.total);
      expect(rets.reduce((s, x) => s + x.sale.roundOff, 0)).toBe(0 - sale.sale.roundOff);
      expect(-refunds.reduce((s, p) => s + p.amount, 0)).toBe(sale.sale.total);
    }
    expect(full).toBeGreaterThan(0);
    // The generator really made what the properties are about.
    expect(all.some((x) => new Set(x.payments.map((p) => p.method)).size >= 2)).toBe(true);
    expect(all.some((x) => x.payments.some((p) => (p.change ?? 0) > 0))).toBe(true);
    expect(all.some((x) => x.sale.roundOff !== 0)).toBe(true);
    expect([...returnsOf.values()].some((rets) => rets.length >= 2)).toBe(true);
    expect([...returnsOf.values()].some((rets) => rets.some((x) => x.sale.kind === 'void'))).toBe(true);
    expect([...returnsOf.values()].some((rets) => rets.some((x) => x.sale.businessDate !== rets[0]!.sale.businessDate || x.sale.businessDate !== all.find((a) => a.sale.id === x.sale.originalSaleId)!.sale.businessDate))).toBe(true);
  });
});
