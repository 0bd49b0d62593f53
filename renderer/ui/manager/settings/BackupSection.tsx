import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../i18n';
import { Banner } from '../../components/Banner';
import { backUpNow } from '../../../app/settings';
import type { SectionProps } from './route';
import { SectionFrame, SettingsCard } from './SectionPage';

type BackupState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'saved'; path: string; bytes: number }
  | { status: 'failed'; message: string };

/** Megabytes for people: "0.05 MB", "12.4 MB" (the size tells a manager whether it fits a USB stick). */
export function formatBackupSize(bytes: number, locale: string): string {
  const mb = bytes / (1024 * 1024);
  return new Intl.NumberFormat(locale, {
    style: 'unit', unit: 'megabyte', unitDisplay: 'short',
    maximumFractionDigits: mb < 1 ? 2 : 1,
    minimumFractionDigits: mb > 0 && mb < 0.01 ? 2 : 0,
  }).format(mb > 0 && mb < 0.01 ? 0.01 : mb);
}

/** Everything in the store, as one JSON file in the host's backup folder. */
export function BackupSection({ station, onBack }: SectionProps) {
  const { t } = useTranslation('settings');
  const [state, setState] = useState<BackupState>({ status: 'idle' });

  const run = async () => {
    setState({ status: 'working' });
    const outcome = await backUpNow(station);
    setState(outcome.status === 'ok' ? { status: 'saved', path: outcome.value.path, bytes: outcome.value.bytes } : { status: 'failed', message: outcome.message });
  };

  return (
    <SectionFrame section="backup" onBack={onBack}>
      <div className="settings__scroll">
        <SettingsCard id="backup-what" title={t('backup.what')} narrow>
          <p>{t('backup.about')}</p>
          <p className="muted">{t('backup.copyAway')}</p>
          <button type="button" className="btn btn--primary btn--large settings-backup__go" disabled={state.status === 'working'} onClick={() => void run()} data-testid="backup-now">
            {state.status === 'working' ? t('backup.working') : t('backup.now')}
          </button>
          {state.status === 'saved' ? (
            <Banner tone="ok" testId="backup-result">
              <span className="settings-path">{t('backup.saved', { path: state.path, size: formatBackupSize(state.bytes, currentLocale()) })}</span>
            </Banner>
          ) : null}
          {state.status === 'failed' ? <Banner tone="error" testId="backup-result">{t('backup.failed', { message: state.message })}</Banner> : null}
        </SettingsCard>
      </div>
    </SectionFrame>
  );
}
