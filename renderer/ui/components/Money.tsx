import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { formatMoney, formatPercent } from '../format';

/** An amount in paise, shown in rupees for the current language. */
export function Money({ amount, className }: { amount: number; className?: string }) {
  useTranslation(); // re-render when the language (and so the locale) changes
  return <span className={className ? `money ${className}` : 'money'}>{formatMoney(amount, currentLocale())}</span>;
}

/** The same, as a string, for text that is not an element (aria labels, messages). */
export function useMoney(): (amount: number) => string {
  useTranslation();
  const locale = currentLocale();
  return (amount) => formatMoney(amount, locale);
}

/** A percentage held as basis points (1250 → "12.5%") for the current language. */
export function usePercent(): (bps: number) => string {
  useTranslation();
  const locale = currentLocale();
  return (bps) => formatPercent(bps, locale);
}
