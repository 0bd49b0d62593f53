import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CashMovementKind, UserEntity } from '../../../shared/entities';
import { parseRupees } from '../../../shared/money';
import { moveCash } from '../../app/day';
import type { Station } from '../../app/station';
import { ManagerPin } from '../approval/ManagerPin';
import { useManagerApproval } from '../approval/useManagerApproval';
import { Banner } from '../components/Banner';
import { Dialog } from '../components/Dialog';
import { Keypad } from '../components/Keypad';
import { editAmount, type KeypadKey } from '../components/keypadInput';

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
  const onKey = useCallback((key: KeypadKey) => setAmount((a) => editAmount(a, key)), []);

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
          <div className="entry entry--active">
            <label htmlFor={`${id}-amount`} className="entry__label">{t('move.amount')}</label>
            <div className="entry__box">
              <span className="entry__prefix" aria-hidden="true">₹</span>
              <input id={`${id}-amount`} className="entry__input" inputMode="decimal" autoComplete="off" value={amount} data-testid="movement-amount"
                onChange={(e) => setAmount(e.target.value.replace(/[^\d.]/g, ''))} />
            </div>
          </div>
          <Keypad onKey={onKey} extraKey="." label={t('move.keypad')} />
          <div className="entry">
            <label htmlFor={`${id}-reason`} className="entry__label">{t('move.reason')}</label>
            <div className="entry__box">
              <input id={`${id}-reason`} className="entry__input entry__input--text" autoComplete="off" value={reason} maxLength={200}
                placeholder={t(`move.reasonPlaceholder.${kind}`)} data-testid="movement-reason" onChange={(e) => setReason(e.target.value)} />
            </div>
          </div>
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
