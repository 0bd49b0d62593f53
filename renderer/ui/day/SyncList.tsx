import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOT_ENROLLED_REASON, type SavedEnvelope } from '../../../shared/contract/upload';
import type { OutboxRow } from '../../db';
import type { Outcome } from '../../app/outcome';
import { useAppInfo } from '../../app/settings';
import type { Station } from '../../app/station';
import { retryNow, saveEnvelope, useOutbox } from '../../app/uploads';
import { useObjectUrl } from '../../hooks/useObjectUrl';
import { Banner } from '../components/Banner';
import { DeliveredByHandDialog } from './DeliveredByHandDialog';
import { shown } from '../../hooks/useLoadable';
import { useGeneration } from '../../hooks/useGeneration';
import { formatDateTime } from '../format';
import { isolate } from '../format/bidi';
import { currentDateLocale } from '../../i18n';

/** How often the shown Sync list reads the outbox again. */
const SYNC_REFRESH_MS = 2_000;

/** The id of the Sync list's heading: the manager's home banner leads here. */
export const SYNC_LIST_HEADING_ID = 'day-sync';

const jsonUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: 'application/json' }));

/**
 * Every closed day on its way to the central system: its state, the next attempt, "retry
 * now", "save to file" (for `npm run upload` from a USB stick) and "mark delivered by hand".
 */
export function SyncList({ station, generation }: { station: Station; generation: number }) {
  const { t } = useTranslation('day');
  const [own, reload] = useGeneration();
  const [saved, setSaved] = useState<{ row: OutboxRow; outcome: Outcome<SavedEnvelope> } | null>(null);
  const [byHand, setByHand] = useState<OutboxRow | null>(null);
  // In a browser (web mode) the file can also come down as a download, onto the stick directly.
  const web = shown(useAppInfo(station))?.transport === 'web';
  const downloadUrl = useObjectUrl(web && saved?.outcome.status === 'ok' ? saved.row.body : null, jsonUrl);
  // The page's upload loop writes the rows as it goes: while the list is shown it looks again.
  useEffect(() => {
    const timer = setInterval(reload, SYNC_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const rows = shown(useOutbox(station, generation + own)) ?? [];
  const tz = station.profile.timeZone;
  const when = useCallback((ms: number) => formatDateTime(new Date(ms).toISOString(), tz, currentDateLocale()), [tz]);
  const stateText = (row: OutboxRow): string => {
    switch (row.state.status) {
      case 'delivered': return row.state.byHand
        ? t('sync.deliveredByHand', { at: isolate(formatDateTime(row.state.at, tz, currentDateLocale())), manager: isolate(row.state.byHand.managerName) })
        : t('sync.delivered', { at: formatDateTime(row.state.at, tz, currentDateLocale()) });
      case 'refused': return t('sync.refused', { reason: isolate(row.state.reason) });
      case 'conflict': return t('sync.conflict', { reason: isolate(row.state.reason) });
      case 'unauthorized': return t('sync.unauthorized');
      case 'sending': return t('sync.sending');
      case 'queued': return row.nextAttemptAt === null ? t('sync.queued') : t('sync.waiting', { at: when(row.nextAttemptAt) });
    }
  };
  return (
    <section className="panel day__sync" aria-labelledby="day-sync" data-testid="sync-list">
      <h2 id={SYNC_LIST_HEADING_ID} className="panel-title" tabIndex={-1}>{t('sync.title')}</h2>
      {rows.length === 0 ? <p>{t('sync.none')}</p> : (
        <ul className="sync">
          {[...rows].reverse().map((row) => (
            <li key={row.id} className={`sync__row sync__row--${row.state.status}`} data-testid="sync-row" data-state={row.state.status}
              data-by-hand={row.state.status === 'delivered' && row.state.byHand ? 'true' : undefined}>
              <span className="sync__day">{t('sync.day', { z: row.zNumber, date: isolate(row.businessDate) })}</span>
              <span className="sync__state" data-testid="sync-state">{stateText(row)}</span>
              {row.lastReason && row.state.status === 'queued' ? (
                // Known causes in the manager's language; anything else is the host's or the
                // network's own words (English), laid out in their own direction.
                row.lastReason === NOT_ENROLLED_REASON
                  ? <span className="sync__reason" data-testid="sync-reason">{t('sync.notEnrolled')}</span>
                  : <span className="sync__reason" data-testid="sync-reason" dir="auto">{row.lastReason}</span>
              ) : null}
              {row.state.status !== 'delivered' ? (
                <button type="button" className="btn btn--ghost" data-testid="sync-retry" onClick={() => void retryNow(station, row.id).then(reload)}>{t('sync.retry')}</button>
              ) : null}
              <button type="button" className="btn btn--ghost" data-testid="sync-save" onClick={() => void saveEnvelope(station, row).then((outcome) => setSaved({ row, outcome }))}>{t('sync.save')}</button>
              {row.state.status !== 'delivered' ? (
                <button type="button" className="btn btn--ghost" data-testid="sync-by-hand" onClick={() => setByHand(row)}>{t('sync.byHand')}</button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {saved?.outcome.status === 'ok' ? (
        <Banner tone="ok" testId="sync-saved" action={downloadUrl ? (
          <a className="btn btn--secondary" href={downloadUrl} download={saved.outcome.value.fileName} data-testid="sync-download">{t('sync.download')}</a>
        ) : undefined}>
          {t('sync.saved', { z: saved.row.zNumber, date: isolate(saved.row.businessDate), path: isolate(saved.outcome.value.path) })}
        </Banner>
      ) : null}
      {saved && saved.outcome.status !== 'ok' ? <Banner tone="error" testId="sync-save-failed">{t('sync.saveFailed', { message: saved.outcome.message })}</Banner> : null}
      {byHand ? (
        <DeliveredByHandDialog station={station} row={byHand} onClose={() => setByHand(null)} onDone={() => { setByHand(null); reload(); }} />
      ) : null}
    </section>
  );
}
