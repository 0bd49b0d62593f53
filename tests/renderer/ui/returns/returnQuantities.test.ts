import { describe, expect, it } from 'vitest';
import { editQuantity, looksLikeReceiptNo, stepQuantity, toReturnQuantities } from '../../../../renderer/ui/returns/returnQuantities';

describe('returnQuantities: pieces to return', () => {
  it('types digits on the keypad but never past what is left', () => {
    expect(editQuantity(0, '1', 12)).toBe(1);
    expect(editQuantity(1, '2', 12)).toBe(12);
    // 2 then 1 of 3 left: the 1 starts afresh; a digit that is itself too many is all that is left.
    expect(editQuantity(2, '1', 3)).toBe(1);
    expect(editQuantity(0, '5', 3)).toBe(3);
    expect(editQuantity(12, 'backspace', 12)).toBe(1);
    expect(editQuantity(7, 'clear', 12)).toBe(0);
    expect(editQuantity(2, '.', 12)).toBe(2);
  });

  it('steps between none and what is left', () => {
    expect(stepQuantity(0, -1, 2)).toBe(0);
    expect(stepQuantity(2, 1, 2)).toBe(2);
    expect(stepQuantity(1, 1, 2)).toBe(2);
  });

  it('asks the store for the lines with pieces, in line order', () => {
    expect(toReturnQuantities({ b: 1, a: 0, c: 2 }, ['a', 'b', 'c'])).toEqual([{ lineId: 'b', qty: 1 }, { lineId: 'c', qty: 2 }]);
  });

  it('tells a receipt number from a product barcode by its "/"', () => {
    expect(looksLikeReceiptNo('K01/2627/000001')).toBe(true);
    expect(looksLikeReceiptNo('2000000000015')).toBe(false);
  });
});
