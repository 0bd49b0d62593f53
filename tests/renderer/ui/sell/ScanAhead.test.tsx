// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_PINS, findProductByBarcode } from '../../../../renderer/db';
import type { Paise } from '../../../../shared/money';
import { cartLines, renderKiosk, scan, startScan, signIn } from '../harness';

/**
 * The product is looked up while the scanner is still typing its label (at twelve digits,
 * the EAN-13 they make), so the Enter finds the read done. These check that it changes
 * nothing the operator sees: the same line, the same notices, fresh data.
 */
const SHAWL = '2000000000015';
const barcodeReads = (reads: { mock: { calls: unknown[][] } }) => reads.mock.calls.filter(([key]) => typeof key === 'object').map(([key]) => (key as { barcode: string }).barcode);

describe('SellScreen: the lookup started before the Enter', () => {
  it('reads the product at the twelfth digit, and the Enter adds it without reading again', async () => {
    const { user, db } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    const reads = vi.spyOn(db.products, 'get');
    const finish = startScan(SHAWL.slice(0, 12));
    expect(barcodeReads(reads)).toEqual([SHAWL]);
    finish(SHAWL.slice(12));
    await waitFor(() => expect(cartLines()).toHaveLength(1));
    expect(cartLines()[0]!.textContent).toContain('Pashmina shawl, natural');
    expect(barcodeReads(reads)).toEqual([SHAWL]);
  });

  it('twelve digits then another thirteenth: that code is looked up, and the scan says misread as before', async () => {
    const { user, db } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    const reads = vi.spyOn(db.products, 'get');
    startScan(SHAWL.slice(0, 12))('6');
    expect((await screen.findByTestId('scan-notice')).textContent).toBe('The scanner misread this label (check digit). Scan it again.');
    expect(cartLines()).toHaveLength(0);
    expect(barcodeReads(reads)).toEqual([SHAWL, '2000000000016']);
    // The shawl's answer read ahead serves no other scan: its own scan still adds it.
    scan(SHAWL);
    await waitFor(() => expect(cartLines()).toHaveLength(1));
  });

  it('a product changed between its lookup and the Enter goes into the cart as it is now', async () => {
    const { user, db } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    const { product } = (await findProductByBarcode(db, SHAWL))!;
    const reads = vi.spyOn(db.products, 'get');
    const finish = startScan(SHAWL.slice(0, 12));
    // The read started ahead has answered, with the product as it was.
    expect((await reads.mock.results[0]!.value as typeof product).name).toBe('Pashmina shawl, natural');
    await db.products.update(product.id, { price: 99_00 as Paise, name: 'Pashmina shawl, repriced' });
    finish(SHAWL.slice(12));
    await waitFor(() => expect(cartLines()).toHaveLength(1));
    expect(cartLines()[0]!.textContent).toContain('Pashmina shawl, repriced');
    expect(screen.getByTestId('totals').textContent).toContain('₹99.00');
  });

  it('a person typing a barcode into the search: nothing is looked up before the Enter', async () => {
    const { user, db } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    const reads = vi.spyOn(db.products, 'get');
    const person = userEvent.setup({ delay: 50 });
    await person.type(screen.getByTestId('search-input'), SHAWL);
    expect(barcodeReads(reads)).toEqual([]);
    await person.keyboard('{Enter}');
    await waitFor(() => expect(cartLines()).toHaveLength(1), { timeout: 3000 });
    expect(barcodeReads(reads)).toEqual([SHAWL]);
  });

  it('a scan into an open dialog looks nothing up ahead', async () => {
    const { user, db } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    await user.click(screen.getByTestId('open-return'));
    await screen.findByTestId('return-dialog');
    const reads = vi.spyOn(db.products, 'get');
    startScan(SHAWL.slice(0, 12));
    expect(barcodeReads(reads)).toEqual([]);
  });
});
