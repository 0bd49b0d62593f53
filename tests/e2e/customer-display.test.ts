import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ARTISANS, DEMO_PINS, DEMO_PRODUCTS } from '../../renderer/db/demo-data';
import { cartItemFor, lineAmounts } from '../../shared/cart';
import { HOST_METHOD_NAMES } from '../../shared/contract';
import type { ArtisanEntity, ProductEntity } from '../../shared/entities';
import { formatRupeesForPrint, paise, parseRupees } from '../../shared/money';
import { DEFAULT_TAX_TABLE } from '../../shared/tax';
import {
  cartLines, completeSale, errorsOf, MANAGER_PIN, openManagerTile, openPay, scan, screenshot, signIn, useKioskRig, waitForCount, waitForPrints, waitForText,
} from './helpers';

/**
 * The customer display (issue 12): the counter in one page, the display in another of the
 * same browser (a second window in kiosk mode), both on the real loopback host.
 */

/** A demo product and its maker as the cart would hold them, for the expected shares. */
function demoItem(sku: string) {
  const row = DEMO_PRODUCTS.find((p) => p.sku === sku)!;
  const maker = DEMO_ARTISANS.find((a) => a.code === row.artisanCode)!;
  const price = parseRupees(row.price);
  if (!price.ok) throw new Error(row.price);
  const product = { ...row, id: sku, searchWords: [], artisanId: maker.code, price: price.value, active: true } as ProductEntity;
  const artisan = { ...maker, id: maker.code, phone: '', fairWageCertified: maker.fairWage, pinHash: null, active: true } as ArtisanEntity;
  const item = cartItemFor(product, artisan);
  return { ...row, artisanName: maker.name, artisanNet: lineAmounts(item, DEFAULT_TAX_TABLE).artisanNet };
}

const shawl = demoItem('DEMO-PSH-1');
const box = demoItem('DEMO-WAL-1');

function phase(display: Page, kind: string) {
  return display.locator(`[data-testid="customer-display"][data-phase="${kind}"]`);
}

describe('customer display (real host, two pages, Chromium)', () => {
  const kiosk = useKioskRig();

  it('follows the counter live: maker per line, the UPI QR, the thank-you with shares; survives reloads of either page', async () => {
    const counter = await kiosk.open();
    const display = await counter.context().newPage();
    await display.goto(kiosk.host.displayUrl);
    // The key leaves the visible address at once (it stays in the tab's sessionStorage).
    await phase(display, 'waiting').or(phase(display, 'idle')).first().waitFor();
    expect(display.url()).not.toContain('display=');

    await signIn(counter, DEMO_PINS.operator);
    await phase(display, 'idle').waitFor();
    await scan(counter, shawl.barcode);
    await waitForCount(display.getByTestId('display-line'), 1);
    const line = await display.getByTestId('display-line').innerText();
    expect(line).toContain(shawl.name);
    expect(line).toContain(`made by ${shawl.artisanName}`);
    await scan(counter, box.barcode);
    await waitForCount(display.getByTestId('display-line'), 2);
    expect(await display.getByTestId('display-line').nth(1).innerText()).toContain(`made by ${box.artisanName}`);
    await waitForText(display.getByTestId('display-total'), '₹15,700.00');
    await screenshot(display, 'display-01-cart');

    // Paying by UPI: the same QR as on the pay dialog, with the amount.
    const dialog = await openPay(counter);
    await phase(display, 'paying').waitFor();
    await dialog.getByTestId('pay-method-upi').click();
    await dialog.locator('[data-testid="upi-qr"][data-state="drawn"]').waitFor();
    await display.locator('[data-testid="display-upi-qr"][data-state="drawn"]').waitFor();
    await waitForText(display.getByTestId('display-upi-amount'), '₹15,700.00');
    expect(await display.getByTestId('display-upi-qr').locator('canvas').getAttribute('aria-label')).toContain('₹15,700.00');
    await screenshot(display, 'display-02-paying-upi');
    await dialog.getByTestId('upi-received').click();
    const receiptNo = await completeSale(counter);

    // Thank you: each maker once, her share; the shares add up to what the receipt says goes to the artisans.
    await phase(display, 'thanks').waitFor();
    const names = await display.getByTestId('display-artisan').allInnerTexts();
    expect(names).toHaveLength(2);
    expect(names[0]).toContain(shawl.artisanName);
    expect(names[1]).toContain(box.artisanName);
    const shares = (await display.getByTestId('display-share').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-paise')))));
    expect(shares).toEqual([shawl.artisanNet, box.artisanNet]);
    const [printed] = await waitForPrints(kiosk.host.printerDir, 1);
    expect(printed!.text).toContain(receiptNo);
    expect(printed!.text).toContain(`${formatRupeesForPrint(paise(shares[0]! + shares[1]!))} of this goes to the artisans`);
    await screenshot(display, 'display-03-thanks');

    // A reloaded display shows the last state at once.
    await display.reload();
    await phase(display, 'thanks').waitFor();
    expect(await display.getByTestId('display-artisan').count()).toBe(2);

    // The next sale starts; the counter reloads (its cart is in the store) and the display follows it back.
    await scan(counter, box.barcode);
    await phase(display, 'cart').waitFor();
    await counter.reload();
    await counter.getByTestId('signin-screen').waitFor();
    // Nobody signed in at the counter: the display welcomes, and shows nothing of the sign-in screen.
    await phase(display, 'idle').waitFor();
    expect(await display.locator('body').innerText()).not.toMatch(/PIN|Operator|Manager/);
    await signIn(counter, DEMO_PINS.operator);
    await waitForCount(cartLines(counter), 1);
    await phase(display, 'cart').waitFor();
    await waitForCount(display.getByTestId('display-line'), 1);
    expect(await display.getByTestId('display-line').innerText()).toContain(box.name);

    // The display's key reads its events and calls nothing else.
    const refused = await display.evaluate(async (methods) => {
      const token = sessionStorage.getItem('chinar.displayToken');
      const out: Record<string, number> = {};
      for (const method of methods) {
        const response = await fetch(`/api/call/${method}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: method === 'printer.print' ? JSON.stringify({ document: { type: 'receipt', title: 'x', blocks: [] } }) : '{}',
        });
        out[method] = response.status;
      }
      const events = await fetch('/api/events', { headers: { authorization: `Bearer ${token}` } });
      out['/api/events'] = events.status;
      return { token, out };
    }, [...HOST_METHOD_NAMES]);
    expect(refused.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const [route, status] of Object.entries(refused.out)) expect(status, route).toBe(401);
    expect(await waitForPrints(kiosk.host.printerDir, 1)).toHaveLength(1);

    expect(errorsOf(counter)).toEqual([]);
    await counter.context().close();
  });

  it('shows the total in the tourist currencies the manager set, on the pay screen, the display (in Urdu) and the receipt', async () => {
    const counter = await kiosk.open();
    const display = await counter.context().newPage();
    await display.goto(kiosk.host.displayUrl);
    await signIn(counter, MANAGER_PIN);
    await openManagerTile(counter, 'settings');
    await counter.getByTestId('settings-open-currency').click();
    await counter.getByTestId('currency-USD-shown').click();
    await counter.getByTestId('currency-USD-rate').fill('84.12');
    await counter.getByTestId('currency-USD-today').click();
    // A rate read long ago: shown, with its date marked.
    await counter.getByTestId('currency-GBP-shown').click();
    await counter.getByTestId('currency-GBP-rate').fill('106.95');
    await counter.getByTestId('currency-GBP-date').fill('2026-01-05');
    await counter.getByTestId('currency-on-receipt').click();
    await counter.getByTestId('currency-save').click();
    await counter.getByTestId('settings-saved').waitFor();
    await counter.getByTestId('nav-sell').click();

    await scan(counter, shawl.barcode);
    // ₹12,500.00 at ₹84.12 = 148.597… → USD 148.60; at ₹106.95 = 116.876… → GBP 116.88.
    await waitForText(display.getByTestId('tourist-USD'), '148.60');
    expect(await display.getByTestId('tourist-GBP').getAttribute('data-stale')).toBe('true');
    const dialog = await openPay(counter);
    await waitForText(dialog.getByTestId('tourist-USD'), 'approx.');
    expect(await dialog.getByTestId('tourist-USD').innerText()).toContain('148.60');
    await waitForText(dialog.getByTestId('tourist-GBP'), 'more than a week old');

    // The display follows the counter's language: Urdu, right to left.
    await dialog.getByTestId('pay-method-cash').click();
    await dialog.getByTestId('quick-cash').first().click();
    const receiptNo = await completeSale(counter);
    await phase(display, 'thanks').waitFor();
    await counter.getByTestId('language-ur').first().click();
    await scan(counter, box.barcode);
    await phase(display, 'cart').waitFor();
    await waitForText(display.getByTestId('display-line'), box.name);
    expect(await display.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await screenshot(display, 'display-04-cart-ur');

    // The first test's receipt is in the same printer folder: this sale's is the one with its number.
    const printed = (await waitForPrints(kiosk.host.printerDir, 2)).find((p) => p.text.includes(receiptNo));
    expect(printed!.text).toContain('approx. USD 148.60');
    expect(printed!.text).toMatch(/\(rate 1 USD = Rs\. 84\.12, \d{1,2} [A-Z][a-z]{2} \d{4}\)/);
    expect(printed!.text).toContain('approx. GBP 116.88');
    expect(errorsOf(counter)).toEqual([]);
    await counter.context().close();
  });
});
