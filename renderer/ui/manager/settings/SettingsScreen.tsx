import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRate } from '../../../../shared/tax';
import { Banner } from '../../components/Banner';
import { PageBar } from '../common/fields';
import { shown } from '../../../hooks/useLoadable';
import type { ManagerPageProps } from '../route';
import { SETTINGS_SECTIONS, type SectionProps, type SettingsSection } from './route';
import { BackupSection } from './BackupSection';
import { JournalSection } from './JournalSection';
import { useHostSettings, useStoreSettings } from '../../../app/settings';
import type { StationUpdate } from '../../../app/station';
import { CurrencySection } from './CurrencySection';
import { DeviceSection } from './DeviceSection';
import { isEverythingElse } from './logic/taxRows';
import { PrinterSection } from './PrinterSection';
import { StoreSection } from './StoreSection';
import { TaxSection } from './TaxSection';
import { usePrinterSummary } from './usePrinterSummary';

/**
 * The market's settings, one section at a time: the store as it appears on receipts, the
 * GST tax table, the printer, this device's enrolment with the central system, and a
 * backup. Business settings live in the store; machine settings in the host.
 */
export function SettingsScreen(props: ManagerPageProps & { onStationChange: StationUpdate }) {
  const [section, setSection] = useState<SettingsSection | null>(null);
  const sectionProps: SectionProps = { ...props, onBack: () => setSection(null) };
  switch (section) {
    case null: return <SettingsHome {...props} onSection={setSection} />;
    case 'store': return <StoreSection {...sectionProps} />;
    case 'tax': return <TaxSection {...sectionProps} />;
    case 'currency': return <CurrencySection {...sectionProps} />;
    case 'printer': return <PrinterSection {...sectionProps} />;
    case 'device': return <DeviceSection {...sectionProps} />;
    case 'backup': return <BackupSection {...sectionProps} />;
    case 'journal': return <JournalSection {...sectionProps} />;
  }
}

/** Five big buttons, each with what it is for and how it stands now. */
function SettingsHome({ station, onHome, onSection }: ManagerPageProps & { onSection: (section: SettingsSection) => void }) {
  const { t } = useTranslation('settings');
  const store = useStoreSettings(station, 0);
  const host = useHostSettings(station, 0);
  const printer = usePrinterSummary();
  const storeNow = shown(store);
  const hostNow = shown(host);
  const shownCurrencies = station.currencies.rates.filter((r) => r.shown && r.paisePerUnit !== null).map((r) => r.code);

  const now: Record<SettingsSection, string | null> = {
    store: storeNow ? t('home.now.store', { name: storeNow.profile.name, gstin: storeNow.profile.gstin }) : null,
    tax: storeNow ? t('home.now.tax', {
      count: storeNow.taxTable.length,
      rate: formatRate(storeNow.taxTable.find(isEverythingElse)?.slabs.at(-1)?.rateBps ?? 1800),
    }) : null,
    currency: shownCurrencies.length > 0 ? t('home.now.currencySome', { codes: shownCurrencies.join(', ') }) : t('home.now.currencyNone'),
    printer: hostNow ? printer(hostNow.settings) : null,
    device: hostNow
      ? hostNow.deviceKey.set && hostNow.deviceKey.fingerprint
        ? t('home.now.deviceSet', { deviceId: hostNow.settings.deviceId, fingerprint: hostNow.deviceKey.fingerprint })
        : t('home.now.deviceNotSet', { deviceId: hostNow.settings.deviceId })
      : null,
    backup: null,
    journal: null,
  };

  return (
    <div className="mgr__page settings" data-testid="settings-screen" data-section="home">
      <PageBar title={t('home.title')} onBack={onHome} backLabel={t('common.managerHome')} />
      {store.status === 'failed' ? <Banner tone="error">{t('home.storeFailed', { message: store.message })}</Banner> : null}
      {host.status === 'failed' ? <Banner tone="error">{t('home.hostFailed', { message: host.message })}</Banner> : null}
      <nav className="settings-home" aria-label={t('home.title')}>
        {SETTINGS_SECTIONS.map((s) => (
          <button key={s} type="button" className="tile settings-home__item" data-testid={`settings-open-${s}`} onClick={() => onSection(s)}>
            <span className="tile__name">{t(`home.sections.${s}.name`)}</span>
            <span className="tile__about">{t(`home.sections.${s}.about`)}</span>
            {now[s] ? <span className="settings-home__now" data-testid={`settings-now-${s}`}>{now[s]}</span> : null}
          </button>
        ))}
      </nav>
    </div>
  );
}
