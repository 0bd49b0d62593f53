// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS } from '../../../../renderer/db';
import { cartLines, payByCard, renderKiosk, scan, scanIntoCart, signIn, type RenderedKiosk } from '../harness';

const CARPET = '2000000000091'; // Silk carpet 3x5 ft, ₹1,85,000, 2 in stock; the demo store's limit is 2 beyond
const SHAWL = '2000000000015'; // 6 in stock

const qtyOf = (line = 0) => within(cartLines()[line]!).getByTestId('cart-line-qty').textContent;
const plus = (kiosk: RenderedKiosk) => kiosk.user.click(screen.getByRole('button', { name: 'One more Silk carpet 3x5 ft' }));

async function sellingTheCarpet(): Promise<RenderedKiosk> {
  const kiosk = await renderKiosk();
  await signIn(kiosk.user, DEMO_PINS.operator);
  await scanIntoCart([CARPET]);
  return kiosk;
}

async function typeQuantity(kiosk: RenderedKiosk, qty: string): Promise<void> {
  await kiosk.user.click(within(cartLines()[0]!).getByTestId('cart-line-qty'));
  const dialog = await screen.findByTestId('quantity-dialog');
  const keypad = within(dialog).getByRole('group', { name: 'Quantity keypad' });
  for (const digit of qty) await kiosk.user.click(within(keypad).getByRole('button', { name: digit }));
  await kiosk.user.click(within(dialog).getByTestId('quantity-set'));
}

describe('Quantities past the stock count', () => {
  it('types a quantity on the keypad; within the count it changes at once', async () => {
    const kiosk = await renderKiosk();
    await signIn(kiosk.user, DEMO_PINS.operator);
    await scanIntoCart([SHAWL]);
    await typeQuantity(kiosk, '4');
    await waitFor(() => expect(qtyOf()).toBe('4'));
    expect(screen.queryByTestId('quantity-dialog')).toBeNull();
    expect(screen.queryByTestId('stock-dialog')).toBeNull();
    expect(screen.getByTestId('total-items').textContent).toBe('4');
  });

  it('+ past the count asks "Only 2 in stock. Sell 3 anyway?"; No keeps 2, Yes sells 3', async () => {
    const kiosk = await sellingTheCarpet();
    await plus(kiosk);
    expect(qtyOf()).toBe('2');
    expect(screen.queryByTestId('stock-dialog')).toBeNull();
    await plus(kiosk);
    const dialog = await screen.findByTestId('stock-dialog');
    expect(within(dialog).getByTestId('stock-question').textContent).toBe('Only 2 in stock. Sell 3 anyway?');
    expect(within(dialog).queryByTestId('stock-why')).toBeNull(); // 1 beyond: the operator's word is enough
    await kiosk.user.click(within(dialog).getByTestId('stock-keep'));
    await waitFor(() => expect(screen.queryByTestId('stock-dialog')).toBeNull());
    expect(qtyOf()).toBe('2');

    await plus(kiosk);
    await kiosk.user.click(within(await screen.findByTestId('stock-dialog')).getByTestId('stock-sell'));
    await waitFor(() => expect(qtyOf()).toBe('3'));
    expect(within(cartLines()[0]!).getByTestId('cart-line-beyond-stock').textContent).toContain('2');
  });

  it('scanning the same label again past the count asks too', async () => {
    await sellingTheCarpet();
    scan(CARPET);
    await waitFor(() => expect(qtyOf()).toBe('2'));
    scan(CARPET);
    const dialog = await screen.findByTestId('stock-dialog');
    expect(within(dialog).getByTestId('stock-question').textContent).toBe('Only 2 in stock. Sell 3 anyway?');
    expect(qtyOf()).toBe('2');
  });

  it('stops a typo’d 199: beyond the limit only a manager’s PIN lets it through, not the operator’s', async () => {
    const kiosk = await sellingTheCarpet();
    await typeQuantity(kiosk, '199');
    const dialog = await screen.findByTestId('stock-dialog');
    expect(within(dialog).getByTestId('stock-question').textContent).toBe('Only 2 in stock. Sell 199 anyway?');
    expect(within(dialog).getByTestId('stock-why').textContent).toContain('more than 2 pieces beyond the count');
    await kiosk.user.click(within(dialog).getByTestId('stock-sell'));
    await kiosk.user.type(await within(dialog).findByTestId('stock-pin-input'), DEMO_PINS.operator);
    await kiosk.user.click(within(dialog).getByTestId('stock-approve'));
    expect((await within(dialog).findByTestId('stock-pin-error')).textContent).toContain('not a manager');
    expect(qtyOf()).toBe('1');
    await kiosk.user.click(within(dialog).getByRole('button', { name: 'No, keep 1' }));
    await waitFor(() => expect(screen.queryByTestId('stock-dialog')).toBeNull());
    expect(qtyOf()).toBe('1');
    expect(screen.getByTestId('total-items').textContent).toBe('1');
  });

  it('with a manager’s PIN sells 5 of 2, and the approval goes to the sale: stock −3', async () => {
    const kiosk = await sellingTheCarpet();
    await typeQuantity(kiosk, '5');
    const dialog = await screen.findByTestId('stock-dialog');
    await kiosk.user.click(within(dialog).getByTestId('stock-sell'));
    await kiosk.user.type(await within(dialog).findByTestId('stock-pin-input'), DEMO_PINS.manager);
    await kiosk.user.click(within(dialog).getByTestId('stock-approve'));
    await waitFor(() => expect(qtyOf()).toBe('5'));

    await payByCard(kiosk.user, 'AUTH7');
    const manager = (await kiosk.db.users.toArray()).find((u) => u.role === 'manager')!;
    const carpet = (await kiosk.db.products.toArray()).find((p) => p.barcode === CARPET)!;
    expect(carpet.stock).toBe(-3);
    const commit = (await kiosk.db.audit.toArray()).find((a) => a.action === 'sale.commit');
    expect(commit?.detail).toMatchObject({ items: 5, stockApprovals: [{ productId: carpet.id, managerId: manager.id }] });
  });

  it('lowering the quantity drops the approval no longer needed: going back up asks again', async () => {
    const kiosk = await sellingTheCarpet();
    await typeQuantity(kiosk, '3');
    await kiosk.user.click(within(await screen.findByTestId('stock-dialog')).getByTestId('stock-sell'));
    await waitFor(() => expect(qtyOf()).toBe('3'));
    await kiosk.user.click(screen.getByRole('button', { name: 'One fewer Silk carpet 3x5 ft' }));
    await waitFor(() => expect(qtyOf()).toBe('2'));
    expect(within(cartLines()[0]!).queryByTestId('cart-line-beyond-stock')).toBeNull();
    await plus(kiosk);
    expect(await screen.findByTestId('stock-dialog')).toBeTruthy();
    expect(qtyOf()).toBe('2');
  });
});
