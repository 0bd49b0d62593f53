import { describe, expect, it } from 'vitest';
import type { ArtisanEntity, ProductEntity } from '../../../../../shared/entities';
import type { Paise } from '../../../../../shared/money';
import {
  artisanDraftFrom, artisanFormFrom, artisanNeedsNewPin, checkBarcode, checkPercent, checkPrice, editDigits,
  percentText, productDraftFrom, productFormFrom, stockDeltaFrom, userDraftFrom, userFormFrom,
} from '../../../../../renderer/ui/manager/logic/forms';

const product: ProductEntity = {
  id: 'p1', sku: 'PSH-0001', barcode: '8906497547351', name: 'Pashmina muffler, rust', searchWords: [],
  artisanId: 'a1', craft: 'Pashmina weaving', hsn: '6214', handmade: true, gstRateBpsOverride: null,
  price: 850_000 as Paise, stock: 12, active: true,
};

const artisan: ArtisanEntity = {
  id: 'a1', code: 'A-001', name: 'Riyaz Ahmad Jan', craft: 'Pashmina weaving', cooperative: '', village: 'Shalimar',
  phone: '+91 9759502896', gender: 'M', commissionBps: 1250, fairWageCertified: false, story: '', pinHash: 'abc', active: true,
};

describe('manager forms: prices', () => {
  it('reads rupees as typed into exact paise, without a float', () => {
    expect(checkPrice('12500')).toEqual({ ok: true, value: 1_250_000 });
    expect(checkPrice(' 0.29 ')).toEqual({ ok: true, value: 29 });
    expect(checkPrice('12500.5')).toEqual({ ok: true, value: 1_250_050 });
    // 1.15 * 100 is 114.99999999999999 in floating point.
    expect(checkPrice('1.15')).toEqual({ ok: true, value: 115 });
  });

  it('says what is wrong with a price a person can fix', () => {
    expect(checkPrice('')).toEqual({ ok: false, error: { key: 'required' } });
    expect(checkPrice('12500.505')).toEqual({ ok: false, error: { key: 'priceDecimals' } });
    expect(checkPrice('12,500')).toEqual({ ok: false, error: { key: 'priceFormat' } });
    expect(checkPrice('₹500')).toEqual({ ok: false, error: { key: 'priceFormat' } });
    expect(checkPrice('0.00')).toEqual({ ok: false, error: { key: 'priceZero' } });
    expect(checkPrice('-5')).toEqual({ ok: false, error: { key: 'priceZero' } });
  });
});

describe('manager forms: percentages', () => {
  it('reads a commission into basis points exactly', () => {
    expect(checkPercent('12.5')).toEqual({ ok: true, value: 1250 });
    expect(checkPercent('15%')).toEqual({ ok: true, value: 1500 });
    expect(checkPercent('0.25')).toEqual({ ok: true, value: 25 });
    expect(checkPercent('100')).toEqual({ ok: true, value: 10_000 });
    expect(checkPercent('0')).toEqual({ ok: true, value: 0 });
  });

  it('refuses more than 100, more than two decimals and words', () => {
    expect(checkPercent('100.01')).toEqual({ ok: false, error: { key: 'percentRange' } });
    expect(checkPercent('1000')).toEqual({ ok: false, error: { key: 'percentRange' } });
    expect(checkPercent('12.555')).toEqual({ ok: false, error: { key: 'percentDecimals' } });
    expect(checkPercent('twelve')).toEqual({ ok: false, error: { key: 'percentFormat' } });
    expect(checkPercent('-1')).toEqual({ ok: false, error: { key: 'percentFormat' } });
  });

  it('writes basis points back the way a person types them', () => {
    expect(percentText(1250)).toBe('12.5');
    expect(percentText(1500)).toBe('15');
    expect(percentText(25)).toBe('0.25');
    expect(percentText(1275)).toBe('12.75');
    for (const bps of [0, 1, 99, 1250, 9999, 10_000]) expect(checkPercent(percentText(bps))).toEqual({ ok: true, value: bps });
  });
});

describe('manager forms: barcodes', () => {
  it('accepts an empty barcode (the store assigns one), EAN-13, UPC-A and Code 128', () => {
    expect(checkBarcode('')).toBeNull();
    expect(checkBarcode('8906497547351')).toBeNull();
    expect(checkBarcode('036000291452')).toBeNull();
    expect(checkBarcode('SUP-123/A')).toBeNull();
  });

  it('names the check digit an EAN-13 or UPC-A should have', () => {
    expect(checkBarcode('8906497547352')).toEqual({ key: 'barcodeCheckDigit', values: { expected: 1 } });
    expect(checkBarcode('036000291453')).toEqual({ key: 'barcodeCheckDigit', values: { expected: 2 } });
  });

  it('refuses codes a label cannot carry', () => {
    expect(checkBarcode('पश्मीना')).toEqual({ key: 'barcodeChars' });
    expect(checkBarcode('X'.repeat(49))).toEqual({ key: 'barcodeLength', values: { max: 48 } });
  });
});

describe('manager forms: product drafts', () => {
  it('round-trips a stored product through the form unchanged', () => {
    const checked = productDraftFrom(productFormFrom(product), product.stock);
    expect(checked).toEqual({
      ok: true,
      value: {
        id: 'p1', sku: 'PSH-0001', barcode: '8906497547351', name: 'Pashmina muffler, rust', artisanId: 'a1',
        craft: 'Pashmina weaving', hsn: '6214', handmade: true, gstRateBpsOverride: null, price: 850_000, stock: 12, active: true,
      },
    });
  });

  it('takes the stock typed for a new product, and a GST override as basis points', () => {
    const form = { ...productFormFrom(null), sku: ' KNI-9 ', name: 'Kani stole', artisanId: 'a1', hsn: '6214', price: '23500', stock: '3', gstOverride: '500' };
    const checked = productDraftFrom(form, null);
    expect(checked.ok && checked.value).toMatchObject({ id: null, sku: 'KNI-9', stock: 3, price: 2_350_000, gstRateBpsOverride: 500, barcode: '' });
  });

  it('keeps the stored stock of an existing product whatever the stock field says', () => {
    const checked = productDraftFrom({ ...productFormFrom(product), stock: '999' }, 12);
    expect(checked.ok && checked.value.stock).toBe(12);
  });

  it('lists every field a person must fix at once', () => {
    const checked = productDraftFrom({ ...productFormFrom(null), sku: 'has space', hsn: '62', price: '10.999', stock: '-1', barcode: '8906497547352' }, null);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(['artisanId', 'barcode', 'hsn', 'name', 'price', 'sku', 'stock']);
    expect(checked.errors.sku).toEqual({ key: 'code' });
    expect(checked.errors.price).toEqual({ key: 'priceDecimals' });
  });

  it('counts a name’s length in characters, so Devanagari is not charged double', () => {
    const form = { ...productFormFrom(product), name: 'कश्मीरी'.repeat(28) }; // 196 characters, more UTF-16 units
    expect(productDraftFrom(form, 12).ok).toBe(true);
    expect(productDraftFrom({ ...form, name: `${form.name}xxxxx` }, 12)).toMatchObject({ ok: false, errors: { name: { key: 'tooLong', values: { max: 200 } } } });
  });
});

describe('manager forms: artisan drafts', () => {
  it('keeps the PIN (null) when none is typed and reads the commission exactly', () => {
    const checked = artisanDraftFrom({ ...artisanFormFrom(artisan), commission: '12.75' }, artisan);
    expect(checked.ok && checked.value).toMatchObject({ id: 'a1', code: 'A-001', commissionBps: 1275, pin: null, gender: 'M' });
  });

  it('asks for the PIN again when the code of an artisan with a PIN changes', () => {
    const form = { ...artisanFormFrom(artisan), code: 'A-101' };
    expect(artisanNeedsNewPin(form, artisan)).toBe(true);
    expect(artisanDraftFrom(form, artisan)).toEqual({ ok: false, errors: { pin: { key: 'pinNeeded' } } });
    expect(artisanDraftFrom({ ...form, pin: '2468' }, artisan)).toMatchObject({ ok: true, value: { code: 'A-101', pin: '2468' } });
    // No PIN yet: nothing to lose.
    expect(artisanNeedsNewPin(form, { ...artisan, pinHash: null })).toBe(false);
  });

  it('refuses codes the store would refuse and short PINs', () => {
    const checked = artisanDraftFrom({ ...artisanFormFrom(null), code: 'A_01', name: 'Shazia', commission: '101', pin: '12' }, null);
    expect(checked).toEqual({
      ok: false,
      errors: { code: { key: 'artisanCode' }, commission: { key: 'percentRange' }, pin: { key: 'pinLength' } },
    });
  });
});

describe('manager forms: users', () => {
  it('needs a PIN for a new user but not to edit one', () => {
    expect(userDraftFrom({ ...userFormFrom(null), name: 'Afroza' })).toEqual({ ok: false, errors: { pin: { key: 'pinNeeded' } } });
    expect(userDraftFrom({ ...userFormFrom(null), name: 'Afroza', pin: '4321', role: 'manager' }))
      .toEqual({ ok: true, value: { id: null, name: 'Afroza', role: 'manager', active: true, pin: '4321' } });
    const existing = { id: 'u1', name: 'Bilal', role: 'operator' as const, pinHash: 'x', active: true };
    expect(userDraftFrom({ ...userFormFrom(existing), active: false })).toEqual({ ok: true, value: { id: 'u1', name: 'Bilal', role: 'operator', active: false, pin: null } });
  });
});

describe('manager forms: stock adjustments', () => {
  it('turns add/remove and a count into a signed delta with the stock after', () => {
    expect(stockDeltaFrom({ direction: 'add', pieces: '3', reason: 'New pieces' }, 2)).toEqual({ ok: true, value: { delta: 3, reason: 'New pieces', after: 5 } });
    expect(stockDeltaFrom({ direction: 'remove', pieces: '2', reason: ' Damaged ' }, 2)).toEqual({ ok: true, value: { delta: -2, reason: 'Damaged', after: 0 } });
  });

  it('needs a reason and a count, and never takes stock below zero', () => {
    expect(stockDeltaFrom({ direction: 'add', pieces: '', reason: '' }, 2)).toEqual({
      ok: false, errors: { pieces: { key: 'required' }, reason: { key: 'reasonShort' } },
    });
    expect(stockDeltaFrom({ direction: 'add', pieces: '0', reason: 'counted' }, 2)).toEqual({ ok: false, errors: { pieces: { key: 'deltaZero' } } });
    expect(stockDeltaFrom({ direction: 'remove', pieces: '3', reason: 'counted' }, 2)).toEqual({
      ok: false, errors: { pieces: { key: 'stockBelowZero', values: { stock: 2 } } },
    });
  });
});

describe('manager forms: keypad digits', () => {
  it('drops a leading zero from counts but keeps it in codes', () => {
    expect(editDigits('0', '5', 7)).toBe('5');
    expect(editDigits('0', '4', 8, 'code')).toBe('04');
    expect(editDigits('6214', '0', 4, 'code')).toBe('6214');
    expect(editDigits('12', 'backspace', 7)).toBe('1');
    expect(editDigits('12', 'clear', 7)).toBe('');
    expect(editDigits('12', '.', 7)).toBe('12');
  });
});
