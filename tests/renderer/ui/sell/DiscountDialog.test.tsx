// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS } from '../../../../renderer/db';
import { cartLines, payInCash, renderKiosk, scanIntoCart, signIn, type RenderedKiosk } from '../harness';

const SHAWL = '2000000000015'; // ₹12,500; the demo store's discount limit is 10%

async function discountingTheShawl(): Promise<RenderedKiosk & { dialog: HTMLElement }> {
  const kiosk = await renderKiosk();
  await signIn(kiosk.user, DEMO_PINS.operator);
  await scanIntoCart([SHAWL]);
  await kiosk.user.click(within(cartLines()[0]!).getByTestId('cart-line-discount'));
  return { ...kiosk, dialog: await screen.findByTestId('discount-dialog') };
}

describe('DiscountDialog: a discount on a line', () => {
  it('applies a discount within the limit at once, with no PIN', async () => {
    const { user, dialog } = await discountingTheShawl();
    await user.type(within(dialog).getByTestId('discount-input'), '5');
    await waitFor(() => expect(within(dialog).getByTestId('discount-amount').textContent).toContain('₹625.00'));
    await user.click(within(dialog).getByTestId('discount-apply'));
    await waitFor(() => expect(screen.queryByTestId('discount-dialog')).toBeNull());
    expect(within(cartLines()[0]!).getByTestId('cart-line-discount-text').textContent).toContain('-₹625.00');
  });

  it('above the limit asks for a manager’s PIN: an operator’s is refused, a manager’s applies it', async () => {
    const { user, dialog, db } = await discountingTheShawl();
    await user.type(within(dialog).getByTestId('discount-input'), '20');
    await waitFor(() => expect(within(dialog).getByTestId('discount-status').textContent).toContain('10% limit'));
    await user.click(within(dialog).getByTestId('discount-apply'));
    expect((await within(dialog).findByTestId('discount-why')).textContent).toContain('₹2,500.00');

    await user.type(within(dialog).getByTestId('discount-pin-input'), DEMO_PINS.operator);
    await user.click(within(dialog).getByTestId('discount-approve'));
    expect((await within(dialog).findByTestId('discount-pin-error')).textContent).toContain('not a manager');
    expect(within(cartLines()[0]!).queryByTestId('cart-line-discount-text')).toBeNull();
    expect((within(dialog).getByTestId('discount-pin-input') as HTMLInputElement).value).toBe('');

    await user.type(within(dialog).getByTestId('discount-pin-input'), DEMO_PINS.manager);
    await user.click(within(dialog).getByTestId('discount-approve'));
    await waitFor(() => expect(screen.queryByTestId('discount-dialog')).toBeNull());
    expect(within(cartLines()[0]!).getByTestId('cart-line-discount-text').textContent).toContain('-₹2,500.00');

    // The approval goes into the sale's record with it.
    await payInCash(user, '10000');
    const manager = (await db.users.toArray()).find((u) => u.role === 'manager')!;
    const commit = (await db.audit.toArray()).find((a) => a.action === 'sale.commit');
    expect(commit?.detail).toMatchObject({ discount: 250_000, discountApprovals: [expect.objectContaining({ managerId: manager.id })] });
  });
});
