// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS } from '../../../../renderer/db';
import { cartLines, renderKiosk, scan, signIn } from '../harness';

const SHAWL = '2000000000015'; // ₹12,500, 6 in stock; the demo store's discount limit is 10%
const CARPET = '2000000000091'; // 2 in stock; the demo store's limit is 2 beyond

/**
 * Every approval dialog checks its PIN through useManagerApproval, so wrong PINs in any of
 * them count towards one lock, and the lock shows in whichever dialog comes next.
 */
describe('wrong manager PINs across the approval dialogs', () => {
  it('five wrong in the discount dialog lock it, and the drawer and stock dialogs open locked', async () => {
    const { user, db } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    scan(SHAWL);
    await waitFor(() => expect(cartLines()).toHaveLength(1));
    await user.click(within(cartLines()[0]!).getByTestId('cart-line-discount'));
    const discount = await screen.findByTestId('discount-dialog');
    await user.type(within(discount).getByTestId('discount-input'), '20');
    await user.click(within(discount).getByTestId('discount-apply'));
    for (let i = 0; i < 5; i++) {
      const field = await within(discount).findByTestId('discount-pin-input');
      await waitFor(() => expect((field as HTMLInputElement).disabled).toBe(false));
      await user.type(field, DEMO_PINS.operator);
      await user.click(within(discount).getByTestId('discount-approve'));
      if (i < 4) await within(discount).findByTestId('discount-pin-error');
    }
    expect((await within(discount).findByTestId('discount-pin-locked')).textContent).toMatch(/Approvals are locked/);
    expect((within(discount).getByTestId('discount-approve') as HTMLButtonElement).disabled).toBe(true);
    expect((await db.audit.toArray()).filter((e) => e.action === 'pin.lockout')).toHaveLength(1);
    await user.click(discount.querySelector<HTMLButtonElement>('.dialog__close')!);
    await waitFor(() => expect(screen.queryByTestId('discount-dialog')).toBeNull());

    // The drawer's dialog: locked from the start, even for the manager's own PIN.
    await user.click(screen.getByTestId('open-drawer'));
    const drawer = await screen.findByTestId('drawer-dialog');
    expect((await within(drawer).findByTestId('drawer-pin-locked')).textContent).toMatch(/Approvals are locked/);
    expect((within(drawer).getByTestId('drawer-pin-input') as HTMLInputElement).disabled).toBe(true);
    await user.click(drawer.querySelector<HTMLButtonElement>('.dialog__close')!);
    await waitFor(() => expect(screen.queryByTestId('drawer-dialog')).toBeNull());

    // Selling past the count: the step to the PIN starts a fresh pad, but not an unlocked one.
    scan(CARPET);
    await waitFor(() => expect(cartLines()).toHaveLength(2));
    for (let i = 0; i < 3; i++) {
      await user.click(screen.getByRole('button', { name: 'One more Silk carpet 3x5 ft' }));
      if (i > 0) {
        const ask = await screen.findByTestId('stock-dialog');
        await user.click(within(ask).getByTestId('stock-sell'));
        await waitFor(() => expect(screen.queryByTestId('stock-dialog')).toBeNull());
      }
    }
    await user.click(screen.getByRole('button', { name: 'One more Silk carpet 3x5 ft' }));
    const stock = await screen.findByTestId('stock-dialog');
    await user.click(within(stock).getByTestId('stock-sell'));
    expect((await within(stock).findByTestId('stock-pin-locked')).textContent).toMatch(/Approvals are locked/);
    expect((within(stock).getByTestId('stock-approve') as HTMLButtonElement).disabled).toBe(true);
  });
});
