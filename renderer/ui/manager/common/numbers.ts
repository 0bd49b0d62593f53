import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../i18n';

/**
 * Counts for people in the current language's grouping: 1,00,000 in en-IN, not the
 * 100,000 that i18next's own number formatting would give for plain "en".
 */
export function useFormatCount(): (n: number) => string {
  useTranslation(); // re-render when the language (and so the locale) changes
  const format = new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 0 });
  return (n) => format.format(n);
}
