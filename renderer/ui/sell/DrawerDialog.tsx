import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserEntity } from '../../../shared/entities';
import { Banner } from '../components/Banner';
import { ChoiceButtons } from '../components/ChoiceButtons';
import { ConfirmActions } from '../components/ConfirmActions';
import { Dialog } from '../components/Dialog';
import { EntryField } from '../components/EntryField';
import { kickDrawer, openDrawerNoSale, withoutReprintAdvice } from '../../app/drawer';
import type { Station } from '../../app/station';
import { ManagerPin } from '../approval/ManagerPin';
import { useManagerApproval } from '../approval/useManagerApproval';
import { NOTE_MAX, noSaleReasonText, type NoSaleReason } from './noSale';

type Phase =
  | { status: 'asking' }
  | { status: 'opening' }
  | { status: 'not-recorded'; message: string }
  /** Recorded and approved; the printer did not pass the kick on. Retrying only re-sends the kick. */
  | { status: 'drawer-failed'; message: string; manager: UserEntity; retrying: boolean };

interface DrawerDialogProps {
  station: Station;
  operator: UserEntity;
  scannedWhileOpen: string | null;
  onOpened: (manager: UserEntity) => void;
  onClose: () => void;
}

/** A no-sale drawer open: a reason, a manager's PIN, then the drawer. */
export function DrawerDialog({ station, operator, scannedWhileOpen, onOpened, onClose }: DrawerDialogProps) {
  const { t } = useTranslation();
  const noteId = useId();
  const [reason, setReason] = useState<NoSaleReason | null>(null);
  const [note, setNote] = useState('');
  const approval = useManagerApproval(station);
  const [phase, setPhase] = useState<Phase>({ status: 'asking' });
  const busy = phase.status === 'opening' || (phase.status === 'drawer-failed' && phase.retrying);

  const open = async () => {
    if (!reason || !approval.ready || busy) return;
    setPhase({ status: 'opening' });
    const approved = await approval.approve(async (manager) => {
      const result = await openDrawerNoSale(station, { operator, manager, reason: noSaleReasonText(reason, note) });
      if (result.status !== 'ok') setPhase({ status: 'not-recorded', message: result.message });
      else if (result.value.status !== 'ok') {
        setPhase({ status: 'drawer-failed', message: withoutReprintAdvice(result.value.message), manager, retrying: false });
      } else onOpened(manager);
    });
    if (!approved) setPhase({ status: 'asking' });
  };

  const retry = async () => {
    if (phase.status !== 'drawer-failed' || phase.retrying) return;
    setPhase({ ...phase, retrying: true });
    const result = await kickDrawer(station.host);
    if (result.status === 'ok') onOpened(phase.manager);
    else setPhase({ ...phase, message: withoutReprintAdvice(result.message), retrying: false });
  };

  const reasons: { id: NoSaleReason; label: string }[] = [
    { id: 'change-for-note', label: t('drawer.reason.change') },
    { id: 'count-float', label: t('drawer.reason.float') },
    { id: 'other', label: t('drawer.reason.other') },
  ];

  if (phase.status === 'drawer-failed') {
    return (
      <Dialog title={t('drawer.title')} onClose={busy ? undefined : onClose} closeLabel={t('drawer.close')} className="drawer-dialog drawer-dialog--failed" testId="drawer-dialog">
        <Banner tone="error" testId="drawer-failed">{t('drawer.failed', { message: phase.message })}</Banner>
        <p className="drawer-dialog__next">{t('drawer.failedNext')}</p>
        <ConfirmActions
          cancelLabel={t('drawer.close')} onCancel={onClose} busy={busy}
          confirmLabel={busy ? t('drawer.retrying') : t('drawer.retry')} onConfirm={() => void retry()} confirmTestId="drawer-retry"
        />
      </Dialog>
    );
  }

  return (
    <Dialog title={t('drawer.title')} onClose={busy ? undefined : onClose} closeLabel={t('drawer.cancel')} className="drawer-dialog" testId="drawer-dialog">
      <div className="drawer-dialog__layout">
        <div className="drawer-dialog__reason">
          <p className="drawer-dialog__why">{t('drawer.why')}</p>
          <span className="entry__label" id={`${noteId}-reasons`}>{t('drawer.reasonLabel')}</span>
          <ChoiceButtons
            options={reasons}
            value={reason}
            labelledBy={`${noteId}-reasons`}
            className="drawer-dialog__choices"
            optionClassName="drawer-dialog__choice"
            testIdPrefix="drawer-reason"
            disabled={busy}
            onChange={setReason}
          />
          {reason === 'other' ? (
            <EntryField
              id={noteId}
              label={t('drawer.noteLabel')}
              inputClassName="entry__input--text"
              value={note}
              maxLength={NOTE_MAX}
              placeholder={t('drawer.notePlaceholder')}
              disabled={busy}
              testId="drawer-note"
              onChange={setNote}
            />
          ) : null}
          {phase.status === 'not-recorded' ? <Banner tone="error" testId="drawer-not-recorded">{t('drawer.notRecorded', { message: phase.message })}</Banner> : null}
          {scannedWhileOpen ? <Banner tone="warn" testId="scan-in-dialog">{t('sell.scannedInDialog', { code: scannedWhileOpen })}</Banner> : null}
        </div>
        <div className="drawer-dialog__approve">
          <ManagerPin pin={approval.pin} setPin={approval.setPin} check={approval.check} onSubmit={() => void open()} testId="drawer-pin" />
          <button
            type="button"
            className="btn btn--primary btn--large btn--block"
            data-testid="drawer-open"
            disabled={!reason || !approval.ready || busy}
            onClick={() => void open()}
          >
            {phase.status === 'opening' ? t('drawer.opening') : t('drawer.open')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
