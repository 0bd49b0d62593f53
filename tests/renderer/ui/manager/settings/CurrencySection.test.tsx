// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS, getTouristCurrencies } from '../../../../../renderer/db';
import { DEMO_PRODUCTS } from '../../../../../renderer/db/demo-data';
import { withoutIsolates } from '../../../../../renderer/ui/format/bidi';
import { renderKiosk, scanIntoCart, signIn, type RenderedKiosk } from '../../harness';

async function currencySettings(): Promise<RenderedKiosk & { page: HTMLElement }> {
  const kiosk = await renderKiosk();
  await signIn(kiosk.user, DEMO_PINS.manager);
  await kiosk.user.click(screen.getByTestId('nav-manager'));
  await kiosk.user.click(await screen.findByTestId('tile-settings'));
  await kiosk.user.click(await screen.findByTestId('settings-open-currency'));
  return { ...kiosk, page: await screen.findByTestId('settings-currency') };
}

describe('CurrencySection: tourist currencies at the manager\'s rates', () => {
  it('saves a USD rate with its date, audited; the pay dialog then shows the total in USD too', async () => {
    const { user, page, db, station } = await currencySettings();
    await user.click(within(page).getByTestId('currency-USD-shown'));
    await user.type(within(page).getByTestId('currency-USD-rate'), '84.12');
    await user.type(within(page).getByTestId('currency-USD-date'), '2026-12-01');
    await user.click(within(page).getByTestId('currency-save'));
    await within(page).findByTestId('settings-saved');

    const saved = await getTouristCurrencies(db);
    expect(saved.rates.find((r) => r.code === 'USD')).toEqual({ code: 'USD', shown: true, paisePerUnit: 8_412, rateDate: '2026-12-01' });
    expect(station().currencies).toEqual(saved);
    expect((await db.audit.toArray()).map((a) => a.action)).toContain('settings.tourist-currencies');

    await user.click(screen.getByTestId('nav-sell'));
    await scanIntoCart([DEMO_PRODUCTS[0]!.barcode]);
    await user.click(screen.getByTestId('pay'));
    const dialog = await screen.findByTestId('pay-dialog');
    // ₹12,500 at ₹84.12 = 148.597… USD, rounded half up to the cent.
    expect(withoutIsolates(within(dialog).getByTestId('tourist-USD').textContent ?? '')).toMatch(/approx\. USD\s148\.60/);
    expect(within(dialog).queryByTestId('tourist-EUR')).toBeNull();
  });

  it('marks a shown currency with no rate, and a rate with no date, and saves nothing', async () => {
    const { user, page, db } = await currencySettings();
    await user.click(within(page).getByTestId('currency-EUR-shown'));
    await user.type(within(page).getByTestId('currency-GBP-rate'), '107');
    await user.click(within(page).getByTestId('currency-save'));
    expect((await within(page).findByTestId('currency-EUR-rate-error')).textContent).toBe('Enter a rate for EUR, or stop showing it.');
    expect(within(page).getByTestId('currency-GBP-date-error').textContent).toContain('YYYY-MM-DD');
    await user.click(within(page).getByTestId('currency-GBP-today'));
    expect((within(page).getByTestId('currency-GBP-date') as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(within(page).queryByTestId('currency-GBP-date-error')).toBeNull();
    expect((await getTouristCurrencies(db)).rates.every((r) => r.paisePerUnit === null)).toBe(true);
  });
});
