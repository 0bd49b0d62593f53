import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CashMovementKind, UserEntity } from '../../../shared/entities';
import { parseRupees } from '../../../shared/money';
import { moveCash } from '../../app/day';
import type { Station } from '../../app/station';
import { ManagerPin } from '../approval/ManagerPin';
import { useManagerApproval } from '../approval/useManagerApproval';
import { Banner } from '../components/Banner';
import { Dialog } from '../components/Dialog';
import { EntryField } from '../components/EntryField';
import { KeypadAmount } from './KeypadAmount';

/** A paid-in or paid-out: the amount on the keypad, why, and a manager's PIN. */
export function MovementDialog({ station, user, dayId, kind, onDone, onClose }: {
  station: Station; user: UserEntity; dayId: string; kind: CashMovementKind; onDone: () => void; onClose: () => void;
}) {
  const { t } = useTranslation('day');
  const id = useId();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const approval = useManagerApproval(station);
  const parsed = parseRupees(amount);
  const ready = parsed.ok && parsed.value > 0 && reason.trim() !== '' && approval.ready;

  const save = async () => {
    if (!ready || !parsed.ok) return;
    await approval.approve(async (manager) => {
      const result = await moveCash(station, { dayId, kind, amount: parsed.value, reason, by: user, manager });
      if (result.status === 'ok') onDone();
      else setProblem(result.message);
    });
  };

  return (
    <Dialog title={t(`move.title.${kind}`)} onClose={onClose} closeLabel={t('common.cancel')} className="day-dialog" testId="movement-dialog">
      <div className="day-dialog__layout">
        <div className="day-dialog__fields">
          <KeypadAmount id={`${id}-amount`} label={t('move.amount')} keypadLabel={t('move.keypad')} value={amount} onChange={setAmount} testId="movement-amount" />
          <EntryField
            id={`${id}-reason`} label={t('move.reason')} value={reason} onChange={setReason} inputClassName="entry__input--text" maxLength={200}
            placeholder={t(`move.reasonPlaceholder.${kind}`)} testId="movement-reason"
          />
        </div>
        <div className="day-dialog__approve">
          <ManagerPin pin={approval.pin} setPin={approval.setPin} check={approval.check} onSubmit={() => void save()} testId="movement-pin" />
          {problem ? <Banner tone="error" testId="movement-problem">{t('move.notRecorded', { message: problem })}</Banner> : null}
          <button type="button" className="btn btn--primary btn--large" data-testid="movement-confirm" disabled={!ready} onClick={() => void save()}>
            {t(`move.confirm.${kind}`)}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
