import { describe, expect, it } from 'vitest';
import { scanTarget, withScan, type SellDialog } from '../../../../renderer/ui/sell/sellDialog';

describe('sellDialog: where a scan goes', () => {
  it('adds to the cart when no dialog is open', () => {
    expect(scanTarget(null)).toBe('cart');
  });

  it.each<SellDialog>([
    { name: 'pay', scanned: null },
    { name: 'discount', productId: 'p1', scanned: null },
    { name: 'drawer', scanned: null },
    { name: 'quantity', productId: 'p1', scanned: null },
    { name: 'stock', question: { productId: 'p1', name: 'Carpet', qty: 3, current: 2, stock: 2, needsManager: false, adding: null }, scanned: null },
    { name: 'park', scanned: null },
    { name: 'recall', scanned: null },
    { name: 'return', receiptNo: null, scanned: null },
    { name: 'void', receiptNo: 'K01/2627/000001', recorded: false, scanned: null },
  ])('goes to the $name dialog, not to the cart', (open) => {
    expect(scanTarget(open)).toBe('dialog');
  });

  it('is not heard at all while "clear the cart?" is asked or the day is being opened', () => {
    expect(scanTarget({ name: 'clearCart' })).toBe('ignore');
    expect(scanTarget({ name: 'openDay' })).toBe('ignore');
    expect(withScan({ name: 'openDay' }, '1')).toEqual({ name: 'openDay' });
  });

  it('keeps a receipt scanned during a return or a void with that dialog', () => {
    expect(withScan({ name: 'return', receiptNo: null, scanned: null }, 'K01/2627/000002')).toEqual({ name: 'return', receiptNo: null, scanned: 'K01/2627/000002' });
    expect(withScan({ name: 'void', receiptNo: 'K01/2627/000001', recorded: true, scanned: null }, '2000000000015'))
      .toEqual({ name: 'void', receiptNo: 'K01/2627/000001', recorded: true, scanned: '2000000000015' });
  });

  it('keeps the last label scanned with the dialog it was scanned in, and nothing else changes', () => {
    const discount: SellDialog = { name: 'discount', productId: 'p1', scanned: null };
    expect(withScan(discount, '2000000000015')).toEqual({ name: 'discount', productId: 'p1', scanned: '2000000000015' });
    expect(withScan(withScan(discount, '1'), '2')).toEqual({ name: 'discount', productId: 'p1', scanned: '2' });
    expect(withScan({ name: 'clearCart' }, '1')).toEqual({ name: 'clearCart' });
    expect(withScan(null, '1')).toBeNull();
  });
});
