import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS, DEMO_PROFILE } from '../../renderer/db/demo-data';
import { withoutIsolates } from '../../renderer/ui/format/bidi';
import {
  cartLines, completeSale, errorsOf, layoutProblems, openManagerTile, openPay, scan, screenshot, signIn, useKioskRig,
  waitForCount, waitForText,
} from './helpers';

/**
 * The screens as a person sees them, in English, Hindi and Urdu (right to left), at the
 * kiosk sizes: text inside its box, lists tall enough to use, the header on one line, the
 * receipt an English document, dates and notices in the screen's language.
 */

const CARPET = '2000000000091'; // ₹1,85,000.00
const SOZNI = '2000000000039'; // ₹24,000.00
const BOX = '2000000000053'; // ₹3,200.00, "Walnut jewellery box"

type Lang = 'en' | 'hi' | 'ur';

async function chooseLanguage(page: Page, lang: Lang): Promise<void> {
  await page.getByTestId(`language-${lang}`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/**
 * Signs in and waits until the counter has settled (the printer's light has answered):
 * on a loaded machine the first digits of a scan sent at once could arrive before the
 * sell screen listens, and the test would be about timing, not about what it checks.
 */
async function signInSettled(page: Page, pin: string): Promise<void> {
  await signIn(page, pin);
  await page.locator('[data-testid="printer-status"][data-state="ready"]').waitFor();
  await page.waitForTimeout(200);
}

/** Headless Chromium refuses persistent storage; a manager puts the warning away. */
async function dismissStorageWarning(page: Page): Promise<void> {
  const warning = page.getByTestId('persistence-refused');
  if (await warning.isVisible()) await warning.getByRole('button', { name: 'Understood' }).click();
}

/** How far the element's text overflows its own box, in px (0 when it fits). */
function overflowOf(locator: Locator): Promise<{ x: number; y: number }> {
  return locator.evaluate((el) => ({ x: el.scrollWidth - el.clientWidth, y: el.scrollHeight - el.clientHeight }));
}

/** Whether all of the element's text is drawn inside its box (not cut off by overflow or a line clamp). */
function textShown(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return el.scrollWidth <= el.clientWidth && text.left >= box.left - 1 && text.right <= box.right + 1
      && text.top >= box.top - 1 && text.bottom <= box.bottom + 1;
  });
}

/** The number of lines the element's text takes on screen. */
function linesOf(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const lineHeight = parseFloat(getComputedStyle(el).fontSize) * 1.1;
    const tops: number[] = [];
    for (const r of rects.sort((a, b) => a.top - b.top)) {
      if (tops.length === 0 || r.top - tops[tops.length - 1]! > lineHeight * 0.6) tops.push(r.top);
    }
    return tops.length;
  });
}

/** Whether `inner`'s box lies inside `outer`'s box. */
async function inside(inner: Locator, outer: Locator): Promise<boolean> {
  const a = await inner.boundingBox();
  const b = await outer.boundingBox();
  if (!a || !b) return false;
  return a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;
}

describe('screens in three languages (real host, file printer, Chromium)', () => {
  const kiosk = useKioskRig();

  it('keeps the receipt preview left to right in Urdu, and shows list dates in the language, on the 24-hour clock', async () => {
    const page = await kiosk.open();
    await signInSettled(page, DEMO_PINS.operator);
    await scan(page, BOX);
    await waitForCount(cartLines(page), 1);
    const dialog = await openPay(page);
    await dialog.getByTestId('quick-cash').first().click();
    const receiptNo = await completeSale(page);

    await chooseLanguage(page, 'ur');
    const preview = page.getByTestId('receipt-preview');
    await waitForText(preview, 'Walnut jewellery box');
    expect(await preview.getAttribute('dir')).toBe('ltr');
    expect(await preview.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    // The item's line starts with "1." at the paper's left edge, as it prints.
    const itemLine = preview.locator('.receipt__line', { hasText: 'Walnut jewellery box' }).first();
    const start = await itemLine.evaluate((el) => {
      const text = el.firstChild!;
      const at = (text.textContent ?? '').indexOf('1.');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 2);
      return { digitLeft: range.getBoundingClientRect().left, lineLeft: el.getBoundingClientRect().left, text: el.textContent };
    });
    expect(start.text).toMatch(/^1\. Walnut jewellery box/);
    expect(start.digitLeft - start.lineLeft).toBeLessThan(2);
    await screenshot(page, 'screens-ur-done');

    await page.getByTestId('nav-receipts').click();
    const when = page.getByTestId('recent-sale-time').first();
    await waitForText(page.getByTestId('recent-sales'), receiptNo);
    const urduTime = await when.innerText();
    expect(urduTime).toMatch(/[\u0600-\u06ff]/); // the month in Urdu
    expect(urduTime).toMatch(/\b([01]\d|2[0-3]):[0-5]\d$/);
    expect(urduTime).not.toMatch(/am|pm/i);

    await page.getByTestId('recent-sale').first().click();
    await waitForText(page.getByTestId('receipt-preview'), receiptNo);
    expect(await page.getByTestId('receipt-preview').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    // The date is laid out on its own, and the operator's Latin name is isolated inside the Urdu sentence.
    const detail = page.getByTestId('receipt-when');
    expect(await detail.locator('bdi').innerText()).toBe(urduTime);
    expect(await detail.innerText()).toContain('\u2068Demo Operator\u2069');
    await screenshot(page, 'screens-ur-receipts');

    await chooseLanguage(page, 'hi');
    const hindiTime = await when.innerText();
    expect(hindiTime).toMatch(/[\u0900-\u097f]/); // the month in Hindi
    expect(hindiTime).toMatch(/\b([01]\d|2[0-3]):[0-5]\d$/);
    expect(hindiTime).not.toMatch(/am|pm/i);

    await chooseLanguage(page, 'en');
    expect(await when.innerText()).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, ([01]\d|2[0-3]):[0-5]\d$/);
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('says "Added: …" and where the printer is in the language on screen, also after a switch', async () => {
    const page = await kiosk.open();
    await signInSettled(page, DEMO_PINS.operator);
    await scan(page, BOX);
    const notice = page.getByTestId('scan-notice');
    await waitForText(notice, 'Walnut jewellery box');
    expect(withoutIsolates(await notice.innerText())).toBe('Added: Walnut jewellery box');
    const printer = page.getByTestId('printer-status');
    await waitForText(printer, `File printer (`);

    await chooseLanguage(page, 'ur');
    await waitForText(notice, 'شامل ہوا');
    expect(withoutIsolates(await notice.innerText())).toBe('شامل ہوا: Walnut jewellery box');
    const urdu = withoutIsolates(await printer.innerText());
    expect(urdu).toContain('فائل پرنٹر');
    expect(urdu).not.toContain('File printer');

    await chooseLanguage(page, 'hi');
    expect(withoutIsolates(await notice.innerText())).toBe('जोड़ा गया: Walnut jewellery box');
    expect(withoutIsolates(await printer.innerText())).toContain('फ़ाइल प्रिंटर');
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('keeps "Still to pay ₹2,12,200.00" inside its box in the pay dialog at 1024×768', async () => {
    const page = await kiosk.open({ width: 1024, height: 768 });
    await signInSettled(page, DEMO_PINS.operator);
    let lines = 0;
    for (const code of [CARPET, SOZNI, BOX]) {
      await scan(page, code);
      await waitForCount(cartLines(page), ++lines);
    }
    for (const lang of ['en', 'hi', 'ur'] as const) {
      await chooseLanguage(page, lang);
      const dialog = await openPay(page);
      const still = dialog.getByTestId('still-to-pay');
      const amount = still.locator('.still__amount');
      await waitForText(amount, '₹2,12,200.00');
      expect(await overflowOf(still), `still to pay in ${lang}`).toEqual({ x: 0, y: 0 });
      expect(await inside(amount, still), `amount inside its box in ${lang}`).toBe(true);
      // The amount's own text is not wider than the amount.
      expect((await overflowOf(amount)).x, `amount text in ${lang}`).toBeLessThanOrEqual(0);
      expect(await linesOf(amount)).toBe(1);
      await screenshot(page, `screens-1024-${lang}-pay`);
      expect(await layoutProblems(page), `pay dialog in ${lang}`).toEqual([]);
      await dialog.locator('.dialog__close').click();
      await dialog.waitFor({ state: 'detached' });
    }
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('keeps the manager header on one line at 1024×768 in every language', async () => {
    const page = await kiosk.open({ width: 1024, height: 768 });
    await signInSettled(page, DEMO_PINS.manager);
    await dismissStorageWarning(page);
    for (const lang of ['en', 'hi', 'ur'] as const) {
      await chooseLanguage(page, lang);
      for (const part of ['.topbar__name', '.topbar__role', '.topbar__signout', '.topbar__tab', '.printer__label', '.printer__detail']) {
        const parts = page.locator(`.topbar ${part}`);
        for (let i = 0; i < (await parts.count()); i++) {
          expect(await linesOf(parts.nth(i)), `${part} in ${lang}`).toBe(1);
        }
      }
      const bar = await page.locator('.topbar').boundingBox();
      expect(bar!.height, `header height in ${lang}`).toBeLessThanOrEqual(72);
      for (const id of ['sign-out', 'signed-in-user', 'printer-status', 'nav-manager']) {
        expect(await inside(page.getByTestId(id), page.locator('.topbar')), `${id} in the header in ${lang}`).toBe(true);
      }
      await screenshot(page, `screens-1024-${lang}-header`);
    }
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  for (const width of [1366, 1920]) {
    it(`shows the whole store name at ${width} px, in Urdu from its own start`, async () => {
      const page = await kiosk.open({ width, height: 768 });
      await signInSettled(page, DEMO_PINS.manager);
      await dismissStorageWarning(page);
      for (const lang of ['en', 'hi', 'ur'] as const) {
        await chooseLanguage(page, lang);
        const name = page.getByTestId('header-store-name');
        expect(await name.innerText()).toBe(DEMO_PROFILE.name);
        expect(await textShown(name), `store name in ${lang}`).toBe(true);
        expect(await name.evaluate((el) => getComputedStyle(el).direction), `store name direction in ${lang}`).toBe('ltr');
        expect(await linesOf(page.locator('.topbar__signout')), `sign out in ${lang}`).toBe(1);
        expect((await page.locator('.topbar').boundingBox())!.height).toBeLessThanOrEqual(72);
      }
      await screenshot(page, `screens-${width}-ur-header`);
      expect(errorsOf(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('gives the labels to print room to see and change them at 1024×768, and draws the digits clear of the bars', async () => {
    const page = await kiosk.open({ width: 1024, height: 768 });
    await signInSettled(page, DEMO_PINS.manager);
    await dismissStorageWarning(page);
    await openManagerTile(page, 'labels');
    for (const sku of ['DEMO-CRP-1', 'DEMO-PSH-1', 'DEMO-WAL-2']) {
      await page.getByTestId('labels-search').fill(sku);
      await page.locator(`[data-testid="labels-result"][data-sku="${sku}"]`).click();
    }
    const list = page.getByTestId('label-picks');
    await waitForCount(list.getByTestId('label-pick'), 3);
    for (const lang of ['en', 'ur'] as const) {
      await chooseLanguage(page, lang);
      const box = (await list.boundingBox())!;
      expect(box.height, `labels list in ${lang}`).toBeGreaterThanOrEqual(150);
      // The first two picks are whole on screen, and a pick's copies can be changed.
      for (const i of [0, 1]) expect(await inside(list.getByTestId('label-pick').nth(i), list), `pick ${i} in ${lang}`).toBe(true);
      // An amount in the Urdu line reads "₹1,85,000.00": the rupee sign left of the digits.
      const price = list.getByTestId('label-pick').first().locator('.money');
      const order = await price.evaluate((el) => {
        const text = el.firstChild!;
        const at = (i: number) => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1); return r.getBoundingClientRect().left; };
        return { rupee: at(0), digit: at(1), direction: getComputedStyle(el).direction };
      });
      expect(order.direction).toBe('ltr');
      expect(order.rupee, `rupee sign before the digits in ${lang}`).toBeLessThan(order.digit);
    }
    await chooseLanguage(page, 'en');
    const carpet = list.locator('[data-testid="label-pick"][data-sku="DEMO-CRP-1"]');
    const before = await page.getByTestId('labels-total').innerText();
    await carpet.getByTestId('label-copies').locator('button').last().click();
    await expect.poll(() => page.getByTestId('labels-total').innerText()).not.toBe(before);

    // EAN-13: the digits sit in their groups between the guard bars, not across them.
    const canvas = page.getByTestId('label-preview').locator('.receipt__barcode canvas');
    await page.getByTestId('label-preview').locator('.receipt__barcode[data-state="drawn"]').waitFor();
    const touching = await canvas.evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const { data, width, height } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      const dark = (x: number, y: number) => data[(y * width + x) * 4]! < 128;
      let top = -1;
      for (let y = 0; y < height && top < 0; y++) for (let x = 0; x < width; x++) if (dark(x, y)) { top = y; break; }
      // Each column's bar: the dark run that starts at the top of the bars.
      const barEnd: number[] = [];
      for (let x = 0; x < width; x++) {
        let y = top;
        while (y < height && dark(x, y)) y++;
        barEnd.push(y === top ? -1 : y);
      }
      const isBar = (x: number, y: number) => x >= 0 && x < width && barEnd[x]! > y;
      // Any other dark pixel is a digit; none may touch a bar, side by side or just below it.
      let count = 0;
      for (let y = top; y < height; y++) {
        for (let x = 0; x < width; x++) {
          if (!dark(x, y) || isBar(x, y)) continue;
          if (isBar(x - 1, y) || isBar(x + 1, y) || isBar(x, y - 1)) count++;
        }
      }
      return count;
    });
    expect(touching).toBe(0);
    await screenshot(page, 'screens-1024-labels');
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });
});
