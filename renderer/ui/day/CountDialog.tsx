import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CashCount, UserEntity } from '../../../shared/entities';
import type { Station } from '../../app/station';
import { ManagerPin } from '../approval/ManagerPin';
import { useManagerApproval } from '../approval/useManagerApproval';
import { Banner } from '../components/Banner';
import { Dialog } from '../components/Dialog';
import { CashCountForm } from './CashCountForm';
import { draftCount, EMPTY_DRAFT, type CountDraft, type CountField } from './cashCountDraft';

interface CountDialogProps {
  station: Station;
  /** Its words (`open.title`, `close.why`, …) and test ids (`open-day-pin`, `close-day-confirm`, …). */
  step: 'open' | 'close';
  /** The count's fields (`${countTestId}-500`, …). */
  countTestId: string;
  /** Why the last try did not go through, in words; null before any. */
  problem: string | null;
  /** Runs with the count and the manager once the PIN is a manager's. */
  onConfirm: (count: CashCount, manager: UserEntity) => Promise<void>;
  onClose: () => void;
}

/**
 * Opening or closing the day: the drawer counted by denomination beside a manager's PIN.
 * Confirm is offered only for a whole count and a PIN long enough to check; closing, which
 * cannot be taken back, is the red button.
 */
export function CountDialog({ station, step, countTestId, problem, onConfirm, onClose }: CountDialogProps) {
  const { t } = useTranslation('day');
  const [draft, setDraft] = useState<CountDraft>(EMPTY_DRAFT);
  const [active, setActive] = useState<CountField>(500);
  const approval = useManagerApproval(station);
  const count = draftCount(draft);

  const confirm = async () => {
    if (!count || !approval.ready) return;
    await approval.approve((manager) => onConfirm(count, manager));
  };

  return (
    <Dialog title={t(`${step}.title`)} onClose={onClose} closeLabel={t('common.cancel')} className="day-dialog" testId={`${step}-day-dialog`}>
      <p className="day-dialog__why">{t(`${step}.why`)}</p>
      <div className="day-dialog__layout">
        <CashCountForm draft={draft} setDraft={setDraft} active={active} setActive={setActive} testId={countTestId} />
        <div className="day-dialog__approve">
          <ManagerPin pin={approval.pin} setPin={approval.setPin} check={approval.check} onSubmit={() => void confirm()} testId={`${step}-day-pin`} />
          {problem ? <Banner tone="error" testId={`${step}-day-problem`}>{problem}</Banner> : null}
          {!count ? <p className="text-error">{t('count.notACount')}</p> : null}
          <button
            type="button"
            className={`btn ${step === 'close' ? 'btn--danger' : 'btn--primary'} btn--large`}
            data-testid={`${step}-day-confirm`}
            disabled={!count || !approval.ready}
            onClick={() => void confirm()}
          >
            {t(`${step}.confirm`)}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
