import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserEntity } from '../../../shared/entities';
import { Banner } from '../components/Banner';
import type { Station, StationUpdate } from '../../app/station';
import { DayScreen } from '../day/DayScreen';
import { ArtisansScreen } from './artisans/ArtisansScreen';
import { CatalogFilesScreen } from './catalog-io/CatalogFilesScreen';
import { LabelsScreen } from './labels/LabelsScreen';
import { LowStockScreen } from './low-stock/LowStockScreen';
import { ManagerHome } from './ManagerHome';
import { ProductsScreen } from './products/ProductsScreen';
import type { ManagerPage } from './route';
import { SettingsScreen } from './settings/SettingsScreen';
import { UsersScreen } from './users/UsersScreen';
import { AuditCheckScreen } from './audit/AuditCheckScreen';
import { EarningsReportScreen } from './earnings/EarningsReportScreen';
import { GstExportScreen } from './earnings/GstExportScreen';

/**
 * The manager's part of the kiosk: a home of tiles and one page at a time. The shell
 * shows it only to managers; it checks again, because a screen that edits users and
 * prices must not depend on a button having been hidden.
 */
export function ManagerScreen({ station, user, onStationChange, initialPage = 'home' }: {
  station: Station; user: UserEntity; onStationChange: StationUpdate;
  /** The page it opens on (the Day page, when the sign-in's offer to close a day left open was taken). */
  initialPage?: ManagerPage;
}) {
  const { t } = useTranslation('manager');
  const [page, setPage] = useState<ManagerPage>(initialPage);
  if (user.role !== 'manager') {
    return (
      <main className="screen mgr" data-testid="manager-screen">
        <Banner tone="error" testId="manager-refused">{t('home.managersOnly')}</Banner>
      </main>
    );
  }
  const home = () => setPage('home');
  const props = { station, user, onHome: home, onOpen: setPage };
  return (
    <main className="screen mgr" data-testid="manager-screen" data-page={page}>
      {page === 'home' ? <ManagerHome station={station} onOpen={setPage} /> : null}
      {page === 'day' ? <DayScreen {...props} /> : null}
      {page === 'products' ? <ProductsScreen {...props} /> : null}
      {page === 'artisans' ? <ArtisansScreen {...props} /> : null}
      {page === 'users' ? <UsersScreen {...props} /> : null}
      {page === 'catalogFiles' ? <CatalogFilesScreen {...props} /> : null}
      {page === 'labels' ? <LabelsScreen {...props} /> : null}
      {page === 'lowStock' ? <LowStockScreen {...props} /> : null}
      {page === 'earnings' ? <EarningsReportScreen {...props} /> : null}
      {page === 'gst' ? <GstExportScreen {...props} /> : null}
      {page === 'audit' ? <AuditCheckScreen {...props} /> : null}
      {page === 'settings' ? <SettingsScreen {...props} onStationChange={onStationChange} /> : null}
    </main>
  );
}
