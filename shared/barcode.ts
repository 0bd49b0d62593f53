/**
 * Barcodes the kiosk reads and prints: EAN-13 and UPC-A (GS1, with a check digit) as
 * they come on bought-in goods, Code 128 for anything else a supplier printed, and
 * in-store EAN-13s that the kiosk assigns to handmade pieces that arrive without one.
 */

export type Symbology = 'ean13' | 'upca' | 'code128';

export type BarcodeCheck =
  | { ok: true; symbology: Symbology }
  | { ok: false; reason: string };

/**
 * Longest Code 128 we accept. Whether a given code fits a label at a scannable bar width
 * depends on the label: the sheet renderer refuses codes too wide for its cells.
 */
export const MAX_CODE128_LENGTH = 48;

/**
 * The GS1 check digit of `body` (every digit but the last): weights 3 and 1 alternate
 * from the rightmost body digit, and the check digit brings the sum to a multiple of 10.
 * The same rule serves EAN-8, UPC-A, EAN-13 and GTIN-14.
 */
export function gs1CheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new RangeError(`A GS1 number has digits only: "${body}"`);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * A scanned EAN-13 or UPC-A whose check digit does not add up: the scanner misread a bar
 * (GS1 labels always carry a correct one), so the answer is to scan again, not to look
 * for the product. Codes of other lengths or with letters say nothing either way.
 */
export function hasBadGs1CheckDigit(code: string): boolean {
  return /^\d{12,13}$/.test(code) && code.charCodeAt(code.length - 1) - 48 !== gs1CheckDigit(code.slice(0, -1));
}

/**
 * What a scanned or typed code is, or why it cannot be one. All-digit codes of 13 and
 * 12 digits are taken as EAN-13 and UPC-A and must carry a correct check digit: a typo
 * there would otherwise print a label that scans as a different product, or not at all.
 */
export function validateBarcode(code: string): BarcodeCheck {
  if (code === '') return { ok: false, reason: 'is empty' };
  if (/^\d{12,13}$/.test(code)) {
    const expected = gs1CheckDigit(code.slice(0, -1));
    if (code.charCodeAt(code.length - 1) - 48 !== expected) {
      return { ok: false, reason: `check digit should be ${expected}` };
    }
    return { ok: true, symbology: code.length === 13 ? 'ean13' : 'upca' };
  }
  // Code 128 sets A–C cover printable ASCII; other characters would need FNC4 tricks
  // that keyboard-wedge scanners do not send back faithfully.
  if (!/^[\x20-\x7e]+$/.test(code)) {
    return { ok: false, reason: 'may only use English letters, digits, spaces and the symbols on a keyboard' };
  }
  if (code.length > MAX_CODE128_LENGTH) {
    return { ok: false, reason: `is ${code.length} characters long; the most a label can carry is ${MAX_CODE128_LENGTH}` };
  }
  return { ok: true, symbology: 'code128' };
}

/**
 * In-store EAN-13 layout (GS1 "restricted circulation" prefixes 20–29, which GS1
 * reserves for numbers a store assigns itself and which never clash with a brand's GTIN):
 *
 *   digits  1–2   prefix, 20–29
 *   digits  3–4   device number, 00–99 (each kiosk numbers its own labels)
 *   digits  5–12  sequence, 00000000–99999999
 *   digit   13    GS1 check digit
 *
 * Fixed positions make a number unique per device without any coordination between
 * kiosks, and let `nextInStoreSequence` recover a device's counter from the store alone.
 */
export const IN_STORE_SEQUENCE_MAX = 99_999_999;

export interface InStoreNumbering {
  /** GS1 restricted-circulation prefix, 20–29. */
  prefix: number;
  /** This kiosk's number, 0–99. */
  deviceNumber: number;
}

function checkNumbering({ prefix, deviceNumber }: InStoreNumbering): void {
  if (!Number.isInteger(prefix) || prefix < 20 || prefix > 29) {
    throw new RangeError(`In-store prefix must be 20–29, got ${prefix}`);
  }
  if (!Number.isInteger(deviceNumber) || deviceNumber < 0 || deviceNumber > 99) {
    throw new RangeError(`Device number must be 0–99, got ${deviceNumber}`);
  }
}

export function inStoreEan13(prefix: number, deviceNumber: number, sequence: number): string {
  checkNumbering({ prefix, deviceNumber });
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > IN_STORE_SEQUENCE_MAX) {
    throw new RangeError(`In-store sequence must be 0–${IN_STORE_SEQUENCE_MAX}, got ${sequence}`);
  }
  const body = `${prefix}${String(deviceNumber).padStart(2, '0')}${String(sequence).padStart(8, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/** The parts of an in-store EAN-13, or null for any other code (or a bad check digit). */
export function parseInStoreEan13(code: string): (InStoreNumbering & { sequence: number }) | null {
  if (!/^2\d{12}$/.test(code)) return null;
  if (gs1CheckDigit(code.slice(0, 12)) !== Number(code[12])) return null;
  return { prefix: Number(code.slice(0, 2)), deviceNumber: Number(code.slice(2, 4)), sequence: Number(code.slice(4, 12)) };
}

/**
 * The next free sequence for this prefix and device: one past the highest already in
 * `existing` (every barcode in the store and in the file being imported), starting at 1.
 * Gaps left by deleted products are not reused, so a number never comes back on a new piece.
 */
export function nextInStoreSequence(existing: Iterable<string>, numbering: InStoreNumbering): number {
  checkNumbering(numbering);
  let highest = 0;
  for (const code of existing) {
    const parts = parseInStoreEan13(code);
    if (parts && parts.prefix === numbering.prefix && parts.deviceNumber === numbering.deviceNumber) {
      highest = Math.max(highest, parts.sequence);
    }
  }
  if (highest >= IN_STORE_SEQUENCE_MAX) {
    throw new RangeError(`Device ${numbering.deviceNumber} has used every in-store number of prefix ${numbering.prefix}`);
  }
  return highest + 1;
}

/** The next in-store EAN-13 for this device, given every barcode already in use. */
export function nextInStoreEan13(existing: Iterable<string>, numbering: InStoreNumbering): string {
  return inStoreEan13(numbering.prefix, numbering.deviceNumber, nextInStoreSequence(existing, numbering));
}
