import { currentDateLocale } from '../../i18n';

/** "Sunday, 22 November 2026" for a business date, in the current language (the date, not a moment: no zone). */
export function formatBusinessDate(day: string, style: 'full' | 'medium' = 'full'): string {
  const d = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(currentDateLocale(), { dateStyle: style, timeZone: 'UTC' }).format(d);
}
