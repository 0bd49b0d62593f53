import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PayoutMethod, UserEntity } from '../../../shared/entities';
import { parseRupees } from '../../../shared/money';
import { useArtisans } from '../../app/catalog-admin';
import { payArtisan } from '../../app/day';
import type { Station } from '../../app/station';
import { shown } from '../../hooks/useLoadable';
import { Banner } from '../components/Banner';
import { ChoiceButtons } from '../components/ChoiceButtons';
import { Dialog } from '../components/Dialog';
import { EntryField } from '../components/EntryField';
import { KeypadAmount } from './KeypadAmount';

/** The manager pays an artisan: cash from the drawer, or a UPI or bank transfer with its reference. */
export function PayoutDialog({ station, user, dayId, onDone, onClose }: { station: Station; user: UserEntity; dayId: string; onDone: () => void; onClose: () => void }) {
  const { t } = useTranslation('day');
  const id = useId();
  const artisans = shown(useArtisans(station, 0)) ?? [];
  const [artisanId, setArtisanId] = useState('');
  const [method, setMethod] = useState<PayoutMethod>('cash');
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const parsed = parseRupees(amount);
  const ready = !busy && artisanId !== '' && parsed.ok && parsed.value > 0 && (method === 'cash' || reference.trim() !== '');

  const save = async () => {
    if (!ready || !parsed.ok) return;
    setBusy(true);
    const result = await payArtisan(station, { dayId, artisanId, amount: parsed.value, method, reference, manager: user });
    setBusy(false);
    if (result.status === 'ok') onDone();
    else setProblem(result.message);
  };

  const methods: { id: PayoutMethod; label: string }[] = [
    { id: 'cash', label: t('payout.method.cash') }, { id: 'upi', label: t('payout.method.upi') }, { id: 'bank', label: t('payout.method.bank') },
  ];
  return (
    <Dialog title={t('payout.title')} onClose={onClose} closeLabel={t('common.cancel')} className="day-dialog" testId="payout-dialog">
      <div className="day-dialog__layout">
        <div className="day-dialog__fields">
          <div className="entry">
            <label htmlFor={`${id}-artisan`} className="entry__label">{t('payout.artisan')}</label>
            <select id={`${id}-artisan`} className="day-select" value={artisanId} data-testid="payout-artisan" onChange={(e) => setArtisanId(e.target.value)}>
              <option value="">{t('payout.pickArtisan')}</option>
              {artisans.filter((a) => a.active).map((a) => <option key={a.id} value={a.id}>{`${a.code} · ${a.name}`}</option>)}
            </select>
          </div>
          <span className="entry__label" id={`${id}-method`}>{t('payout.methodLabel')}</span>
          <ChoiceButtons options={methods} value={method} labelledBy={`${id}-method`} testIdPrefix="payout-method" onChange={setMethod} />
          {method === 'cash' ? <p className="day-dialog__why">{t('payout.cashIsPaidOut')}</p> : (
            <EntryField id={`${id}-ref`} label={t('payout.reference')} value={reference} onChange={setReference} inputClassName="entry__input--text" maxLength={64} testId="payout-reference" />
          )}
        </div>
        <div className="day-dialog__approve">
          <KeypadAmount id={`${id}-amount`} label={t('payout.amount')} keypadLabel={t('payout.keypad')} value={amount} onChange={setAmount} testId="payout-amount" />
          {problem ? <Banner tone="error" testId="payout-problem">{t('payout.notRecorded', { message: problem })}</Banner> : null}
          <button type="button" className="btn btn--primary btn--large" data-testid="payout-confirm" disabled={!ready} onClick={() => void save()}>
            {t('payout.confirm')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
