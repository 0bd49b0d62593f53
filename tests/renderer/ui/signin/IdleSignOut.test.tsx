// @vitest-environment happy-dom
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PINS } from '../../../../renderer/db';
import { DEMO_PRODUCTS } from '../../../../renderer/db/demo-data';
import { cartLines, renderKiosk, signIn } from '../harness';

const SHAWL_SKU = DEMO_PRODUCTS.find((p) => p.barcode === '2000000000015')!.sku;

describe('idle sign-out at the counter', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('signs the operator out after the store\'s idle time, and the cart comes back at the next sign-in', async () => {
    // Fake timers that still move with the clock, so the store and the clicks run as usual.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
    const kiosk = await renderKiosk();
    await signIn(kiosk.user, DEMO_PINS.operator);
    await kiosk.user.type(screen.getByTestId('search-input'), SHAWL_SKU);
    await kiosk.user.click((await screen.findAllByTestId('search-result'))[0]!);
    await waitFor(() => expect(cartLines()).toHaveLength(1));
    // The cart is in the store before anyone walks away.
    await waitFor(async () => expect((await kiosk.db.carts.toArray()).flatMap((r) => r.cart.items)).toHaveLength(1));

    // Nobody touches the kiosk for the store's idle time (and a second).
    const idleMs = kiosk.station().profile.idleSignOutMinutes * 60_000 + 1_000;
    await act(async () => { vi.advanceTimersByTime(idleMs); });
    await screen.findByTestId('signin-screen');
    expect((await kiosk.db.carts.toArray()).flatMap((r) => r.cart.items)).toHaveLength(1);

    await signIn(kiosk.user, DEMO_PINS.operator);
    await waitFor(() => expect(cartLines()).toHaveLength(1));
    expect(within(cartLines()[0]!).getByTestId('cart-line-qty').textContent).toBe('1');
  });
});
