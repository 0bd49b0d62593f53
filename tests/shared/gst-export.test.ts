import { describe, expect, it } from 'vitest';
import { gstB2csCsv, gstHsnCsv, gstMonth } from '../../shared/gst-export';
import type { BusinessDate } from '../../shared/time';
import { BASHIR, HALEEMA, idMaker, makeReturn, makeSale } from './day-fixture';

const d = (s: string) => s as BusinessDate;

function month() {
  const newId = idMaker();
  const s1 = makeSale({ receiptNo: 'K01/2627/000001', date: d('2026-10-31'), createdAt: '2026-10-31T10:00:00+05:30', pieces: [{ artisan: HALEEMA, sku: 'A', price: 250_000, qty: 2 }] }, newId);
  const s2 = makeSale({ receiptNo: 'K01/2627/000002', date: d('2026-11-02'), createdAt: '2026-11-02T10:00:00+05:30', pieces: [
    { artisan: HALEEMA, sku: 'B', price: 250_000 },
    { artisan: BASHIR, sku: 'C', hsn: '7418', handmade: false, price: 100_000, qty: 3 },
    // A machine-made stole of HSN 6214 above the slab: 6214 at 18% is a row of its own.
    { artisan: BASHIR, sku: 'D', hsn: '6214', handmade: false, price: 300_000 },
  ] }, newId);
  // October's sale partly returned in November: netted into November.
  const r1 = makeReturn({ original: s1, earlier: [], quantities: [{ lineId: s1.lines[0]!.id, qty: 1 }], receiptNo: 'K01/C2627/00001', date: d('2026-11-05'), createdAt: '2026-11-05T10:00:00+05:30' }, newId);
  return { lines: [...s1.lines, ...s2.lines, ...r1.lines], s1, s2, r1 };
}

describe('GSTR-1 B2C export', () => {
  it('gives taxable value, CGST and SGST by rate with credit notes netted', () => {
    const { lines, s2, r1 } = month();
    const m = gstMonth('2026-11', lines);
    const [b, c, dd] = s2.lines as [typeof s2.lines[0], typeof s2.lines[0], typeof s2.lines[0]];
    const ret = r1.lines[0]!;
    expect(m.b2cs).toEqual([
      { rateBps: 500, taxable: b.taxable + ret.taxable, cgst: b.cgst + ret.cgst, sgst: b.sgst + ret.sgst, tax: b.tax + ret.tax, gross: b.gross + ret.gross },
      { rateBps: 1800, taxable: c.taxable + dd.taxable, cgst: c.cgst + dd.cgst, sgst: c.sgst + dd.sgst, tax: c.tax + dd.tax, gross: c.gross + dd.gross },
    ]);
    expect(m.totals.taxable).toBe(m.b2cs.reduce((s, r) => s + r.taxable, 0));
    expect(m.totals.cgst + m.totals.sgst).toBe(m.totals.tax);
  });

  it('gives the HSN-wise summary by HSN and rate, quantities net of returns', () => {
    const { lines } = month();
    const m = gstMonth('2026-11', lines);
    expect(m.hsn.map((h) => [h.hsn, h.rateBps, h.qty])).toEqual([['6214', 500, 0], ['6214', 1800, 1], ['7418', 1800, 3]]);
    expect(m.hsn.reduce((s, h) => s + h.taxable, 0)).toBe(m.totals.taxable);
    expect(gstMonth('2026-10', lines).hsn).toEqual([expect.objectContaining({ hsn: '6214', qty: 2 })]);
    expect(() => gstMonth('2026-13', lines)).toThrow(RangeError);
  });

  it('writes both tables as CSV', () => {
    const m = gstMonth('2026-11', month().lines);
    const b2cs = gstB2csCsv(m, '01-Jammu and Kashmir').split('\r\n');
    expect(b2cs[0]).toBe('type,place_of_supply,rate,taxable_value,integrated_tax,central_tax,state_tax,cess');
    expect(b2cs[1]).toMatch(/^OE,01-Jammu and Kashmir,5,-?\d+\.\d\d,0\.00,-?\d+\.\d\d,-?\d+\.\d\d,0\.00$/);
    const hsn = gstHsnCsv(m).split('\r\n');
    expect(hsn[0]).toBe('hsn,uqc,total_quantity,total_value,rate,taxable_value,integrated_tax,central_tax,state_tax,cess');
    expect(hsn[3]).toMatch(/^7418,PCS-PIECES,3,3000\.00,18,/);
  });
});
