import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS } from '../../renderer/db/demo-data';
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
const ARTISAN_PIN = '4321';
const PICTURES = process.env.SCREENSHOTS === '1';
const TOUR_TIMEOUT = 600_000;

/** Everything wrong, by "screen size lang", so one run reports it all. */
type Problems = Record<string, string[]>;

/** Every axe finding met, by impact, across the tour (printed at the end for the record). */
const seen: Record<Impact, Map<string, number>> = { minor: new Map(), moderate: new Map(), serious: new Map(), critical: new Map() };

/** How long each axe run took, for the record. */
const axeMs: number[] = [];

function note(finding: AxeFinding): void {
  const byRule = seen[finding.impact];
  byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + finding.targets.length);
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

/** The checks at one screen, in every size; what is wrong goes into `problems`. */
async function check(page: Page, stop: TourStop, lang: Lang, problems: Problems): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await settle(page);
    const sizeName = `${size.width}x${size.height}`;
    const found: string[] = [];
    const started = performance.now();
    const findings = await axeFindings(page);
    axeMs.push(performance.now() - started);
    for (const finding of findings) {
      note(finding);
      if (blocking(finding)) found.push(`axe ${finding.impact} ${finding.rule} (${finding.help}): ${finding.targets.slice(0, 5).join(' | ')}`);
    }
    for (const small of await smallTargets(page)) found.push(`under 44 px: ${small}`);
    const overflow = await sidewaysOverflow(page);
    if (overflow) found.push(overflow);
    const { lang: docLang, dir } = await documentLanguage(page);
    const wantDir = lang === 'ur' ? 'rtl' : 'ltr';
    if (docLang !== lang || dir !== wantDir) found.push(`<html lang="${docLang}" dir="${dir}">, not lang="${lang}" dir="${wantDir}"`);
    if (PICTURES) await tourScreenshot(page, sizeName, lang, stop.name);
    if (found.length > 0) problems[`${stop.name} ${sizeName} ${lang}`] = found;
  }
  await page.setViewportSize(SIZES[0]);
}

/** Visits the part's stops, each once, and checks it in each language. */
async function walk(page: Page, part: TourPart, problems: Problems, langs: readonly Lang[] = LANGS): Promise<void> {
  for (const stop of TOUR.filter((s) => s.part === part)) {
    await stop.go(page);
    for (const lang of langs) {
      await chooseLanguage(page, lang);
      await check(page, stop, lang, problems);
    }
    await chooseLanguage(page, 'en');
    if (stop.leave) await stop.leave(page);
    else if (await page.locator('dialog[open]').count()) await closeDialog(page);
  }
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
    .join('\n');
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

  it('checks the sign-in screens', async () => {
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

  it('checks the sale done and its receipt', async () => {
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
        await stop.go(fresh);
        await check(fresh, stop, lang, problems);
      }
      await fresh.context().close();
    }
    expect(problems).toEqual({});
    const sorted = [...axeMs].sort((a, b) => a - b);
    console.log(`axe findings over the tour (elements, by impact and rule):\n${summary()}\n`
      + `${sorted.length} axe runs, median ${Math.round(sorted[sorted.length >> 1]!)} ms, slowest ${Math.round(sorted.at(-1)!)} ms`);
  }, TOUR_TIMEOUT);
});
