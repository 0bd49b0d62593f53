import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import enDay from './en.day.json';
import enDisplay from './en.display.json';
import enManager from './en.manager.json';
import enEarnings from './en.earnings.json';
import enSettings from './en.settings.json';
import hi from './hi.json';
import hiDay from './hi.day.json';
import hiDisplay from './hi.display.json';
import hiManager from './hi.manager.json';
import hiEarnings from './hi.earnings.json';
import hiSettings from './hi.settings.json';
import ur from './ur.json';
import urDay from './ur.day.json';
import urDisplay from './ur.display.json';
import urManager from './ur.manager.json';
import urEarnings from './ur.earnings.json';
import urSettings from './ur.settings.json';

/**
 * Every piece of UI text goes through i18next, in English, Hindi and Urdu: one file per
 * namespace and language (`en.json`, `hi.manager.json`, `ur.settings.json`, …). The
 * translations are typed as the English shape, so a key missing from one is a compile
 * error; tests/renderer/i18n/i18n.test.ts also checks keys and {{placeholders}} match.
 *
 * Namespaces: `translation` (the counter: sign-in, sell, pay, receipts), `manager`
 * (the manager's screens), `settings` (the manager's settings), `day` (the day: open, cash,
 * Z close, sync), `earnings` (artisans' earnings, GST, the audit check, PIN locks) and `display`
 * (the customer display's page, renderer/display/), so each area's text
 * stays in its own file.
 */
export const LANGUAGES = {
  en: { name: 'English', locale: 'en-IN', dateLocale: 'en-IN' },
  hi: { name: 'हिन्दी', locale: 'hi-IN', dateLocale: 'hi-IN' },
  // Urdu text, but amounts in en-IN: no Urdu locale in ICU groups in lakhs
  // (ur-IN gives ۵٬۰۸۵٬۰۰۰٫۵۰, ur with Latin digits 5,085,000.50), and the counter's
  // keypads, price tags and printed receipts all use Latin digits: ₹50,85,000.50.
  // Dates are Urdu ("1 دسمبر، 2026، 13:10"): India's Urdu (the market is in Kashmir), with
  // Latin digits (ur-IN's own are ۱۲۳) so a date's digits match the amounts beside it.
  ur: { name: 'اردو', locale: 'en-IN', dateLocale: 'ur-IN-u-nu-latn' },
} as const;
export type Language = keyof typeof LANGUAGES;

export const defaultNS = 'translation';
type Namespaces = { translation: typeof en; manager: typeof enManager; settings: typeof enSettings; day: typeof enDay; earnings: typeof enEarnings; display: typeof enDisplay };
const english: Namespaces = { translation: en, manager: enManager, settings: enSettings, day: enDay, earnings: enEarnings, display: enDisplay };
const hindi: Namespaces = { translation: hi, manager: hiManager, settings: hiSettings, day: hiDay, earnings: hiEarnings, display: hiDisplay };
const urdu: Namespaces = { translation: ur, manager: urManager, settings: urSettings, day: urDay, earnings: urEarnings, display: urDisplay };
export const resources = { en: english, hi: hindi, ur: urdu } as const satisfies Record<Language, Namespaces>;

export function isLanguage(value: string | null | undefined): value is Language {
  return value != null && Object.hasOwn(LANGUAGES, value);
}

/** The Intl locale for amounts and dates in the current language (Indian grouping: 12,34,567). */
export function currentLocale(): string {
  const lng = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(lng) ? LANGUAGES[lng].locale : LANGUAGES.en.locale;
}

/** The Intl locale for dates and times in the current language (month names in that language). */
export function currentDateLocale(): string {
  const lng = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(lng) ? LANGUAGES[lng].dateLocale : LANGUAGES.en.dateLocale;
}

/** Urdu is written right to left: the whole page flips through `dir` (the CSS uses logical properties). */
function applyDocumentLanguage(lng: string): void {
  document.documentElement.lang = lng;
  document.documentElement.dir = i18next.dir(lng);
}

/** Where the language someone picked is kept, so the kiosk opens in it next time. */
const LANGUAGE_KEY = 'chinar-pos.language';

/** The language picked on this kiosk before, if any (storage may be unavailable). */
export function rememberedLanguage(): Language | null {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** Switches the whole UI (and the page's `dir`) to `language` and remembers the choice. */
export async function chooseLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_KEY, language);
  } catch {
    // Not remembered (private mode, storage full): the switch still applies now.
  }
  await i18next.changeLanguage(language);
}

export async function initI18n(language: Language = 'en'): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: Object.keys(LANGUAGES),
    defaultNS,
    ns: ['translation', 'manager', 'settings', 'day', 'earnings', 'display'],
    resources,
    // React escapes what it renders; escaping here too would show "&amp;" on screen.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLanguage(i18next.language);
  i18next.on('languageChanged', applyDocumentLanguage);
  return i18next;
}
