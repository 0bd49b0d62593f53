import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS, DEMO_PRODUCTS } from '../../renderer/db/demo-data';
import { completeSale, errorsOf, openDayFromSell, openManagerTile, openPay, scan, signIn, useKioskRig, waitForCount, cartLines } from './helpers';
import { axeFindings, blocking, documentLanguage, sidewaysOverflow, smallTargets, tourScreenshot, type AxeFinding, type Impact } from './screenChecks';
import { closeDialog, TOUR, type TourPart, type TourStop } from './tour';

/**
 * The screen tour: every screen and dialog of TOUR, at 1024×768 and 1920×1080, in English,
 * Hindi and Urdu. At each: axe-core finds nothing serious or critical, every control is a
 * 44 px target, the document says its language (Urdu right to left), nothing is wider than
 * the window. SCREENSHOTS=1 keeps a picture of each in test-results/screens/.
 * One browser page per part of the day, resized in place, so the tour stays quick.
 */

const SIZES = [{ width: 1024, height: 768 }, { width: 1920, height: 1080 }] as const;
const LANGS = ['en', 'hi', 'ur'] as const;
type Lang = (typeof LANGS)[number];
const BOX = '2000000000053'; // ₹3,200.00, "Walnut jewellery box"
const SHAWL = DEMO_PRODUCTS.find((p) => p.sku === 'DEMO-PSH-1')!.barcode;
const ARTISAN_PIN = '4321';
const PICTURES = process.env.SCREENSHOTS === '1';
/**
 * TOUR_ONLY=display-,pay-tourist visits only the stops whose names start with one of these
 * (each part's setting up still runs): for looking at a few screens again. Unset: all.
 */
const ONLY = process.env.TOUR_ONLY?.split(',').filter(Boolean) ?? [];
const visited = (stop: TourStop) => ONLY.length === 0 || ONLY.some((prefix) => stop.name.startsWith(prefix));
const TOUR_TIMEOUT = 600_000;

/** Everything wrong, by "screen size lang", so one run reports it all. */
type Problems = Record<string, string[]>;

/** Every axe finding met, by impact, across the tour (printed at the end for the record). */
const seen: Record<Impact, Map<string, number>> = { minor: new Map(), moderate: new Map(), serious: new Map(), critical: new Map() };

/** How long each axe run took, for the record. */
const axeMs: number[] = [];

/** The customer display: a second page of the counter's browser context, opened with it. */
let display: Page;

/** The screens each rule that is not blocking was met on, by rule (printed with `seen`). */
const seenOn = new Map<string, Set<string>>();

function note(finding: AxeFinding, screen: string): void {
  const byRule = seen[finding.impact];
  byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + finding.targets.length);
  if (!blocking(finding)) seenOn.set(finding.rule, (seenOn.get(finding.rule) ?? new Set()).add(screen));
}

/**
 * Switches the language with the header's (or the sign-in screen's) switcher. Clicked from
 * the page's script, so it also works with a dialog open above it: the tour opens each
 * screen once and looks at it in the three languages.
 */
async function chooseLanguage(page: Page, lang: Lang): Promise<void> {
  await page.evaluate((l) => document.querySelector<HTMLButtonElement>(`[data-testid="language-${l}"]`)!.click(), lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

type Size = (typeof SIZES)[number];

/**
 * The checks at one screen in one language at one size; what is wrong goes into
 * `problems`. The four measures are asked for at once: each is a round trip to the page,
 * and none changes what another sees.
 */
async function check(page: Page, stop: TourStop, lang: Lang, size: Size, problems: Problems): Promise<void> {
  const now = page.viewportSize();
  if (now?.width !== size.width || now.height !== size.height) await page.setViewportSize(size);
  await settle(page);
  const sizeName = `${size.width}x${size.height}`;
  const found: string[] = [];
  const started = performance.now();
  const [findings, small, overflow, { lang: docLang, dir }] = await Promise.all([
    axeFindings(page).finally(() => axeMs.push(performance.now() - started)),
    smallTargets(page), sidewaysOverflow(page), documentLanguage(page),
  ]);
  for (const finding of findings) {
    note(finding, stop.name);
    if (blocking(finding)) found.push(`axe ${finding.impact} ${finding.rule} (${finding.help}): ${finding.targets.slice(0, 5).join(' | ')}`);
  }
  for (const target of small) found.push(`under 44 px: ${target}`);
  if (overflow) found.push(overflow);
  const wantDir = lang === 'ur' ? 'rtl' : 'ltr';
  if (docLang !== lang || dir !== wantDir) found.push(`<html lang="${docLang}" dir="${dir}">, not lang="${lang}" dir="${wantDir}"`);
  if (PICTURES) await tourScreenshot(page, sizeName, lang, stop.name);
  if (found.length > 0) problems[`${stop.name} ${sizeName} ${lang}`] = found;
}

/**
 * One screen in each language at both sizes. The sizes go back and forth (1024, 1920 |
 * 1920, 1024 | 1024, 1920), so each language starts at the size the last one ended at:
 * a resize lays the whole page out again, the slow part of a check. `checked` is the page
 * looked at; the language is chosen on the counter (the display follows it).
 */
async function checkEverywhere(counter: Page, checked: Page, stop: TourStop, problems: Problems, langs: readonly Lang[]): Promise<void> {
  // The page looked at comes to the front: a page behind another of its context (the
  // counter behind the display) gets no animation frames, and `settle` would wait forever.
  await checked.bringToFront();
  const sizes: Size[] = [...SIZES];
  for (const lang of langs) {
    await chooseLanguage(counter, lang);
    if (checked !== counter) await checked.waitForFunction((l) => document.documentElement.lang === l, lang);
    for (const size of sizes) await check(checked, stop, lang, size, problems);
    sizes.reverse();
  }
  await checked.setViewportSize(SIZES[0]);
}

/**
 * Visits the part's stops, each once, and checks it in each language: on the counter, or
 * on the customer display (which follows the counter's language) for a display stop.
 */
async function walk(page: Page, part: TourPart, problems: Problems, langs: readonly Lang[] = LANGS): Promise<void> {
  for (const stop of TOUR.filter((s) => s.part === part && visited(s))) {
    await stop.go(page, display);
    await checkEverywhere(page, stop.on === 'display' ? display : page, stop, problems, langs);
    await chooseLanguage(page, 'en');
    if (stop.leave) await stop.leave(page);
    else if (await page.locator('dialog[open]').count()) await closeDialog(page);
  }
}

/**
 * The tourist currencies the `tourist` part shows: USD and EUR at today's rate, GBP at a
 * rate a month old (so its "more than a week old" note is on screen too), on the receipt.
 */
async function setTouristRates(page: Page): Promise<void> {
  await openManagerTile(page, 'settings');
  await page.getByTestId('settings-open-currency').click();
  for (const [code, rate] of [['USD', '84.12'], ['EUR', '91.30'], ['GBP', '106.95']] as const) {
    await page.getByTestId(`currency-${code}-shown`).click();
    await page.getByTestId(`currency-${code}-rate`).fill(rate);
    if (code === 'GBP') await page.getByTestId('currency-GBP-date').fill('2026-01-05');
    else await page.getByTestId(`currency-${code}-today`).click();
  }
  await page.getByTestId('currency-on-receipt').click();
  await page.getByTestId('currency-save').click();
  await page.getByTestId('settings-saved').waitFor();
}

/** Headless Chromium refuses persistent storage; the manager puts the warning away. */
async function dismissStorageWarning(page: Page): Promise<void> {
  const warning = page.getByTestId('persistence-refused');
  if (await warning.isVisible()) await warning.getByRole('button', { name: 'Understood' }).click();
}

async function freshKiosk(browser: Browser, url: string, lang: Lang): Promise<Page> {
  const context = await browser.newContext({ viewport: SIZES[0] });
  await context.addInitScript((l) => localStorage.setItem('chinar-pos.language', l), lang);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

function summary(): string {
  return (Object.keys(seen) as Impact[])
    .map((impact) => `${impact}: ${[...seen[impact]].map(([rule, n]) => `${rule} ×${n}`).join(', ') || 'none'}`)
    .join('\n')
    + [...seenOn].map(([rule, screens]) => `\n${rule} on: ${[...screens].join(', ')}`).join('');
}

describe('the screen tour: every screen, two sizes, three languages (axe, 44 px targets, RTL)', () => {
  const kiosk = useKioskRig();
  let page: Page;

  it('finds what it looks for: a small button with no name, a page wider than the window', async () => {
    page = await kiosk.open(SIZES[0]);
    await page.evaluate(() => {
      const planted = document.createElement('button');
      planted.id = 'planted';
      planted.style.cssText = 'position: fixed; top: 0; left: 0; width: 20px; height: 20px; min-width: 0; min-height: 0';
      const wide = document.createElement('div');
      wide.id = 'wide';
      wide.style.cssText = 'position: absolute; top: 0; left: 0; width: 3000px; height: 1px';
      document.body.append(planted, wide);
    });
    try {
      expect(await smallTargets(page)).toEqual(['button "planted": 20×20']);
      expect((await axeFindings(page)).filter(blocking).map((f) => [f.rule, f.targets])).toEqual([['button-name', ['#planted']]]);
      expect(await sidewaysOverflow(page)).toMatch(/^the page is \d+px wide in a 1024px window$/);
    } finally {
      await page.evaluate(() => ['planted', 'wide'].forEach((id) => document.getElementById(id)?.remove()));
    }
    expect(await smallTargets(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeNull();
  });

  it('checks the sign-in screens (and the customer display welcoming)', async () => {
    display = await page.context().newPage();
    await display.goto(kiosk.host.displayUrl);
    const problems: Problems = {};
    await walk(page, 'signed-out', problems);
    expect(problems).toEqual({});
  }, TOUR_TIMEOUT);

  it('checks the counter before the day is open', async () => {
    await signIn(page, DEMO_PINS.manager, { openDay: false });
    await dismissStorageWarning(page);
    const problems: Problems = {};
    await walk(page, 'day-not-open', problems);
    expect(problems).toEqual({});
  }, TOUR_TIMEOUT);

  it('checks the counter, the receipts and every manager screen and dialog with a piece in the cart', async () => {
    await openDayFromSell(page);
    await scan(page, BOX);
    await waitForCount(cartLines(page), 1);
    const problems: Problems = {};
    await walk(page, 'counter', problems);
    expect(problems).toEqual({});
  }, TOUR_TIMEOUT);

  it('checks the tourist currencies: their settings, the pay dialog and the customer display following a sale', async () => {
    await setTouristRates(page);
    await page.getByTestId('nav-sell').click();
    await scan(page, SHAWL);
    await waitForCount(cartLines(page), 2);
    const problems: Problems = {};
    await walk(page, 'tourist', problems);
    expect(problems).toEqual({});
  }, TOUR_TIMEOUT);

  it('checks the sale done, its receipt and the display’s thank-you', async () => {
    await page.getByTestId('nav-sell').click();
    const dialog = await openPay(page);
    await dialog.getByTestId('quick-cash').first().click();
    await completeSale(page);
    const problems: Problems = {};
    await walk(page, 'after-sale', problems);
    expect(problems).toEqual({});
  }, TOUR_TIMEOUT);

  it('checks an artisan’s earnings', async () => {
    await openManagerTile(page, 'artisans');
    await page.locator('[data-testid="artisan-row"][data-code="DEMO-01"]').getByTestId('artisan-edit').click();
    await page.getByTestId('artisan-change-pin').click();
    for (const d of ARTISAN_PIN) await page.getByTestId('artisan-pin').getByRole('button', { name: d, exact: true }).click();
    await page.getByTestId('artisan-save').click();
    await page.getByTestId('artisans-notice').waitFor();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('artisan-mode').click();
    await page.getByTestId('signin-artisan-code').fill('DEMO-01');
    await page.getByTestId('signin-artisan-pin').fill(ARTISAN_PIN);
    await page.getByTestId('signin-submit').click();
    const problems: Problems = {};
    await walk(page, 'artisan', problems);
    expect(problems).toEqual({});
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  }, TOUR_TIMEOUT);

  it('checks the rebuild screen of a fresh kiosk profile', async () => {
    const problems: Problems = {};
    for (const lang of LANGS) {
      const fresh = await freshKiosk(kiosk.browser, kiosk.host.url, lang);
      for (const stop of TOUR.filter((s) => s.part === 'fresh-kiosk')) {
        await stop.go(fresh, fresh); // a fresh profile has no display open: its stops are all on the counter
        for (const size of SIZES) await check(fresh, stop, lang, size, problems);
      }
      await fresh.context().close();
    }
    expect(problems).toEqual({});
    const sorted = [...axeMs].sort((a, b) => a - b);
    console.log(`axe findings over the tour (elements, by impact and rule):\n${summary()}\n`
      + `${sorted.length} axe runs, median ${Math.round(sorted[sorted.length >> 1]!)} ms, slowest ${Math.round(sorted.at(-1)!)} ms`);
  }, TOUR_TIMEOUT);
});
