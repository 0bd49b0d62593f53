import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalImportSummary } from '../../../../shared/contract/journal';
import { loadStation } from '../../../app/boot';
import {
  checkImportFile, importJournalFile, useImportFiles, useJournalStatus, type RebuildProgress, type RebuildSummary,
} from '../../../app/journal';
import { currentLocale } from '../../../i18n';
import { Banner } from '../../components/Banner';
import { useMoney } from '../../components/Money';
import { ProgressBar } from '../../components/ProgressBar';
import { formatCount, formatDateTime } from '../../format';
import type { SectionProps } from './route';
import { SectionFrame, SettingsCard } from './SectionPage';
import { isolate } from '../../format/bidi';

type Step =
  | { status: 'idle' }
  | { status: 'checking'; fileName: string }
  | { status: 'checked'; summary: JournalImportSummary }
  | { status: 'importing'; summary: JournalImportSummary; progress: RebuildProgress | null }
  | { status: 'done'; summary: JournalImportSummary; rebuilt: RebuildSummary }
  | { status: 'failed'; message: string };

/**
 * The host's journal, and rebuilding a NEW kiosk's store from a journal a manager copied
 * from a USB stick into the host's journal-import folder: list the files, check one (its
 * whole chain; what it holds), confirm, import, then rebuild the store from it.
 */
export function JournalSection({ station, onBack, onStationChange }: SectionProps) {
  const { t } = useTranslation('settings');
  const money = useMoney();
  const [generation, setGeneration] = useState(0);
  const status = useJournalStatus(station, generation);
  const files = useImportFiles(station, generation);
  const [step, setStep] = useState<Step>({ status: 'idle' });
  const locale = currentLocale();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, station.profile.timeZone, locale) : '—');
  const busy = step.status === 'checking' || step.status === 'importing';

  const check = async (fileName: string) => {
    setStep({ status: 'checking', fileName });
    const outcome = await checkImportFile(station, fileName);
    setStep(outcome.status === 'ok' ? { status: 'checked', summary: outcome.value } : { status: 'failed', message: outcome.message });
  };

  const runImport = async (summary: JournalImportSummary) => {
    setStep({ status: 'importing', summary, progress: null });
    const outcome = await importJournalFile(station, summary.fileName, (progress) => setStep({ status: 'importing', summary, progress }));
    if (outcome.status !== 'ok') {
      setStep({ status: 'failed', message: outcome.message });
      return;
    }
    // The store now holds the imported market: its profile and tax table reach the counter.
    const fresh = await loadStation(station).catch(() => null);
    if (fresh) onStationChange(() => fresh);
    setStep({ status: 'done', summary, rebuilt: outcome.value.rebuilt });
    setGeneration((g) => g + 1);
  };

  // A folder path inside an Urdu sentence keeps its own left-to-right order ("/tmp/…/", not "tmp/…/").
  const folder = isolate(files.status === 'ready' ? files.value.folder : 'journal-import');

  return (
    <SectionFrame section="journal" onBack={onBack}>
      <div className="settings__scroll">
        <SettingsCard id="journal-what" title={t('journal.what')} narrow>
          {status.status === 'ready' ? (
            <p data-testid="journal-status">
              {status.value.count > 0 ? t('journal.status', { count: status.value.count, at: when(status.value.lastAt) }) : t('journal.statusEmpty')}
            </p>
          ) : null}
          {status.status === 'failed' ? <Banner tone="error">{t('journal.statusFailed', { message: status.message })}</Banner> : null}
        </SettingsCard>

        <SettingsCard id="journal-import" title={t('journal.importTitle')} narrow>
          <p>{t('journal.importAbout', { folder })}</p>
          {files.status === 'ready' && files.value.files.length === 0 ? <p className="muted" data-testid="journal-no-files">{t('journal.noFiles', { folder })}</p> : null}
          {files.status === 'ready' ? (
            <div className="confirm__actions">
              {files.value.files.map((f) => (
                <button key={f.fileName} type="button" className="btn btn--secondary btn--large" disabled={busy} data-testid="journal-check" onClick={() => void check(f.fileName)}>
                  {step.status === 'checking' && step.fileName === f.fileName ? t('journal.checking') : t('journal.check', { file: f.fileName })}
                </button>
              ))}
              <button type="button" className="btn btn--ghost btn--large" disabled={busy} onClick={() => setGeneration((g) => g + 1)}>{t('journal.refresh')}</button>
            </div>
          ) : null}
          {files.status === 'failed' ? <Banner tone="error">{t('journal.statusFailed', { message: files.message })}</Banner> : null}

          {step.status === 'checked' || step.status === 'importing' ? (
            <div data-testid="journal-summary">
              <p>{t('journal.summary', { file: step.summary.fileName, count: step.summary.count, from: when(step.summary.firstAt), to: when(step.summary.lastAt) })}</p>
              {step.summary.lastSale ? (
                <p>{t('journal.summaryLastSale', {
                  receiptNo: step.summary.lastSale.receiptNo, time: when(step.summary.lastSale.at),
                  total: step.summary.lastSale.total === null ? '—' : money(step.summary.lastSale.total),
                })}</p>
              ) : null}
              {step.summary.tornBytes > 0 ? <p className="muted">{t('journal.summaryTorn', { bytes: step.summary.tornBytes })}</p> : null}
              <p className="text-error">{t('journal.confirmNote')}</p>
              {step.status === 'importing' ? (
                <ProgressBar
                  testId="journal-import-progress"
                  name={t('journal.restoringName')}
                  value={step.progress?.done ?? 0}
                  max={step.progress?.total ?? step.summary.count}
                  text={t('journal.restoring', {
                    done: formatCount(step.progress?.done ?? 0, locale), total: formatCount(step.progress?.total ?? step.summary.count, locale),
                  })}
                />
              ) : (
                <button type="button" className="btn btn--danger btn--large" data-testid="journal-import-confirm" onClick={() => void runImport(step.summary)}>
                  {t('journal.confirm')}
                </button>
              )}
            </div>
          ) : null}
          {step.status === 'done' ? (
            <Banner tone="ok" testId="journal-import-done">
              {t('journal.done', { file: step.summary.fileName, records: step.rebuilt.records, sales: step.rebuilt.sales })}
            </Banner>
          ) : null}
          {step.status === 'failed' ? <Banner tone="error" testId="journal-import-failed">{t('journal.failed', { message: step.message })}</Banner> : null}
        </SettingsCard>
      </div>
    </SectionFrame>
  );
}
