// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS, getStoreProfile } from '../../../../../renderer/db';
import { renderKiosk, signIn, type RenderedKiosk } from '../../harness';

async function storeSettings(): Promise<RenderedKiosk & { page: HTMLElement }> {
  const kiosk = await renderKiosk();
  await signIn(kiosk.user, DEMO_PINS.manager);
  await kiosk.user.click(screen.getByTestId('nav-manager'));
  await kiosk.user.click(await screen.findByTestId('tile-settings'));
  await kiosk.user.click(await screen.findByTestId('settings-open-store'));
  return { ...kiosk, page: await screen.findByTestId('settings-store') };
}

describe('StoreSection: the store as receipts show it', () => {
  it('saves a new store name to the store, audits it, and the counter shows it at once', async () => {
    const { user, page, db, station } = await storeSettings();
    const name = within(page).getByTestId('store-name');
    await user.clear(name);
    await user.type(name, 'Dal Lake Artisans');
    expect(within(page).getByTestId('settings-dirty').textContent).not.toBe('');
    await user.click(within(page).getByTestId('store-save'));

    await within(page).findByTestId('settings-saved');
    expect((await getStoreProfile(db)).name).toBe('Dal Lake Artisans');
    expect((await db.audit.toArray()).map((a) => a.action)).toContain('settings.store-profile');
    expect(station().profile.name).toBe('Dal Lake Artisans');
    await waitFor(() => expect(document.querySelector('.topbar__store')?.textContent).toBe('Dal Lake Artisans'));
  });

  it('marks a wrong GSTIN on its field and saves nothing', async () => {
    const { user, page, db } = await storeSettings();
    const before = await getStoreProfile(db);
    const gstin = within(page).getByTestId('store-gstin');
    await user.clear(gstin);
    await user.type(gstin, '01ABC');
    await user.click(within(page).getByTestId('store-save'));
    expect((await within(page).findByTestId('store-gstin-error')).textContent).toContain('A GSTIN is 15 characters');
    expect(gstin.getAttribute('aria-invalid')).toBe('true');
    expect(within(page).getByTestId('settings-refused')).toBeTruthy();
    expect(await getStoreProfile(db)).toEqual(before);
  });
});
