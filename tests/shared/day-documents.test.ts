import { describe, expect, it } from 'vitest';
import { buildEarningsSlip, buildXReport, buildZReport, dayFigureProblems } from '../../shared/day-documents';
import { dayFigures, type DayFigures } from '../../shared/day-report';
import { documentToText, PrintDocumentSchema, type PrintDocument } from '../../shared/documents';
import { earningsReport } from '../../shared/earnings';
import { paise } from '../../shared/money';
import type { BusinessDate } from '../../shared/time';
import { STORE } from '../electron/printing/sample-sale';
import { BASHIR, closeDayRow, HALEEMA, idMaker, makeReturn, makeSale, movement, openDayRow } from './day-fixture';

const date = '2026-11-22' as BusinessDate;
const HEAD = 'ab12'.repeat(16);

function figures(): { x: DayFigures; z: DayFigures; rows: ReturnType<typeof makeSale>[] } {
  const newId = idMaker();
  const s1 = makeSale({ receiptNo: 'K01/2627/000123', date, dayId: 'day-1', createdAt: '2026-11-22T10:00:00+05:30', pieces: [{ artisan: HALEEMA, sku: 'PSH-0141', name: 'Pashmina shawl', price: 250_000 }] }, newId);
  const s2 = makeSale({ receiptNo: 'K01/2627/000124', date, dayId: 'day-1', createdAt: '2026-11-22T11:00:00+05:30',
    pieces: [{ artisan: BASHIR, sku: 'SAM-1', name: 'Copper samovar', hsn: '7418', handmade: false, price: 100_000, qty: 2 }],
    tenders: () => [{ method: 'upi', amount: paise(200_000), reference: 'UPI9' }] }, newId);
  const r1 = makeReturn({ original: s2, earlier: [], quantities: [{ lineId: s2.lines[0]!.id, qty: 1 }], receiptNo: 'K01/C2627/00001', date, dayId: 'day-1', createdAt: '2026-11-22T12:00:00+05:30', mode: 'cash' }, newId);
  const rows = [s1, s2, r1];
  const base = { sales: rows.map((r) => r.sale), lines: rows.flatMap((r) => r.lines), payments: rows.flatMap((r) => r.payments), cashMovements: [movement('paid-out', 10_000)], previous: { zNumber: 16, grandTotal: paise(98_765_400) } };
  const x = dayFigures({ ...base, day: openDayRow() });
  const z = dayFigures({ ...base, day: closeDayRow(openDayRow(), { zNumber: 17, expected: x.cash.expected, counted: paise(x.cash.expected - 1_000), grandTotal: x.grandTotal }) });
  return { x, z, rows };
}

const amountAfter = (text: string[], label: string) => text.find((l) => l.startsWith(label))?.slice(label.length).trim();

function expectPrintable(doc: PrintDocument, width: number) {
  expect(PrintDocumentSchema.safeParse(doc).success).toBe(true);
  for (const line of documentToText(doc)) {
    expect(line.length).toBeLessThanOrEqual(width);
    expect(/^[\x20-\x7e]*$/.test(line)).toBe(true);
  }
}

describe('X and Z reports', () => {
  it('prints the Z with its number, the figures, the grand total and the audit chain head', () => {
    const { z } = figures();
    const doc = buildZReport({ store: STORE, figures: z, auditHead: HEAD, copy: 'original', width: 48 });
    const text = documentToText(doc);
    expect(doc).toMatchObject({ type: 'report', title: 'Z 17 2026-11-22' });
    expect(amountAfter(text, 'Z number')).toBe('17');
    expect(amountAfter(text, 'Sales (2, 3 pcs)')).toBe('Rs. 4,500.00');
    expect(amountAfter(text, 'Returns (1, 1 pcs)')).toBe('-Rs. 1,000.00');
    // ₹2,000 float + ₹2,500 cash taken − ₹1,000 refunded in cash − ₹100 paid out
    expect(amountAfter(text, 'Expected in drawer')).toBe('Rs. 3,400.00');
    expect(amountAfter(text, 'SHORT')).toBe('-Rs. 10.00');
    expect(amountAfter(text, 'UPI')).toBe('Rs. 2,000.00');
    expect(amountAfter(text, 'Grand total')).toBe('Rs. 9,92,154.00');
    expect(text).toContain(HEAD.slice(0, 48));
    expect(text.some((l) => l.startsWith('CGST @ 9%'))).toBe(true);
    expect(text).toContain('A-021 Bashir Ahmad Kanth');
    expectPrintable(doc, 48);
    expectPrintable(buildZReport({ store: STORE, figures: z, auditHead: HEAD, copy: 'duplicate', width: 32 }), 32);
  });

  it('prints the X as a snapshot that is not a close', () => {
    const { x } = figures();
    const doc = buildXReport({ store: STORE, figures: x, printedAt: new Date('2026-11-22T09:30:00Z'), width: 32 });
    const text = documentToText(doc);
    expect(text.some((l) => l.includes('X REPORT'))).toBe(true);
    expect(amountAfter(text, 'Printed')).toBe('22 Nov 2026, 15:00');
    expect(text.some((l) => l.startsWith('Counted'))).toBe(false);
    expectPrintable(doc, 32);
  });

  it('refuses figures that do not add up, an open day as a Z, or a bad chain head', () => {
    const { x, z } = figures();
    const off = { ...z, tenders: { ...z.tenders, cash: paise(z.tenders.cash + 1) } };
    expect(dayFigureProblems(off)).toHaveLength(2);
    expect(() => buildZReport({ store: STORE, figures: off, auditHead: HEAD, copy: 'original', width: 48 })).toThrow(/tenders/);
    expect(() => buildXReport({ store: STORE, figures: { ...x, grandTotal: paise(0) }, printedAt: new Date(), width: 48 })).toThrow(/grand total/);
    expect(() => buildZReport({ store: STORE, figures: x, auditHead: HEAD, copy: 'original', width: 48 })).toThrow(/not closed/);
    expect(() => buildZReport({ store: STORE, figures: z, auditHead: 'abc', copy: 'original', width: 48 })).toThrow(/SHA-256/);
    expect(dayFigureProblems(z)).toEqual([]);
  });
});

describe('earnings slip', () => {
  function slipFor(code: string) {
    const { rows } = figures();
    const report = earningsReport({
      from: date, to: date, artisans: [HALEEMA, BASHIR], sales: rows.map((r) => r.sale), lines: rows.flatMap((r) => r.lines),
      payouts: [{ id: 'po1', artisanId: 'a2', artisanCode: 'A-021', amount: paise(20_000), method: 'upi', reference: 'UTR55', dayId: 'day-1', businessDate: date, at: '2026-11-22T17:00:00+05:30', paidBy: 'm1', cashMovementId: null }],
    });
    return report.artisans.find((a) => a.artisanCode === code)!;
  }

  it('lists each piece with time, price, GST, commission and net, then earned, paid and still owed', () => {
    const bashir = slipFor('A-021');
    const doc = buildEarningsSlip({ store: STORE, artisan: bashir, from: date, to: date, printedAt: new Date('2026-11-22T12:30:00Z'), width: 48 });
    const text = documentToText(doc);
    expect(text).toContain('2 x Copper samovar');
    expect(text).toContain('RETURN -1 x Copper samovar');
    expect(text.some((l) => l.startsWith('  22 Nov 2026, 11:00') && l.endsWith('K01/2627/000124'))).toBe(true);
    expect(amountAfter(text, 'EARNED')).toBe(`Rs. ${(bashir.net / 100).toFixed(2).replace(/\B(?=(\d{3})+\.)/, ',')}`);
    expect(amountAfter(text, 'Paid 2026-11-22 UPI UTR55')).toBe('-Rs. 200.00');
    expect(amountAfter(text, 'STILL OWED')).toBe(`Rs. ${((bashir.net - 20_000) / 100).toFixed(2).replace(/\B(?=(\d{3})+\.)/, ',')}`);
    expectPrintable(doc, 48);
    expectPrintable(buildEarningsSlip({ store: STORE, artisan: bashir, from: date, to: date, printedAt: new Date(), width: 32 }), 32);
  });

  it('refuses a slip whose figures do not add up', () => {
    const haleema = slipFor('A-014');
    expect(() => buildEarningsSlip({ store: STORE, artisan: { ...haleema, owed: paise(haleema.owed + 1) }, from: date, to: date, printedAt: new Date(), width: 48 })).toThrow(/owed/);
    expect(() => buildEarningsSlip({ store: STORE, artisan: { ...haleema, lines: [] }, from: date, to: date, printedAt: new Date(), width: 48 })).toThrow(/gross/);
  });
});
