import type { TFunction } from 'i18next';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lineAmounts, type CartItem } from '../../../shared/cart';
import type { UserEntity } from '../../../shared/entities';
import { paise, type Paise } from '../../../shared/money';
import type { TaxTable } from '../../../shared/tax';
import { Banner } from '../components/Banner';
import { ChoiceButtons } from '../components/ChoiceButtons';
import { Dialog } from '../components/Dialog';
import { Keypad } from '../components/Keypad';
import { editAmount, type KeypadKey } from '../components/keypadInput';
import { Money, useMoney, usePercent } from '../components/Money';
import type { Station } from '../../app/station';
import { amountText } from '../pay/tenders';
import { discountLimit, linePrice, readDiscount, shareBps, type DiscountMode, type DiscountReading } from './discount';
import { ManagerPin } from '../approval/ManagerPin';
import { useManagerApproval } from '../approval/useManagerApproval';

interface DiscountDialogProps {
  station: Station;
  item: CartItem;
  taxTable: TaxTable;
  /** A label scanned while this dialog is open (not added to the sale). */
  scannedWhileOpen: string | null;
  /** Within the limit `approvedBy` is null; above it, the manager who typed their PIN. */
  onApply: (discount: Paise, approvedBy: UserEntity['id'] | null) => void;
  onClose: () => void;
}

/**
 * A discount on one cart line, in rupees or as a percentage of the line, typed on the
 * keypad with the new line amount and its GST shown as it is typed. Up to the store's limit
 * it applies at once; above it a manager types their PIN first, in the same dialog.
 */
export function DiscountDialog({ station, item, taxTable, scannedWhileOpen, onApply, onClose }: DiscountDialogProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const percent = usePercent();
  const fieldId = useId();
  const field = useRef<HTMLInputElement>(null);
  const limitPct = station.profile.discountLimitPct;
  // A line that has a discount opens on it, in rupees; a new one starts in percent, the
  // way a discount is usually offered ("10 % off").
  const [mode, setMode] = useState<DiscountMode>(item.discount > 0 ? 'amount' : 'percent');
  const [text, setText] = useState(item.discount > 0 ? amountText(item.discount) : '');
  const [approving, setApproving] = useState<Paise | null>(null);
  const approval = useManagerApproval(station);
  const checking = approval.check.status === 'checking';

  const price = linePrice(item);
  const reading = readDiscount(mode, text, item, limitPct);
  // What the figures show: the discount being approved, else the one typed, else (nothing
  // typed yet, or not readable) the one the line has now.
  const shown = approving ?? (reading.status === 'ok' ? reading.discount : item.discount);
  const after = lineAmounts({ ...item, discount: shown }, taxTable);

  useEffect(() => {
    if (approving === null) field.current?.focus();
  }, [approving, mode]);

  const onKey = useCallback((key: KeypadKey) => setText((s) => editAmount(s, key)), []);

  const apply = () => {
    if (reading.status !== 'ok') return;
    if (reading.needsApproval) {
      setApproving(reading.discount);
      approval.reset();
    } else {
      onApply(reading.discount, null);
    }
  };

  const approve = () => {
    if (approving === null) return;
    void approval.approve((manager) => onApply(approving, manager.id));
  };

  const modes: { id: DiscountMode; label: string }[] = [
    { id: 'percent', label: t('discount.modePercent') },
    { id: 'amount', label: t('discount.modeAmount') },
  ];

  return (
    <Dialog
      title={t('discount.title', { name: item.name })}
      // Not while a PIN is being checked: an approval landing after Cancel would still apply.
      onClose={checking ? undefined : onClose}
      closeLabel={t('discount.cancel')}
      className="discount"
      testId="discount-dialog"
    >
      <div className="discount__layout">
        <div className="discount__entry">
          {approving === null ? (
            <>
              <ChoiceButtons
                options={modes}
                value={mode}
                label={t('discount.modeLabel')}
                testIdPrefix="discount-mode"
                onChange={(m) => {
                  // The same digits mean something else in the other mode: start again.
                  if (m !== mode) setText('');
                  setMode(m);
                }}
              />
              <div className="entry entry--active">
                <label htmlFor={fieldId} className="entry__label">{mode === 'percent' ? t('discount.percentLabel') : t('discount.amountLabel')}</label>
                <div className="entry__box">
                  {mode === 'amount' ? <span className="entry__currency" aria-hidden="true">₹</span> : null}
                  <input
                    ref={field}
                    id={fieldId}
                    className="entry__input"
                    inputMode="decimal"
                    autoComplete="off"
                    value={text}
                    data-testid="discount-input"
                    onChange={(e) => setText(cleanNumber(e.target.value))}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        apply();
                      }
                    }}
                  />
                  {mode === 'percent' ? <span className="entry__currency" aria-hidden="true">%</span> : null}
                </div>
              </div>
              <p className={`discount__status${reading.status === 'ok' && reading.needsApproval ? ' discount__status--warn' : ''}${reading.status === 'unreadable' || reading.status === 'too-much' ? ' discount__status--error' : ''}`} aria-live="polite" data-testid="discount-status">
                {statusText(reading, t, money, percent, limitPct, price)}
              </p>
              <Keypad onKey={onKey} extraKey="." label={t('discount.keypad')} />
            </>
          ) : (
            <>
              <p className="discount__why" data-testid="discount-why">
                {t('discount.pinWhy', { amount: money(approving), share: percent(shareBps(approving, price)), pct: percent(limitPct * 100) })}
              </p>
              <ManagerPin pin={approval.pin} setPin={approval.setPin} check={approval.check} onSubmit={approve} testId="discount-pin" />
            </>
          )}
        </div>

        <aside className="discount__summary" aria-label={t('discount.newAmount')}>
          <dl className="figures">
            <dt>{t('discount.linePrice')}</dt>
            <dd>
              {item.qty > 1 ? <span className="discount__each">{t('discount.qtyTimesPrice', { qty: item.qty, price: money(item.unitPrice) })} </span> : null}
              <Money amount={price} />
            </dd>
            <dt>{t('discount.discount')}</dt>
            <dd data-testid="discount-amount">
              <Money amount={paise(-shown)} />
              {shown > 0 ? <span className="discount__share">{t('discount.share', { share: percent(shareBps(shown, price)) })}</span> : null}
            </dd>
            <dt>{t('discount.gst', { rate: percent(after.taxRateBps) })}</dt>
            <dd><Money amount={after.tax} /></dd>
          </dl>
          <div className="discount__new">
            <span className="discount__new-label">{t('discount.newAmount')}</span>
            <Money className="discount__new-amount" amount={after.gross} />
          </div>
          <p className="muted discount__limit">{t('discount.limit', { pct: percent(limitPct * 100), amount: money(discountLimit(price, limitPct)) })}</p>

          {scannedWhileOpen ? <Banner tone="warn" testId="scan-in-dialog">{t('sell.scannedInDialog', { code: scannedWhileOpen })}</Banner> : null}

          <div className="discount__actions">
            {approving === null ? (
              <>
                <button
                  type="button"
                  className="btn btn--primary btn--large btn--block"
                  data-testid="discount-apply"
                  disabled={reading.status !== 'ok'}
                  onClick={apply}
                >
                  {reading.status === 'ok' && reading.needsApproval ? t('discount.askManager') : t('discount.apply')}
                </button>
                {item.discount > 0 ? (
                  <button type="button" className="btn btn--danger-ghost btn--block" data-testid="discount-remove" onClick={() => onApply(paise(0), null)}>
                    {t('discount.remove')}
                  </button>
                ) : null}
              </>
            ) : (
              <>
                <button
                  type="button"
                  className="btn btn--primary btn--large btn--block"
                  data-testid="discount-approve"
                  disabled={!approval.ready}
                  onClick={approve}
                >
                  {checking ? t('approval.checking') : t('discount.approve')}
                </button>
                <button type="button" className="btn btn--secondary btn--block" disabled={checking} onClick={() => setApproving(null)}>
                  {t('discount.back')}
                </button>
              </>
            )}
          </div>
        </aside>
      </div>
    </Dialog>
  );
}

/** What may be typed from a keyboard: digits and one point with at most two decimals. */
function cleanNumber(text: string): string {
  const kept = text.replace(/[^0-9.]/g, '');
  const point = kept.indexOf('.');
  return point === -1 ? kept : kept.slice(0, point + 1) + kept.slice(point + 1).replace(/\./g, '').slice(0, 2);
}

function statusText(
  reading: DiscountReading,
  t: TFunction<'translation'>,
  money: (p: number) => string,
  percent: (bps: number) => string,
  limitPct: number,
  price: Paise,
): string {
  switch (reading.status) {
    case 'empty': return '';
    case 'unreadable': return reading.mode === 'percent' ? t('discount.unreadablePercent') : t('discount.unreadableAmount');
    case 'too-much': return t('discount.tooMuch', { price: money(price) });
    case 'ok': return reading.needsApproval ? t('discount.aboveLimit', { pct: percent(limitPct * 100) }) : '';
  }
}
