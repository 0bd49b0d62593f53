import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paise } from '../../../shared/money';
import { quickCashAmounts } from '../../../shared/tender';
import { upiPayUri } from '../../../shared/upi';
import { EntryField } from '../components/EntryField';
import { Keypad } from '../components/Keypad';
import { editAmount, type KeypadKey } from '../components/keypadInput';
import { Money, useMoney } from '../components/Money';
import { SymbolCanvas } from '../receipt/SymbolCanvas';
import type { Station } from '../../app/station';
import { amountText, checkNonCash, type NonCashCheck, type NonCashMethod, type PaySummary } from './tenders';

/** What may be typed into an amount field from a keyboard: digits and one point. */
function cleanAmount(text: string): string {
  const kept = text.replace(/[^0-9.]/g, '');
  const point = kept.indexOf('.');
  return point === -1 ? kept : kept.slice(0, point + 1) + kept.slice(point + 1).replace(/\./g, '').slice(0, 2);
}

/** References (terminal approval codes, UTRs) are letters and digits; the keypad adds digits. */
function editReference(text: string, key: KeypadKey): string {
  if (key === 'clear') return '';
  if (key === 'backspace') return text.slice(0, -1);
  return key === '.' ? text : (text + key).slice(0, 40);
}

function AmountInput({ onChange, onEnter, ...field }: {
  id: string; label: string; value: string; onChange: (text: string) => void; active: boolean;
  onFocus: () => void; onEnter?: () => void; disabled: boolean; testId: string;
}) {
  return <EntryField {...field} prefix="₹" inputMode="decimal" onChange={(v) => onChange(cleanAmount(v))} onSubmit={onEnter} />;
}

function TextInput({ onChange, ...field }: {
  id: string; label: string; value: string; onChange: (text: string) => void; active: boolean;
  onFocus: () => void; disabled: boolean; testId: string; placeholder?: string;
}) {
  return (
    <EntryField {...field} inputClassName="entry__input--text" spellCheck={false} onChange={(v) => onChange(v.slice(0, 40))} />
  );
}

export function CashPanel({ summary, cashText, disabled, onCashText, onCashKey, onSubmit }: {
  summary: PaySummary; cashText: string; disabled: boolean; onCashText: (text: string) => void;
  /** Stable across renders, so the keypad does not redraw on each key. */
  onCashKey: (key: KeypadKey) => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const quick = quickCashAmounts(summary.roomForNonCash);
  return (
    <div className="tender-panel">
      <AmountInput
        id="cash-amount"
        label={t('pay.cashHanded')}
        value={cashText}
        onChange={onCashText}
        active
        onFocus={() => undefined}
        onEnter={onSubmit}
        disabled={disabled}
        testId="cash-input"
      />
      {quick.length > 0 ? (
        <div className="quick" role="group" aria-label={t('pay.quickLabel')}>
          {quick.map((amount, i) => (
            <button
              key={amount}
              type="button"
              className="btn btn--quick"
              data-testid="quick-cash"
              disabled={disabled}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onCashText(amountText(amount))}
            >
              {i === 0 ? <span className="btn__note">{t('pay.exact')}</span> : null}
              <Money amount={amount} />
            </button>
          ))}
        </div>
      ) : null}
      <Keypad extraKey="." label={t('pay.cashKeypad')} disabled={disabled} onKey={onCashKey} />
    </div>
  );
}

// TFunction of the one namespace used: ReturnType<typeof useTranslation> spans every
// namespace's keys, which grows past what the compiler will instantiate.
function whyNot(check: NonCashCheck, t: TFunction<'translation'>, room: string): string | null {
  if (check.ok) return null;
  switch (check.why) {
    case 'unreadable': return t('pay.why.unreadable');
    case 'zero': return t('pay.why.zero');
    case 'too-much': return t('pay.why.tooMuch', { room });
    case 'no-reference': return t('pay.why.noReference');
  }
}

type NonCashAdd = (method: NonCashMethod, amount: Paise, reference: string) => void;

export function CardPanel({ summary, disabled, onAdd }: { summary: PaySummary; disabled: boolean; onAdd: NonCashAdd }) {
  const { t } = useTranslation();
  const money = useMoney();
  const [amount, setAmount] = useState(() => (summary.suggestedNonCash > 0 ? amountText(summary.suggestedNonCash) : ''));
  const [reference, setReference] = useState('');
  const [active, setActive] = useState<'amount' | 'reference'>('reference');
  const check = checkNonCash(summary, amount, reference, true);
  const why = whyNot(check, t, money(summary.roomForNonCash));
  const add = () => {
    if (!check.ok) return;
    onAdd('card', check.amount, reference);
    setReference('');
  };
  return (
    <div className="tender-panel">
      <p className="tender-panel__hint">{t('pay.cardHint')}</p>
      <div className="tender-panel__fields">
        <AmountInput id="card-amount" label={t('pay.cardAmount')} value={amount} onChange={setAmount} active={active === 'amount'}
          onFocus={() => setActive('amount')} disabled={disabled} testId="card-amount" />
        <TextInput id="card-reference" label={t('pay.cardReference')} value={reference} onChange={setReference} active={active === 'reference'}
          onFocus={() => setActive('reference')} disabled={disabled} testId="card-reference" placeholder={t('pay.cardReferencePlaceholder')} />
      </div>
      <Keypad
        extraKey="."
        label={t('pay.cardKeypad')}
        disabled={disabled}
        onKey={(key) => (active === 'amount' ? setAmount(editAmount(amount, key)) : setReference(editReference(reference, key)))}
      />
      {summary.suggestedNonCash === 0 && amount === '' ? <p className="tender-panel__why tender-panel__why--calm">{t('pay.nothingLeft')}</p> : null}
      {why && amount !== '' ? <p className="tender-panel__why">{why}</p> : null}
      <button type="button" className="btn btn--secondary btn--block" data-testid="add-card" disabled={!check.ok || disabled} onClick={add}>
        {check.ok ? t('pay.addCard', { amount: money(check.amount) }) : t('pay.addCardPlain')}
      </button>
    </div>
  );
}

type TxRef = { status: 'loading' } | { status: 'ready'; ref: string } | { status: 'failed'; message: string };

export function UpiPanel({ station, summary, txRef, disabled, onAdd, onQrShown }: {
  station: Station; summary: PaySummary; txRef: TxRef; disabled: boolean; onAdd: NonCashAdd;
  /** The QR on screen now (null: none), for the customer display. */
  onQrShown?: ((upi: { uri: string; amount: number } | null) => void) | undefined;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const [amount, setAmount] = useState(() => (summary.suggestedNonCash > 0 ? amountText(summary.suggestedNonCash) : ''));
  const [utr, setUtr] = useState('');
  const [active, setActive] = useState<'amount' | 'utr'>('amount');
  const check = checkNonCash(summary, amount, '', false);
  const why = whyNot(check, t, money(summary.roomForNonCash));

  let qr: { uri: string } | { error: string } | null = null;
  if (check.ok && txRef.status === 'ready') {
    try {
      qr = { uri: upiPayUri({ payeeVpa: station.profile.upiVpa, payeeName: station.profile.upiPayeeName, amount: check.amount, transactionRef: txRef.ref }) };
    } catch (error) {
      qr = { error: error instanceof Error ? error.message : String(error) };
    }
  } else if (txRef.status === 'failed') {
    qr = { error: txRef.message };
  }

  const shownUri = qr && 'uri' in qr && check.ok ? qr.uri : null;
  const shownAmount = check.ok ? check.amount : 0;
  useEffect(() => {
    onQrShown?.(shownUri === null ? null : { uri: shownUri, amount: shownAmount });
  }, [onQrShown, shownUri, shownAmount]);
  useEffect(() => () => onQrShown?.(null), [onQrShown]);

  const received = () => {
    if (!check.ok || txRef.status !== 'ready') return;
    // Without a UTR the payment keeps the reference the QR carried, so it can be matched
    // against the bank statement by invoice number.
    onAdd('upi', check.amount, utr.trim() || txRef.ref);
    setUtr('');
  };

  return (
    <div className="tender-panel tender-panel--upi">
      <div className="upi__entry">
        <AmountInput id="upi-amount" label={t('pay.upiAmount')} value={amount} onChange={setAmount} active={active === 'amount'}
          onFocus={() => setActive('amount')} disabled={disabled} testId="upi-amount" />
        <TextInput id="upi-utr" label={t('pay.upiUtr')} value={utr} onChange={setUtr} active={active === 'utr'}
          onFocus={() => setActive('utr')} disabled={disabled} testId="upi-utr" placeholder={t('pay.upiUtrPlaceholder')} />
        <Keypad
          extraKey="."
          label={t('pay.upiKeypad')}
          disabled={disabled}
          onKey={(key) => (active === 'amount' ? setAmount(editAmount(amount, key)) : setUtr(editReference(utr, key)))}
        />
      </div>
      <div className="upi__qr">
        {qr && 'uri' in qr && check.ok ? (
          <>
            <SymbolCanvas bcid="qrcode" text={qr.uri} scale={5} label={t('pay.upiQrLabel', { amount: money(check.amount) })} className="upi__code" testId="upi-qr" />
            <p className="upi__amount"><Money amount={check.amount} /></p>
            <p className="upi__payee">{t('pay.upiPayee', { name: station.profile.upiPayeeName, vpa: station.profile.upiVpa })}</p>
            <p className="upi__hint">{t('pay.upiHint')}</p>
          </>
        ) : (
          <div className="upi__placeholder">
            {qr && 'error' in qr ? <p className="text-error">{t('pay.upiNoQr', { message: qr.error })}</p> : null}
            {txRef.status === 'loading' ? <p className="muted">{t('pay.upiPreparing')}</p> : null}
            {txRef.status === 'ready' && summary.suggestedNonCash === 0 && amount === '' ? <p className="muted">{t('pay.nothingLeft')}</p> : null}
            {why && txRef.status === 'ready' && amount !== '' ? <p className="tender-panel__why">{why}</p> : null}
          </div>
        )}
        <button
          type="button"
          className="btn btn--secondary btn--block btn--large"
          data-testid="upi-received"
          disabled={!check.ok || txRef.status !== 'ready' || disabled}
          onClick={received}
        >
          {t('pay.upiReceived')}
        </button>
      </div>
    </div>
  );
}
