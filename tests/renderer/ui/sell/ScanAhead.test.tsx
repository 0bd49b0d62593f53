// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_PINS, findProductByBarcode, type ChinarDb } from '../../../../renderer/db';
import type { Paise } from '../../../../shared/money';
import { cartLines, renderKiosk, scan, startScan, signIn } from '../harness';

/**
 * The product is looked up while the scanner is still typing its label (at eleven digits,
 * the EAN-13s they can become, in one ranged read), so the Enter finds the read done.
 * These check that it changes nothing the operator sees: the same line, the same notices,
 * fresh data.
 */
const SHAWL = '2000000000015';
/**
 * Each read of the products, in order: a get by barcode (its code), or a ranged read of the
 * barcode index ('range'). Dexie's get by an index calls `where` itself: that one is the get.
 */
function productReads(db: ChinarDb): () => string[] {
  const reads: string[] = [];
  let inGet = false;
  const get = db.products.get.bind(db.products) as (key: unknown) => unknown;
  const where = db.products.where.bind(db.products) as (index: unknown) => unknown;
  vi.spyOn(db.products, 'get').mockImplementation(((key: unknown) => {
    if (typeof key === 'object' && key !== null && 'barcode' in key) reads.push((key as { barcode: string }).barcode);
    inGet = true;
    try { return get(key); } finally { inGet = false; }
  }) as never);
  vi.spyOn(db.products, 'where').mockImplementation(((index: unknown) => {
    if (index === 'barcode' && !inGet) reads.push('range');
    return where(index);
  }) as never);
  return () => [...reads];
}

describe('SellScreen: the lookup started before the Enter', () => {
  it('reads the products at the eleventh digit, and the Enter adds the shawl without reading again', async () => {
    const { user, db } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    const reads = productReads(db);
    const finish = startScan(SHAWL.slice(0, 11));
    expect(reads()).toEqual(['range']);
    finish(SHAWL.slice(11));
    await waitFor(() => expect(cartLines()).toHaveLength(1));
    expect(cartLines()[0]!.textContent).toContain('Pashmina shawl, natural');
    expect(reads()).toEqual(['range']);
  });

  it('twelve digits then another thirteenth: the scan says misread as before, and the shawl\'s own scan still adds it', async () => {
    const { user, db } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    const reads = productReads(db);
    startScan(SHAWL.slice(0, 12))('6');
    expect((await screen.findByTestId('scan-notice')).textContent).toBe('The scanner misread this label (check digit). Scan it again.');
    expect(cartLines()).toHaveLength(0);
    // The twelve digits' EAN-13 is not read again (the range read has it); the thirteen no
    // product has are read as any code the range did not find.
    expect(reads()).toEqual(['range', '2000000000016']);
    scan(SHAWL);
    await waitFor(() => expect(cartLines()).toHaveLength(1));
  });

  it('a product changed between its lookup and the Enter goes into the cart as it is now', async () => {
    const { user, db } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    const { product } = (await findProductByBarcode(db, SHAWL))!;
    const finish = startScan(SHAWL.slice(0, 12));
    await db.products.update(product.id, { price: 99_00 as Paise, name: 'Pashmina shawl, repriced' });
    finish(SHAWL.slice(12));
    await waitFor(() => expect(cartLines()).toHaveLength(1));
    expect(cartLines()[0]!.textContent).toContain('Pashmina shawl, repriced');
    expect(screen.getByTestId('totals').textContent).toContain('₹99.00');
  });

  it('a person typing a barcode into the search: nothing is looked up before the Enter', async () => {
    const { user, db } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    const reads = productReads(db);
    const person = userEvent.setup({ delay: 50 });
    await person.type(screen.getByTestId('search-input'), SHAWL);
    expect(reads()).toEqual([]);
    await person.keyboard('{Enter}');
    await waitFor(() => expect(cartLines()).toHaveLength(1), { timeout: 3000 });
    expect(reads()).toEqual([SHAWL]);
  });

  it('a scan into an open dialog looks nothing up ahead', async () => {
    const { user, db } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    await user.click(screen.getByTestId('open-return'));
    await screen.findByTestId('return-dialog');
    const reads = productReads(db);
    startScan(SHAWL.slice(0, 12));
    expect(reads()).toEqual([]);
  });
});
