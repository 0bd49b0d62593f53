import { useTranslation } from 'react-i18next';
import type { Station } from '../../app/station';
import { useSyncAttention } from '../../app/uploads';
import { shown } from '../../hooks/useLoadable';
import { Banner } from '../components/Banner';
import { isolate } from '../format/bidi';

/**
 * The manager's home: closed days that need a look (refused, conflict, not enrolled or
 * clock wrong, or not delivered more than 24 hours after the close), each by Z number and
 * date, with the way to the Day page's Sync list. Nothing when all is well.
 */
export function SyncBanner({ station, onOpenSyncList }: { station: Station; onOpenSyncList: () => void }) {
  const { t } = useTranslation('day');
  const days = shown(useSyncAttention(station, 0)) ?? [];
  if (days.length === 0) return null;
  return (
    <Banner tone="warn" testId="sync-banner" action={
      <button type="button" className="btn btn--secondary" data-testid="sync-banner-open" onClick={onOpenSyncList}>{t('sync.banner.open')}</button>
    }>
      <p>{t('sync.banner.lead')}</p>
      <ul>
        {days.map((day) => (
          <li key={day.id} data-testid="sync-banner-day" data-reason={day.reason}>
            {t(`sync.banner.${day.reason}`, { z: day.zNumber, date: isolate(day.businessDate) })}
          </li>
        ))}
      </ul>
    </Banner>
  );
}
