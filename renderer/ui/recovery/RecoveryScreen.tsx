import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalStatus } from '../../../shared/contract/journal';
import { rebuildFromJournal, type RebuildPlan, type RebuildProgress, type RebuildSummary } from '../../app/journal';
import type { StationBase } from '../../app/boot';
import { currentLocale } from '../../i18n';
import { useMoney } from '../components/Money';
import { ProgressBar } from '../components/ProgressBar';
import { formatCount, formatDateTime } from '../format';

type Phase =
  | { status: 'running'; progress: RebuildProgress | null }
  | { status: 'failed'; message: string }
  | { status: 'done'; summary: RebuildSummary };

/**
 * Before anyone can sign in: the store is missing or behind the host's journal, so it is
 * rebuilt from it here, with a progress bar, and then the screen says what came back and
 * from when (how many sales, the last sale's number, time and total), for the manager.
 */
export function RecoveryScreen({ base, plan, journal, onDone, timeZone = 'Asia/Kolkata' }: {
  base: StationBase; plan: RebuildPlan; journal: JournalStatus | null; onDone: () => void;
  /** The store's profile is not there yet: times are shown in the market's usual zone. */
  timeZone?: string;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const [phase, setPhase] = useState<Phase>({ status: 'running', progress: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setPhase({ status: 'running', progress: null });
    void rebuildFromJournal(base.db, base.host, plan, (progress) => {
      if (live) setPhase({ status: 'running', progress });
    }).then((outcome) => {
      if (!live) return;
      setPhase(outcome.status === 'ok' ? { status: 'done', summary: outcome.value } : { status: 'failed', message: outcome.message });
    });
    return () => { live = false; };
  }, [base, plan, attempt]);

  const tz = timeZone;
  const locale = currentLocale();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, tz, locale) : '—');
  const count = journal?.count ?? 0;

  return (
    <main className="boot recovery" data-testid="recovery-screen" data-phase={phase.status}>
      <h1>{phase.status === 'done' ? t('recovery.doneTitle') : t('recovery.title')}</h1>
      {phase.status === 'running' ? (
        <>
          <p>{plan.from.seq === 0 ? t('recovery.whyMissing', { count }) : t('recovery.whyBehind', { have: plan.from.seq, count })}</p>
          <ProgressBar
            testId="recovery-progress"
            name={t('recovery.progressLabel')}
            value={phase.progress?.done ?? plan.from.seq}
            max={phase.progress?.total ?? count}
            text={t('recovery.progress', {
              done: formatCount(phase.progress?.done ?? plan.from.seq, locale), total: formatCount(phase.progress?.total ?? count, locale),
            })}
          />
        </>
      ) : null}
      {phase.status === 'failed' ? (
        <div role="alert" data-testid="recovery-failed">
          <h2>{t('recovery.failedTitle')}</h2>
          <p className="boot__reason">{t('recovery.failedBody', { message: phase.message })}</p>
          <button type="button" className="btn btn--primary btn--large" onClick={() => setAttempt((a) => a + 1)}>{t('recovery.retry')}</button>
        </div>
      ) : null}
      {phase.status === 'done' ? (
        <div data-testid="recovery-done">
          <p data-testid="recovery-summary">
            {t('recovery.doneBody', { records: phase.summary.records, sales: phase.summary.sales, from: when(phase.summary.firstAt), to: when(phase.summary.lastAt) })}
          </p>
          <p data-testid="recovery-last-sale">
            {phase.summary.lastSale
              ? t('recovery.doneLastSale', {
                receiptNo: phase.summary.lastSale.receiptNo, time: when(phase.summary.lastSale.at),
                total: phase.summary.lastSale.total === null ? '—' : money(phase.summary.lastSale.total),
              })
              : t('recovery.doneNoSale')}
          </p>
          <p>{t('recovery.tellManager')}</p>
          <button type="button" className="btn btn--primary btn--large" data-testid="recovery-continue" onClick={onDone} autoFocus>{t('recovery.continue')}</button>
        </div>
      ) : null}
    </main>
  );
}
