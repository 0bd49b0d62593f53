import { describe, expect, it } from 'vitest';
import en from '../../../renderer/i18n/en.json';
import enDay from '../../../renderer/i18n/en.day.json';
import hiDay from '../../../renderer/i18n/hi.day.json';
import urDay from '../../../renderer/i18n/ur.day.json';
import enDisplay from '../../../renderer/i18n/en.display.json';
import hiDisplay from '../../../renderer/i18n/hi.display.json';
import urDisplay from '../../../renderer/i18n/ur.display.json';
import enManager from '../../../renderer/i18n/en.manager.json';
import enEarnings from '../../../renderer/i18n/en.earnings.json';
import enSettings from '../../../renderer/i18n/en.settings.json';
import hi from '../../../renderer/i18n/hi.json';
import hiManager from '../../../renderer/i18n/hi.manager.json';
import hiEarnings from '../../../renderer/i18n/hi.earnings.json';
import hiSettings from '../../../renderer/i18n/hi.settings.json';
import { LANGUAGES, resources } from '../../../renderer/i18n';
import ur from '../../../renderer/i18n/ur.json';
import urManager from '../../../renderer/i18n/ur.manager.json';
import urEarnings from '../../../renderer/i18n/ur.earnings.json';
import urSettings from '../../../renderer/i18n/ur.settings.json';

/**
 * Keeps the translations in step with English: the same keys (plural forms included), the
 * same {{placeholders}} in every string, and text in the language's own script.
 */
type Tree = { [key: string]: string | Tree };

const english: Record<string, Tree> = { translation: en, manager: enManager, settings: enSettings, day: enDay, earnings: enEarnings, display: enDisplay };
const translations: Record<'hi' | 'ur', { script: RegExp; files: Record<string, Tree> }> = {
  hi: { script: /[\u0900-\u097F]/, files: { translation: hi, manager: hiManager, settings: hiSettings, day: hiDay, earnings: hiEarnings, display: hiDisplay } },
  ur: { script: /[\u0600-\u06FF]/, files: { translation: ur, manager: urManager, settings: urSettings, day: urDay, earnings: urEarnings, display: urDisplay } },
};

/** Strings that stay as in English in every language: file names, CSV column names, GSTIN. */
const SAME_IN_EVERY_LANGUAGE = new Set([
  'manager:files.slot.artisans',
  'manager:files.slot.products',
  'manager:files.slotAbout.artisans',
  'manager:files.slotAbout.products',
  'settings:home.now.store',
  'settings:store.gstin',
  'earnings:gst.cgst',
  'earnings:gst.sgst',
]);

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('translations', () => {
  it('registers every language with every namespace', () => {
    for (const lng of Object.keys(LANGUAGES)) {
      expect(Object.keys(resources[lng as keyof typeof resources]).sort()).toEqual(Object.keys(english).sort());
    }
  });

  it('shows amounts with Indian grouping and Latin digits in every language', () => {
    for (const { locale } of Object.values(LANGUAGES)) {
      expect(new Intl.NumberFormat(locale, { style: 'currency', currency: 'INR' }).format(5_085_000.5)).toBe('₹50,85,000.50');
    }
  });

  for (const [lng, { script, files }] of Object.entries(translations)) {
    for (const [ns, tree] of Object.entries(files)) {
      describe(`${lng} · ${ns}`, () => {
        const source = flatten(english[ns] ?? {});
        const target = flatten(tree);

        it('has exactly the English keys', () => {
          expect([...target.keys()].sort()).toEqual([...source.keys()].sort());
        });

        it('keeps every placeholder of each string', () => {
          const wrong = [...source].filter(([key, text]) => {
            const translated = target.get(key);
            return translated !== undefined && placeholders(translated).join() !== placeholders(text).join();
          }).map(([key]) => key);
          expect(wrong).toEqual([]);
        });

        it('is written in its own script (terms like UPI or GST aside)', () => {
          const untranslated = [...target].filter(([key, text]) => {
            if (SAME_IN_EVERY_LANGUAGE.has(`${ns}:${key}`)) return text !== source.get(key);
            const words = text.replace(/\{\{[^}]*\}\}/g, '');
            return text.trim() === '' || (!script.test(words) && /[A-Za-z]{4,}/.test(words));
          }).map(([key]) => key);
          expect(untranslated).toEqual([]);
        });
      });
    }
  }
});
