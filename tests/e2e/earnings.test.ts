import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS, DEMO_PRODUCTS } from '../../renderer/db/demo-data';
import { formatMoney } from '../../renderer/ui/format';
import { divideRoundHalfUp, formatRupeesForPrint, parseRupees } from '../../shared/money';
import { taxInside } from '../../shared/tax';
import {
  cartLines, completeSale, enterCash, errorsOf, layoutProblems, openManagerTile, openPay, scan, signIn, useKioskRig, waitForCount, waitForPrints,
} from './helpers';

/**
 * An artisan's earnings end to end, on a 1024×768 kiosk: the manager sets Haleema's
 * earnings PIN, two of her pieces sell (with one of Shazia's in the same sale), she signs
 * in with her code and PIN and sees exactly her two pieces and her net, and her slip
 * reaches the file printer with that net. Five wrong PINs then lock the keypad.
 */
const SHOTS = '/tmp/screens-earn';
const HALEEMA = DEMO_PRODUCTS.filter((p) => p.artisanCode === 'DEMO-01').slice(0, 2);
const SHAZIA = DEMO_PRODUCTS.find((p) => p.artisanCode === 'DEMO-02')!;

/** Her net on a piece, as DESIGN.md computes it: 5% GST inside the price (handmade 6214), 15% commission on the taxable value. */
function netOf(price: string): number {
  const p = parseRupees(price);
  if (!p.ok) throw new Error(price);
  const tax = taxInside(p.value, 500);
  return p.value - tax - divideRoundHalfUp((p.value - tax) * 1500, 10_000);
}

async function shot(page: Page, name: string) {
  await mkdir(SHOTS, { recursive: true });
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

async function language(page: Page, name: 'English' | 'اردو') {
  await page.getByTestId('language-switcher').first().getByRole('button', { name, exact: true }).click();
}

describe('an artisan’s earnings in Chromium', () => {
  // A host of its own: its journal and its printer folder hold this test's sale and slip only.
  const rig = useKioskRig();

  it('sets her PIN, sells two of her pieces, shows her only hers with the right net, prints her slip, and locks after five wrong PINs', async () => {
    expect(HALEEMA.map((p) => p.hsn)).toEqual(['6214', '6214']);
    const page = await rig.open({ width: 1024, height: 768 });

    // The manager gives Haleema (DEMO-01) an earnings PIN.
    await signIn(page, DEMO_PINS.manager);
    await openManagerTile(page, 'artisans');
    await page.locator('[data-testid="artisan-row"][data-code="DEMO-01"]').getByTestId('artisan-edit').click();
    await page.getByTestId('artisan-change-pin').click();
    for (const d of '4321') await page.getByTestId('artisan-pin').getByRole('button', { name: d, exact: true }).click();
    await page.getByTestId('artisan-save').click();
    await page.getByTestId('artisans-notice').waitFor();

    // Two of her pieces and one of Shazia's in one cash sale.
    await page.getByTestId('nav-sell').click();
    for (const p of [...HALEEMA, SHAZIA]) await scan(page, p.barcode);
    await waitForCount(cartLines(page), 3);
    const total = [...HALEEMA, SHAZIA].reduce((s, p) => s + Number(p.price), 0);
    const dialog = await openPay(page);
    await enterCash(dialog, String(total));
    await completeSale(page);

    // The manager's earnings page, in English and Urdu.
    await openManagerTile(page, 'earnings');
    await page.getByTestId('earnings-row').first().waitFor();
    await shot(page, 'manager-earnings-en');
    await language(page, 'اردو');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await shot(page, 'manager-earnings-ur');
    await language(page, 'English');
    await page.getByTestId('sign-out').click();

    // She signs in with her code and PIN on the keypad.
    await page.getByTestId('artisan-mode').click();
    await page.getByTestId('signin-artisan-code').fill('DEMO-01');
    await page.getByTestId('signin-artisan-pin').click();
    await shot(page, 'artisan-signin-en');
    expect(await layoutProblems(page)).toEqual([]);
    const keypad = page.getByRole('group', { name: 'PIN keypad' });
    for (const d of '4321') await keypad.getByRole('button', { name: d, exact: true }).click();
    await page.getByTestId('signin-submit').click();
    const screen = page.getByTestId('artisan-earnings');
    await screen.waitFor();
    await waitForCount(screen.getByTestId('earn-piece'), 2);
    const pieces = await screen.getByTestId('earn-piece').allInnerTexts();
    expect(pieces.map((t) => t.split('\n')[0])).toEqual(HALEEMA.map((p) => expect.stringContaining(p.name)));
    expect(await screen.innerText()).not.toContain(SHAZIA.name);
    const net = HALEEMA.reduce((s, p) => s + netOf(p.price), 0);
    expect(await screen.getByTestId('sum-earned').innerText()).toContain(formatMoney(net));
    expect(await screen.getByTestId('sum-owed').innerText()).toContain(formatMoney(net));
    await shot(page, 'artisan-earnings-en');
    await language(page, 'اردو');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await shot(page, 'artisan-earnings-ur');
    await language(page, 'English');

    // Her slip, through the file printer.
    await screen.getByTestId('print-slip').click();
    await screen.getByTestId('slip-printed').waitFor();
    const prints = await waitForPrints(rig.host.printerDir, 2);
    const slip = prints.find((p) => p.text.includes('EARNINGS SLIP'));
    expect(slip?.text).toContain('DEMO-01 Haleema Akhter');
    expect(slip!.text).toMatch(new RegExp(`EARNED\\s+${formatRupeesForPrint(net).replace('.', '\\.')}`));
    expect(slip!.text).not.toContain(SHAZIA.name);
    await screen.getByTestId('artisan-sign-out').click();

    // Five wrong staff PINs lock the keypad, and it says how long to wait.
    for (let i = 0; i < 5; i++) {
      for (const d of '0000') await keypad.getByRole('button', { name: d, exact: true }).click();
      await page.getByTestId('signin-submit').click();
      await page.getByTestId('signin-error').or(page.getByTestId('signin-locked')).first().waitFor();
      await page.waitForFunction(() => !document.querySelector('[data-testid="signin-submit"]')?.textContent?.includes('Checking'));
    }
    const locked = page.getByTestId('signin-locked');
    await locked.waitFor();
    expect(await locked.innerText()).toMatch(/try again in 0:(30|29|28)/);
    expect(await keypad.getByRole('button', { name: '1', exact: true }).isDisabled()).toBe(true);
    // A reload does not unlock it.
    await page.reload();
    await page.getByTestId('signin-locked').waitFor();
    expect(errorsOf(page)).toEqual([]);
  }, 180_000);
});
