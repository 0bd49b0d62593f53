// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_PINS } from '../../../../renderer/db';
import { DEMO_PRODUCTS } from '../../../../renderer/db/demo-data';
import { cartLines, payInCash, renderKiosk, scan, scanIntoCart, signIn } from '../harness';

/**
 * A scan redraws as little as it can: the lines are memoised, and so are the header, the
 * banners, the last-sale line and the search (with stable handlers). These check that what
 * is memoised still follows every change it should show.
 */
const [shawl, stole, third] = DEMO_PRODUCTS;

const lineOf = (name: string) => {
  const line = cartLines().find((l) => l.textContent?.includes(name));
  if (!line) throw new Error(`no cart line for ${name}`);
  return line;
};
const qtyOf = (name: string) => within(lineOf(name)).getByTestId('cart-line-qty').textContent;

describe('the sell screen after a scan: memoised parts still follow', () => {
  it("each line shows its own quantity and discount changes, the others stay as they were, and the totals follow", async () => {
    const { user } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    await scanIntoCart([shawl!.barcode, stole!.barcode, third!.barcode]);
    expect(screen.getByTestId('total-items').textContent).toBe('3');

    await user.click(within(lineOf(stole!.name)).getByRole('button', { name: `One more ${stole!.name}` }));
    await waitFor(() => expect(qtyOf(stole!.name)).toBe('2'));
    expect(qtyOf(shawl!.name)).toBe('1');
    expect(qtyOf(third!.name)).toBe('1');
    expect(screen.getByTestId('total-items').textContent).toBe('4');

    await user.click(within(lineOf(shawl!.name)).getByTestId('cart-line-discount'));
    const dialog = await screen.findByTestId('discount-dialog');
    await user.type(within(dialog).getByTestId('discount-input'), '5');
    await waitFor(() => expect(within(dialog).getByTestId('discount-amount').textContent).toContain('₹625.00'));
    await user.click(within(dialog).getByTestId('discount-apply'));
    await waitFor(() => expect(within(lineOf(shawl!.name)).getByTestId('cart-line-discount-text').textContent).toContain('-₹625.00'));
    expect(within(lineOf(stole!.name)).queryByTestId('cart-line-discount-text')).toBeNull();
    expect(screen.getByTestId('total-discount').textContent).toContain('625.00');

    await user.click(within(lineOf(stole!.name)).getByRole('button', { name: `One fewer ${stole!.name}` }));
    await waitFor(() => expect(qtyOf(stole!.name)).toBe('1'));
    await user.click(within(lineOf(third!.name)).getByRole('button', { name: `Remove ${third!.name}` }));
    await waitFor(() => expect(cartLines()).toHaveLength(2));
    expect(screen.getByTestId('total-items').textContent).toBe('2');
    // A scan after all that still lands on its line and says so.
    await scanIntoCart([third!.barcode], 2);
    expect((await screen.findByTestId('scan-notice')).textContent).toContain(third!.name);
  });

  it('brings the line a scan lands on into view, the new one and a repeat further up', async () => {
    const { user } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView');
    try {
      await scanIntoCart([shawl!.barcode, stole!.barcode]);
      await waitFor(() => expect(scrolled.mock.contexts.at(-1)).toBe(lineOf(stole!.name)));
      // A repeat scan of a line further up brings that one back into view.
      scan(shawl!.barcode);
      await waitFor(() => expect(qtyOf(shawl!.name)).toBe('2'));
      await waitFor(() => expect(scrolled.mock.contexts.at(-1)).toBe(lineOf(shawl!.name)));
      expect(scrolled).toHaveBeenLastCalledWith({ block: 'nearest' });
    } finally {
      scrolled.mockRestore();
    }
  });

  it('the header asks before signing out with items in the cart, and signs out at once with none', async () => {
    const { user } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    await scanIntoCart([shawl!.barcode]);
    await user.click(screen.getByTestId('sign-out'));
    const ask = await screen.findByTestId('sign-out-dialog');
    await user.click(within(ask).getByRole('button', { name: 'Stay signed in' }));
    await waitFor(() => expect(screen.queryByTestId('sign-out-dialog')).toBeNull());

    await user.click(within(lineOf(shawl!.name)).getByRole('button', { name: `Remove ${shawl!.name}` }));
    await waitFor(() => expect(cartLines()).toHaveLength(0));
    await user.click(screen.getByTestId('sign-out'));
    await screen.findByTestId('signin-screen');
    expect(screen.queryByTestId('sign-out-dialog')).toBeNull();
  });

  it('a barcode typed in the search adds its line, and the last-sale line follows the sale just made', async () => {
    const { user } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    expect((await screen.findByTestId('last-sale')).textContent).toBe('No sale recorded yet on this kiosk.');
    // Typed at a person's pace (fast keys would be read as a scan), then Enter.
    await userEvent.setup({ delay: 50 }).type(screen.getByTestId('search-input'), `${stole!.barcode}{Enter}`);
    await waitFor(() => expect(cartLines()).toHaveLength(1), { timeout: 3000 });
    expect(cartLines()[0]!.textContent).toContain(stole!.name);

    await payInCash(user, '10000');
    await user.click(screen.getByTestId('new-sale'));
    await waitFor(() => expect(screen.getByTestId('last-sale').textContent).toMatch(/^Last sale recorded: \S+ at .+, ₹6,800\.00$/));
  });
});
