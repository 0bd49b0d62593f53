import { describe, expect, it } from 'vitest';
import { buildCreditNote } from '../../shared/credit-note';
import { documentToText } from '../../shared/documents';
import { paise } from '../../shared/money';
import type { BusinessDate } from '../../shared/time';
import { STORE } from '../electron/printing/sample-sale';
import { BASHIR, HALEEMA, idMaker, makeReturn, makeSale } from './day-fixture';

const date = '2026-11-22' as BusinessDate;

function returned(prefix = 'id') {
  const newId = idMaker(prefix);
  const sale = makeSale({ receiptNo: 'K01/2627/000123', date: '2026-11-20' as BusinessDate, createdAt: '2026-11-20T16:45:00+05:30',
    pieces: [{ artisan: HALEEMA, sku: 'PSH-1', name: 'Pashmina shawl', price: 250_000, qty: 2 }, { artisan: BASHIR, sku: 'SAM-1', hsn: '7418', handmade: false, price: 100_000 }] }, newId);
  const ret = makeReturn({ original: sale, earlier: [], quantities: [{ lineId: sale.lines[0]!.id, qty: 1 }], receiptNo: 'K01/C2627/00001', date, createdAt: '2026-11-22T11:00:00+05:30' }, newId);
  return { sale, ret };
}

describe('credit note', () => {
  it('prints its own number against the original invoice’s number and date, lines negated', () => {
    const { sale, ret } = returned();
    for (const width of [48, 32]) {
      const doc = buildCreditNote({ store: STORE, creditNote: ret.sale, lines: ret.lines, payments: ret.payments, original: sale.sale, originalLines: sale.lines, copy: 'original', width });
      const text = documentToText(doc);
      expect(text.some((l) => l.includes('CREDIT NOTE'))).toBe(true);
      const joined = text.join('\n');
      expect(joined).toMatch(/Credit note No\.\s+K01\/C2627\/00001/);
      expect(joined).toMatch(/Against invoice\s+K01\/2627\/000123/);
      expect(joined).toMatch(/Invoice date\s+20 Nov 2026, 16:45/);
      expect(joined).toContain('-1 x Rs. 2,500.00');
      expect(joined).toMatch(/Refund in cash\s+-Rs\. 2,500\.00/);
      for (const l of text) expect(l.length).toBeLessThanOrEqual(width);
    }
  });

  it('refuses a record that does not reverse that invoice', () => {
    const { sale, ret } = returned();
    const other = returned('other').sale;
    const base = { store: STORE, creditNote: ret.sale, lines: ret.lines, payments: ret.payments, original: sale.sale, originalLines: sale.lines, copy: 'original' as const, width: 48 };
    expect(() => buildCreditNote({ ...base, original: other.sale, originalLines: other.lines })).toThrow(/does not reverse/);
    expect(() => buildCreditNote({ ...base, creditNote: sale.sale })).toThrow(/is a sale/);
    expect(() => buildCreditNote({ ...base, lines: ret.lines.map((l) => ({ ...l, qty: -3 })) })).toThrow(/returns 3 of 2/);
    expect(() => buildCreditNote({ ...base, lines: ret.lines.map((l) => ({ ...l, taxRateBps: 1800 })) })).toThrow(/GST rate/);
    expect(() => buildCreditNote({ ...base, lines: ret.lines.map((l) => ({ ...l, tax: paise(l.tax - 1) })) })).toThrow(RangeError);
  });
});
