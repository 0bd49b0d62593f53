// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS, OPEN_CART_ID } from '../../../../renderer/db';
import { cartLines, payByCard, renderKiosk, scan, scanIntoCart, signIn, type RenderedKiosk } from '../harness';

const SHAWL = '2000000000015';
const BOX = '2000000000053';
const CARPET = '2000000000091'; // 2 in stock

const names = () => cartLines().map((l) => l.querySelector('.cart-line__name')?.textContent);
const qtyOf = (line = 0) => within(cartLines()[line]!).getByTestId('cart-line-qty').textContent;

async function kept(kiosk: RenderedKiosk, count: number): Promise<void> {
  await waitFor(async () => expect((await kiosk.db.carts.get(OPEN_CART_ID))?.cart.items.length ?? 0).toBe(count));
}

describe('The sale in progress: kept across a reload, parked and recalled', () => {
  it('a reload mid-sale keeps the cart, approvals and all, and says so at sign-in', async () => {
    const first = await renderKiosk();
    await signIn(first.user, DEMO_PINS.operator);
    await scanIntoCart([SHAWL, CARPET]);
    // 5 of 2 carpets, approved by a manager.
    await first.user.click(within(cartLines()[1]!).getByTestId('cart-line-qty'));
    const keypad = within(await screen.findByTestId('quantity-dialog')).getByRole('group', { name: 'Quantity keypad' });
    await first.user.click(within(keypad).getByRole('button', { name: '5' }));
    await first.user.click(screen.getByTestId('quantity-set'));
    await first.user.click(await screen.findByTestId('stock-sell'));
    await first.user.type(await screen.findByTestId('stock-pin-input'), DEMO_PINS.manager);
    await first.user.click(screen.getByTestId('stock-approve'));
    await waitFor(() => expect(qtyOf(1)).toBe('5'));
    await waitFor(async () => expect((await first.db.carts.get(OPEN_CART_ID))?.cart.items[1]?.qty).toBe(5));

    cleanup(); // the page goes away
    const again = await renderKiosk({ db: first.db });
    await signIn(again.user, DEMO_PINS.operator);
    expect((await screen.findByTestId('scan-notice')).textContent).toContain('Your sale in progress was kept');
    expect(names()).toEqual(['Pashmina shawl, natural', 'Silk carpet 3x5 ft']);
    expect(qtyOf(1)).toBe('5');
    // The manager's approval came back with it: the sale goes through as it was.
    await payByCard(again.user, 'AUTH9');
    expect(await again.db.carts.get(OPEN_CART_ID)).toBeUndefined();
  });

  it('a fresh page does not overwrite the kept cart before it is read back', async () => {
    const first = await renderKiosk();
    await signIn(first.user, DEMO_PINS.operator);
    scan(SHAWL);
    await kept(first, 1);
    cleanup();
    await renderKiosk({ db: first.db });
    // Sitting on the sign-in screen with an empty cart of its own.
    await new Promise((r) => setTimeout(r, 50));
    expect((await first.db.carts.get(OPEN_CART_ID))?.cart.items).toHaveLength(1);
  });

  it('parks a sale with a label, serves the next buyer, and recalls it from the list', async () => {
    const kiosk = await renderKiosk();
    await signIn(kiosk.user, DEMO_PINS.operator);
    expect(screen.queryByTestId('recall-open')).toBeNull();
    await scanIntoCart([SHAWL]);
    await kiosk.user.click(screen.getByTestId('park-open'));
    const park = await screen.findByTestId('park-dialog');
    await kiosk.user.type(within(park).getByTestId('park-label'), 'Red pheran');
    await kiosk.user.click(within(park).getByTestId('park-confirm'));
    await waitFor(() => expect(cartLines()).toHaveLength(0));
    // The typed label is isolated (it may be in another script than the sentence around it).
    expect(screen.getByTestId('scan-notice').textContent).toContain('Sale parked as “\u2068Red pheran\u2069”');

    // The next buyer. (A pause first: the label was typed as fast as a scanner, and the
    // wedge detector would take it as the start of this scan.)
    await new Promise((r) => setTimeout(r, 150));
    scan(BOX);
    await waitFor(() => expect(names()).toEqual(['Walnut jewellery box']));
    await kiosk.user.click(await screen.findByTestId('recall-open'));
    expect(screen.getByTestId('recall-open').textContent).toBe('Parked sales (1)');
    const recall = await screen.findByTestId('recall-dialog');
    expect(within(recall).getByTestId('recall-swap')).toBeTruthy();
    const [row] = within(recall).getAllByTestId('parked-sale');
    expect(row!.textContent).toContain('Red pheran');
    expect(row!.textContent).toContain('1 item');
    await kiosk.user.click(within(row!).getByTestId('recall-sale'));

    await waitFor(() => expect(names()).toEqual(['Pashmina shawl, natural']));
    expect(screen.getByTestId('scan-notice').textContent).toContain('“\u2068Red pheran\u2069” is back on the counter');
    // The box's sale took its place in the list.
    await waitFor(() => expect(screen.getByTestId('recall-open').textContent).toBe('Parked sales (1)'));
    const parked = await kiosk.db.carts.where('status').equals('parked').toArray();
    expect(parked.map((p) => p.cart.items.map((i) => i.name))).toEqual([['Walnut jewellery box']]);
  });
});
