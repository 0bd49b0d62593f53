import { rm, writeFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS, DEMO_PRODUCTS } from '../../renderer/db/demo-data';
import { parseRupees } from '../../shared/money';
import {
  cartLines, completeSale, enterCash, errorsOf, layoutLog, layoutProblems, openPay, printedTexts, scan, screenshot,
  signIn, tapAmount, useKioskRig, waitForCount, waitForPrints, waitForText,
} from './helpers';

/**
 * Line discounts and the no-sale drawer at the counter, on the real host with the file
 * printer: a discount within the demo market's 10 % limit goes straight on, one above it
 * only with a manager's PIN, and the printed receipt carries both and still adds up.
 */

const VIEWPORT = { width: 1024, height: 768 };

function demoBarcode(sku: string): string {
  const product = DEMO_PRODUCTS.find((p) => p.sku === sku);
  if (!product) throw new Error(`The demo catalog has no ${sku}`);
  return product.barcode;
}

const SHAWL = '2000000000015'; // Pashmina shawl, natural: ₹12,500.00
const STOLE = demoBarcode('DEMO-PSH-2'); // Pashmina stole, rose: ₹6,800.00

/** A printed amount ("Rs. 1,234.50", "-Rs. 625.00") in paise. */
function printedPaise(text: string): number {
  const m = /^(-?)Rs\. ([\d,]+\.\d{2})$/.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a printed amount`);
  const parsed = parseRupees(m[2]!.replace(/,/g, ''));
  if (!parsed.ok) throw new Error(`"${text}" is not a printed amount`);
  return m[1] ? -parsed.value : parsed.value;
}

/** The receipt's item amounts ("1 x Rs. … Rs. …"), discounts and TOTAL, as printed. */
function receiptFigures(text: string): { lineAmounts: number[]; discounts: number[]; total: number } {
  const lineAmounts: number[] = [];
  const discounts: number[] = [];
  let total: number | null = null;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const item = /^\s*\d+ x Rs\. [\d,]+\.\d{2}\s+(Rs\. [\d,]+\.\d{2})\s*$/.exec(line);
    if (item) lineAmounts.push(printedPaise(item[1]!));
    const discount = /^\s*Discount\s+(-Rs\. [\d,]+\.\d{2})\s*$/.exec(line);
    if (discount) discounts.push(printedPaise(discount[1]!));
    // TOTAL is printed double width: on one line with its amount, or the amount on the next.
    const totalLine = /TOTAL\s*(Rs\. [\d,]+\.\d{2})?\s*$/.exec(line);
    if (totalLine && total === null) total = printedPaise(totalLine[1] ?? lines[i + 1] ?? '');
  });
  if (total === null) throw new Error(`No TOTAL on the receipt:\n${text}`);
  return { lineAmounts, discounts, total };
}

function discountDialog(page: Page): Locator {
  return page.getByTestId('discount-dialog');
}

async function openDiscount(page: Page, line: number): Promise<Locator> {
  await cartLines(page).nth(line).getByTestId('cart-line-discount').click();
  const dialog = discountDialog(page);
  await dialog.waitFor();
  return dialog;
}

/** Types a percentage on the discount keypad (the dialog opens in percent for a line with no discount). */
async function typePercent(dialog: Locator, percent: string): Promise<void> {
  await dialog.getByTestId('discount-mode-percent').click();
  await tapAmount(dialog.getByRole('group', { name: 'Discount keypad' }), percent);
}

async function typeManagerPin(dialog: Locator, pin: string): Promise<void> {
  await tapAmount(dialog.getByRole('group', { name: "Manager's PIN keypad" }), pin);
}

describe('discounts and the no-sale drawer (real host, file printer, Chromium)', () => {
  const kiosk = useKioskRig();

  it('gives 5 % at once and 20 % only with a manager’s PIN, and prints both on a receipt that adds up', async () => {
    const page = await kiosk.open(VIEWPORT);
    const { check, problems } = layoutLog(page, 'discount');
    await signIn(page, DEMO_PINS.operator);
    await scan(page, SHAWL);
    await scan(page, STOLE);
    await waitForCount(cartLines(page), 2);

    // 5 % of ₹12,500 is within the 10 % limit: applied without a PIN.
    let dialog = await openDiscount(page, 0);
    await typePercent(dialog, '5');
    await waitForText(dialog.getByTestId('discount-amount'), '-₹625.00');
    expect(await dialog.getByTestId('discount-status').innerText()).toBe('');
    // A label scanned now is not added (nor typed into the field): the dialog says so.
    await scan(page, STOLE);
    await waitForText(dialog.getByTestId('scan-in-dialog'), STOLE);
    expect(await dialog.getByTestId('discount-input').inputValue()).toBe('5');
    expect(await cartLines(page).nth(1).getByTestId('cart-line-qty').innerText()).toBe('1');
    await check('01-within-limit');
    await dialog.getByTestId('discount-apply').click();
    await dialog.waitFor({ state: 'detached' });
    await waitForText(cartLines(page).nth(0).getByTestId('cart-line-discount-text'), '-₹625.00 discount');
    expect(await cartLines(page).nth(0).innerText()).toContain('₹11,875.00');

    // 20 % of ₹6,800 is above it: the dialog asks for a manager instead of applying it.
    dialog = await openDiscount(page, 1);
    await typePercent(dialog, '20');
    await waitForText(dialog.getByTestId('discount-status'), "Above the store's 10% limit");
    await check('02-above-limit');
    await dialog.getByTestId('discount-apply').click();
    await dialog.getByTestId('discount-pin').waitFor();
    await waitForText(dialog.getByTestId('discount-why'), '₹1,360.00');
    // The operator's own PIN is not a manager's: refused, nothing applied.
    await typeManagerPin(dialog, DEMO_PINS.operator);
    await dialog.getByTestId('discount-approve').click();
    await waitForText(dialog.getByTestId('discount-pin-error'), 'That is not a manager');
    await check('03-wrong-pin');
    expect(await cartLines(page).nth(1).getByTestId('cart-line-discount-text').count()).toBe(0);
    // Cancelling leaves the line as it was.
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await cartLines(page).nth(1).getByTestId('cart-line-discount-text').count()).toBe(0);

    dialog = await openDiscount(page, 1);
    await typePercent(dialog, '20');
    await dialog.getByTestId('discount-apply').click();
    await typeManagerPin(dialog, DEMO_PINS.manager);
    await dialog.getByTestId('discount-approve').click();
    await dialog.waitFor({ state: 'detached' });
    const stole = await waitForText(cartLines(page).nth(1), '-₹1,360.00 discount');
    expect(stole).toContain('Approved by a manager');
    expect(stole).toContain('₹5,440.00');
    await waitForText(page.getByTestId('total-discount'), '-₹1,985.00');
    await check('04-cart');

    const total = 1_250_000 - 62_500 + 680_000 - 136_000;
    const pay = await openPay(page);
    await waitForText(pay.getByTestId('still-to-pay'), '₹17,315.00');
    await enterCash(pay, '20000');
    await waitForText(pay.getByTestId('change-due'), '₹2,685.00');
    const receiptNo = await completeSale(page);
    await page.getByTestId('print-ok').waitFor();
    await page.locator('[data-testid="receipt-preview"] [data-state="drawn"]').first().waitFor();
    await check('05-sale-done');

    const [receipt] = await waitForPrints(kiosk.host.printerDir, 1);
    expect(receipt!.text).toContain(receiptNo);
    const figures = receiptFigures(receipt!.text);
    expect(figures.lineAmounts).toEqual([1_250_000, 680_000]);
    expect(figures.discounts).toEqual([-62_500, -136_000]);
    expect(figures.total).toBe(total);
    expect([...figures.lineAmounts, ...figures.discounts].reduce((a, b) => a + b, 0)).toBe(figures.total);

    expect(problems).toEqual({});
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('stops payment when one piece fewer makes an approved discount a larger share of the line', async () => {
    const page = await kiosk.open(VIEWPORT);
    await signIn(page, DEMO_PINS.operator);
    await scan(page, STOLE);
    await scan(page, STOLE);
    await waitForText(page.getByTestId('cart-line-qty'), '2');
    const dialog = await openDiscount(page, 0);
    await typePercent(dialog, '20'); // ₹2,720 off two stoles
    await dialog.getByTestId('discount-apply').click();
    await typeManagerPin(dialog, DEMO_PINS.manager);
    await dialog.getByTestId('discount-approve').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('pay').isDisabled()).toBe(false);

    // The same ₹2,720 off one stole is 40 %: the manager approved 20 %.
    await cartLines(page).nth(0).getByRole('button', { name: 'One fewer Pashmina stole, rose' }).click();
    await waitForText(page.getByTestId('cart-line-qty'), '1');
    await page.getByTestId('cart-line-needs-approval').waitFor();
    await page.getByTestId('pay-needs-approval').waitFor();
    expect(await page.getByTestId('pay').isDisabled()).toBe(true);
    await screenshot(page, 'discount-06-needs-approval');
    expect(await layoutProblems(page)).toEqual([]);

    // Lowering it to within the limit needs nobody, and payment can go on.
    const again = await openDiscount(page, 0);
    expect(await again.getByTestId('discount-input').inputValue()).toBe('2720');
    await again.getByTestId('discount-input').fill('680');
    await again.getByTestId('discount-apply').click();
    await again.waitFor({ state: 'detached' });
    await waitForText(cartLines(page).nth(0).getByTestId('cart-line-discount-text'), '-₹680.00 discount');
    expect(await page.getByTestId('pay').isDisabled()).toBe(false);
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('opens the drawer for no sale only with a manager’s PIN, leaving a drawer job at the printer', async () => {
    const page = await kiosk.open(VIEWPORT);
    await signIn(page, DEMO_PINS.operator);
    const before = (await printedTexts(kiosk.host.printerDir)).length;
    await page.getByTestId('open-drawer').click();
    const dialog = page.getByTestId('drawer-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('drawer-open').isDisabled()).toBe(true); // no reason, no PIN yet
    await dialog.getByTestId('drawer-reason-change-for-note').click();
    // The PIN field has the focus (tapping a reason leaves it there): a keyboard works too.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('drawer-pin-input');
    await page.keyboard.type(DEMO_PINS.operator, { delay: 60 });
    await page.keyboard.press('Enter');
    await waitForText(dialog.getByTestId('drawer-pin-error'), 'That is not a manager');
    await screenshot(page, 'discount-07-drawer-wrong-pin');
    expect(await layoutProblems(page)).toEqual([]);
    expect((await printedTexts(kiosk.host.printerDir)).length).toBe(before); // nothing sent to the printer

    // The printer cannot take the kick (its folder became a file): the dialog says what
    // happened and what to do, and Try again sends the kick again once it can.
    await rm(kiosk.host.printerDir, { recursive: true, force: true });
    await writeFile(kiosk.host.printerDir, 'not a folder');
    try {
      await typeManagerPin(dialog, DEMO_PINS.manager);
      await dialog.getByTestId('drawer-open').click();
      const failed = await waitForText(dialog.getByTestId('drawer-failed'), 'the drawer did not open');
      expect(failed).toContain('The file printer could not save');
      expect(failed).not.toContain('Reprint');
      await waitForText(dialog, 'then press Try again');
      await screenshot(page, 'discount-08-drawer-failed');
      expect(await layoutProblems(page)).toEqual([]);
    } finally {
      await rm(kiosk.host.printerDir, { force: true });
    }
    await dialog.getByTestId('drawer-retry').click();
    await dialog.waitFor({ state: 'detached' });
    await waitForText(page.getByTestId('scan-notice'), 'Drawer opened, approved by');
    await screenshot(page, 'discount-09-drawer-opened');
    const prints = await waitForPrints(kiosk.host.printerDir, 1);
    const drawer = prints.filter((p) => /-drawer-/.test(p.name));
    expect(drawer).toHaveLength(1);
    expect(drawer[0]!.text.trim()).toBe('[drawer opened]');
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });
});
