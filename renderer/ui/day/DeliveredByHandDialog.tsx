import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxRow } from '../../db';
import { markDeliveredByHand } from '../../app/uploads';
import type { Station } from '../../app/station';
import { ManagerPin } from '../approval/ManagerPin';
import { useManagerApproval } from '../approval/useManagerApproval';
import { Banner } from '../components/Banner';
import { Dialog } from '../components/Dialog';
import { isolate } from '../format/bidi';

/**
 * "Mark delivered by hand": the day reached the central system another way (the saved
 * file and `npm run upload`), so a manager's PIN stops the kiosk from ever sending it.
 */
export function DeliveredByHandDialog({ station, row, onDone, onClose }: { station: Station; row: OutboxRow; onDone: () => void; onClose: () => void }) {
  const { t } = useTranslation('day');
  const [problem, setProblem] = useState<string | null>(null);
  const approval = useManagerApproval(station);

  const confirm = async () => {
    if (!approval.ready) return;
    await approval.approve(async (manager) => {
      const result = await markDeliveredByHand(station, row.id, manager);
      if (result.status === 'ok') onDone();
      else setProblem(result.message);
    });
  };

  return (
    <Dialog title={t('sync.hand.title', { z: row.zNumber, date: isolate(row.businessDate) })} onClose={onClose} closeLabel={t('common.cancel')} className="day-dialog" testId="by-hand-dialog">
      <p className="day-dialog__why">{t('sync.hand.why')}</p>
      <div className="day-dialog__approve">
        <ManagerPin pin={approval.pin} setPin={approval.setPin} check={approval.check} onSubmit={() => void confirm()} testId="by-hand-pin" />
        {problem ? <Banner tone="error" testId="by-hand-problem">{t('sync.hand.failed', { message: problem })}</Banner> : null}
        <button type="button" className="btn btn--primary btn--large" data-testid="by-hand-confirm" disabled={!approval.ready} onClick={() => void confirm()}>
          {t('sync.hand.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
