import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserEntity } from '../../../shared/entities';
import type { Station } from '../../app/station';
import { ManagerPin } from '../approval/ManagerPin';
import { useManagerApproval } from '../approval/useManagerApproval';
import { Banner } from '../components/Banner';
import { ConfirmActions } from '../components/ConfirmActions';
import { Dialog } from '../components/Dialog';
import type { StockQuestion } from './sellDialog';

interface StockDialogProps {
  station: Station;
  question: StockQuestion;
  scannedWhileOpen: string | null;
  /** Sell that many: `managerId` is the approving manager, null when no manager was needed. */
  onConfirm: (managerId: UserEntity['id'] | null) => void;
  onClose: () => void;
}

/**
 * "Only 2 in stock. Sell 5 anyway?": asked whenever a quantity goes past the count (by +,
 * by the keypad, or by scanning again), since a piece in the buyer's hands may prove the
 * count wrong but a slip of the finger is likelier. More than the store's limit beyond the
 * count, Yes leads to a manager's PIN in the same dialog.
 */
export function StockDialog({ station, question, scannedWhileOpen, onConfirm, onClose }: StockDialogProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<'ask' | 'pin'>('ask');
  const approval = useManagerApproval(station);
  const checking = approval.check.status === 'checking';
  const { name, qty, stock, current } = question;
  const limit = station.profile.overStockManagerPieces;

  const yes = () => {
    if (!question.needsManager) onConfirm(null);
    else {
      approval.reset();
      setStep('pin');
    }
  };
  const approve = () => void approval.approve((manager) => onConfirm(manager.id));
  const keep = current > 0 ? t('stock.keep', { qty: current }) : t('stock.dontAdd');

  return (
    <Dialog
      title={t('stock.title', { name })}
      // Not while a PIN is being checked: an approval landing after Cancel would still apply.
      onClose={checking ? undefined : onClose}
      closeLabel={t('common.cancel')}
      className={step === 'pin' ? 'stock-dialog stock-dialog--pin' : 'stock-dialog'}
      testId="stock-dialog"
    >
      <p className="stock-dialog__question" data-testid="stock-question">
        {stock > 0 ? t('stock.only', { count: stock, qty }) : t('stock.none', { stock, qty })}
      </p>
      {question.needsManager ? (
        <p className="stock-dialog__why" data-testid="stock-why">{t('stock.needsManager', { count: limit })}</p>
      ) : null}
      {scannedWhileOpen ? <Banner tone="warn" testId="scan-in-dialog">{t('sell.scannedInDialog', { code: scannedWhileOpen })}</Banner> : null}
      {step === 'ask' ? (
        <ConfirmActions
          cancelLabel={keep} onCancel={onClose} cancelTestId="stock-keep" focusCancel tone="danger"
          confirmLabel={question.needsManager ? t('stock.askManager', { qty }) : t('stock.sell', { qty })} onConfirm={yes} confirmTestId="stock-sell"
        />
      ) : (
        <div className="stock-dialog__approve">
          <ManagerPin pin={approval.pin} setPin={approval.setPin} check={approval.check} onSubmit={approve} testId="stock-pin" />
          <ConfirmActions
            cancelLabel={keep} onCancel={onClose} busy={checking} confirmDisabled={!approval.ready}
            confirmLabel={checking ? t('approval.checking') : t('stock.approve', { qty })} onConfirm={approve} confirmTestId="stock-approve"
          />
        </div>
      )}
    </Dialog>
  );
}
