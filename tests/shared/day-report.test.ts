import { describe, expect, it } from 'vitest';
import { dayFigures, DayRowsError, type DayReportInput } from '../../shared/day-report';
import { paise, type Paise } from '../../shared/money';
import type { BusinessDate } from '../../shared/time';
import { BASHIR, closeDayRow, HALEEMA, idMaker, makeReturn, makeSale, movement, openDayRow, SAKINA, type Committed } from './day-fixture';

const date = '2026-11-22' as BusinessDate;
const p = (n: number) => n as Paise;

/** A small day worked by hand: every figure below is checked against arithmetic in the comments. */
function handDay() {
  const newId = idMaker();
  const dayId = 'day-1';
  // 1: the PROTOCOL.md shawl, ₹2,500 cash, buyer hands ₹3,000.
  const s1 = makeSale({ receiptNo: 'K01/2627/000001', date, dayId, createdAt: '2026-11-22T10:00:00+05:30',
    pieces: [{ artisan: HALEEMA, sku: 'PSH-0141', price: 250_000 }], tenders: () => [{ method: 'cash', tendered: p(300_000) }] }, newId);
  // 2: two samovars (18%) at ₹1,000 with ₹100 off, card ₹1,000 + cash ₹900 exact.
  const s2 = makeSale({ receiptNo: 'K01/2627/000002', date, dayId, createdAt: '2026-11-22T11:00:00+05:30',
    pieces: [{ artisan: BASHIR, sku: 'SAM-1', hsn: '7418', handmade: false, price: 100_000, qty: 2, discount: 10_000 }],
    tenders: () => [{ method: 'card', amount: p(100_000), reference: 'T77' }, { method: 'cash', tendered: p(90_000) }] }, newId);
  // 3: a stole ₹1,499.60 by UPI... rounded in cash to ₹1,500 instead: round-off +40.
  const s3 = makeSale({ receiptNo: 'K01/2627/000003', date, dayId, createdAt: '2026-11-22T12:00:00+05:30', roundOff: 40,
    pieces: [{ artisan: SAKINA, sku: 'STL-9', price: 149_960 }], tenders: () => [{ method: 'cash', tendered: p(150_000) }] }, newId);
  // 4: UPI ₹800 for a box by Haleema.
  const s4 = makeSale({ receiptNo: 'K01/2627/000004', date, dayId, createdAt: '2026-11-22T13:00:00+05:30',
    pieces: [{ artisan: HALEEMA, sku: 'BOX-2', hsn: '4420', price: 80_000 }], tenders: () => [{ method: 'upi', amount: p(80_000), reference: 'UPI1' }] }, newId);
  // Return one samovar of sale 2 to the original tenders: ₹950 back, ₹500 to card, ₹450 cash.
  const r1 = makeReturn({ original: s2, earlier: [], quantities: [{ lineId: s2.lines[0]!.id, qty: 1 }], receiptNo: 'K01/C2627/00001', date, dayId, createdAt: '2026-11-22T15:00:00+05:30' }, newId);
  const records: Committed[] = [s1, s2, s3, s4, r1];
  const input: DayReportInput = {
    day: openDayRow(), sales: records.map((r) => r.sale), lines: records.flatMap((r) => r.lines), payments: records.flatMap((r) => r.payments),
    cashMovements: [movement('paid-in', 50_000), movement('paid-out', 20_000)], previous: { zNumber: 16, grandTotal: p(98_000_000) },
  };
  return { input, s1, s2, s3, s4, r1 };
}

describe('day figures (X and Z)', () => {
  it('adds up a day worked by hand', () => {
    const { input, s1, s2, s3, s4, r1 } = handDay();
    const z = dayFigures(input);
    expect(z).toMatchObject({ saleCount: 4, returnCount: 1, itemsSold: 5, itemsReturned: 1, zNumber: 17, status: 'open', closedAt: null });
    expect(z.sales).toBe(250_000 + 190_000 + 149_960 + 80_000);
    expect(z.discounts).toBe(10_000);
    expect(z.returns).toBe(95_000);
    expect(z.roundOff).toBe(40);
    expect(z.netTakings).toBe(z.sales - z.returns + z.roundOff);
    expect(z.tenders).toEqual({ cash: 250_000 + 90_000 + 150_000 - 45_000, card: 100_000 - 50_000, upi: 80_000 });
    expect(z.cash).toEqual({
      openingFloat: 200_000, cashTaken: 300_000 + 90_000 + 150_000, changeGiven: 50_000, cashRefunds: 45_000,
      paidIn: 50_000, paidOut: 20_000, expected: 200_000 + 540_000 - 50_000 - 45_000 + 50_000 - 20_000, counted: null, overShort: null,
    });
    const all = [s1, s2, s3, s4, r1].flatMap((r) => r.lines);
    expect(z.tax).toBe(all.reduce((s, l) => s + l.tax, 0));
    expect(z.taxByRate.map((r) => r.rateBps)).toEqual([500, 1800]);
    const at18 = z.taxByRate[1]!;
    expect(at18.tax).toBe(s2.lines[0]!.tax + r1.lines[0]!.tax);
    expect(at18.cgst + at18.sgst).toBe(at18.tax);
    expect(z.grandTotal).toBe(98_000_000 + z.sales);
  });

  it('gives each artisan her items, gross, returns, tax, commission and net, with her lines', () => {
    const { input, s1, s4 } = handDay();
    const z = dayFigures(input);
    expect(z.artisans.map((a) => a.artisanCode)).toEqual(['A-014', 'A-021', 'A-033']);
    const haleema = z.artisans[0]!;
    expect(haleema).toMatchObject({ itemsSold: 2, itemsReturned: 0, gross: 330_000, returns: 0, tax: s1.lines[0]!.tax + s4.lines[0]!.tax });
    expect(haleema.net).toBe(haleema.gross - haleema.returns - haleema.tax - haleema.commission);
    expect(haleema.lines.map((l) => l.receiptNo)).toEqual(['K01/2627/000001', 'K01/2627/000004']);
    const bashir = z.artisans[1]!;
    expect(bashir).toMatchObject({ itemsSold: 2, itemsReturned: 1, gross: 190_000, returns: 95_000 });
    expect(bashir.lines.map((l) => l.qty)).toEqual([2, -1]);
    expect(z.artisans.reduce((s, a) => s + a.net, 0)).toBe(z.artisanNet);
  });

  it('counts over/short from the blind count, and a closed day from its own record', () => {
    const { input } = handDay();
    const x = dayFigures({ ...input, counted: p(484_000) });
    expect(x.cash.overShort).toBe(484_000 - x.cash.expected);
    const closed = closeDayRow(openDayRow(), { zNumber: 17, expected: x.cash.expected, counted: p(480_000), grandTotal: x.grandTotal });
    const z = dayFigures({ ...input, day: closed });
    expect(z).toMatchObject({ status: 'closed', zNumber: 17, closedAt: closed.closedAt });
    expect(z.cash).toMatchObject({ counted: 480_000, overShort: 480_000 - x.cash.expected });
  });

  it('starts Z at 1 and the grand total at the day’s sales on a first day, and reports an empty day', () => {
    const z = dayFigures({ day: openDayRow(), sales: [], lines: [], payments: [], cashMovements: [], previous: null });
    expect(z).toMatchObject({ zNumber: 1, sales: 0, grandTotal: 0, artisans: [], taxByRate: [] });
    expect(z.cash.expected).toBe(200_000);
  });

  it('refuses rows that do not add up or belong to another day, naming them', () => {
    const { input } = handDay();
    const bad = (change: Partial<DayReportInput>) => () => dayFigures({ ...input, ...change });
    const [first, ...rest] = input.lines;
    expect(bad({ lines: [{ ...first!, tax: paise(first!.tax + 1) }, ...rest] })).toThrow(DayRowsError);
    expect(bad({ lines: rest })).toThrow(/do not make its gross/);
    expect(bad({ payments: input.payments.slice(1) })).toThrow(/payments of K01\/2627\/000001/);
    expect(bad({ sales: input.sales.map((s, i) => (i === 0 ? { ...s, dayId: 'day-0' } : s)) })).toThrow(/another day/);
    expect(bad({ cashMovements: [movement('paid-out', 100, 'day-9')] })).toThrow(/another day/);
    const closed = closeDayRow(openDayRow(), { zNumber: 17, expected: p(1), counted: p(1), grandTotal: p(1) });
    expect(bad({ day: closed })).toThrow(/expected cash was 1/);
    expect(bad({ day: { ...closed, zNumber: 19 } })).toThrow(/does not follow/);
  });

  // How fast it is belongs to the bench (npm run bench: the Z close of a 2,000-sale day);
  // here, that a day of that size comes out whole.
  it('takes a day of 2,000 sales (about 5,000 lines): every line in its artisan, every sale counted', () => {
    const newId = idMaker();
    const records: Committed[] = [];
    for (let i = 0; i < 2_000; i++) {
      const n = 1 + (i % 4);
      records.push(makeSale({ receiptNo: `K01/2627/${String(i + 1).padStart(6, '0')}`, date, dayId: 'day-1', createdAt: `2026-11-22T10:${String(i % 60).padStart(2, '0')}:00+05:30`,
        pieces: Array.from({ length: n }, (_, j) => ({ artisan: [HALEEMA, BASHIR, SAKINA][(i + j) % 3]!, sku: `S-${j}`, price: 50_000 + i * 7 + j, qty: 1 + (j % 2) })) }, newId));
    }
    const input: DayReportInput = { day: openDayRow(), sales: records.map((r) => r.sale), lines: records.flatMap((r) => r.lines), payments: records.flatMap((r) => r.payments), cashMovements: [], previous: null };
    expect(input.lines.length).toBe(5_000);
    const z = dayFigures(input);
    expect(z.saleCount).toBe(2_000);
    expect(z.artisans.flatMap((a) => a.lines)).toHaveLength(5_000);
    expect(z.artisans.reduce((sum, a) => sum + a.net, 0)).toBe(input.lines.reduce((sum, l) => sum + l.artisanNet, 0));
  });
});
