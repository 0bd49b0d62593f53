import { describe, expect, it } from 'vitest';
import { creditNoteCounterKey, formatCreditNoteNumber, formatInvoiceNumber, INVOICE_PATTERN, invoiceCounterKey } from '../../shared/invoice';
import type { BusinessDate } from '../../shared/time';

const d = (s: string) => s as BusinessDate;

describe('credit note numbers (GST rules 46 and 53)', () => {
  it('are their own series per device per financial year, at most 16 characters', () => {
    expect(formatCreditNoteNumber('K01', d('2026-11-22'), 1)).toBe('K01/C2627/00001');
    const longest = formatCreditNoteNumber('K-01', d('2027-03-31'), 99_999);
    expect(longest).toBe('K-01/C2627/99999');
    expect(longest).toHaveLength(16);
    expect(INVOICE_PATTERN.test(longest)).toBe(true);
    expect(creditNoteCounterKey('K01', d('2027-04-01'))).toBe('K01/C2728');
  });

  it('never equal an invoice number or share its counter', () => {
    expect(creditNoteCounterKey('K01', d('2026-11-22'))).not.toBe(invoiceCounterKey('K01', d('2026-11-22')));
    expect(formatCreditNoteNumber('K01', d('2026-11-22'), 123)).not.toBe(formatInvoiceNumber('K01', d('2026-11-22'), 123));
  });

  it('refuse a bad series or sequence', () => {
    expect(() => formatCreditNoteNumber('K/01', d('2026-11-22'), 1)).toThrow(RangeError);
    expect(() => formatCreditNoteNumber('K01', d('2026-11-22'), 0)).toThrow(RangeError);
    expect(() => formatCreditNoteNumber('K01', d('2026-11-22'), 100_000)).toThrow(RangeError);
  });
});
