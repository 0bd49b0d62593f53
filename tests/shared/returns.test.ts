import { describe, expect, it } from 'vitest';
import type { PaymentEntity, SaleLineEntity } from '../../shared/entities';
import { paise } from '../../shared/money';
import { allocateRefund, buildReturnLines, cumulativeShare, returnedSoFar } from '../../shared/returns';
import type { BusinessDate } from '../../shared/time';
import { BASHIR, HALEEMA, idMaker, makeReturn, makeSale, type Committed } from './day-fixture';

const date = '2026-11-22' as BusinessDate;
const at = '2026-11-22T11:00:00+05:30';
const AMOUNTS = ['qty', 'discount', 'gross', 'tax', 'cgst', 'sgst', 'taxable', 'commission', 'artisanNet'] as const;

function sumLines(lines: readonly SaleLineEntity[]) {
  return Object.fromEntries(AMOUNTS.map((k) => [k, lines.reduce((s, l) => s + l[k], 0)]));
}

function expectIdentities(l: SaleLineEntity) {
  expect(l.unitPrice * l.qty - l.discount).toBe(l.gross);
  expect(l.taxable + l.tax).toBe(l.gross);
  expect(l.cgst + l.sgst).toBe(l.tax);
  expect(l.taxable - l.commission).toBe(l.artisanNet);
}

function threeShawls(newId: () => string, tenders?: Parameters<typeof makeSale>[0]['tenders'], roundOff = 0): Committed {
  return makeSale({
    receiptNo: 'K01/2627/000001', date, createdAt: at, roundOff, tenders,
    pieces: [
      { artisan: HALEEMA, sku: 'PSH-1', price: 333_333, qty: 3, discount: 1_001 },
      { artisan: BASHIR, sku: 'SAM-1', hsn: '7418', handmade: false, price: 85_033, qty: 1 },
    ],
  }, newId);
}

describe('return lines', () => {
  it('allocates cumulatively: pieces k+1..k+m of n get round(A(k+m)/n) − round(Ak/n)', () => {
    expect([cumulativeShare(100, 0, 1, 3), cumulativeShare(100, 1, 1, 3), cumulativeShare(100, 2, 1, 3)]).toEqual([33, 34, 33]);
    expect(cumulativeShare(100, 0, 3, 3)).toBe(100);
    expect(cumulativeShare(-5, 0, 1, 2)).toBe(-3);
  });

  it('negates one piece’s share of every amount and keeps every line identity', () => {
    const newId = idMaker();
    const sale = threeShawls(newId);
    const orig = sale.lines[0]!;
    const r = buildReturnLines({ original: sale.sale, originalLines: sale.lines, earlierReturnLines: [], quantities: [{ lineId: orig.id, qty: 1 }], saleId: 'ret1', businessDate: date, newId });
    if (!r.ok) throw new Error('refused');
    const line = r.lines[0]!;
    expect(line).toMatchObject({ saleId: 'ret1', qty: -1, originalLineId: orig.id, sku: 'PSH-1', taxRateBps: orig.taxRateBps, lineNo: 1 });
    expect(line.discount).toBe(-cumulativeShare(orig.discount, 0, 1, 3));
    expect(line.tax).toBe(-cumulativeShare(orig.tax, 0, 1, 3));
    expect(line.commission).toBe(-cumulativeShare(orig.commission, 0, 1, 3));
    expectIdentities(line);
    expect(r.totals).toMatchObject({ gross: line.gross, total: line.gross, itemCount: -1, roundOff: 0 });
    expect(r.fullyReturned).toBe(false);
  });

  it('gives back exactly the original amounts when every piece comes back, in any steps', () => {
    for (const steps of [[3], [1, 1, 1], [2, 1], [1, 2]]) {
      const newId = idMaker();
      const sale = threeShawls(newId);
      const earlier: Committed[] = [];
      steps.forEach((m, i) => {
        const quantities = [{ lineId: sale.lines[0]!.id, qty: m }, ...(i === 0 ? [{ lineId: sale.lines[1]!.id, qty: 1 }] : [])];
        earlier.push(makeReturn({ original: sale, earlier: [...earlier], quantities, receiptNo: `K01/C2627/0000${i + 1}`, date, createdAt: at }, newId));
      });
      const back = earlier.flatMap((e) => e.lines);
      back.forEach(expectIdentities);
      const orig = sumLines(sale.lines);
      expect(sumLines(back)).toEqual(Object.fromEntries(AMOUNTS.map((k) => [k, -orig[k]!])));
      for (const l of sale.lines) {
        const mine = back.filter((b) => b.originalLineId === l.id);
        expect(mine.reduce((s, b) => s + b.tax, 0)).toBe(-l.tax);
        expect(mine.reduce((s, b) => s + b.sgst, 0)).toBe(-l.sgst);
      }
      const refunds = earlier.flatMap((e) => e.payments);
      expect(refunds.reduce((s, p) => s + p.amount, 0)).toBe(-sale.sale.total);
    }
  });

  it('refuses more than sold minus already returned, unknown or repeated lines, and an empty return', () => {
    const newId = idMaker();
    const sale = threeShawls(newId);
    const [shawl, samovar] = sale.lines as [SaleLineEntity, SaleLineEntity];
    const first = makeReturn({ original: sale, earlier: [], quantities: [{ lineId: shawl.id, qty: 2 }], receiptNo: 'K01/C2627/00001', date, createdAt: at }, newId);
    expect(returnedSoFar(first.lines).get(shawl.id)).toBe(2);
    const base = { original: sale.sale, originalLines: sale.lines, earlierReturnLines: first.lines, saleId: 'r2', businessDate: date, newId };
    expect(buildReturnLines({ ...base, quantities: [{ lineId: shawl.id, qty: 2 }] })).toEqual({ ok: false, problems: [{ lineId: shawl.id, reason: 'more-than-left', left: 1 }] });
    expect(buildReturnLines({ ...base, quantities: [{ lineId: 'nope', qty: 1 }] })).toEqual({ ok: false, problems: [{ lineId: 'nope', reason: 'unknown-line' }] });
    expect(buildReturnLines({ ...base, quantities: [{ lineId: samovar.id, qty: 1 }, { lineId: samovar.id, qty: 1 }] })).toEqual({ ok: false, problems: [{ lineId: samovar.id, reason: 'listed-twice' }] });
    expect(buildReturnLines({ ...base, quantities: [{ lineId: samovar.id, qty: 0.5 }] }).ok).toBe(false);
    expect(buildReturnLines({ ...base, quantities: [{ lineId: samovar.id, qty: -1 }] }).ok).toBe(false);
    expect(buildReturnLines({ ...base, quantities: [] })).toEqual({ ok: false, problems: [{ lineId: null, reason: 'nothing-to-return' }] });
    expect(buildReturnLines({ ...base, quantities: [{ lineId: shawl.id, qty: 1 }, { lineId: samovar.id, qty: 1 }] })).toMatchObject({ ok: true, fullyReturned: true });
  });

  it('shares the cash round-off over the pieces, so a full return refunds what was paid', () => {
    const newId = idMaker();
    const sale = threeShawls(newId, undefined, -37);
    const r1 = makeReturn({ original: sale, earlier: [], quantities: [{ lineId: sale.lines[0]!.id, qty: 1 }], receiptNo: 'C1', date, createdAt: at }, newId);
    expect(r1.sale.roundOff).toBe(-cumulativeShare(-37, 0, 1, 4));
    const r2 = makeReturn({ original: sale, earlier: [r1], quantities: [{ lineId: sale.lines[0]!.id, qty: 2 }, { lineId: sale.lines[1]!.id, qty: 1 }], receiptNo: 'C2', date, createdAt: at }, newId);
    expect(r1.sale.roundOff + r2.sale.roundOff).toBe(37);
    expect(r1.sale.total + r2.sale.total).toBe(-sale.sale.total);
  });

  it('carries the return’s day on its lines', () => {
    const newId = idMaker();
    const sale = threeShawls(newId);
    const r = buildReturnLines({ original: sale.sale, originalLines: sale.lines, earlierReturnLines: [], quantities: [{ lineId: sale.lines[1]!.id, qty: 1 }], saleId: 'r', businessDate: '2026-11-23' as BusinessDate, dayId: 'day-2', newId });
    expect(r.ok && r.lines[0]).toMatchObject({ businessDate: '2026-11-23', dayId: 'day-2' });
  });
});

describe('refund allocation', () => {
  const pay = (method: PaymentEntity['method'], amount: number, reference: string | null = null): PaymentEntity => ({
    id: `${method}${amount}`, saleId: 's', businessDate: date, method, amount: paise(amount), tendered: null, change: null, reference,
  });

  it('splits over the original tenders in proportion, cumulatively, back to exactly what each kept', () => {
    const original = [pay('card', 100_000, 'T1'), pay('upi', 33_333, 'U9'), pay('cash', 66_667)];
    const earlier: PaymentEntity[] = [];
    for (const refund of [50_001, 49_999, 70_000, 30_000]) {
      const r = allocateRefund({ originalPayments: original, earlierRefunds: earlier, refund: paise(refund), mode: 'original-tenders' });
      if (!r.ok) throw new Error(r.reason);
      expect(r.payments.reduce((s, p) => s + p.amount, 0)).toBe(-refund);
      for (const p of r.payments) earlier.push({ ...pay(p.method, p.amount, p.reference), id: `r${earlier.length}` });
    }
    const back = (m: string) => earlier.filter((p) => p.method === m).reduce((s, p) => s + p.amount, 0);
    expect([back('card'), back('upi'), back('cash')]).toEqual([-100_000, -33_333, -66_667]);
    expect(earlier.find((p) => p.method === 'card')!.reference).toBe('T1');
  });

  it('gives half of a half-card, half-cash sale back half to each', () => {
    const r = allocateRefund({ originalPayments: [pay('card', 10_000, 'T'), pay('cash', 10_000)], earlierRefunds: [], refund: paise(10_000), mode: 'original-tenders' });
    expect(r.ok && r.payments.map((p) => [p.method, p.amount])).toEqual([['card', -5_000], ['cash', -5_000]]);
  });

  it('never gives a tender more than it kept net of earlier refunds, even after a cash refund', () => {
    const original = [pay('card', 10_000, 'T'), pay('cash', 10_000)];
    const earlier = [pay('cash', -10_000)];
    const r = allocateRefund({ originalPayments: original, earlierRefunds: earlier, refund: paise(10_000), mode: 'original-tenders' });
    expect(r.ok && r.payments.map((p) => [p.method, p.amount])).toEqual([['card', -10_000]]);
  });

  it('refunds all in cash when asked, and refuses more than was paid less earlier refunds', () => {
    const original = [pay('card', 10_000, 'T')];
    expect(allocateRefund({ originalPayments: original, earlierRefunds: [], refund: paise(4_000), mode: 'cash' }))
      .toEqual({ ok: true, payments: [{ method: 'cash', amount: -4_000, tendered: null, change: null, reference: null }] });
    expect(allocateRefund({ originalPayments: original, earlierRefunds: [pay('card', -7_000, 'T')], refund: paise(3_001), mode: 'cash' }))
      .toEqual({ ok: false, reason: 'more-than-paid', refundable: 3_000 });
    expect(allocateRefund({ originalPayments: original, earlierRefunds: [], refund: paise(0), mode: 'cash' })).toMatchObject({ ok: false, reason: 'bad-amount' });
  });
});
