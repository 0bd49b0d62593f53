import { useTranslation } from 'react-i18next';
import type { Station } from '../../app/station';
import { LOW_STOCK_LIMIT, useLowStock } from '../../app/catalog-admin';
import { SyncBanner } from '../day/SyncBanner';
import { SYNC_LIST_HEADING_ID } from '../day/SyncList';
import { DEFAULT_LOW_STOCK, type ManagerPage } from './route';

const TILES = ['day', 'products', 'artisans', 'users', 'catalogFiles', 'labels', 'lowStock', 'earnings', 'gst', 'audit', 'settings'] as const satisfies readonly ManagerPage[];

/** Big tiles: each says what it is for, so nobody has to guess from a one-word label. */
export function ManagerHome({ station, onOpen }: { station: Station; onOpen: (page: ManagerPage) => void }) {
  const { t } = useTranslation('manager');
  const low = useLowStock(station, DEFAULT_LOW_STOCK, 0);
  const lowCount = low.status === 'ready' ? low.value.length : null;
  // The Day page, at its Sync list: the click's render commits before the next frame.
  const openSyncList = () => {
    onOpen('day');
    requestAnimationFrame(() => {
      const heading = document.getElementById(SYNC_LIST_HEADING_ID);
      heading?.scrollIntoView({ block: 'start' });
      heading?.focus();
    });
  };
  return (
    <div className="mgr__home">
      <h1 className="mgr__title">{t('home.title')}</h1>
      <SyncBanner station={station} onOpenSyncList={openSyncList} />
      <nav className="tiles" aria-label={t('home.title')}>
        {TILES.map((page) => (
          <button key={page} type="button" className={`tile tile--${page}`} data-testid={`tile-${page}`} onClick={() => onOpen(page)}>
            <span className="tile__name">{t(`home.tiles.${page}.name`)}</span>
            <span className="tile__about">{t(`home.tiles.${page}.about`)}</span>
            {page === 'lowStock' && lowCount !== null ? (
              <span className={`tile__badge${lowCount > 0 ? ' tile__badge--warn' : ''}`} data-testid="low-stock-count">
                {lowCount >= LOW_STOCK_LIMIT ? t('home.lowMany', { count: lowCount, threshold: DEFAULT_LOW_STOCK }) : lowCount > 0 ? t('home.lowCount', { count: lowCount, threshold: DEFAULT_LOW_STOCK }) : t('home.lowNone')}
              </span>
            ) : null}
          </button>
        ))}
      </nav>
    </div>
  );
}
