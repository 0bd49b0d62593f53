import { rm, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEMO_ARTISANS, DEMO_PINS, DEMO_PRODUCTS } from '../../renderer/db/demo-data';
import { formatRupeesForPrint, parseRupees } from '../../shared/money';
import {
  cartLines, completeSale, enterCash, errorsOf, layoutLog, openPay, payRestByUpi, scan, SCREENS_DIR, signIn, useKioskRig,
  waitForCount, waitForPrints, waitForText, withoutDuplicateMarks,
} from './helpers';

/** The demo market's products and artisans, as the test knows them. */
function demoProduct(sku: string) {
  const product = DEMO_PRODUCTS.find((p) => p.sku === sku);
  if (!product) throw new Error(`The demo catalog has no ${sku}`);
  const artisan = DEMO_ARTISANS.find((a) => a.code === product.artisanCode);
  if (!artisan) throw new Error(`The demo catalog has no artisan ${product.artisanCode}`);
  const price = parseRupees(product.price);
  if (!price.ok) throw new Error(`Bad demo price ${product.price}`);
  return { ...product, artisanName: artisan.name, paise: price.value };
}

const shawl = demoProduct('DEMO-PSH-1');
const box = demoProduct('DEMO-WAL-1');

describe('selling at the counter (real host, file printer, Chromium)', () => {
  const kiosk = useKioskRig();

  it('scans two labels, takes cash + UPI, prints the receipt, and reprints it as a duplicate after a reload', async () => {
    const page = await kiosk.open();
    await waitForText(page.getByTestId('demo-pins'), DEMO_PINS.operator);
    await signIn(page, DEMO_PINS.operator);
    await waitForText(page.getByTestId('signed-in-user'), 'Operator');

    await scan(page, shawl.barcode);
    await scan(page, box.barcode);
    await waitForCount(cartLines(page), 2);
    const first = await cartLines(page).nth(0).innerText();
    expect(first).toContain(shawl.name);
    expect(first).toContain(shawl.artisanName);
    expect(await cartLines(page).nth(1).innerText()).toContain(box.name);

    const total = shawl.paise + box.paise;
    const dialog = await openPay(page);
    await enterCash(dialog, '5000');
    // A label scanned during payment changes neither the sale nor the cash typed so far.
    await scan(page, box.barcode);
    await waitForText(dialog.getByTestId('scan-while-paying'), box.barcode);
    expect(await dialog.getByTestId('cash-input').inputValue()).toBe('5000');
    expect(await cartLines(page).count()).toBe(2);
    const upiAmount = await payRestByUpi(dialog);
    expect(parseRupees(upiAmount)).toEqual({ ok: true, value: total - 500_000 });
    await waitForCount(dialog.getByTestId('tender'), 2);
    await waitForText(dialog.getByTestId('change-due'), '₹0.00');
    const receiptNo = await completeSale(page);
    await page.getByTestId('print-ok').waitFor();
    await waitForText(page.getByTestId('receipt-preview'), receiptNo);

    const [original] = await waitForPrints(kiosk.host.printerDir, 1);
    expect(original!.text).toContain(receiptNo);
    for (const item of [shawl, box]) {
      expect(original!.text).toContain(item.name);
      expect(original!.text).toContain(item.artisanName);
    }
    expect(original!.text).toContain(formatRupeesForPrint(total));
    expect(original!.text).not.toContain('DUPLICATE');

    // A reload loses nothing: the sale is in the store of record.
    await page.reload();
    await page.getByTestId('signin-screen').waitFor();
    await signIn(page, DEMO_PINS.operator);
    await page.getByTestId('nav-receipts').click();
    await waitForCount(page.getByTestId('recent-sale').filter({ hasText: receiptNo }), 1);
    // Scanning the receipt's own barcode opens it, even from the focused search field.
    await page.getByTestId('receipt-find-input').click();
    await scan(page, receiptNo);
    expect(await page.getByTestId('receipt-find-input').inputValue()).toBe(receiptNo);
    await waitForText(page.getByTestId('receipt-preview'), shawl.name);
    await page.getByTestId('receipt-reprint').click();
    await page.getByTestId('reprint-ok').waitFor();
    await waitForText(page.getByTestId('receipt-preview'), 'DUPLICATE COPY');

    const prints = await waitForPrints(kiosk.host.printerDir, 2);
    const duplicate = prints.find((p) => p.name !== original!.name)!;
    expect(duplicate.text).toContain('DUPLICATE COPY');
    // The host notes the drawer kick in its preview: the cash sale opened it, the reprint did not.
    const [kick, ...originalBody] = original!.text.split('\n');
    expect(kick).toBe('[drawer opened]');
    expect(duplicate.text).not.toContain('[drawer opened]');
    expect(withoutDuplicateMarks(duplicate.text)).toEqual(originalBody);
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('says so when a label is unknown, and adds nothing', async () => {
    const page = await kiosk.open();
    await signIn(page, DEMO_PINS.operator);
    await scan(page, '2999999999991');
    await waitForText(page.getByTestId('scan-notice'), 'No product has barcode 2999999999991. Check the label or search by name.');
    expect(await cartLines(page).count()).toBe(0);
    expect(await page.getByTestId('pay').isDisabled()).toBe(true);
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('adds a scanned item while the search box has focus, without the digits landing in the box', async () => {
    const page = await kiosk.open();
    await signIn(page, DEMO_PINS.operator);
    const search = page.getByTestId('search-input');
    await search.click();
    await search.pressSequentially('wal', { delay: 80 });
    await scan(page, shawl.barcode);
    await scan(page, shawl.barcode);
    await waitForText(page.getByTestId('cart-line-qty'), '2');
    expect(await cartLines(page).count()).toBe(1);
    expect(await search.inputValue()).toBe('wal');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('keeps the sale when the printer fails, says so, and prints the original on Reprint', async () => {
    const page = await kiosk.open();
    await signIn(page, DEMO_PINS.operator);
    await scan(page, box.barcode);
    // Break the file printer: its folder becomes a file, so the job cannot be written.
    await rm(kiosk.host.printerDir, { recursive: true, force: true });
    await writeFile(kiosk.host.printerDir, 'not a folder');
    try {
      const dialog = await openPay(page);
      await dialog.getByTestId('quick-cash').first().click();
      const receiptNo = await completeSale(page);
      const message = await waitForText(page.getByTestId('print-failed'), 'The sale is saved');
      expect(message).toContain('Reprint');
      expect(await cartLines(page).count()).toBe(0);
      await rm(kiosk.host.printerDir, { force: true });
      await page.getByTestId('reprint').click();
      await page.getByTestId('print-ok').waitFor();
      const prints = await waitForPrints(kiosk.host.printerDir, 1);
      expect(prints).toHaveLength(1); // the folder was recreated: only the reprint is in it
      expect(prints[0]!.text).toContain(receiptNo);
      expect(prints[0]!.text).not.toContain('DUPLICATE');
    } finally {
      await rm(kiosk.host.printerDir, { force: true, recursive: true }).catch(() => undefined);
    }
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  for (const viewport of [{ width: 1024, height: 768 }, { width: 1366, height: 768 }]) {
    it(`fits every screen in ${viewport.width}×${viewport.height} with touch-sized controls`, async () => {
      const size = `${viewport.width}x${viewport.height}`;
      const page = await kiosk.open(viewport);
      const { check, problems } = layoutLog(page, size);
      await check('01-signin');
      await page.getByRole('group', { name: 'PIN keypad' }).getByRole('button', { name: '2', exact: true }).click();
      for (let i = 0; i < 3; i++) await page.getByRole('group', { name: 'PIN keypad' }).getByRole('button', { name: '2', exact: true }).click();
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByTestId('signin-error').waitFor();
      await check('02-signin-wrong-pin');
      await signIn(page, DEMO_PINS.operator);
      await check('03-sell-empty');
      await scan(page, '2999999999991');
      await page.getByTestId('scan-notice').waitFor();
      await check('04-sell-unknown-barcode');
      for (const p of DEMO_PRODUCTS.slice(0, 7)) await scan(page, p.barcode);
      await waitForCount(cartLines(page), 7);
      await page.getByTestId('search-input').fill('pashmina');
      await page.getByTestId('search-result').first().waitFor();
      await check('05-sell-cart-and-search');
      const dialog = await openPay(page);
      await check('06-pay-cash');
      await enterCash(dialog, '60000');
      await check('07-pay-cash-change');
      await enterCash(dialog, '20000');
      await dialog.getByTestId('pay-method-card').click();
      await check('08-pay-card');
      await dialog.getByTestId('pay-method-upi').click();
      await dialog.locator('[data-testid="upi-qr"][data-state="drawn"]').waitFor();
      await check('09-pay-upi');
      await dialog.getByTestId('upi-received').click();
      await check('10-pay-split');
      await completeSale(page);
      await page.locator('[data-testid="receipt-preview"] [data-state="drawn"]').first().waitFor();
      await check('11-sale-done');
      await page.getByTestId('nav-receipts').click();
      await page.getByTestId('recent-sale').first().click();
      await page.locator('[data-testid="receipt-preview"] [data-state="drawn"]').first().waitFor();
      await check('12-receipts');
      expect(problems).toEqual({});
      // The whole receipt as drawn on screen, in a window tall enough to hold it.
      await page.setViewportSize({ width: viewport.width, height: 2400 });
      await page.getByTestId('receipt-preview').screenshot({ path: `${SCREENS_DIR}/${size}-13-receipt-preview.png` });
      expect(errorsOf(page)).toEqual([]);
    await page.context().close();
    });
  }
});
