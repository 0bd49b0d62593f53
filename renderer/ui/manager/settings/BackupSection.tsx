import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupListEntry } from '../../../../shared/contract';
import {
  backUpNow, checkBackup, restoreBackup, useBackups, type BackupCheckResult, type BackupProgress, type Restored, type RowProgress,
} from '../../../app/backup';
import { currentLocale } from '../../../i18n';
import { Banner } from '../../components/Banner';
import { ProgressBar } from '../../components/ProgressBar';
import { formatBackupSize, formatCount, formatDateTime } from '../../format';
import { isolate } from '../../format/bidi';
import type { SectionProps } from './route';
import { SectionFrame, SettingsCard } from './SectionPage';

type BackupState =
  | { status: 'idle' }
  | { status: 'working'; progress: BackupProgress | null }
  | { status: 'saved'; path: string; bytes: number }
  | { status: 'failed'; message: string };

type Checked = Extract<BackupCheckResult, { verdict: 'ok' }>;

type RestoreStep =
  | { status: 'idle' }
  | { status: 'checking'; name: string; progress: RowProgress | null }
  /** The file could not be restored at all (damaged, another version): nothing changed. */
  | { status: 'unusable'; check: Exclude<BackupCheckResult, { verdict: 'ok' }> }
  | { status: 'checked'; check: Checked; anyway: boolean; problem: { refused: boolean; message: string } | null }
  | { status: 'restoring'; check: Checked; progress: RowProgress | null }
  | { status: 'restored'; check: Checked; restored: Restored }
  | { status: 'failed'; message: string };

/**
 * Everything in the store, as one file in the host's backup folder (also written after
 * every day close), and a restore from one: listed with date, size and kiosk; checked
 * whole before anything changes; a backup of another kiosk, or one that would lose
 * changes not yet in the journal, only with "restore anyway" ticked; then the kiosk
 * restarts, and rebuilds from the journal whatever the backup is behind.
 */
export function BackupSection({ station, onBack }: SectionProps) {
  const { t } = useTranslation('settings');
  const [state, setState] = useState<BackupState>({ status: 'idle' });
  const [generation, setGeneration] = useState(0);
  const list = useBackups(station, generation);
  const [step, setStep] = useState<RestoreStep>({ status: 'idle' });
  const locale = currentLocale();
  const when = (iso: string) => isolate(formatDateTime(iso, station.profile.timeZone, locale));
  const busy = state.status === 'working' || step.status === 'checking' || step.status === 'restoring';

  const run = async () => {
    setState({ status: 'working', progress: null });
    const outcome = await backUpNow(station, (progress) => setState({ status: 'working', progress }));
    setState(outcome.status === 'ok' ? { status: 'saved', path: outcome.value.path, bytes: outcome.value.bytes } : { status: 'failed', message: outcome.message });
    setGeneration((g) => g + 1);
  };

  const check = async (name: string) => {
    setStep({ status: 'checking', name, progress: null });
    const outcome = await checkBackup(station, name, (progress) => setStep({ status: 'checking', name, progress }));
    if (outcome.status !== 'ok') setStep({ status: 'failed', message: outcome.message });
    else if (outcome.value.verdict !== 'ok') setStep({ status: 'unusable', check: outcome.value });
    else setStep({ status: 'checked', check: outcome.value, anyway: false, problem: null });
  };

  const restore = async (checked: Checked, anyway: boolean) => {
    setStep({ status: 'restoring', check: checked, progress: null });
    const outcome = await restoreBackup(station, checked, { anyway, onProgress: (progress) => setStep({ status: 'restoring', check: checked, progress }) });
    if (outcome.status === 'ok') setStep({ status: 'restored', check: checked, restored: outcome.value });
    else setStep({ status: 'checked', check: checked, anyway, problem: { refused: outcome.status === 'refused', message: outcome.message } });
  };

  const entryText = (b: BackupListEntry) => (b.createdAt && b.deviceId
    ? t('backup.entry', { date: when(b.createdAt), size: formatBackupSize(b.bytes, locale), device: isolate(b.deviceId) })
    : t('backup.entryDamaged', { name: isolate(b.name), size: formatBackupSize(b.bytes, locale) }));

  return (
    <SectionFrame section="backup" onBack={onBack}>
      <div className="settings__scroll">
        <SettingsCard id="backup-what" title={t('backup.what')} narrow>
          <p>{t('backup.about')}</p>
          <p className="muted">{t('backup.copyAway')}</p>
          <button type="button" className="btn btn--primary btn--large settings-backup__go" disabled={busy} onClick={() => void run()} data-testid="backup-now">
            {state.status === 'working' ? t('backup.working') : t('backup.now')}
          </button>
          {state.status === 'working' ? <BackupBar progress={state.progress} /> : null}
          {state.status === 'saved' ? (
            <Banner tone="ok" testId="backup-result">
              <span className="settings-path">{t('backup.saved', { path: isolate(state.path), size: formatBackupSize(state.bytes, locale) })}</span>
            </Banner>
          ) : null}
          {state.status === 'failed' ? <Banner tone="error" testId="backup-result">{t('backup.failed', { message: state.message })}</Banner> : null}
        </SettingsCard>

        <SettingsCard id="backup-list" title={t('backup.listTitle')} narrow>
          {list.status === 'ready' && list.value.backups.length === 0 ? <p className="muted" data-testid="backup-list-empty">{t('backup.listEmpty')}</p> : null}
          {list.status === 'ready' && list.value.backups.length > 0 ? (
            <ul className="settings-backups" data-testid="backup-list">
              {list.value.backups.map((b) => (
                <li key={b.name} className="settings-backups__row">
                  <span className="settings-backups__what">{entryText(b)}</span>
                  <button type="button" className="btn btn--secondary" disabled={busy} data-testid="backup-restore" data-name={b.name} onClick={() => void check(b.name)}>
                    {step.status === 'checking' && step.name === b.name ? t('backup.checking') : t('backup.restore')}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {list.status === 'failed' ? <Banner tone="error">{t('backup.listFailed', { message: list.message })}</Banner> : null}
          <button type="button" className="btn btn--ghost settings-backup__go" disabled={busy} onClick={() => setGeneration((g) => g + 1)}>{t('backup.refresh')}</button>

          {step.status === 'checking' ? <CheckBar progress={step.progress} /> : null}
          {step.status === 'unusable' ? (
            <Banner tone="error" testId="backup-unusable">
              {t(step.check.verdict === 'damaged' ? 'backup.damaged' : 'backup.version', { detail: step.check.detail })}
            </Banner>
          ) : null}
          {step.status === 'failed' ? <Banner tone="error" testId="backup-restore-failed">{t('backup.failed', { message: step.message })}</Banner> : null}
          {step.status === 'checked' || step.status === 'restoring' ? (
            <RestoreConfirm
              step={step}
              ownDevice={station.settings.deviceId}
              when={when}
              onAnyway={(anyway) => { if (step.status === 'checked') setStep({ ...step, anyway }); }}
              onConfirm={() => { if (step.status === 'checked') void restore(step.check, step.anyway); }}
              onCancel={() => setStep({ status: 'idle' })}
            />
          ) : null}
          {step.status === 'restored' ? (
            <div data-testid="backup-restored">
              <Banner tone="ok">
                {step.restored.journal?.behind
                  ? t('backup.doneBehind', { date: when(step.check.header.createdAt), journal: step.restored.journal.lastSeq, seq: step.restored.head.seq })
                  : t('backup.done', { date: when(step.check.header.createdAt) })}
              </Banner>
              <button type="button" className="btn btn--primary btn--large settings-backup__go" data-testid="backup-restart" onClick={() => window.location.reload()}>
                {t('backup.restart')}
              </button>
            </div>
          ) : null}
        </SettingsCard>
      </div>
    </SectionFrame>
  );
}

function RestoreConfirm({ step, ownDevice, when, onAnyway, onConfirm, onCancel }: {
  step: Extract<RestoreStep, { status: 'checked' | 'restoring' }>;
  ownDevice: string;
  when: (iso: string) => string;
  onAnyway: (anyway: boolean) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('settings');
  const { check } = step;
  const { header } = check;
  const needsAnyway = check.otherDevice || check.uncopied > 0;
  const anyway = step.status === 'checked' && step.anyway;
  return (
    <div className="settings-restore" data-testid="backup-check">
      <h3>{t('backup.restoreTitle')}</h3>
      <p>{t('backup.summary', {
        store: isolate(header.storeName), date: when(header.createdAt), device: isolate(header.deviceId), sales: header.tables.sales ?? 0, seq: header.journalHead.seq,
      })}</p>
      {check.otherDevice ? <p className="text-error" data-testid="backup-other-device">{t('backup.otherDevice', { device: isolate(header.deviceId), own: isolate(ownDevice) })}</p> : null}
      {check.uncopied > 0 ? <p className="text-error" data-testid="backup-uncopied">{t('backup.uncopied', { count: check.uncopied })}</p> : null}
      {check.journal?.behind ? <p data-testid="backup-behind">{t('backup.behind', { journal: check.journal.lastSeq, seq: header.journalHead.seq })}</p> : null}
      <p className="text-error">{t('backup.replaces')}</p>
      {needsAnyway ? (
        <label className="settings-restore__anyway">
          <input type="checkbox" checked={anyway} disabled={step.status !== 'checked'} data-testid="backup-anyway" onChange={(e) => onAnyway(e.target.checked)} />
          <span>{t('backup.anyway')}</span>
        </label>
      ) : null}
      {step.status === 'restoring' ? <RestoreBar progress={step.progress} /> : null}
      {step.status === 'checked' && step.problem ? (
        <Banner tone="error" testId="backup-restore-problem">{t(step.problem.refused ? 'backup.refused' : 'backup.failed', { message: step.problem.message })}</Banner>
      ) : null}
      <div className="confirm__actions">
        <button type="button" className="btn btn--danger btn--large" data-testid="backup-restore-confirm" disabled={step.status !== 'checked' || (needsAnyway && !anyway)} onClick={onConfirm}>
          {step.status === 'restoring' ? t('backup.restoring') : t('backup.confirm')}
        </button>
        <button type="button" className="btn btn--ghost btn--large" disabled={step.status !== 'checked'} onClick={onCancel}>{t('backup.cancel')}</button>
      </div>
    </div>
  );
}

/** The backup's bar: rows read out of the store, then bytes of the file sent to the host. */
function BackupBar({ progress }: { progress: BackupProgress | null }) {
  const { t } = useTranslation('settings');
  const locale = currentLocale();
  const name = t('backup.progressName');
  if (progress?.phase === 'saving') {
    return (
      <ProgressBar
        testId="backup-progress" name={name} value={progress.done} max={progress.total}
        text={t('backup.progressSaving', { done: formatBackupSize(progress.done, locale), total: formatBackupSize(progress.total, locale) })}
      />
    );
  }
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  return (
    <ProgressBar
      testId="backup-progress" name={name} value={progress ? done : null} max={total}
      text={progress ? t('backup.progressReading', { done: formatCount(done, locale), total: formatCount(total, locale) }) : t('backup.progressStarting')}
    />
  );
}

/** Reading a backup from the host and checking it, before anything is restored: bytes read of the file. */
function CheckBar({ progress }: { progress: RowProgress | null }) {
  const { t } = useTranslation('settings');
  const locale = currentLocale();
  return (
    <ProgressBar
      testId="backup-check-progress" name={t('backup.checkProgressName')} value={progress ? progress.done : null} max={progress?.total ?? 0}
      text={t('backup.checkProgress', { done: formatBackupSize(progress?.done ?? 0, locale), total: formatBackupSize(progress?.total ?? 0, locale) })}
    />
  );
}

/** The restore's bar: rows written back, all in one transaction (nothing is kept of a run that stops). */
function RestoreBar({ progress }: { progress: RowProgress | null }) {
  const { t } = useTranslation('settings');
  const locale = currentLocale();
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  return (
    <ProgressBar
      testId="restore-progress" name={t('backup.restoreProgressName')} value={progress ? done : null} max={total}
      text={progress ? t('backup.restoreProgress', { done: formatCount(done, locale), total: formatCount(total, locale) }) : t('backup.restoreStarting')}
    />
  );
}
