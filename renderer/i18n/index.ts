import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import enManager from './en.manager.json';
import enSettings from './en.settings.json';

/**
 * Every piece of UI text goes through i18next. English ships first; Hindi and Urdu follow
 * as `hi.json` / `hi.manager.json` and `ur.json` / `ur.manager.json` next to the English
 * files, plus an entry in `resources`. Until a language has its files, its missing keys
 * fall back to English.
 *
 * Namespaces: `translation` (the counter: sign-in, sell, pay, receipts), `manager`
 * (the manager's screens) and `settings` (the manager's settings), so each area's text
 * stays in its own file.
 */
export const LANGUAGES = {
  en: { name: 'English', locale: 'en-IN' },
  hi: { name: 'हिन्दी', locale: 'hi-IN' },
  ur: { name: 'اردو', locale: 'ur-IN' },
} as const;
export type Language = keyof typeof LANGUAGES;

export const defaultNS = 'translation';
export const resources = { en: { translation: en, manager: enManager, settings: enSettings } } as const;

export function isLanguage(value: string | null | undefined): value is Language {
  return value != null && Object.hasOwn(LANGUAGES, value);
}

/** The Intl locale for amounts and dates in the current language (Indian grouping: 12,34,567). */
export function currentLocale(): string {
  const lng = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(lng) ? LANGUAGES[lng].locale : LANGUAGES.en.locale;
}

/** Urdu is written right to left: the whole page flips through `dir` (the CSS uses logical properties). */
function applyDocumentLanguage(lng: string): void {
  document.documentElement.lang = lng;
  document.documentElement.dir = i18next.dir(lng);
}

export async function initI18n(language: Language = 'en'): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: Object.keys(LANGUAGES),
    defaultNS,
    ns: ['translation', 'manager', 'settings'],
    resources,
    // React escapes what it renders; escaping here too would show "&amp;" on screen.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLanguage(i18next.language);
  i18next.on('languageChanged', applyDocumentLanguage);
  return i18next;
}
