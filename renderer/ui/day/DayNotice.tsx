import { useTranslation } from 'react-i18next';
import type { DayState } from '../../app/day';
import { Banner } from '../components/Banner';
import { isolate } from '../format/bidi';

/**
 * What the sell screen says about the day: not open (nothing can be sold; a manager opens
 * it with the float counted), or left open past midnight (sales still go into it; the
 * manager is offered the close). Nothing while the day is open and today's.
 */
export function DayNotice({ day, onOpenDay }: { day: DayState | null; onOpenDay: () => void }) {
  const { t } = useTranslation('day');
  if (day === null) return null;
  if (day.open === null) {
    return (
      <Banner tone="warn" testId="day-not-open">
        <span>{t('sell.notOpen')}</span>{' '}
        <button type="button" className="btn btn--primary" data-testid="sell-open-day" onClick={onOpenDay}>{t('sell.openDay')}</button>
      </Banner>
    );
  }
  return day.leftOpen ? <Banner tone="warn" testId="day-left-open">{t('sell.leftOpen', { date: isolate(day.open.businessDate) })}</Banner> : null;
}
