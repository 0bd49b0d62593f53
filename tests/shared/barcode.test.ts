import { describe, expect, it } from 'vitest';
import {
  IN_STORE_SEQUENCE_MAX, gs1CheckDigit, hasBadGs1CheckDigit, inStoreEan13, nextInStoreEan13, nextInStoreSequence, parseInStoreEan13, validateBarcode,
} from '../../shared/barcode';

describe('gs1CheckDigit', () => {
  it('matches published GS1 examples', () => {
    expect(gs1CheckDigit('400638133393')).toBe(1); // EAN-13 4006381333931
    expect(gs1CheckDigit('03600029145')).toBe(2); // UPC-A 036000291452
    expect(gs1CheckDigit('890649754735')).toBe(1); // from the sample catalog
  });

  it('refuses anything but digits', () => {
    expect(() => gs1CheckDigit('12a4')).toThrow(RangeError);
  });
});

describe('hasBadGs1CheckDigit', () => {
  it('tells a misread EAN-13 or UPC-A by its check digit', () => {
    expect(hasBadGs1CheckDigit('4006381333932')).toBe(true);
    expect(hasBadGs1CheckDigit('036000291453')).toBe(true);
  });

  it('passes a correct one, and says nothing of other codes', () => {
    expect(hasBadGs1CheckDigit('4006381333931')).toBe(false);
    expect(hasBadGs1CheckDigit('036000291452')).toBe(false);
    expect(hasBadGs1CheckDigit('12345678')).toBe(false);
    expect(hasBadGs1CheckDigit('K01/2627/000001')).toBe(false);
    expect(hasBadGs1CheckDigit('400638133393X')).toBe(false);
  });
});

describe('validateBarcode', () => {
  it('accepts EAN-13 and UPC-A with a correct check digit', () => {
    expect(validateBarcode('4006381333931')).toEqual({ ok: true, symbology: 'ean13' });
    expect(validateBarcode('036000291452')).toEqual({ ok: true, symbology: 'upca' });
  });

  it('refuses a wrong check digit and says which digit is right', () => {
    expect(validateBarcode('4006381333932')).toEqual({ ok: false, reason: 'check digit should be 1' });
    expect(validateBarcode('036000291453')).toEqual({ ok: false, reason: 'check digit should be 2' });
  });

  it('takes other printable ASCII up to 48 characters as Code 128', () => {
    expect(validateBarcode('SZN-0001/B')).toEqual({ ok: true, symbology: 'code128' });
    expect(validateBarcode('12345678')).toEqual({ ok: true, symbology: 'code128' });
    expect(validateBarcode('X'.repeat(48))).toEqual({ ok: true, symbology: 'code128' });
  });

  it('refuses empty, over-long and non-ASCII codes', () => {
    expect(validateBarcode('')).toMatchObject({ ok: false });
    expect(validateBarcode('X'.repeat(49))).toMatchObject({ ok: false, reason: expect.stringContaining('48') });
    expect(validateBarcode('SKU₹1')).toMatchObject({ ok: false });
    expect(validateBarcode('A\tB')).toMatchObject({ ok: false });
  });
});

describe('inStoreEan13', () => {
  it('puts prefix, device and sequence in fixed positions and adds the check digit', () => {
    const code = inStoreEan13(20, 7, 123);
    expect(code).toBe('2007000001233');
    expect(code.slice(0, 2)).toBe('20');
    expect(code.slice(2, 4)).toBe('07');
    expect(code.slice(4, 12)).toBe('00000123');
    expect(validateBarcode(code)).toEqual({ ok: true, symbology: 'ean13' });
    expect(parseInStoreEan13(code)).toEqual({ prefix: 20, deviceNumber: 7, sequence: 123 });
  });

  it('gives 10,000 valid and distinct numbers, disjoint between devices', () => {
    const device1 = new Set<string>();
    const device2 = new Set<string>();
    for (let sequence = 1; sequence <= 10_000; sequence++) {
      const a = inStoreEan13(21, 1, sequence);
      const b = inStoreEan13(21, 2, sequence);
      expect(validateBarcode(a)).toEqual({ ok: true, symbology: 'ean13' });
      expect(validateBarcode(b)).toEqual({ ok: true, symbology: 'ean13' });
      device1.add(a);
      device2.add(b);
    }
    expect(device1.size).toBe(10_000);
    expect(device2.size).toBe(10_000);
    for (const code of device1) expect(device2.has(code)).toBe(false);
  });

  it('stays inside the GS1 restricted range and its bounds', () => {
    expect(inStoreEan13(29, 99, IN_STORE_SEQUENCE_MAX)).toBe('2999999999991');
    expect(() => inStoreEan13(19, 0, 1)).toThrow(RangeError);
    expect(() => inStoreEan13(30, 0, 1)).toThrow(RangeError);
    expect(() => inStoreEan13(20, 100, 1)).toThrow(RangeError);
    expect(() => inStoreEan13(20, -1, 1)).toThrow(RangeError);
    expect(() => inStoreEan13(20, 0, IN_STORE_SEQUENCE_MAX + 1)).toThrow(RangeError);
    expect(() => inStoreEan13(20, 0, 1.5)).toThrow(RangeError);
  });
});

describe('nextInStoreSequence / nextInStoreEan13', () => {
  const numbering = { prefix: 20, deviceNumber: 3 };

  it('starts at 1 in an empty store', () => {
    expect(nextInStoreSequence([], numbering)).toBe(1);
    expect(nextInStoreEan13([], numbering)).toBe(inStoreEan13(20, 3, 1));
  });

  it('continues past the highest number of this prefix and device only', () => {
    const existing = [
      inStoreEan13(20, 3, 41),
      inStoreEan13(20, 3, 7),
      inStoreEan13(20, 4, 900), // another kiosk
      inStoreEan13(21, 3, 800), // another prefix
      '2003000009990', // looks like ours but its check digit is wrong: not ours
      '8906497547351',
      'SZN-0001/B',
    ];
    expect(nextInStoreSequence(existing, numbering)).toBe(42);
    expect(nextInStoreEan13(new Set(existing), numbering)).toBe(inStoreEan13(20, 3, 42));
  });

  it('says so when a device has used every number', () => {
    expect(() => nextInStoreSequence([inStoreEan13(20, 3, IN_STORE_SEQUENCE_MAX)], numbering)).toThrow(/every in-store number/);
  });
});
