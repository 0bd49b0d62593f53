import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserEntity } from '../../../shared/entities';
import { useCopyState } from '../../app/journal';
import type { Station } from '../../app/station';
import { Banner } from '../components/Banner';

/**
 * The journal sender's state, said loudly when it matters: a refusal (the host will not
 * take the records: a reused invoice number, a damaged journal) is for everyone, because
 * the operator must fetch the manager; records waiting for a host out of reach concern the
 * manager only, since they are safe here and go by themselves. A host that answers but
 * cannot write its journal (a full disk) is for everyone again: someone must free space.
 */
// Memoised: the kiosk redraws on every scan; this follows the journal link only.
export const JournalBanner = memo(function JournalBanner({ station, user }: { station: Station; user: UserEntity }) {
  const { t } = useTranslation();
  const state = useCopyState(station.journal);
  if (state.status === 'refused') {
    return (
      <Banner tone="error" testId="journal-refused">
        <strong>{t('journal.refusedTitle')}</strong> {t('journal.refusedBody', { message: state.message })}
      </Banner>
    );
  }
  if (state.status === 'waiting' && state.code === 'io-error') {
    // The host answers but cannot write (its disk is full): it will not mend itself, so
    // everyone sees it, and whoever frees the space can send the records at once.
    return (
      <Banner
        tone="error"
        testId="journal-cannot-write"
        action={<button type="button" className="btn btn--ghost" data-testid="journal-retry" onClick={() => station.journal.nudge()}>{t('journal.retryNow')}</button>}
      >
        <strong>{t('journal.cannotWriteTitle', { count: state.pending })}</strong> {t('journal.cannotWriteBody', { message: state.message })}
      </Banner>
    );
  }
  if (state.status === 'waiting' && user.role === 'manager') {
    return (
      <Banner tone="warn" testId="journal-waiting">
        <strong>{t('journal.waitingTitle', { count: state.pending })}</strong> {t('journal.waitingBody')}
      </Banner>
    );
  }
  return null;
});
