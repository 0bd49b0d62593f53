import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NOT_ENROLLED_REASON } from '../../../shared/contract/upload';
import type { OutboxRow } from '../../db';
import type { Station } from '../../app/station';
import { retryNow, useOutbox } from '../../app/uploads';
import { shown } from '../../hooks/useLoadable';
import { useGeneration } from '../../hooks/useGeneration';
import { formatDateTime } from '../format';
import { isolate } from '../format/bidi';
import { currentDateLocale } from '../../i18n';

/** How often the shown Sync list reads the outbox again. */
const SYNC_REFRESH_MS = 2_000;

/** Every closed day on its way to the central system: its state, the next attempt, and "retry now". */
export function SyncList({ station, generation }: { station: Station; generation: number }) {
  const { t } = useTranslation('day');
  const [own, reload] = useGeneration();
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
      case 'delivered': return t('sync.delivered', { at: formatDateTime(row.state.at, tz, currentDateLocale()) });
      case 'refused': return t('sync.refused', { reason: isolate(row.state.reason) });
      case 'conflict': return t('sync.conflict', { reason: isolate(row.state.reason) });
      case 'unauthorized': return t('sync.unauthorized');
      case 'sending': return t('sync.sending');
      case 'queued': return row.nextAttemptAt === null ? t('sync.queued') : t('sync.waiting', { at: when(row.nextAttemptAt) });
    }
  };
  return (
    <section className="panel day__sync" aria-labelledby="day-sync" data-testid="sync-list">
      <h2 id="day-sync" className="panel-title">{t('sync.title')}</h2>
      {rows.length === 0 ? <p>{t('sync.none')}</p> : (
        <ul className="sync">
          {[...rows].reverse().map((row) => (
            <li key={row.id} className={`sync__row sync__row--${row.state.status}`} data-testid="sync-row" data-state={row.state.status}>
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
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
