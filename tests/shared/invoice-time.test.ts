import { describe, expect, it } from 'vitest';
import { formatInvoiceNumber, INVOICE_PATTERN } from '../../shared/invoice';
import { calendarDateIn, financialYearCode, isoWithOffset, type BusinessDate } from '../../shared/time';
import { upiPayUri } from '../../shared/upi';
import type { Paise } from '../../shared/money';

describe('invoice numbers (GST rule 46)', () => {
  it('are at most 16 characters of letters, digits, / and -', () => {
    const n = formatInvoiceNumber('K01', '2026-11-22' as BusinessDate, 123);
    expect(n).toBe('K01/2627/000123');
    expect(INVOICE_PATTERN.test(n)).toBe(true);
    expect(formatInvoiceNumber('K-01', '2027-03-31' as BusinessDate, 999_999)).toHaveLength(16);
  });

  it('restart with the financial year on 1 April', () => {
    expect(financialYearCode('2027-03-31' as BusinessDate)).toBe('2627');
    expect(financialYearCode('2027-04-01' as BusinessDate)).toBe('2728');
    expect(financialYearCode('2099-12-01' as BusinessDate)).toBe('9900');
  });

  it('refuse a series or sequence that would break the rule', () => {
    expect(() => formatInvoiceNumber('K01X5', '2026-11-22' as BusinessDate, 1)).toThrow(RangeError);
    expect(() => formatInvoiceNumber('K01', '2026-11-22' as BusinessDate, 1_000_000)).toThrow(RangeError);
  });
});

describe('time', () => {
  it('takes the calendar date in the market’s zone, not UTC', () => {
    const lateUtc = new Date('2026-11-22T20:00:00Z'); // 01:30 on the 23rd in Srinagar
    expect(calendarDateIn(lateUtc)).toBe('2026-11-23');
    expect(isoWithOffset(lateUtc)).toBe('2026-11-23T01:30:00+05:30');
    expect(isoWithOffset(new Date('2026-11-22T12:00:00.900Z'), 'UTC')).toBe('2026-11-22T12:00:00+00:00');
  });

  it('keeps each zone to its own formatter, whichever zone was asked first', () => {
    const lateUtc = new Date('2026-11-22T20:00:00Z');
    const zones = ['Asia/Kolkata', 'America/New_York', 'Asia/Kolkata', 'UTC', 'America/New_York'];
    expect(zones.map((z) => isoWithOffset(lateUtc, z))).toEqual([
      '2026-11-23T01:30:00+05:30', '2026-11-22T15:00:00-05:00', '2026-11-23T01:30:00+05:30', '2026-11-22T20:00:00+00:00', '2026-11-22T15:00:00-05:00',
    ]);
    expect(calendarDateIn(lateUtc, 'America/New_York')).toBe('2026-11-22');
  });
});

describe('UPI link', () => {
  it('carries the exact amount with two decimals and the invoice number as tr', () => {
    const uri = upiPayUri({ payeeVpa: 'chinarmarket@sbi', payeeName: 'Chinar Market', amount: 125_050 as Paise, transactionRef: 'K01/2627/000123' });
    const url = new URL(uri);
    expect(url.protocol).toBe('upi:');
    expect(url.searchParams.get('am')).toBe('1250.50');
    expect(url.searchParams.get('tr')).toBe('K01/2627/000123');
    expect(url.searchParams.get('pn')).toBe('Chinar Market');
    expect(url.searchParams.get('cu')).toBe('INR');
    expect(() => upiPayUri({ payeeVpa: 'nope', payeeName: 'x', amount: 1 as Paise, transactionRef: 'x' })).toThrow();
  });
});
