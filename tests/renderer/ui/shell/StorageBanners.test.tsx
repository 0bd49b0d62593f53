// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PINS, MIN_FREE_BYTES } from '../../../../renderer/db';
import { fillDiskAtAudit } from '../../db/helpers';
import { renderKiosk, scanIntoCart, signIn } from '../harness';

const SHAWL = '2000000000015'; // ₹12,500

/** The browser's storage as the kiosk sees it, with as much free quota as a test says. */
function fakeStorage(freeBytes: { now: number }): void {
  const storage = {
    estimate: () => Promise.resolve({ usage: 1_000_000, quota: 1_000_000 + freeBytes.now }),
    persisted: () => Promise.resolve(true),
    persist: () => Promise.resolve(true),
  };
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
}

let disk: ReturnType<typeof fillDiskAtAudit> | undefined;
afterEach(() => disk?.restore());

describe('StorageBanners: the disk filling up at the counter', () => {
  it('after a sale NOT recorded for a full disk, stops sales and says so; Check again lets them go on once space is free', async () => {
    const free = { now: 10 * MIN_FREE_BYTES };
    fakeStorage(free);
    const { user, db } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    await scanIntoCart([SHAWL]);
    await user.click(screen.getByTestId('pay'));
    const dialog = await screen.findByTestId('pay-dialog');
    await user.type(within(dialog).getByTestId('cash-input'), '12500');

    // The disk fills between the last look at the free space and this sale.
    // IndexedDB refuses the sale's audit entry, its last write, with its own quota error.
    disk = fillDiskAtAudit();
    free.now = MIN_FREE_BYTES / 10;
    await user.click(within(dialog).getByTestId('complete-sale'));
    expect((await within(dialog).findByTestId('sale-not-recorded')).textContent).toContain('This kiosk\'s disk is full.');
    // The failure made the kiosk look again, at once: new sales stop, and everyone is told.
    expect((await screen.findByTestId('space-low')).textContent).toContain('new sales are stopped');
    expect(await db.sales.count()).toBe(0);

    await user.click(within(dialog).getByRole('button', { name: 'Back to the sale' }));
    await waitFor(() => expect(screen.queryByTestId('pay-dialog')).toBeNull());
    expect((screen.getByTestId('pay') as HTMLButtonElement).disabled).toBe(true);

    // The manager frees space; Check again, and the cart (still there) is sold.
    disk.free();
    free.now = 10 * MIN_FREE_BYTES;
    await user.click(screen.getByTestId('space-recheck'));
    await waitFor(() => expect(screen.queryByTestId('space-low')).toBeNull());
    await waitFor(() => expect((screen.getByTestId('pay') as HTMLButtonElement).disabled).toBe(false));
    await user.click(screen.getByTestId('pay'));
    const again = await screen.findByTestId('pay-dialog');
    await user.type(within(again).getByTestId('cash-input'), '12500');
    await user.click(within(again).getByTestId('complete-sale'));
    await screen.findByTestId('sale-done');
    expect(await db.sales.count()).toBe(1);
  });
});
