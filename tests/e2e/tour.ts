import type { Page } from 'playwright-core';
import { openManagerTile } from './helpers';

/**
 * Every screen and dialog of the kiosk, as a list the screen tour walks: one entry per
 * screen, with how to get there. A new screen adds its entry here (in the part of the day
 * it belongs to) and the tour checks it at both kiosk sizes in every language.
 *
 * Each entry's `go` starts from anywhere in its part with no dialog open; `leave` ends with
 * no dialog open again (by default: the open dialog's close button).
 */

/**
 * The parts of the tour, in order; each sets the kiosk up once:
 * - `signed-out`: nobody signed in;
 * - `day-not-open`: the demo manager signed in, the day not yet open;
 * - `counter`: the manager at an open day with one piece (the walnut box) in the cart;
 * - `tourist`: USD, EUR and GBP rates set (GBP's a month old) and a second piece (the
 *   pashmina shawl) in the cart;
 * - `after-sale`: that sale paid in cash and done;
 * - `artisan`: an artisan signed in to her earnings (her PIN set in the counter part);
 * - `fresh-kiosk`: a new browser profile on the same host (its store rebuilt from the journal).
 */
export type TourPart = 'signed-out' | 'day-not-open' | 'counter' | 'tourist' | 'after-sale' | 'artisan' | 'fresh-kiosk';

export interface TourStop {
  name: string;
  part: TourPart;
  /**
   * Which page is checked: the counter (the default), or the customer display, a second
   * page of the same browser context that follows the counter. Either way `go` and `leave`
   * work the counter; a display stop's `go` then waits for the display's phase.
   */
  on?: 'display';
  go(page: Page, display: Page): Promise<void>;
  leave?(page: Page): Promise<void>;
}

/** The open dialog's close (Cancel, Done, Close) button, then no dialog open. */
export async function closeDialog(page: Page): Promise<void> {
  await page.locator('dialog[open] .dialog__close').last().click();
  await page.locator('dialog[open]').first().waitFor({ state: 'detached' });
}

async function dialog(page: Page, open: string, testId: string): Promise<void> {
  await page.getByTestId(open).first().click();
  await page.getByTestId(testId).waitFor();
}

async function counter(page: Page): Promise<void> {
  await page.getByTestId('nav-sell').click();
  await page.getByTestId('sell-screen').waitFor();
}

async function manager(page: Page, tile: string, screen: string): Promise<void> {
  await openManagerTile(page, tile);
  await page.getByTestId(screen).waitFor();
}

async function settings(page: Page, section: string): Promise<void> {
  await manager(page, 'settings', 'settings-screen');
  await page.getByTestId(`settings-open-${section}`).click();
  await page.getByTestId(`settings-${section}`).waitFor();
}

async function payBy(page: Page, method: 'cash' | 'card' | 'upi'): Promise<void> {
  await counter(page);
  await dialog(page, 'pay', 'pay-dialog');
  await page.getByTestId(`pay-method-${method}`).click();
  if (method === 'upi') await page.locator('[data-testid="upi-qr"][data-state="drawn"]').waitFor();
}

/** The customer display showing `phase` (and, for a phase with the UPI QR, the QR drawn). */
async function displayPhase(display: Page, phase: 'idle' | 'cart' | 'paying' | 'thanks', extra?: string): Promise<void> {
  await display.locator(`[data-testid="customer-display"][data-phase="${phase}"]`).waitFor();
  if (extra) await display.locator(extra).first().waitFor();
}

export const TOUR: readonly TourStop[] = [
  { name: 'signin', part: 'signed-out', go: (p) => p.getByTestId('signin-screen').waitFor() },
  { name: 'display-welcome', part: 'signed-out', on: 'display', go: (_p, d) => displayPhase(d, 'idle') },
  {
    name: 'signin-artisan', part: 'signed-out',
    go: async (p) => { await p.getByTestId('artisan-mode').click(); await p.getByTestId('signin-artisan-code').waitFor(); },
    leave: (p) => p.getByTestId('staff-mode').click(),
  },

  { name: 'sell-day-not-open', part: 'day-not-open', go: async (p) => { await counter(p); await p.getByTestId('sell-open-day').waitFor(); } },
  { name: 'open-day-dialog', part: 'day-not-open', go: async (p) => { await counter(p); await dialog(p, 'sell-open-day', 'open-day-dialog'); } },

  { name: 'sell', part: 'counter', go: async (p) => { await counter(p); await p.getByTestId('cart-line').waitFor(); } },
  { name: 'quantity-dialog', part: 'counter', go: async (p) => { await counter(p); await dialog(p, 'cart-line-qty', 'quantity-dialog'); } },
  { name: 'discount-dialog', part: 'counter', go: async (p) => { await counter(p); await dialog(p, 'cart-line-discount', 'discount-dialog'); } },
  { name: 'clear-cart-dialog', part: 'counter', go: async (p) => { await counter(p); await dialog(p, 'clear-cart', 'clear-cart-dialog'); } },
  { name: 'park-dialog', part: 'counter', go: async (p) => { await counter(p); await dialog(p, 'park-open', 'park-dialog'); } },
  { name: 'drawer-dialog', part: 'counter', go: async (p) => { await counter(p); await dialog(p, 'open-drawer', 'drawer-dialog'); } },
  { name: 'return-dialog', part: 'counter', go: async (p) => { await counter(p); await dialog(p, 'open-return', 'return-dialog'); } },
  { name: 'pay-cash', part: 'counter', go: (p) => payBy(p, 'cash') },
  { name: 'pay-card', part: 'counter', go: (p) => payBy(p, 'card') },
  { name: 'pay-upi', part: 'counter', go: (p) => payBy(p, 'upi') },
  { name: 'sign-out-dialog', part: 'counter', go: async (p) => { await counter(p); await dialog(p, 'sign-out', 'sign-out-dialog'); } },
  { name: 'receipts', part: 'counter', go: async (p) => { await p.getByTestId('nav-receipts').click(); await p.getByTestId('receipts-screen').waitFor(); } },

  { name: 'manager-home', part: 'counter', go: (p) => manager(p, 'day', 'day-screen').then(() => p.getByTestId('manager-back').click()).then(() => p.getByTestId('tile-day').waitFor()) },
  { name: 'day', part: 'counter', go: (p) => manager(p, 'day', 'day-screen') },
  { name: 'paid-in-dialog', part: 'counter', go: async (p) => { await manager(p, 'day', 'day-screen'); await dialog(p, 'day-paid-in', 'movement-dialog'); } },
  { name: 'paid-out-dialog', part: 'counter', go: async (p) => { await manager(p, 'day', 'day-screen'); await dialog(p, 'day-paid-out', 'movement-dialog'); } },
  { name: 'payout-dialog', part: 'counter', go: async (p) => { await manager(p, 'day', 'day-screen'); await dialog(p, 'day-payout', 'payout-dialog'); } },
  { name: 'x-report-dialog', part: 'counter', go: async (p) => { await manager(p, 'day', 'day-screen'); await dialog(p, 'day-x', 'x-report-dialog'); } },
  { name: 'close-day-dialog', part: 'counter', go: async (p) => { await manager(p, 'day', 'day-screen'); await dialog(p, 'day-close', 'close-day-dialog'); } },
  { name: 'products', part: 'counter', go: (p) => manager(p, 'products', 'products-screen') },
  { name: 'product-new', part: 'counter', go: async (p) => { await manager(p, 'products', 'products-screen'); await dialog(p, 'product-new', 'product-sku'); } },
  { name: 'product-edit', part: 'counter', go: async (p) => { await manager(p, 'products', 'products-screen'); await dialog(p, 'product-edit', 'product-adjust-stock'); } },
  { name: 'product-stock-dialog', part: 'counter', go: async (p) => { await manager(p, 'products', 'products-screen'); await dialog(p, 'product-stock-button', 'stock-dialog'); } },
  { name: 'artisans', part: 'counter', go: (p) => manager(p, 'artisans', 'artisans-screen') },
  { name: 'artisan-new', part: 'counter', go: async (p) => { await manager(p, 'artisans', 'artisans-screen'); await dialog(p, 'artisan-new', 'artisan-form'); } },
  {
    name: 'artisan-edit-pin', part: 'counter',
    go: async (p) => {
      await manager(p, 'artisans', 'artisans-screen');
      await p.locator('[data-testid="artisan-row"][data-code="DEMO-01"]').getByTestId('artisan-edit').click();
      await dialog(p, 'artisan-change-pin', 'artisan-pin');
    },
  },
  {
    name: 'artisan-cards-dialog', part: 'counter',
    go: async (p) => {
      await manager(p, 'artisans', 'artisans-screen');
      await p.getByTestId('artisan-pick').first().check();
      await dialog(p, 'artisans-cards', 'cards-dialog');
    },
  },
  { name: 'users', part: 'counter', go: (p) => manager(p, 'users', 'users-screen') },
  { name: 'user-new', part: 'counter', go: async (p) => { await manager(p, 'users', 'users-screen'); await dialog(p, 'user-new', 'user-form'); } },
  { name: 'catalog-files', part: 'counter', go: (p) => manager(p, 'catalogFiles', 'catalog-files-screen') },
  {
    name: 'labels', part: 'counter',
    go: async (p) => {
      await manager(p, 'labels', 'labels-screen');
      await p.getByTestId('labels-search').fill('DEMO-WAL');
      await p.getByTestId('labels-result').first().click();
      await p.getByTestId('label-pick').first().waitFor();
    },
  },
  {
    name: 'labels-sheet-dialog', part: 'counter',
    go: async (p) => {
      await manager(p, 'labels', 'labels-screen');
      if ((await p.getByTestId('label-pick').count()) === 0) {
        await p.getByTestId('labels-search').fill('DEMO-WAL');
        await p.getByTestId('labels-result').first().click();
      }
      await dialog(p, 'labels-sheet-open', 'labels-sheet-dialog');
    },
  },
  { name: 'low-stock', part: 'counter', go: (p) => openManagerTile(p, 'lowStock') },
  { name: 'earnings-report', part: 'counter', go: (p) => openManagerTile(p, 'earnings') },
  { name: 'gst-export', part: 'counter', go: (p) => openManagerTile(p, 'gst') },
  { name: 'audit', part: 'counter', go: (p) => openManagerTile(p, 'audit') },
  { name: 'settings', part: 'counter', go: (p) => manager(p, 'settings', 'settings-screen') },
  { name: 'settings-store', part: 'counter', go: (p) => settings(p, 'store') },
  {
    name: 'settings-store-keypad', part: 'counter',
    go: async (p) => { await settings(p, 'store'); await p.getByTestId('store-discount').click(); await p.getByRole('group', { name: /^Keypad for / }).waitFor(); },
  },
  { name: 'settings-tax', part: 'counter', go: (p) => settings(p, 'tax') },
  {
    name: 'tax-check-keypad', part: 'counter',
    go: async (p) => { await settings(p, 'tax'); await p.getByTestId('tax-check-price').click(); await p.getByRole('group', { name: /^Keypad for / }).waitFor(); },
  },
  { name: 'tax-rule-dialog', part: 'counter', go: async (p) => { await settings(p, 'tax'); await p.getByTestId('tax-rule-edit').first().click(); await p.locator('dialog[open]').waitFor(); } },
  { name: 'tax-reset-dialog', part: 'counter', go: async (p) => { await settings(p, 'tax'); await dialog(p, 'tax-reset', 'tax-reset-dialog'); } },
  { name: 'settings-printer', part: 'counter', go: (p) => settings(p, 'printer') },
  { name: 'settings-device', part: 'counter', go: (p) => settings(p, 'device') },
  { name: 'settings-backup', part: 'counter', go: (p) => settings(p, 'backup') },
  { name: 'settings-journal', part: 'counter', go: (p) => settings(p, 'journal') },

  { name: 'settings-currency', part: 'tourist', go: (p) => settings(p, 'currency') },
  { name: 'pay-tourist', part: 'tourist', go: async (p) => { await payBy(p, 'cash'); await p.getByTestId('pay-dialog').getByTestId('tourist-totals').waitFor(); } },
  { name: 'display-cart', part: 'tourist', on: 'display', go: async (p, d) => { await counter(p); await displayPhase(d, 'cart', '[data-testid="display-tourist"]'); } },
  {
    name: 'display-paying-upi', part: 'tourist', on: 'display',
    go: async (p, d) => { await payBy(p, 'upi'); await displayPhase(d, 'paying', '[data-testid="display-upi-qr"][data-state="drawn"]'); },
  },

  { name: 'sale-done', part: 'after-sale', go: async (p) => { await counter(p); await p.getByTestId('sale-done').waitFor(); } },
  // The display thanks while the counter shows the sale done: looked at before the receipts (they end it).
  { name: 'display-thanks', part: 'after-sale', on: 'display', go: (_p, d) => displayPhase(d, 'thanks', '[data-testid="display-artisan"]') },
  {
    name: 'receipt-detail', part: 'after-sale',
    go: async (p) => {
      await p.getByTestId('nav-receipts').click();
      await p.getByTestId('recent-sale').first().click();
      await p.getByTestId('receipt-reprint').waitFor();
    },
  },

  { name: 'artisan-earnings', part: 'artisan', go: (p) => p.getByTestId('artisan-earnings').waitFor() },

  { name: 'recovery', part: 'fresh-kiosk', go: (p) => p.getByTestId('recovery-continue').waitFor() },
];
