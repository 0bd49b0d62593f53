import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ARTISANS, DEMO_PINS, DEMO_PRODUCTS } from '../../renderer/db/demo-data';
import { lineAmounts, type CartItem } from '../../shared/cart';
import { formatRupeesForPrint, parseRupees } from '../../shared/money';
import { DEFAULT_TAX_TABLE, formatRate } from '../../shared/tax';
import { halfRate } from '../../shared/receipt';
import {
  cartLines, completeSale, enterCash, errorsOf, openManagerTile, openPay, scan, signIn, signInAs, useKioskRig,
  waitForCount, waitForPrints, waitForText,
} from './helpers';

const SCREENS = '/tmp/screens-ret';

function demoProduct(sku: string) {
  const product = DEMO_PRODUCTS.find((p) => p.sku === sku)!;
  const artisan = DEMO_ARTISANS.find((a) => a.code === product.artisanCode)!;
  const price = parseRupees(product.price);
  if (!price.ok) throw new Error(`Bad demo price ${product.price}`);
  const item: CartItem = {
    productId: sku, sku, barcode: product.barcode, name: product.name, hsn: product.hsn, handmade: product.handmade,
    gstRateBpsOverride: product.gstRateBpsOverride, unitPrice: price.value, qty: 1, discount: 0 as CartItem['discount'],
    artisanId: artisan.code, artisanCode: artisan.code, artisanName: artisan.name, fairWageCertified: false, commissionBps: 0,
  };
  return { ...product, paise: price.value, amounts: lineAmounts(item, DEFAULT_TAX_TABLE) };
}

const shawl = demoProduct('DEMO-PSH-1');
const box = demoProduct('DEMO-WAL-1');

/** The stock the search panel shows for a product. */
async function stockOf(page: Page, name: string): Promise<number> {
  const search = page.getByTestId('search-input');
  await search.fill(name);
  const result = page.getByTestId('search-result').filter({ hasText: name }).first();
  const text = await waitForText(result, 'in stock');
  await search.fill('');
  await search.blur();
  return Number(/(\d+) in stock/.exec(text)![1]);
}

async function sellExactCash(page: Page, barcodes: string[], rupees: string): Promise<string> {
  for (const code of barcodes) await scan(page, code);
  await waitForCount(cartLines(page), barcodes.length);
  const dialog = await openPay(page);
  await enterCash(dialog, rupees);
  return completeSale(page);
}

async function approveWithManager(page: Page): Promise<void> {
  const keypad = page.getByRole('group', { name: "Manager's PIN keypad" });
  for (const digit of DEMO_PINS.manager) await keypad.getByRole('button', { name: digit, exact: true }).click();
  await page.getByTestId('return-approve').click();
  await page.getByTestId('return-done').waitFor();
}

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENS, { recursive: true });
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

describe('a return at the counter (real host, file printer, Chromium)', () => {
  const rig = useKioskRig();

  it('returns one of two items by the receipt number with a manager’s PIN: the credit note names the invoice, the amounts are the line’s negated, the stock is back', async () => {
    const { host } = rig;
    const page = await rig.open({ width: 1024, height: 768 });
    await signIn(page, DEMO_PINS.operator);
    const boxStock = await stockOf(page, box.name);
    const receiptNo = await sellExactCash(page, [shawl.barcode, box.barcode], String((shawl.paise + box.paise) / 100));
    await page.getByTestId('print-ok').waitFor();
    await page.getByTestId('new-sale').click();
    expect(await stockOf(page, box.name)).toBe(boxStock - 1);

    // The receipt's barcode, scanned at the idle sell screen, opens the return.
    await scan(page, receiptNo);
    await page.getByTestId('return-lines').waitFor();
    await waitForText(page.getByTestId('return-invoice'), receiptNo);
    const boxLine = page.getByTestId('return-line').filter({ hasText: box.name });
    await boxLine.getByRole('button', { name: /One more/ }).click();
    await waitForText(page.getByTestId('return-refund'), '₹3,200.00');
    expect(await boxLine.getByRole('button', { name: /One more/ }).isDisabled()).toBe(true);
    await shot(page, 'return-pick-en');
    await page.getByTestId('return-next').click();
    await page.getByTestId('return-pin').waitFor();
    await shot(page, 'return-approve-en');
    await approveWithManager(page);
    const creditNoteNo = /[A-Za-z0-9-]{1,4}\/C\d{4}\/\d{5}/.exec(await page.getByTestId('return-credit-note-no').innerText())?.[0] ?? '';
    expect(creditNoteNo).toMatch(/^K01\/C\d{4}\/00001$/);
    await page.getByTestId('return-print-ok').waitFor();
    await waitForText(page.getByTestId('credit-note-preview'), 'CREDIT NOTE');
    await shot(page, 'return-done-en');

    const prints = await waitForPrints(host.printerDir, 2);
    const note = prints.find((p) => p.text.includes('CREDIT NOTE'))!.text;
    expect(note).toContain(creditNoteNo);
    expect(note).toMatch(new RegExp(`Against invoice\\s+${receiptNo.replace(/\//g, '\\/')}`));
    expect(note).toContain(box.name);
    expect(note).not.toContain(shawl.name);
    const rate = box.amounts.taxRateBps;
    expect(note).toMatch(new RegExp(`Taxable @ ${formatRate(rate)}\\s+${formatRupeesForPrint(-box.amounts.taxable).replace('.', '\\.')}`));
    expect(note).toMatch(new RegExp(`CGST @ ${halfRate(rate)}\\s+${formatRupeesForPrint(-box.amounts.cgst).replace('.', '\\.')}`));
    expect(note).toMatch(new RegExp(`SGST @ ${halfRate(rate)}\\s+${formatRupeesForPrint(-box.amounts.sgst).replace('.', '\\.')}`));
    expect(note).toContain(`TOTAL ${formatRupeesForPrint(-box.paise)}`);

    await page.getByTestId('return-close').click();
    expect(await stockOf(page, box.name)).toBe(boxStock);

    // The receipts list shows the credit note with its negative total, and reprints it as a credit note.
    await page.getByTestId('nav-receipts').click();
    const row = page.getByTestId('recent-sale').filter({ hasText: creditNoteNo });
    await waitForCount(row, 1);
    await row.click();
    await waitForText(page.getByTestId('receipt-preview'), 'Against invoice');
    await page.getByTestId('receipt-reprint').click();
    await page.getByTestId('reprint-ok').waitFor();
    const reprinted = (await waitForPrints(host.printerDir, 3)).filter((p) => p.text.includes('DUPLICATE COPY'));
    expect(reprinted).toHaveLength(1);
    expect(reprinted[0]!.text).toContain('CREDIT NOTE');
    expect(reprinted[0]!.text).toContain(receiptNo);

    // The same screens in Urdu, for the eye.
    await page.getByTestId('nav-sell').click();
    await page.getByTestId('language-ur').click();
    await page.getByTestId('open-return').click();
    await page.getByTestId('return-find-input').fill(receiptNo);
    await page.getByTestId('return-find').click();
    await page.getByTestId('return-lines').waitFor();
    await page.getByTestId('return-line').filter({ hasText: shawl.name }).getByTestId('return-line-qty').click();
    await page.getByRole('group', { name: 'تعداد کی پیڈ' }).getByRole('button', { name: '1', exact: true }).click();
    await shot(page, 'return-pick-ur');
    await page.getByTestId('return-next').click();
    await page.getByTestId('return-pin').waitFor();
    await shot(page, 'return-approve-ur');
    const keypad = page.getByTestId('return-pin');
    for (const digit of DEMO_PINS.manager) await keypad.getByRole('button', { name: digit, exact: true }).click();
    await page.getByTestId('return-approve').click();
    await page.getByTestId('return-done').waitFor();
    await page.getByTestId('return-print-ok').waitFor();
    await shot(page, 'return-done-ur');
    await page.getByTestId('return-close').click();
    await page.getByTestId('language-en').click();
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });
});

describe('a void of the sale just made (real host, file printer, Chromium)', () => {
  const rig = useKioskRig();

  it('voids the sale just made from the sale-done screen with a manager’s PIN, and the stock comes back', async () => {
    const { host } = rig;
    const page = await rig.open({ width: 1024, height: 768 });
    await signIn(page, DEMO_PINS.operator);
    const before = await stockOf(page, shawl.name);
    const receiptNo = await sellExactCash(page, [shawl.barcode], String(shawl.paise / 100));
    const printedBefore = (await waitForPrints(host.printerDir, 1)).length;
    await page.getByTestId('void-sale').click();
    await page.getByTestId('return-summary').waitFor();
    await waitForText(page.getByTestId('return-refund'), '₹12,500.00');
    await approveWithManager(page);
    await page.getByTestId('return-print-ok').waitFor();
    const prints = await waitForPrints(host.printerDir, printedBefore + 1);
    const voided = prints.filter((p) => p.text.includes('(sale cancelled)'));
    expect(voided).toHaveLength(1);
    expect(voided[0]!.text).toContain(receiptNo);
    expect(voided[0]!.text).toContain(`TOTAL ${formatRupeesForPrint(-shawl.paise)}`);
    await page.getByTestId('return-close').click();
    await waitForCount(page.getByTestId('sale-done'), 0);
    expect(await stockOf(page, shawl.name)).toBe(before);

    // The open day's X figures on the Day page count the void as a return.
    await signInAs(page, DEMO_PINS.manager);
    await openManagerTile(page, 'day');
    await waitForText(page.getByTestId('x-figures'), 'Returns (1)');
    await waitForText(page.getByTestId('x-returns'), '12,500.00');
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });
});
