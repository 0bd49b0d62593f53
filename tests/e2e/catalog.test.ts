import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PINS, DEMO_PRODUCTS } from '../../renderer/db/demo-data';
import { formatMoney } from '../../renderer/ui/format';
import { withoutIsolates } from '../../renderer/ui/format/bidi';
import { validateBarcode } from '../../shared/barcode';
import { parseRupees } from '../../shared/money';
import { decode, render } from '../electron/printing/escpos-decode';
import {
  cartLines, errorsOf, filesIn, openManagerTile, scan, SCREENS_DIR, screenshot, signIn, signInAs, touchProblems, useKioskRig,
  waitForCount, waitForText,
} from './helpers';

/**
 * The manager's way from a spreadsheet to labelled shelves, in the real UI: import the
 * sample catalog (and be refused a broken copy), print labels on the file printer,
 * decode a printed label's barcode from its ESC/POS bytes, and scan it at the counter.
 */

const FIXTURES = new URL('../fixtures/catalog/', import.meta.url);
const fixture = (name: string) => readFile(new URL(name, FIXTURES), 'utf8');

/** The fixture's row for a SKU, as the test reads it (not through the app's parser). */
async function fixtureProduct(sku: string): Promise<{ name: string; price: number; barcode: string }> {
  const line = (await fixture('products.csv')).split(/\r?\n/).find((l) => l.startsWith(`${sku},`));
  if (!line) throw new Error(`products.csv has no ${sku}`);
  const m = /^[^,]+,(\d*),"([^"]+)",.*,(\d+\.\d{2}),\d+$/.exec(line);
  if (!m) throw new Error(`Cannot read the fixture line "${line}"`);
  const price = parseRupees(m[3]!);
  if (!price.ok) throw new Error(`Bad price in "${line}"`);
  return { barcode: m[1]!, name: m[2]!, price: price.value };
}

/**
 * Presses an Open/Print button of a made sheet and answers the response the new tab got
 * from the host. Chromium hands a PDF's stream to its viewer, so the page's body is the
 * viewer's wrapper: the bytes are fetched again from the same (still valid) address.
 */
async function pdfInNewTab(page: Page, button: Locator): Promise<{ url: string; status: number; contentType: string | undefined; length: number; bytes: Buffer }> {
  const context = page.context();
  const tab = context.waitForEvent('page');
  const response = context.waitForEvent('response', { predicate: (r) => r.url().includes('/api/output/'), timeout: 15_000 });
  await button.click();
  const opened = await tab;
  try {
    const got = await response;
    const again = await fetch(got.url());
    return {
      url: got.url(), status: got.status(), contentType: got.headers()['content-type'], length: Number(got.headers()['content-length']),
      bytes: Buffer.from(await again.arrayBuffer()),
    };
  } finally {
    await opened.close();
  }
}

async function look(page: Page, name: string): Promise<void> {
  await screenshot(page, `manager-${name}`);
  expect(await touchProblems(page), `layout of ${name}`).toEqual([]);
}

describe('catalog, stock and labels (real host, file printer, Chromium)', () => {
  const kiosk = useKioskRig();
  let page: Page;
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'chinar-catalog-'));
    page = await kiosk.open();
    await signIn(page, DEMO_PINS.manager);
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('shows managers a Manager button that opens six tiles', async () => {
    await page.getByTestId('nav-manager').click();
    for (const tile of ['products', 'artisans', 'users', 'catalogFiles', 'labels', 'lowStock']) {
      await page.getByTestId(`tile-${tile}`).waitFor();
    }
    await look(page, 'home');
  });

  it('refuses a broken catalog with every problem (file, line, column) and writes nothing', async () => {
    const products = (await fixture('products.csv'))
      .replace('PSH-0001,8906497547351,', 'PSH-0001,8906497547352,') // line 2: bad check digit
      .replace('KNI-0001,,"Kani stole, border weave, rust",A-035,', 'KNI-0001,,"Kani stole, border weave, rust",A-999,'); // line 3: unknown artisan
    await writeFile(join(work, 'artisans.csv'), await fixture('artisans.csv'));
    await writeFile(join(work, 'products.csv'), products);

    await openManagerTile(page, 'catalogFiles');
    await page.getByTestId('file-input-artisans').setInputFiles(join(work, 'artisans.csv'));
    await page.getByTestId('file-input-products').setInputFiles(join(work, 'products.csv'));
    await waitForText(page.getByTestId('file-chosen-products'), 'products.csv');
    await page.getByTestId('catalog-check').click();
    await waitForText(page.getByTestId('import-refused'), 'Nothing was imported.');
    const rows = page.getByTestId('problem-row');
    await waitForCount(rows, 2);
    const cells = async (i: number) => [
      await rows.nth(i).getByTestId('problem-file').innerText(),
      await rows.nth(i).getByTestId('problem-line').innerText(),
      await rows.nth(i).getByTestId('problem-column').innerText(),
      await rows.nth(i).getByTestId('problem-message').innerText(),
    ];
    const [first, second] = [await cells(0), await cells(1)];
    expect(first.slice(0, 3)).toEqual(['products.csv', '2', 'barcode']);
    expect(first[3]).toContain('check digit');
    expect(second.slice(0, 3)).toEqual(['products.csv', '3', 'artisan_code']);
    expect(second[3]).toContain('A-999');
    expect(await page.getByTestId('catalog-import').count()).toBe(0);
    await look(page, 'import-problems');

    // Nothing was written: the products list still holds the demo catalog only.
    await page.getByTestId('manager-back').click();
    await page.getByTestId('tile-products').click();
    await waitForText(page.getByTestId('products-summary'), `of ${DEMO_PRODUCTS.length}`);
  });

  it('previews the sample catalog (49 artisans, 420 products new) and imports all of it', async () => {
    await openManagerTile(page, 'catalogFiles');
    await page.getByTestId('file-input-artisans').setInputFiles(new URL('artisans.csv', FIXTURES).pathname);
    await page.getByTestId('file-input-products').setInputFiles(new URL('products.csv', FIXTURES).pathname);
    await page.getByTestId('catalog-check').click();
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('counts-artisans-new').innerText()).toBe('49');
    expect(await page.getByTestId('counts-products-new').innerText()).toBe('420');
    expect(await page.getByTestId('counts-products-changed').innerText()).toBe('0');
    await waitForText(page.getByTestId('import-barcodes'), 'in-store barcode');
    await look(page, 'import-preview');

    await page.getByTestId('catalog-import').click();
    await waitForText(page.getByTestId('import-done'), 'Imported.');
    await look(page, 'import-done');

    // Export gives the same format back: importing the exported files changes nothing.
    await page.getByTestId('catalog-export').click();
    const exported: Record<string, string> = {};
    for (const file of ['artisans', 'products']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`download-${file}`).click()]);
      expect(download.suggestedFilename()).toBe(`${file}.csv`);
      exported[file] = join(work, `exported-${file}.csv`);
      await download.saveAs(exported[file]!);
    }
    const exportedProducts = await readFile(exported.products!, 'utf8');
    expect(exportedProducts.startsWith('\ufeffsku,barcode,name,artisan_code,craft,hsn,handmade,gst_rate,price,stock\r\n')).toBe(true);
    expect(exportedProducts).toContain('KNI-0001,29');
    // The demo catalog the import switched off is not exported (importing it would switch it back on).
    expect(exportedProducts).not.toContain('DEMO-');
    await page.getByTestId('file-input-artisans').setInputFiles(exported.artisans!);
    await page.getByTestId('file-input-products').setInputFiles(exported.products!);
    await page.getByTestId('catalog-check').click();
    await waitForText(page.getByTestId('import-preview'), 'there is nothing to import');
    expect(await page.getByTestId('counts-products-unchanged').innerText()).toBe('420');
    expect(await page.getByTestId('counts-artisans-changed').innerText()).toBe('0');
    expect(await page.getByTestId('catalog-import').isDisabled()).toBe(true);

    await page.getByTestId('manager-back').click();
    await page.getByTestId('tile-products').click();
    // The demo products stay (switched off, for their sales), the 420 are added.
    await waitForText(page.getByTestId('products-summary'), `of ${DEMO_PRODUCTS.length + 420}`);
    await look(page, 'products');
  });

  it('finds products by search and by artisan, a page at a time', async () => {
    await page.getByTestId('products-search').fill('kani stole');
    await waitForText(page.getByTestId('products-summary'), 'match');
    const hits = page.getByTestId('product-row');
    expect(await hits.count()).toBeGreaterThan(0);
    for (const text of await hits.allInnerTexts()) expect(text.toLowerCase()).toContain('kani');
    await look(page, 'products-search');
    await page.getByTestId('products-search').fill('');
    await waitForText(page.getByTestId('products-summary'), 'Showing 1–50');
    await page.getByTestId('pager-next').click();
    await waitForText(page.getByTestId('products-summary'), 'Showing 51–100');
    await page.getByTestId('products-artisan-filter').selectOption({ label: 'A-035 · Fayaz Ahmad Kaloo' });
    await waitForText(page.getByTestId('products-summary'), 'Showing 1–');
    const mine = await page.getByTestId('product-row').allInnerTexts();
    expect(mine.length).toBeGreaterThan(0);
    for (const text of mine) expect(text).toContain('(A-035)');
    await page.getByTestId('products-artisan-filter').selectOption({ label: 'All artisans' });
  });

  it('edits a product in a form (price in rupees, exact) and adjusts stock with a reason', async () => {
    await page.getByTestId('products-search').fill('SZN-0001');
    const row = page.locator('[data-testid="product-row"][data-sku="SZN-0001"]');
    await row.waitFor();
    await row.getByTestId('product-edit').click();
    await page.getByTestId('product-form').waitFor();
    expect(await page.getByTestId('product-price').inputValue()).toBe('11000.00');
    await page.getByTestId('product-price').fill('11250.50');
    await look(page, 'product-form');
    await page.getByTestId('product-adjust-stock').click();
    const dialog = page.getByTestId('stock-dialog');
    await dialog.waitFor();
    await dialog.getByRole('group', { name: 'Pieces keypad' }).getByRole('button', { name: '2', exact: true }).click();
    await dialog.getByRole('button', { name: 'New pieces from the artisan' }).click();
    await waitForText(dialog.getByTestId('stock-after'), '3 pieces');
    await look(page, 'stock-dialog');
    await dialog.getByTestId('stock-save').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('product-save').click();
    await waitForText(page.getByTestId('products-notice'), 'Saved Sozni embroidered pheran');
    await waitForText(row, '₹11,250.50');
    expect(await row.innerText()).toMatch(/\b3\b/);
  });

  it('lists low stock and takes an adjustment from there', async () => {
    await openManagerTile(page, 'lowStock');
    const row = page.locator('[data-testid="low-row"][data-sku="KNI-0001"]');
    await row.waitFor();
    await look(page, 'low-stock');
    await row.getByTestId('low-adjust').click();
    const dialog = page.getByTestId('stock-dialog');
    await dialog.getByTestId('stock-save').click();
    // No count and no reason: the dialog says what is missing and saves nothing.
    await waitForText(dialog, 'Say why');
    await dialog.getByTestId('stock-pieces').fill('4');
    await dialog.getByTestId('stock-reason').fill('Counted the shelf');
    await dialog.getByTestId('stock-save').click();
    await waitForText(page.getByTestId('low-notice'), 'stock is now 5 pieces');
    await waitForCount(row, 0);
  });

  it('edits artisans and users, and makes an ID card sheet', async () => {
    await openManagerTile(page, 'artisans');
    await page.getByTestId('artisans-table').waitFor();
    await look(page, 'artisans');
    for (const code of ['A-001', 'A-002']) {
      await page.locator(`[data-testid="artisan-row"][data-code="${code}"]`).getByTestId('artisan-pick').click();
    }
    await page.getByTestId('artisans-cards').click();
    const cards = page.getByTestId('cards-dialog');
    await cards.getByTestId('card-preview').locator('[data-state="drawn"]').waitFor();
    await cards.getByTestId('print-cards-pdf').click();
    const path = withoutIsolates(await cards.getByTestId('pdf-path').innerText());
    expect((await readFile(path)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Print opens it in the browser's viewer too, which prints it; the screen says so.
    const printed = await pdfInNewTab(page, cards.getByTestId('print-cards-pdf-print'));
    expect(printed).toMatchObject({ status: 200, contentType: 'application/pdf' });
    expect(printed.bytes.equals(await readFile(path))).toBe(true);
    await waitForText(cards.getByTestId('print-cards-pdf-shown'), 'press its print button');
    await look(page, 'cards');
    await cards.getByRole('button', { name: 'Close' }).click();

    await page.locator('[data-testid="artisan-row"][data-code="A-003"]').getByTestId('artisan-edit').click();
    await page.getByTestId('artisan-form').waitFor();
    await page.getByTestId('artisan-change-pin').click();
    await look(page, 'artisan-form');
    await page.getByTestId('artisan-commission').fill('12.755');
    await page.getByTestId('artisan-save').click();
    await waitForText(page.getByTestId('artisan-form'), 'At most 2 digits after the point');
    await page.getByTestId('artisan-commission').fill('12.75');
    const pinPad = page.getByRole('group', { name: 'Keypad for Earnings PIN' });
    for (const d of '2468') await pinPad.getByRole('button', { name: d, exact: true }).click();
    await page.getByTestId('artisan-save').click();
    await waitForText(page.getByTestId('artisans-notice'), 'Saved');
    await waitForText(page.locator('[data-testid="artisan-row"][data-code="A-003"]'), '12.75%');

    await openManagerTile(page, 'users');
    await page.getByTestId('users-table').waitFor();
    await look(page, 'users');
    await page.getByTestId('user-new').click();
    await page.getByTestId('user-name').fill('Second operator');
    const keypad = page.getByRole('group', { name: 'Keypad for PIN' });
    for (const d of DEMO_PINS.operator) await keypad.getByRole('button', { name: d, exact: true }).click();
    await look(page, 'user-form');
    await page.getByTestId('user-save').click();
    // PINs sign people in on their own: the store refuses one already in use, in words.
    await waitForText(page.getByTestId('user-form-error'), 'Another user already has that PIN');
    await page.getByRole('button', { name: 'Back to users' }).click();
  });

  it('prints labels for three products, and a printed barcode scans at the counter at the right price', async () => {
    const skus = ['PSH-0001', 'KNI-0001', 'SZN-0001'];
    await openManagerTile(page, 'labels');
    for (const sku of skus) {
      await page.getByTestId('labels-search').fill(sku);
      await page.locator(`[data-testid="labels-result"][data-sku="${sku}"]`).click();
    }
    const picks = page.getByTestId('label-pick');
    await waitForCount(picks, 3);
    // One label of each (the count starts at the stock: 12 pashmina mufflers).
    const muffler = page.locator('[data-testid="label-pick"][data-sku="PSH-0001"]');
    expect(await muffler.getByRole('textbox').inputValue()).toBe('12');
    for (const sku of skus) await page.locator(`[data-testid="label-pick"][data-sku="${sku}"]`).getByRole('textbox').fill('1');
    await waitForText(page.getByTestId('labels-total'), '3 labels');
    await page.locator(`[data-testid="label-pick"][data-sku="KNI-0001"]`).locator('.pick__show').click();
    await page.getByTestId('label-preview').locator('.receipt__barcode[data-state="drawn"]').waitFor();
    await waitForText(page.getByTestId('label-preview'), 'Kani stole');
    await look(page, 'labels');

    await page.getByTestId('print-labels-thermal').click();
    await waitForText(page.getByTestId('print-labels-done'), '3 labels printed');
    const jobs = await filesIn(kiosk.host.printerDir, '-label-', '.bin');
    expect(jobs).toHaveLength(3);

    await look(page, 'labels-printed');

    // A4 sheet: 3 labels after 38 used stickers of a 4 × 10 sheet run onto a second page.
    await page.getByTestId('labels-sheet-open').click();
    const sheet = page.getByTestId('labels-sheet-dialog');
    await sheet.getByTestId('print-labels-layout').getByRole('radio', { name: /4 × 10/ }).click();
    await sheet.getByTestId('print-labels-skip').getByRole('textbox').fill('38');
    await waitForText(sheet.getByTestId('print-labels-pages'), '2 sheets');
    await sheet.getByTestId('print-labels-pdf').click();
    await waitForText(sheet.getByTestId('print-labels-pdf-done'), '2 pages');
    const pdf = withoutIsolates(await sheet.getByTestId('pdf-path').innerText());
    expect((await readFile(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await copyFile(pdf, join(SCREENS_DIR, 'manager-labels-sheet.pdf')); // to look at as an image
    // Open: the browser's own viewer gets that same file from the host, in a new tab.
    const shown = await pdfInNewTab(page, sheet.getByTestId('print-labels-pdf-view'));
    const file = await readFile(pdf);
    expect(shown.url).toMatch(/\/api\/output\/labels-[\d-]+-[0-9a-f]{6}\.pdf\?ticket=/);
    expect(shown).toMatchObject({ status: 200, contentType: 'application/pdf', length: file.byteLength });
    expect(shown.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(shown.bytes.equals(file)).toBe(true);
    await waitForText(sheet.getByTestId('print-labels-pdf-shown'), 'open in a new tab');
    await look(page, 'labels-sheet');
    await sheet.getByRole('button', { name: 'Close' }).click();

    // The Kani stole came without a barcode: the import gave it an in-store EAN-13. Read it
    // back from the printer bytes, as a scanner would read the printed bars.
    const kaniJob = jobs.find((name) => name.includes('KNI-0001'));
    expect(kaniJob).toBeDefined();
    const printed = render(decode(await readFile(join(kiosk.host.printerDir, kaniJob!)))).printed;
    const barcodes = printed.filter((p) => p.kind === 'barcode');
    expect(barcodes).toHaveLength(1);
    const code = barcodes[0]!.data;
    expect(validateBarcode(code)).toEqual({ ok: true, symbology: 'ean13' });
    expect(code.startsWith('29')).toBe(true);
    const kani = await fixtureProduct('KNI-0001');
    expect(printed.some((p) => p.kind === 'text' && p.text.includes('Kani stole'))).toBe(true);

    await signInAs(page, DEMO_PINS.operator);
    expect(await page.getByTestId('nav-manager').count()).toBe(0);
    await scan(page, code);
    await waitForCount(cartLines(page), 1);
    const line = await cartLines(page).first().innerText();
    expect(line).toContain(kani.name);
    expect(line).toContain(formatMoney(kani.price));
    await waitForText(page.getByTestId('totals'), formatMoney(kani.price));
    expect(errorsOf(page)).toEqual([]);
  });

  it('fits a 1024 × 768 kiosk: every manager page, targets of 44 px or more', async () => {
    const narrow = await kiosk.open({ width: 1024, height: 768 });
    await signIn(narrow, DEMO_PINS.manager);
    for (const tile of ['products', 'artisans', 'users', 'catalogFiles', 'labels', 'lowStock']) {
      await openManagerTile(narrow, tile);
      await narrow.getByTestId('manager-back').waitFor();
      await narrow.waitForTimeout(100);
      expect(await touchProblems(narrow), `${tile} at 1024 px`).toEqual([]);
    }
    await narrow.getByTestId('manager-back').click();
    await screenshot(narrow, 'manager-home-1024');
    await narrow.getByTestId('tile-products').click();
    await narrow.getByTestId('product-new').click();
    await screenshot(narrow, 'manager-product-new-1024');
    expect(await touchProblems(narrow)).toEqual([]);
    expect(errorsOf(narrow)).toEqual([]);
    await narrow.context().close();
  });
});
