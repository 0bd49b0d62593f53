import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentralDev, type CentralDev } from '../../electron/central-dev/server';
import { DEMO_PINS } from '../../renderer/db/demo-data';
import {
  callHost, completeSale, enterCash, errorsOf, launchChromium, MANAGER_PIN, openKiosk, openManagerTile, openPay, scan, settleAfterOpeningDay,
  signIn, startHost, waitForPrints, waitForText, type RunningHost,
} from './helpers';

/** Pictures of the day's screens, in English and Urdu, at the kiosk's 1024 × 768. */
const PICTURES = '/tmp/screens-till';
const DEVICE_ID = 'demo-market/K01';
const KEY = 'q3S0l1_yN8w-ZrFh2kP9aXcVbM4uT7eJdG6oLiWn5sE';

async function picture(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(PICTURES, `${name}.png`) });
}


describe('the market day from the float to a delivered Z (real host, file printer, central:dev, Chromium)', () => {
  let host: RunningHost;
  let browser: Browser;
  let central: CentralDev;
  let centralDir: string;

  beforeAll(async () => {
    centralDir = await mkdtemp(join(tmpdir(), 'chinar-central-e2e-'));
    central = await startCentralDev({ devices: { [DEVICE_ID]: KEY }, storeFile: join(centralDir, 'days.jsonl') });
    host = await startHost();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await central?.close();
    await rm(centralDir, { recursive: true, force: true });
  });

  it('opens with a float, sells, pays out, prints X, closes short, prints Z, refuses the next sale, and delivers the day', async () => {
    const page = await openKiosk(browser, host.url, { width: 1024, height: 768 });
    const token = /#token=([A-Za-z0-9_-]+)/.exec(host.url)![1]!;
    const enrolled = await callHost(page, token, 'device.enrol', { deviceId: DEVICE_ID, marketId: 'demo-market', deviceKey: KEY, centralBaseUrl: central.url });
    expect(enrolled).toMatchObject({ ok: true });

    await signIn(page, DEMO_PINS.manager, { openDay: false });
    await waitForText(page.getByTestId('day-not-open'), 'The day is not open: a manager opens it with the float counted.');
    expect(await page.getByTestId('pay').isDisabled()).toBe(true);
    await picture(page, 'en-sell-day-not-open');

    // The float: 4 × ₹500.
    await page.getByTestId('sell-open-day').click();
    await page.getByTestId('open-day-dialog').waitFor();
    await page.getByTestId('float-500').fill('4');
    await waitForText(page.getByTestId('float-total'), '₹2,000.00');
    await picture(page, 'en-open-day');
    await page.getByTestId('open-day-pin-input').fill(MANAGER_PIN);
    await page.getByTestId('open-day-confirm').click();
    await page.locator('[data-testid="sell-screen"][data-day="open"]').waitFor();
    await settleAfterOpeningDay(page);

    // A ₹12,500 shawl, in cash.
    await scan(page, '2000000000015');
    await waitForText(page.getByTestId('scan-notice'), 'Pashmina shawl');
    const pay = await openPay(page);
    await enterCash(pay, '12500');
    const receiptNo = await completeSale(page);
    await waitForPrints(host.printerDir, 1);

    // A paid-out of ₹100 for the porter, approved with the manager's PIN.
    await openManagerTile(page, 'day');
    await page.locator('[data-testid="day-screen"][data-day="open"]').waitFor();
    await picture(page, 'en-day-open');
    await page.getByTestId('day-paid-out').click();
    await page.getByTestId('movement-amount').fill('100');
    await page.getByTestId('movement-reason').fill('porter');
    await page.getByTestId('movement-pin-input').fill(MANAGER_PIN);
    await picture(page, 'en-paid-out');
    await page.getByTestId('movement-confirm').click();
    await waitForText(page.getByTestId('x-paid-out'), '₹100.00');

    // The X report, on screen and on paper.
    await page.getByTestId('day-x').click();
    await page.getByTestId('x-preview').waitFor();
    await picture(page, 'en-x-report');
    await page.getByTestId('x-print').click();
    await waitForText(page.getByTestId('x-printed'), 'Printed');
    const afterX = await waitForPrints(host.printerDir, 2);
    expect(afterX.at(-1)!.text).toContain('X REPORT');
    await page.getByTestId('x-report-dialog').getByRole('button', { name: 'Done' }).click();

    // The close: blind count of ₹14,300 against an expected 2,000 + 12,500 − 100 = ₹14,400.
    await page.getByTestId('day-close').click();
    const closeDialog = page.getByTestId('close-day-dialog');
    await closeDialog.waitFor();
    expect(await closeDialog.innerText()).not.toContain('14,400');
    await page.getByTestId('close-count-500').fill('28');
    await page.getByTestId('close-count-200').fill('1');
    await page.getByTestId('close-count-100').fill('1');
    await page.getByTestId('close-day-pin-input').fill(MANAGER_PIN);
    await picture(page, 'en-close-count');
    await page.getByTestId('close-day-confirm').click();
    await page.locator('[data-testid="z-over-short"], [data-testid="close-day-problem"]').first().waitFor();
    expect(await page.getByTestId('close-day-problem').count(), await page.getByTestId('close-day-problem').allInnerTexts().then((t) => t.join())).toBe(0);
    await waitForText(page.getByTestId('z-over-short'), '-₹100.00');
    await waitForText(page.getByTestId('z-printed'), 'Printed');
    await picture(page, 'en-z-report');
    const printed = await waitForPrints(host.printerDir, 3);
    const z = printed.find((p) => p.text.includes('Z REPORT 1'));
    expect(z, 'the Z report on the file printer').toBeDefined();
    expect(z!.text).toMatch(/Expected in drawer\s+Rs\. 14,400\.00/);
    expect(z!.text).toMatch(/Counted\s+Rs\. 14,300\.00/);
    expect(z!.text).toMatch(/SHORT\s+-Rs\. 100\.00/);
    expect(z!.text).toContain('Audit chain head (SHA-256)');
    await page.getByTestId('z-report-dialog').getByRole('button', { name: 'Done' }).click();

    // The closed day reaches the central system, and the Sync list says so.
    await waitForText(page.getByTestId('sync-state'), 'Delivered', 30_000);
    expect(central.stored().map((d) => [d.day.businessDate, d.day.zNumber, d.day.cash.overShort])).toEqual([[expect.any(String), 1, -10_000]]);
    expect(central.stored()[0]!.day.artisans[0]!.lines[0]!.receiptNo).toBe(receiptNo);
    await picture(page, 'en-day-closed-sync');

    // The day is locked: the counter says why and cannot take the next sale.
    await page.getByTestId('nav-sell').click();
    await page.locator('[data-testid="sell-screen"][data-day="none"]').waitFor();
    await scan(page, '2000000000015');
    await waitForText(page.getByTestId('day-not-open'), 'The day is not open');
    expect(await page.getByTestId('pay').isDisabled()).toBe(true);

    // Urdu: the same screens, right to left.
    await page.getByTestId('language-ur').click();
    await picture(page, 'ur-sell-day-not-open');
    await page.getByTestId('sell-open-day').click();
    await page.getByTestId('open-day-dialog').waitFor();
    await picture(page, 'ur-open-day');
    await page.getByTestId('open-day-pin-input').fill(MANAGER_PIN);
    await page.getByTestId('open-day-confirm').click();
    await page.locator('[data-testid="sell-screen"][data-day="open"]').waitFor();
    await openManagerTile(page, 'day');
    await page.locator('[data-testid="day-screen"][data-day="open"]').waitFor();
    await picture(page, 'ur-day-open');
    await page.getByTestId('day-close').click();
    await page.getByTestId('close-day-dialog').waitFor();
    await picture(page, 'ur-close-count');

    expect(errorsOf(page)).toEqual([]);
  });

});
