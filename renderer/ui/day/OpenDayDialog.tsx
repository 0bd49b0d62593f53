import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenBusinessDayEntity } from '../../../shared/entities';
import { openTheDay } from '../../app/day';
import type { Station } from '../../app/station';
import { ManagerPin } from '../approval/ManagerPin';
import { useManagerApproval } from '../approval/useManagerApproval';
import { Banner } from '../components/Banner';
import { Dialog } from '../components/Dialog';
import { CashCountForm } from './CashCountForm';
import { draftCount, EMPTY_DRAFT, type CountDraft, type CountField } from './cashCountDraft';

/** Opening the day: the float counted by denomination, and a manager's PIN. */
export function OpenDayDialog({ station, onOpened, onClose }: { station: Station; onOpened: (day: OpenBusinessDayEntity) => void; onClose: () => void }) {
  const { t } = useTranslation('day');
  const [draft, setDraft] = useState<CountDraft>(EMPTY_DRAFT);
  const [active, setActive] = useState<CountField>(500);
  const [problem, setProblem] = useState<string | null>(null);
  const approval = useManagerApproval(station);
  const count = draftCount(draft);

  const open = async () => {
    if (!count || !approval.ready) return;
    await approval.approve(async (manager) => {
      const result = await openTheDay(station, { manager, count });
      if (result.status === 'ok') onOpened(result.value);
      else setProblem(result.message);
    });
  };

  return (
    <Dialog title={t('open.title')} onClose={onClose} closeLabel={t('common.cancel')} className="day-dialog" testId="open-day-dialog">
      <p className="day-dialog__why">{t('open.why')}</p>
      <div className="day-dialog__layout">
        <CashCountForm draft={draft} setDraft={setDraft} active={active} setActive={setActive} testId="float" />
        <div className="day-dialog__approve">
          <ManagerPin pin={approval.pin} setPin={approval.setPin} check={approval.check} onSubmit={() => void open()} testId="open-day-pin" />
          {problem ? <Banner tone="error" testId="open-day-problem">{t('open.notOpened', { message: problem })}</Banner> : null}
          {!count ? <p className="text-error">{t('count.notACount')}</p> : null}
          <button type="button" className="btn btn--primary btn--large" data-testid="open-day-confirm" disabled={!count || !approval.ready} onClick={() => void open()}>
            {t('open.confirm')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
