import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cartTotals } from '../../../shared/cart';
import type { UserEntity } from '../../../shared/entities';
import type { CartRow } from '../../db';
import { parkSale, recallSale } from '../../app/carts';
import type { Station } from '../../app/station';
import { currentLocale } from '../../i18n';
import { Banner } from '../components/Banner';
import { ConfirmActions } from '../components/ConfirmActions';
import { Dialog } from '../components/Dialog';
import { useMoney } from '../components/Money';
import { formatTime } from '../format';
import type { SellState } from './cartState';
import { draftOf, stateOf } from './keptCart';
import { EntryField } from '../components/EntryField';

/**
 * Wraps a figure (an amount, a time) in first-strong isolates, so in Urdu "₹3,200.00" and
 * "3:25 pm" keep their own order inside the right-to-left sentence around them.
 */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** As long as the store keeps (renderer/db/carts.ts trims to 60). */
const LABEL_MAX = 60;

type Busy = { status: 'idle' } | { status: 'working' } | { status: 'failed'; message: string } | { status: 'gone' };

interface ParkDialogProps {
  station: Station;
  operator: UserEntity;
  sell: SellState;
  scannedWhileOpen: string | null;
  /** The sale is parked (under `label`, maybe empty); the counter should be cleared. */
  onParked: (label: string) => void;
  onClose: () => void;
}

/** Puts the sale aside, with a label the operator may type to know it again ("red pheran"). */
export function ParkDialog({ station, operator, sell, scannedWhileOpen, onParked, onClose }: ParkDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState<Busy>({ status: 'idle' });
  const working = busy.status === 'working';
  useEffect(() => {
    queueMicrotask(() => field.current?.focus());
  }, []);

  const park = async () => {
    if (working) return;
    setBusy({ status: 'working' });
    const outcome = await parkSale(station, draftOf(sell, operator.id), label);
    if (outcome.status === 'ok') onParked(outcome.value.label);
    else setBusy({ status: 'failed', message: outcome.message });
  };

  return (
    <Dialog title={t('park.title')} onClose={working ? undefined : onClose} closeLabel={t('common.cancel')} className="confirm park-dialog" testId="park-dialog">
      <p>{t('park.why')}</p>
      <EntryField
        inputRef={field}
        id={id}
        label={t('park.label')}
        inputClassName="entry__input--text"
        value={label}
        maxLength={LABEL_MAX}
        placeholder={t('park.placeholder')}
        disabled={working}
        testId="park-label"
        onChange={setLabel}
        onSubmit={() => void park()}
      />
      {busy.status === 'failed' ? <Banner tone="error" testId="park-failed">{t('park.failed', { message: busy.message })}</Banner> : null}
      {scannedWhileOpen ? <Banner tone="warn" testId="scan-in-dialog">{t('sell.scannedInDialog', { code: scannedWhileOpen })}</Banner> : null}
      <ConfirmActions
        className="park-dialog__actions"
        cancelLabel={t('common.cancel')} onCancel={onClose} busy={working}
        confirmLabel={working ? t('park.parking') : t('park.confirm')} onConfirm={() => void park()} confirmTestId="park-confirm"
      />
    </Dialog>
  );
}

interface RecallDialogProps {
  station: Station;
  operator: UserEntity;
  sell: SellState;
  parked: readonly CartRow[];
  scannedWhileOpen: string | null;
  /** The parked sale is back: put `state` on the counter. */
  onRecalled: (state: SellState, label: string) => void;
  onClose: () => void;
}

/** The parked sales, oldest first; one tap brings one back (the sale on the counter takes its place). */
export function RecallDialog({ station, operator, sell, parked, scannedWhileOpen, onRecalled, onClose }: RecallDialogProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const [busy, setBusy] = useState<Busy>({ status: 'idle' });
  const working = busy.status === 'working';
  const zone = station.profile.timeZone;
  const time = (iso: string) => isolate(formatTime(iso, zone, currentLocale()));

  const recall = async (row: CartRow) => {
    if (working) return;
    setBusy({ status: 'working' });
    const outcome = await recallSale(station, row.id, draftOf(sell, operator.id));
    if (outcome.status !== 'ok') setBusy({ status: 'failed', message: outcome.message });
    else if (!outcome.value) setBusy({ status: 'gone' });
    else onRecalled(stateOf(outcome.value.row, outcome.value.stock), outcome.value.row.label);
  };

  return (
    <Dialog title={t('recall.title')} onClose={working ? undefined : onClose} closeLabel={t('common.cancel')} className="recall-dialog" testId="recall-dialog">
      {sell.cart.items.length > 0 ? <p className="recall-dialog__note" data-testid="recall-swap">{t('recall.swapNote')}</p> : null}
      {parked.length === 0 ? <p>{t('recall.none')}</p> : (
        <ul className="recall-dialog__list">
          {parked.map((row) => {
            const totals = cartTotals(row.cart, station.taxTable);
            const name = row.label || t('recall.unlabelled', { time: time(row.savedAt) });
            // A typed label takes its direction from its own letters; our words follow the page.
            const Label = row.label ? 'bdi' : 'span';
            return (
              <li key={row.id} className="recall-dialog__row" data-testid="parked-sale">
                <div className="recall-dialog__what">
                  <Label className="recall-dialog__label">{name}</Label>
                  <span className="recall-dialog__meta">{t('recall.meta', { count: totals.itemCount, total: isolate(money(totals.gross)), time: time(row.savedAt) })}</span>
                </div>
                <button
                  type="button"
                  className="btn btn--primary btn--large"
                  aria-label={t('recall.bringFor', { label: name })}
                  data-testid="recall-sale"
                  disabled={working}
                  onClick={() => void recall(row)}
                >{t('recall.bring')}</button>
              </li>
            );
          })}
        </ul>
      )}
      {busy.status === 'failed' ? <Banner tone="error" testId="recall-failed">{t('recall.failed', { message: busy.message })}</Banner> : null}
      {busy.status === 'gone' ? <Banner tone="warn" testId="recall-failed">{t('recall.gone')}</Banner> : null}
      {scannedWhileOpen ? <Banner tone="warn" testId="scan-in-dialog">{t('sell.scannedInDialog', { code: scannedWhileOpen })}</Banner> : null}
    </Dialog>
  );
}
