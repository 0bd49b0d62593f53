import type { TFunction } from 'i18next';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cart } from '../../../shared/cart';
import type { UserEntity } from '../../../shared/entities';
import type { Paise } from '../../../shared/money';
import { Banner } from '../components/Banner';
import { Dialog } from '../components/Dialog';
import type { KeypadKey } from '../components/keypadInput';
import { Money, useMoney } from '../components/Money';
import { TouristTotals } from '../components/TouristTotals';
import { calendarDateIn } from '../../../shared/time';
import { touristAmounts } from '../../../shared/tourist-currency';
import { checkout, checkoutSteps, peekReceiptNo, type CheckoutInput, type RecordedCheckout } from '../../app/checkout';
import type { Station } from '../../app/station';
import { CardPanel, CashPanel, UpiPanel } from './TenderPanels';
import { NO_TENDERS, summarize, tenderReducer, type NonCashMethod, type PayProblem } from './tenders';

type Method = 'cash' | 'card' | 'upi';

type Phase =
  | { status: 'entering' }
  | { status: 'saving' }
  | { status: 'not-recorded'; reason: string };

export type RecordedSale = RecordedCheckout & { change: Paise };

interface PayDialogProps {
  station: Station;
  operator: UserEntity;
  cart: Cart;
  /** The cart's total (sum of line gross), before any cash round-off. */
  cartTotal: Paise;
  /** A label scanned while this dialog is open (not added to the sale). */
  scannedWhilePaying: string | null;
  /** Managers' approvals of the cart's discounts above the store's limit. */
  discountApprovals: CheckoutInput['discountApprovals'];
  /** Managers' approvals of lines sold further beyond the stock count than the store's limit. */
  stockApprovals: CheckoutInput['stockApprovals'];
  onCancel: () => void;
  onRecorded: (sale: RecordedSale) => void;
  /** The UPI QR now on screen (null: none), for the customer display. */
  onUpiShown?: (upi: { uri: string; amount: number } | null) => void;
  /** The sale was NOT recorded (the cart stays): the shell looks at the free space again. */
  onNotRecorded?: () => void;
}

/**
 * Taking payment: cash, card, UPI or any split of them, then "Complete sale". The sale is
 * written first; the receipt is printed only after it is safely recorded.
 */
export function PayDialog({ station, operator, cart, cartTotal, scannedWhilePaying, discountApprovals, stockApprovals, onCancel, onRecorded, onUpiShown, onNotRecorded }: PayDialogProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const [tenders, dispatch] = useReducer(tenderReducer, NO_TENDERS);
  const [method, setMethod] = useState<Method>('cash');
  const [phase, setPhase] = useState<Phase>({ status: 'entering' });
  const [upiRef, setUpiRef] = useState<{ status: 'loading' } | { status: 'ready'; ref: string } | { status: 'failed'; message: string }>({ status: 'loading' });
  const summary = summarize(cartTotal, station.profile.cashRounding, tenders);
  const saving = phase.status === 'saving';
  // A second tap (or Enter) while the first is still being recorded must not record the
  // sale twice; state alone could still be stale inside the same event burst.
  const committing = useRef(false);

  useEffect(() => {
    let live = true;
    void peekReceiptNo(station).then((ref) => {
      if (live) setUpiRef(ref.status === 'ok' ? { status: 'ready', ref: ref.value } : { status: 'failed', message: ref.message });
    });
    return () => { live = false; };
  }, [station]);

  const complete = async () => {
    if (!summary.settlement || committing.current) return;
    committing.current = true;
    setPhase({ status: 'saving' });
    const result = await checkout(checkoutSteps(station), {
      cart, payments: summary.settlement.payments, operator, roundOff: summary.roundOff, discountApprovals, stockApprovals,
    });
    committing.current = false;
    if (result.status !== 'ok') {
      setPhase({ status: 'not-recorded', reason: result.message });
      onNotRecorded?.();
      return;
    }
    onRecorded({ ...result.value, change: summary.change });
  };

  const cashKey = useCallback((key: KeypadKey) => dispatch({ type: 'cash-key', key }), []);

  const addNonCash = (m: NonCashMethod, amount: Paise, reference: string) => {
    dispatch({ type: 'add-non-cash', method: m, amount, reference });
    if (phase.status === 'not-recorded') setPhase({ status: 'entering' });
  };

  const methods: { id: Method; label: string }[] = [
    { id: 'cash', label: t('pay.cash') },
    { id: 'card', label: t('pay.card') },
    { id: 'upi', label: t('pay.upi') },
  ];

  return (
    <Dialog
      title={t('pay.title')}
      className="pay"
      testId="pay-dialog"
      {...(saving ? {} : { onClose: onCancel, closeLabel: t('pay.back') })}
    >
      <div className="pay__layout">
        <div className="pay__entry">
          <div className="tabs" role="tablist" aria-label={t('pay.methodLabel')}>
            {methods.map((m) => (
              <button
                key={m.id}
                type="button"
                role="tab"
                className="tabs__tab"
                aria-selected={method === m.id}
                data-testid={`pay-method-${m.id}`}
                disabled={saving}
                onClick={() => setMethod(m.id)}
              >
                {m.label}
              </button>
            ))}
          </div>
          <div className="pay__panel" role="tabpanel">
            {method === 'cash' ? (
              <CashPanel
                summary={summary}
                cashText={tenders.cashText}
                disabled={saving}
                onCashText={(text) => dispatch({ type: 'set-cash', text })}
                onCashKey={cashKey}
                onSubmit={() => void complete()}
              />
            ) : null}
            {/* Keyed by the payments so far: after each one the panel starts again from what is still to pay. */}
            {method === 'card' ? <CardPanel key={`card-${tenders.nextId}`} summary={summary} disabled={saving} onAdd={addNonCash} /> : null}
            {method === 'upi' ? (
              <UpiPanel key={`upi-${tenders.nextId}`} station={station} summary={summary} txRef={upiRef} disabled={saving} onAdd={addNonCash} onQrShown={onUpiShown} />
            ) : null}
          </div>
        </div>

        <aside className="pay__summary" aria-label={t('pay.summaryLabel')}>
          <dl className="figures">
            {summary.roundOff !== 0 ? (
              <>
                <dt>{t('pay.roundOff')}</dt>
                <dd><Money amount={summary.roundOff} /></dd>
              </>
            ) : null}
            <dt>{t('pay.total')}</dt>
            <dd><Money className="figures__big" amount={summary.total} /></dd>
          </dl>
          <TouristTotals amounts={touristAmounts(summary.total, station.currencies, calendarDateIn(new Date(), station.profile.timeZone))} className="pay__tourist" />

          <ul className="tenders" data-testid="tender-list" aria-label={t('pay.tendersLabel')}>
            {tenders.nonCash.map((tender) => (
              <li key={tender.id} className="tenders__item" data-testid="tender">
                <span className="tenders__what">
                  <span className="tenders__method">{tender.method === 'card' ? t('pay.card') : t('pay.upi')}</span>
                  <span className="tenders__ref">{t('pay.reference', { reference: tender.reference })}</span>
                </span>
                <Money amount={tender.amount} />
                <button
                  type="button"
                  className="btn btn--ghost btn--small"
                  disabled={saving}
                  aria-label={t('pay.removeTender', { what: tender.method === 'card' ? t('pay.card') : t('pay.upi'), amount: money(tender.amount) })}
                  onClick={() => dispatch({ type: 'remove-non-cash', id: tender.id })}
                >
                  {t('pay.remove')}
                </button>
              </li>
            ))}
            {summary.cash > 0 ? (
              <li className="tenders__item" data-testid="tender">
                <span className="tenders__what"><span className="tenders__method">{t('pay.cashTender')}</span></span>
                <Money amount={summary.cash} />
                <button type="button" className="btn btn--ghost btn--small" disabled={saving} onClick={() => dispatch({ type: 'set-cash', text: '' })}>
                  {t('pay.remove')}
                </button>
              </li>
            ) : null}
            {tenders.nonCash.length === 0 && summary.cash === 0 ? <li className="tenders__none muted">{t('pay.noTenders')}</li> : null}
          </ul>

          <div className="pay__outcome" aria-live="polite">
            {summary.settlement ? (
              <div className="change" data-testid="change-due">
                <span className="change__label">{t('pay.changeDue')}</span>
                <Money className="change__amount" amount={summary.change} />
              </div>
            ) : (
              <div className="still" data-testid="still-to-pay">
                <span className="still__label">{t('pay.stillToPay')}</span>
                <Money className="still__amount" amount={summary.remaining} />
              </div>
            )}
            {summary.problem && summary.problem.kind !== 'short' ? (
              <p className="text-error">{problemText(summary.problem, t, money)}</p>
            ) : null}
          </div>

          {scannedWhilePaying ? (
            <Banner tone="warn" testId="scan-while-paying">{t('pay.scannedWhilePaying', { code: scannedWhilePaying })}</Banner>
          ) : null}

          {phase.status === 'not-recorded' ? (
            <Banner tone="error" testId="sale-not-recorded">
              <strong>{t('pay.notRecorded', { reason: phase.reason })}</strong> {t('pay.notRecordedNext')}
            </Banner>
          ) : null}

          <button
            type="button"
            className="btn btn--primary btn--block btn--large"
            data-testid="complete-sale"
            disabled={!summary.settlement || saving}
            onClick={() => void complete()}
          >
            {saving ? t('pay.saving') : t('pay.complete')}
          </button>
        </aside>
      </div>
    </Dialog>
  );
}

// See whyNot in TenderPanels: one namespace's TFunction keeps the key types small enough.
function problemText(problem: PayProblem, t: TFunction<'translation'>, money: (p: number) => string): string {
  switch (problem.kind) {
    case 'cash-unreadable': return t('pay.problem.cashUnreadable');
    case 'overpaid-non-cash': return t('pay.problem.overpaid', { due: money(problem.due) });
    case 'nothing-to-pay': return t('pay.problem.nothingToPay');
    case 'cash-limit': return t('pay.problem.cashLimit', { due: money(problem.due) });
    case 'short': return t('pay.stillToPayAmount', { due: money(problem.due) });
    case 'bad-amount':
    case 'missing-reference': return t('pay.problem.incomplete');
  }
}
