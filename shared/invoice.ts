import { financialYearCode, type BusinessDate } from './time';

/**
 * Invoice numbers follow GST rule 46(b): at most 16 characters of letters, digits, "/"
 * and "-", consecutive and unique per device per financial year. Shape:
 * `{series}/{fy}/{seq:6}`, e.g. K01/2627/000123 (15 characters).
 */
export const INVOICE_PATTERN = /^[A-Za-z0-9/-]{1,16}$/;
export const SERIES_PATTERN = /^[A-Za-z0-9-]{1,4}$/;

/** The counter key: one sequence per device series per financial year. */
export function invoiceCounterKey(series: string, date: BusinessDate): string {
  return `${series}/${financialYearCode(date)}`;
}

export function formatInvoiceNumber(series: string, date: BusinessDate, sequence: number): string {
  if (!SERIES_PATTERN.test(series)) throw new RangeError(`Invoice series "${series}" must be 1–4 letters, digits or "-"`);
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new RangeError(`Invoice sequence ${sequence} is out of range for this financial year`);
  }
  const invoice = `${invoiceCounterKey(series, date)}/${String(sequence).padStart(6, '0')}`;
  if (!INVOICE_PATTERN.test(invoice)) throw new RangeError(`Invoice number ${invoice} breaks GST rule 46`);
  return invoice;
}

/**
 * Credit notes (returns and voids) are a series of their own (GST rule 53 read with rule
 * 46(b): at most 16 characters, consecutive per device per financial year). Shape:
 * `{series}/C{fy}/{seq:5}`, e.g. K01/C2627/00001 (15 characters; 16 with a 4-character
 * series). The "C" makes it impossible to confuse with an invoice, whose second part is
 * all digits.
 */
export function creditNoteCounterKey(series: string, date: BusinessDate): string {
  return `${series}/C${financialYearCode(date)}`;
}

export function formatCreditNoteNumber(series: string, date: BusinessDate, sequence: number): string {
  if (!SERIES_PATTERN.test(series)) throw new RangeError(`Credit note series "${series}" must be 1–4 letters, digits or "-"`);
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > 99_999) {
    throw new RangeError(`Credit note sequence ${sequence} is out of range for this financial year`);
  }
  const note = `${creditNoteCounterKey(series, date)}/${String(sequence).padStart(5, '0')}`;
  if (!INVOICE_PATTERN.test(note)) throw new RangeError(`Credit note number ${note} breaks GST rule 46`);
  return note;
}
