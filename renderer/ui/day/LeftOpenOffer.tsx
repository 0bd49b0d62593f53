import { useTranslation } from 'react-i18next';
import type { OpenBusinessDayEntity } from '../../../shared/entities';
import { ConfirmActions } from '../components/ConfirmActions';
import { Dialog } from '../components/Dialog';
import { isolate } from '../format/bidi';

/**
 * A manager signs in and the open day is from an earlier date (left open past midnight):
 * close it now (the Day page, where the drawer is counted) or later (back to selling; sales
 * still go into the open day). An operator is not asked: the sell screen's banner tells them.
 */
export function LeftOpenOffer({ day, onCloseDay, onLater }: { day: OpenBusinessDayEntity; onCloseDay: () => void; onLater: () => void }) {
  const { t } = useTranslation('day');
  return (
    <Dialog title={t('leftOpenOffer.title')} onClose={onLater} closeLabel={t('common.cancel')} className="confirm" testId="left-open-offer">
      <p>{t('leftOpenOffer.question', { date: isolate(day.businessDate) })}</p>
      <p>{t('leftOpenOffer.why')}</p>
      <ConfirmActions
        cancelLabel={t('leftOpenOffer.later')} onCancel={onLater} cancelTestId="left-open-later"
        confirmLabel={t('leftOpenOffer.close')} onConfirm={onCloseDay} confirmTestId="left-open-close"
      />
    </Dialog>
  );
}
