import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * What every kiosk screen must pass, measured in the real browser: axe-core's accessibility
 * rules (no serious or critical finding), touch targets of at least 44 × 44 CSS px, the
 * document's language and direction, and nothing wider than the window.
 */

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface AxeFinding {
  rule: string;
  impact: Impact;
  help: string;
  targets: string[];
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core over the whole document, its source put into the page once (the kiosk never
 * navigates). Evaluated through the devtools protocol rather than a <script> tag: the kiosk's
 * CSP (script-src 'self') rightly refuses inline scripts, and the tour checks that page as
 * it ships, not one with its CSP turned off.
 */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  // One round trip when axe is already in the page (every run but a page's first).
  const found = await runAxe(page);
  if (found) return found;
  await page.evaluate(AXE_SOURCE);
  return (await runAxe(page))!;
}

/** axe's run over the document, or null when axe is not in the page yet. */
function runAxe(page: Page): Promise<AxeFinding[] | null> {
  return page.evaluate(async () => {
    if (!('axe' in window)) return null;
    const axe = (window as unknown as { axe: { run(ctx: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: (v.impact ?? 'minor') as Impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  });
}

/** A finding the tour fails on: WCAG's serious and critical ones. */
export function blocking(finding: AxeFinding): boolean {
  return finding.impact === 'serious' || finding.impact === 'critical';
}

export const MIN_TARGET_PX = 44;

/**
 * Every control a finger can reach that is smaller than 44 × 44 CSS px, as
 * "name: W×H". Measured: buttons, links, inputs, selects, text areas, elements with a
 * role of button/tab/switch/radio/checkbox, and anything in the tab order ([tabindex] ≥ 0).
 * Not measured, by WCAG 2.5.8's own exceptions:
 * - a link inside a sentence (inline, with text around it): its size is set by the text;
 * - a control whose <label> is itself a target of 44 × 44 or more (a checkbox in its
 *   label, a file input behind its "Choose file" label): the label is what is tapped;
 * - what cannot be reached now: not drawn, hidden, inert, or behind an open modal dialog.
 * An element with tabindex="-1" only (a heading that takes the focus after a jump) is not
 * a target.
 */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const modal = document.querySelector('dialog[open]');
    const selector = 'button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [role="tab"], [role="switch"], [role="radio"], [role="checkbox"], [tabindex]:not([tabindex="-1"])';
    const big = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width >= min - 0.5 && r.height >= min - 0.5;
    };
    const inlineLink = (el: HTMLElement) => {
      if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
      const around = [...(el.parentElement?.childNodes ?? [])].filter((n) => n !== el);
      return around.some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    };
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (el.closest('[inert]') || getComputedStyle(el).visibility === 'hidden') continue;
      if (modal && !modal.contains(el)) continue;
      if (big(el) || inlineLink(el)) continue;
      const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])] : [];
      if (labels.some(big)) continue;
      const name = (el.getAttribute('data-testid') || el.getAttribute('aria-label') || el.textContent || el.id || el.tagName).trim().replace(/\s+/g, ' ').slice(0, 40);
      out.push(`${el.tagName.toLowerCase()} "${name}": ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return out;
  }, MIN_TARGET_PX);
}

/** Whether the page is wider than the window (a sideways scroll a kiosk cannot have), and by how much. */
export async function sidewaysOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = Math.max(root.scrollWidth, document.body.scrollWidth);
    return width > window.innerWidth + 1 ? `the page is ${width}px wide in a ${window.innerWidth}px window` : null;
  });
}

/** The document's language and direction, as the i18n module set them. */
export async function documentLanguage(page: Page): Promise<{ lang: string; dir: string }> {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir || 'ltr' }));
}

/** Where SCREENSHOTS=1 puts the pictures: test-results/screens/<width>x<height>/<lang>/<screen>.png. */
export const TOUR_SCREENS_DIR = join(process.cwd(), 'test-results', 'screens');

export async function tourScreenshot(page: Page, size: string, lang: string, name: string): Promise<void> {
  const path = join(TOUR_SCREENS_DIR, size, lang, `${name}.png`);
  await mkdir(dirname(path), { recursive: true });
  await page.screenshot({ path });
}
