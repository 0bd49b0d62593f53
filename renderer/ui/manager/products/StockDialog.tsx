import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductEntity, UserEntity } from '../../../../shared/entities';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { Keypad } from '../../components/Keypad';
import type { Station } from '../../../app/station';
import { Segmented, TextField } from '../common/fields';
import { useSave } from '../../../hooks/useSave';
import { adjustStock } from '../../../app/catalog-admin';
import { editDigits, stockDeltaFrom, type FormErrors, type StockDirection, type StockField } from '../logic/forms';

/** Reasons a manager gives most often, one tap each; anything else is typed. */
const QUICK_REASONS = ['counted', 'delivery', 'damaged', 'returnedToArtisan', 'display'] as const;

interface StockDialogProps {
  station: Station;
  user: UserEntity;
  product: ProductEntity;
  onClose: () => void;
  onSaved: (product: ProductEntity) => void;
}

/**
 * Adds or removes pieces with a reason (required: it goes into the audit log). The
 * count is typed on the keypad and the new stock is shown before saving.
 */
export function StockDialog({ station, user, product, onClose, onSaved }: StockDialogProps) {
  const { t } = useTranslation('manager');
  const [direction, setDirection] = useState<StockDirection>('add');
  const [pieces, setPieces] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors<StockField>>({});
  const { save, run } = useSave();

  const checked = stockDeltaFrom({ direction, pieces, reason }, product.stock);
  const preview = checked.ok ? checked.value.after : null;

  const submit = async () => {
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    await run(() => adjustStock(station, user, product.id, checked.value.delta, checked.value.reason), onSaved);
  };

  return (
    <Dialog title={t('stock.title')} onClose={onClose} closeLabel={t('common.cancel')} className="mdialog stock-dialog" testId="stock-dialog">
      <p className="stock-dialog__product">
        <strong>{product.name}</strong> <span className="muted">{product.sku}</span>
      </p>
      <div className="stock-dialog__layout">
        <div className="stock-dialog__fields">
          <Segmented
            label={t('stock.direction')}
            value={direction}
            onChange={setDirection}
            options={[{ value: 'add', label: t('stock.add') }, { value: 'remove', label: t('stock.remove') }]}
            testId="stock-direction"
          />
          <TextField
            label={t('stock.pieces')}
            value={pieces}
            onChange={setPieces}
            digits={5}
            error={errors.pieces}
            active
            testId="stock-pieces"
          />
          <div className="stock-dialog__figures" aria-live="polite">
            <span>{t('stock.now', { count: product.stock })}</span>
            <span className="flip-rtl" aria-hidden="true">→</span>
            <strong data-testid="stock-after">{preview === null ? '…' : t('stock.after', { count: preview })}</strong>
          </div>
          <TextField label={t('stock.reason')} value={reason} onChange={setReason} error={errors.reason} hint={t('stock.reasonHint')} testId="stock-reason" maxLength={200} />
          <div className="chips" role="group" aria-label={t('stock.quickReasons')}>
            {QUICK_REASONS.map((r) => (
              <button key={r} type="button" className="chip" onClick={() => setReason(t(`stock.reasons.${r}`))}>{t(`stock.reasons.${r}`)}</button>
            ))}
          </div>
        </div>
        <Keypad onKey={(key) => setPieces((p) => editDigits(p, key, 5))} extraKey="clear" label={t('stock.keypad')} />
      </div>
      {save.status === 'refused' ? <Banner tone="error" testId="stock-error">{save.message}</Banner> : null}
      <div className="confirm__actions mdialog__actions">
        <button type="button" className="btn btn--ghost btn--large" onClick={onClose}>{t('common.cancel')}</button>
        <button type="button" className="btn btn--primary btn--large" disabled={save.status === 'saving'} onClick={() => void submit()} data-testid="stock-save">
          {save.status === 'saving' ? t('common.saving') : t('stock.save')}
        </button>
      </div>
    </Dialog>
  );
}
