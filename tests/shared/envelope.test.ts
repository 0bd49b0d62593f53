import { describe, expect, it } from 'vitest';
import { dayFigures } from '../../shared/day-report';
import { buildEnvelope, serializeEnvelope } from '../../shared/envelope';
import { paise, type Paise } from '../../shared/money';
import { checkEnvelope, type DailyEarnings } from '../../shared/protocol/daily-earnings';
import type { BusinessDate } from '../../shared/time';
import { BASHIR, closeDayRow, HALEEMA, idMaker, makeReturn, makeSale, movement, openDayRow } from './day-fixture';

const date = '2026-11-22' as BusinessDate;
const ids = { deviceId: 'pv/K01', marketId: 'srinagar-polo-view' };

function closedDay(counted: number) {
  const newId = idMaker();
  const s1 = makeSale({ receiptNo: 'K01/2627/000123', date, dayId: 'day-1', createdAt: '2026-11-22T10:00:00+05:30', pieces: [{ artisan: HALEEMA, sku: 'PSH-0141', price: 250_000 }] }, newId);
  const s2 = makeSale({ receiptNo: 'K01/2627/000124', date, dayId: 'day-1', createdAt: '2026-11-22T11:00:00+05:30',
    pieces: [{ artisan: BASHIR, sku: 'SAM-1', hsn: '7418', handmade: false, price: 100_000, qty: 3, discount: 1 }],
    tenders: (t) => [{ method: 'card', amount: paise(t - 1_000), reference: 'T1' }, { method: 'cash', tendered: paise(5_000) }] }, newId);
  const r1 = makeReturn({ original: s2, earlier: [], quantities: [{ lineId: s2.lines[0]!.id, qty: 1 }], receiptNo: 'K01/C2627/00001', date, dayId: 'day-1', createdAt: '2026-11-22T12:00:00+05:30' }, newId);
  const rows = [s1, s2, r1];
  const base = { sales: rows.map((r) => r.sale), lines: rows.flatMap((r) => r.lines), payments: rows.flatMap((r) => r.payments), cashMovements: [movement('paid-out', 10_000)], previous: { zNumber: 16, grandTotal: paise(98_765_400) } };
  const x = dayFigures({ ...base, day: openDayRow() });
  const day = closeDayRow(openDayRow(), { zNumber: 17, expected: x.cash.expected, counted: paise(counted), grandTotal: x.grandTotal });
  return { z: dayFigures({ ...base, day }), s1, r1 };
}

describe('daily earnings envelope', () => {
  it('builds PROTOCOL.md’s body from the Z and passes every invariant', () => {
    const { z, s1, r1 } = closedDay(449_000);
    const envelope = buildEnvelope(z, ids);
    expect(checkEnvelope(envelope)).toEqual({ ok: true, envelope });
    expect(envelope).toMatchObject({
      schema: 'chinar.daily-earnings/1', deviceId: 'pv/K01', marketId: 'srinagar-polo-view', businessDate: '2026-11-22', zNumber: 17,
      openedAt: '2026-11-22T09:02:11+05:30', closedAt: '2026-11-22T18:04:11+05:30', currency: 'INR',
      totals: { saleCount: 2, returnCount: 1, sales: z.sales, returns: z.returns, grandTotal: 98_765_400 + z.sales },
      cash: { openingFloat: 200_000, expected: z.cash.expected, counted: 449_000, overShort: 449_000 - z.cash.expected },
    });
    const haleema = envelope.artisans[0]!;
    expect(haleema).toEqual({
      artisanCode: 'A-014', name: 'Haleema Akhter', fairWageCertified: true, itemsSold: 1, gross: 250_000, returns: 0,
      tax: 11_905, commission: 35_714, net: 202_381,
      lines: [{ receiptNo: 'K01/2627/000123', sku: 'PSH-0141', qty: 1, gross: 250_000, tax: 11_905, commission: 35_714, net: 202_381 }],
    });
    expect(s1.lines[0]!.artisanNet).toBe(202_381);
    const ret = envelope.artisans[1]!.lines.find((l) => l.qty < 0)!;
    expect(ret).toEqual({ receiptNo: 'K01/C2627/00001', sku: 'SAM-1', qty: -1, gross: r1.lines[0]!.gross, tax: r1.lines[0]!.tax, commission: r1.lines[0]!.commission, net: r1.lines[0]!.artisanNet });
    expect(ret.gross).toBeLessThan(0);
  });

  it('uploads an empty day too', () => {
    const day = closeDayRow(openDayRow(), { zNumber: 1, expected: paise(200_000), counted: paise(200_000), grandTotal: paise(0) });
    const envelope = buildEnvelope(dayFigures({ day, sales: [], lines: [], payments: [], cashMovements: [], previous: null }), ids);
    expect(envelope.artisans).toEqual([]);
    expect(checkEnvelope(envelope).ok).toBe(true);
  });

  it('refuses an open day or another device’s day', () => {
    const z = dayFigures({ day: openDayRow(), sales: [], lines: [], payments: [], cashMovements: [], previous: null, counted: 0 as Paise });
    expect(() => buildEnvelope(z, ids)).toThrow(/not closed/);
    const { z: closed } = closedDay(1);
    expect(() => buildEnvelope(closed, { ...ids, deviceId: 'pv/K02' })).toThrow(/pv\/K01/);
  });

  it('serializes the same bytes every time, keys in PROTOCOL.md’s order, whatever order they were built in', () => {
    const envelope = buildEnvelope(closedDay(449_000).z, ids);
    const body = serializeEnvelope(envelope);
    const reordered = Object.fromEntries(Object.entries(envelope).reverse()) as DailyEarnings;
    expect(serializeEnvelope(reordered)).toBe(body);
    expect(body.startsWith('{"schema":"chinar.daily-earnings/1","deviceId":"pv/K01","marketId":"srinagar-polo-view","businessDate":"2026-11-22","zNumber":17,')).toBe(true);
    expect(JSON.parse(body)).toEqual(envelope);
  });

  it('refuses to serialize a body the central system would refuse', () => {
    const envelope = buildEnvelope(closedDay(449_000).z, ids);
    expect(() => serializeEnvelope({ ...envelope, totals: { ...envelope.totals, tax: envelope.totals.tax + 1 } })).toThrow(/totals.tax/);
  });
});
