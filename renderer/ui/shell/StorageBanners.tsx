import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserEntity } from '../../../shared/entities';
import { currentLocale } from '../../i18n';
import type { PersistenceState, SpaceState } from '../../db';
import { Banner } from '../components/Banner';
import { formatMegabytes } from '../format';

/**
 * Storage warnings. Low space concerns everyone (sales stop); persistence refused is for
 * the manager, who can do something about it. Memoised: the kiosk redraws on every scan,
 * the banners only when the space or the user changes.
 */
export const StorageBanners = memo(function StorageBanners({ user, persistence, space, onRecheck }: {
  user: UserEntity; persistence: PersistenceState; space: SpaceState;
  /** Looks at the free space now: once the manager has freed some, sales go on at once, not at the next minute's look. */
  onRecheck: () => void;
}) {
  const { t } = useTranslation();
  // The manager can put the persistence warning away for this sign-in; it comes back at
  // the next one, because the risk has not gone away.
  const [persistenceSeen, setPersistenceSeen] = useState(false);
  return (
    <>
      {space.state === 'low' ? (
        <Banner
          tone="error"
          testId="space-low"
          action={<button type="button" className="btn btn--ghost" data-testid="space-recheck" onClick={onRecheck}>{t('storage.recheck')}</button>}
        >
          <strong>{t('storage.lowTitle')}</strong>{' '}
          {t('storage.lowBody', { free: formatMegabytes(space.freeBytes, currentLocale()) })}
        </Banner>
      ) : null}
      {persistence === 'refused' && user.role === 'manager' && !persistenceSeen ? (
        <Banner
          tone="warn"
          testId="persistence-refused"
          action={<button type="button" className="btn btn--ghost" onClick={() => setPersistenceSeen(true)}>{t('storage.understood')}</button>}
        >
          <strong>{t('storage.notPersistentTitle')}</strong> {t('storage.notPersistentBody')}
        </Banner>
      ) : null}
    </>
  );
});
