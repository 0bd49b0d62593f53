import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PINS, DEMO_PRODUCTS } from '../../renderer/db/demo-data';
import { formatMoney } from '../../renderer/ui/format';
import { formatRupeesForPrint, parseRupees } from '../../shared/money';
import { splitCgstSgst, taxInside } from '../../shared/tax';
import {
  cartLines, completeSale, enterCash, errorsOf, filesIn, openManagerTile, openPay, scan, screenshot, signIn, signInAs,
  touchProblems, useKioskRig, waitForCount, waitForText,
} from './helpers';

/**
 * The manager's settings in the real UI on a 1024×768 kiosk: a GST rate changed in the
 * tax table and a new store name both reach the very next receipt; a test page reaches
 * the file printer; enrolment shows the key's fingerprint and never the key; a backup
 * lands in the host's backup folder.
 */

const muffler = (() => {
  const product = DEMO_PRODUCTS.find((p) => p.barcode === '2000000000114');
  if (!product || product.hsn !== '6117' || product.handmade) throw new Error('The demo catalog changed: no machine-made muffler of HSN 6117');
  const price = parseRupees(product.price);
  if (!price.ok) throw new Error(`Bad demo price ${product.price}`);
  return { ...product, paise: price.value };
})();

const NEW_NAME = 'Chinar Crafts, Dal Gate';

/**
 * Headless Chromium refuses persistent storage, so the manager sees that warning on every
 * sign-in; a kiosk running the app does not. Put it away, as a manager would, so the
 * pictures show the screens at the size they have in use.
 */
async function dismissStorageWarning(page: Page): Promise<void> {
  const warning = page.getByTestId('persistence-refused');
  if (await warning.isVisible()) await warning.getByRole('button', { name: 'Understood' }).click();
}

async function look(page: Page, name: string): Promise<void> {
  await screenshot(page, `settings-${name}`);
  expect(await touchProblems(page), `layout of ${name}`).toEqual([]);
}

/** From anywhere in the signed-in kiosk to one settings section. */
async function openSection(page: Page, section: 'store' | 'tax' | 'printer' | 'device' | 'backup'): Promise<void> {
  await openManagerTile(page, 'settings');
  await page.getByTestId(`settings-open-${section}`).click();
  await page.getByTestId(`settings-${section}`).waitFor();
}

function radio(group: Locator, name: string): Locator {
  return group.getByRole('radio', { name, exact: true });
}

describe('settings (real host, file printer, Chromium at 1024×768)', () => {
  const kiosk = useKioskRig();
  let page: Page;

  beforeAll(async () => {
    page = await kiosk.open({ width: 1024, height: 768 });
    await signIn(page, DEMO_PINS.manager);
  });

  it('offers managers a Settings tile with five sections, each saying how it stands', async () => {
    await page.getByTestId('nav-manager').click();
    await page.getByTestId('tile-settings').waitFor();
    await screenshot(page, 'settings-manager-home');
    await page.getByTestId('tile-settings').click();
    for (const s of ['store', 'tax', 'printer', 'device', 'backup']) await page.getByTestId(`settings-open-${s}`).waitFor();
    await waitForText(page.getByTestId('settings-now-store'), 'GSTIN 01AAAAA0000A1Z5');
    await waitForText(page.getByTestId('settings-now-tax'), '26 rules');
    await waitForText(page.getByTestId('settings-now-device'), 'No device key yet');
    await look(page, 'home-storage-warning');
    await dismissStorageWarning(page);
    await look(page, 'home');
  });

  it('changes the textile rule so a ₹3,000 machine-made stole pays 12%, checked before it is saved', async () => {
    await openSection(page, 'tax');
    const textiles = page.locator('[data-testid="tax-rule"][data-prefix="61"][data-made="either"]');
    expect(await textiles.getByTestId('tax-rule-bands').innerText()).toBe('Up to ₹2,500 a piece: 5%\nAbove ₹2,500: 18%');
    await look(page, 'tax');

    await textiles.getByTestId('tax-rule-edit').click();
    const dialog = page.getByTestId('rule-dialog');
    await dialog.waitFor();
    await look(page, 'rule');

    // A band that does not rise is refused with the amount it must pass, and nothing changes.
    await dialog.getByTestId('band-add').click();
    await dialog.getByTestId('band-1-amount').fill('2000');
    await dialog.getByTestId('rule-done').click();
    const why = await waitForText(dialog.getByTestId('band-1-amount-error'), 'must end above the band before it');
    expect(why).toMatch(/which ends at ₹2,500\.$/);
    await look(page, 'rule-problem');
    await dialog.getByTestId('band-1-remove').click();
    await waitForCount(dialog.locator('[data-testid^="band-"][data-testid$="-rate"]'), 2);

    await radio(dialog.getByTestId('band-1-rate'), '12%').click();
    await dialog.getByTestId('rule-done').click();
    await waitForCount(page.getByTestId('rule-dialog'), 0);
    await waitForText(textiles.getByTestId('tax-rule-bands'), 'Above ₹2,500: 12%');
    await waitForText(textiles, 'Changed');

    // Check a product against the table on screen, before saving.
    await page.getByTestId('tax-check-hsn').fill('6117');
    await radio(page.getByTestId('tax-check-made'), 'Machine-made').click();
    await page.getByTestId('tax-check-price').fill('3000');
    const result = await waitForText(page.getByTestId('tax-check-result'), 'GST 12%');
    expect(result).toContain('Textiles, chapter 61');
    await waitForText(page.getByTestId('tax-check-now'), 'the counter charges 18%');
    await look(page, 'tax-check');

    await page.getByTestId('tax-save').click();
    await waitForText(page.getByTestId('settings-saved'), 'Tax table saved');
    await waitForText(page.getByTestId('settings-dirty'), 'Everything here is saved');
    expect(await page.getByTestId('tax-check-now').count()).toBe(0);
    expect(await textiles.innerText()).not.toContain('Changed');

    // A new rule shows as new and is used by the check at once; Undo takes it away again.
    await page.getByTestId('tax-add').click();
    const fresh = page.getByTestId('rule-dialog');
    await fresh.getByTestId('rule-prefix').fill('9701');
    await fresh.getByTestId('rule-label').fill('Paintings, machine-made');
    await radio(fresh.getByTestId('rule-made'), 'Machine-made only').click();
    await radio(fresh.getByTestId('band-0-rate'), '12%').click();
    await fresh.getByTestId('rule-done').click();
    const paintings = page.locator('[data-testid="tax-rule"][data-prefix="9701"]');
    await waitForText(paintings, 'New');
    await page.getByTestId('tax-check-hsn').fill('97011000');
    await page.getByTestId('tax-check-price').fill('5000');
    await waitForText(page.getByTestId('tax-check-result'), 'Paintings, machine-made');
    await waitForText(page.getByTestId('tax-check-now'), 'the counter charges 18%');
    await page.getByTestId('tax-undo').click();
    await waitForCount(paintings, 0);

    // "Reset to the starting table" puts 18% back on screen only; Undo returns to what is saved.
    await page.getByTestId('tax-reset').click();
    await page.getByTestId('tax-reset-confirm').click();
    await waitForText(textiles.getByTestId('tax-rule-bands'), 'Above ₹2,500: 18%');
    await waitForText(page.getByTestId('settings-dirty'), 'not saved yet');
    await page.getByTestId('tax-undo').click();
    await waitForText(textiles.getByTestId('tax-rule-bands'), 'Above ₹2,500: 12%');
    await waitForText(page.getByTestId('settings-dirty'), 'Everything here is saved');
  });

  it('refuses a GSTIN of the wrong shape, then saves a new store name', async () => {
    await openSection(page, 'store');
    await page.getByTestId('store-gstin').fill('01abcde1234');
    await page.getByTestId('store-name').fill(NEW_NAME);
    await page.getByTestId('store-save').click();
    await waitForText(page.getByTestId('store-gstin-error'), 'A GSTIN is 15 characters');
    await page.getByTestId('settings-refused').waitFor();
    await look(page, 'store-problem');

    await page.getByTestId('store-gstin').fill('01AAAAA0000A1Z5');
    // Fixed: the mark and the banner go at once, before Save is pressed again.
    await waitForCount(page.getByTestId('store-gstin-error'), 0);
    await waitForCount(page.getByTestId('settings-refused'), 0);
    // A new invoice series is flagged: numbering restarts only with the financial year.
    await page.getByTestId('store-series').fill('k02');
    await waitForText(page.getByTestId('store-series-warning'), 'from K01');
    expect(await page.getByTestId('store-series').inputValue()).toBe('K02');
    await page.getByTestId('store-series-warning').scrollIntoViewIfNeeded();
    await look(page, 'store-series');
    await page.getByTestId('store-series').fill('K01');
    await waitForCount(page.getByTestId('store-series-warning'), 0);
    await page.getByTestId('store-save').click();
    await waitForText(page.getByTestId('settings-saved'), 'The next receipt shows these details');
    expect(await page.getByTestId('store-gstin-error').count()).toBe(0);
    await look(page, 'store');
  });

  it('sells the muffler at the counter: the receipt has GST at 12% and the new store name', async () => {
    await signInAs(page, DEMO_PINS.operator);
    await scan(page, muffler.barcode);
    await waitForCount(cartLines(page), 1);
    // The cart already reckons with the new rate, before anything is committed.
    const tax = taxInside(muffler.paise, 1200);
    const { cgst, sgst } = splitCgstSgst(tax);
    await waitForText(page.getByTestId('totals'), formatMoney(tax));
    const dialog = await openPay(page);
    await enterCash(dialog, '3000');
    const receiptNo = await completeSale(page);

    let text = '';
    await expect.poll(async () => {
      const names = await filesIn(kiosk.host.printerDir, '-receipt-', '.txt');
      text = names.length ? await readFile(join(kiosk.host.printerDir, names.at(-1)!), 'utf8') : '';
      return text.includes(receiptNo);
    }, { timeout: 10_000 }).toBe(true);
    expect(text).toContain(NEW_NAME);
    expect(text).not.toContain('Chinar Artisan Market (Demo)');
    expect(text).toContain('GST 12%');
    expect(text).toMatch(new RegExp(`Taxable @ 12%\\s+${escape(formatRupeesForPrint(muffler.paise - tax))}`));
    expect(text).toMatch(new RegExp(`CGST @ 6%\\s+${escape(formatRupeesForPrint(cgst))}`));
    expect(text).toMatch(new RegExp(`SGST @ 6%\\s+${escape(formatRupeesForPrint(sgst))}`));
    expect(text).not.toContain('18%');
    await screenshot(page, 'settings-sale-at-12');

    await signInAs(page, DEMO_PINS.manager);
    await dismissStorageWarning(page);
  });

  it('prints a test page on the file printer, and shows the host’s words when it refuses a printer', async () => {
    await openSection(page, 'printer');
    await waitForText(page.getByTestId('printer-target'), kiosk.host.printerDir);
    expect(await page.getByTestId('printer-check').getAttribute('data-state')).toBe('ready');
    const before = await filesIn(kiosk.host.printerDir, '-test-', '.txt');
    await page.getByTestId('printer-test').click();
    await waitForText(page.getByTestId('printer-test-result'), 'Test page sent to File printer');
    const after = await filesIn(kiosk.host.printerDir, '-test-', '.txt');
    expect(after.length).toBe(before.length + 1);
    const testPage = await readFile(join(kiosk.host.printerDir, after.at(-1)!), 'utf8');
    expect(testPage).toContain('If you can read this, the printer works.');
    expect(testPage).toContain(NEW_NAME);
    expect(testPage).toContain('[Code 128: CHINAR-TEST-0123456789]');
    expect(testPage).toContain('-'.repeat(48));
    expect(testPage).toContain('123456789012345678901234567890123456789012345678');
    expect(await filesIn(kiosk.host.printerDir, '-test-', '.bin')).toHaveLength(after.length);
    await look(page, 'printer');

    await radio(page.getByTestId('printer-kind'), 'USB').click();
    await page.getByTestId('printer-usb-path').fill('/tmp/printer');
    await waitForText(page.getByTestId('settings-dirty'), 'not saved yet');
    expect(await page.getByTestId('printer-test').isDisabled()).toBe(true);
    await page.getByTestId('printer-save').click();
    await waitForText(page.getByTestId('settings-refused'), 'A USB printer device file looks like /dev/usb/lp0');
    await waitForText(page.getByTestId('printer-usb-path-error'), 'A USB printer device file looks like /dev/usb/lp0');
    await look(page, 'printer-refused');

    // Going back with changes not saved asks first; staying keeps them.
    await page.getByTestId('manager-back').click();
    await page.getByTestId('settings-leave').waitFor();
    await look(page, 'leave');
    await page.getByTestId('settings-leave').getByRole('button', { name: 'Stay and save' }).click();
    await waitForCount(page.getByTestId('settings-leave'), 0);
    expect(await page.getByTestId('printer-usb-path').inputValue()).toBe('/tmp/printer');

    // Nothing was saved: undoing brings back the file printer, and it still prints.
    await page.getByTestId('printer-undo').click();
    await waitForText(page.getByTestId('settings-dirty'), 'Everything here is saved');
    await page.getByTestId('printer-test').click();
    await waitForText(page.getByTestId('printer-test-result'), 'Test page sent to File printer');
  });

  it('enrols the device and shows only the key’s fingerprint, never the key', async () => {
    const key = randomBytes(32).toString('base64url');
    const fingerprint = createHash('sha256').update(Buffer.from(key, 'base64url')).digest('hex').slice(0, 8);
    await openSection(page, 'device');
    await waitForText(page.getByTestId('device-key-status'), 'No key set');

    await page.getByTestId('device-key').fill(key.slice(0, 40));
    await page.getByTestId('device-enrol').click();
    await waitForText(page.getByTestId('device-key-error'), 'you typed 40');

    await page.getByTestId('device-url').fill('https://central.example.org');
    await page.getByTestId('device-key').fill(key);
    expect(await page.getByTestId('device-key').getAttribute('type')).toBe('password');
    await page.getByTestId('device-enrol').click();
    await waitForText(page.getByTestId('settings-saved'), 'Device enrolled');
    expect(await page.getByTestId('device-key-status').innerText()).toBe(`Key set, fingerprint ${fingerprint}`);
    expect(await page.getByTestId('device-now-url').innerText()).toBe('https://central.example.org');
    expect(await page.getByTestId('device-key').inputValue()).toBe('');
    const everything = await page.evaluate(() => [
      document.body.innerText,
      ...[...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value),
      JSON.stringify({ ...sessionStorage }), JSON.stringify({ ...localStorage }),
    ].join('\n'));
    expect(everything).not.toContain(key);
    await look(page, 'device');

    await page.getByTestId('manager-back').click();
    await waitForText(page.getByTestId('settings-now-device'), `Key set, fingerprint ${fingerprint}`);
  });

  it('backs up the whole store into the host’s backup folder', async () => {
    await openSection(page, 'backup');
    await page.getByTestId('backup-now').click();
    const said = await waitForText(page.getByTestId('backup-result'), 'Saved to');
    // The path is bidi-isolated on screen (Urdu is right-to-left): compare without the marks.
    const m = /Saved to (.+\.jsonl) \(([\d.]+) MB\)\./.exec(said.replace(/[\u2066-\u2069]/g, ''));
    if (!m) throw new Error(`Unexpected backup message: ${said}`);
    expect(m[1]!.startsWith(join(kiosk.host.dataDir, 'backups'))).toBe(true);
    // A header line (shared/backup.ts), then dexie-export-import's export of the store.
    const [headerLine, content] = (await readFile(m[1]!, 'utf8')).split('\n');
    const header = JSON.parse(headerLine!) as { format: string; tables: Record<string, number> };
    expect(header.format).toBe('chinar-pos-backup/2');
    expect(header.tables.sales).toBe(1);
    expect(content).toContain(NEW_NAME);
    await look(page, 'backup');
    expect(errorsOf(page)).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
