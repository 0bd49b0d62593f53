import { useCallback, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_DENOMINATIONS } from '../../../shared/cash-count';
import { Keypad } from '../components/Keypad';
import type { KeypadKey } from '../components/keypadInput';
import { Money } from '../components/Money';
import { editCount, lineValue, type CountDraft, type CountField } from './cashCountDraft';

interface CashCountFormProps {
  draft: CountDraft;
  setDraft: Dispatch<SetStateAction<CountDraft>>;
  active: CountField;
  setActive: (field: CountField) => void;
  testId: string;
  disabled?: boolean;
}

/**
 * A drawer counted by denomination: a row per note (₹500 … ₹10) with how many, and the
 * coins as one amount, typed on the on-screen keypad into the row that is picked (a tap on
 * a row picks it) or with a keyboard. Each row shows its value and the foot the total.
 */
export function CashCountForm({ draft, setDraft, active, setActive, testId, disabled = false }: CashCountFormProps) {
  const { t } = useTranslation('day');
  const onKey = useCallback((key: KeypadKey) => setDraft((d) => editCount(d, active, key)), [setDraft, active]);
  const fields: CountField[] = [...NOTE_DENOMINATIONS, 'coins'];
  const total = fields.reduce((s, f) => s + lineValue(draft, f), 0);
  return (
    <div className="count" data-testid={testId}>
      <div className="count__rows" role="group" aria-label={t('count.label')}>
        {fields.map((field) => {
          const label = field === 'coins' ? t('count.coins') : t('count.note', { rupees: field });
          const value = field === 'coins' ? draft.coins : draft.notes[field];
          return (
            <label key={field} className={`count__row${active === field ? ' count__row--active' : ''}`}>
              <span className="count__name">{label}</span>
              <input
                className="count__input"
                inputMode={field === 'coins' ? 'decimal' : 'numeric'}
                autoComplete="off"
                value={value}
                placeholder="0"
                disabled={disabled}
                data-testid={`${testId}-${field}`}
                aria-label={label}
                onFocus={() => setActive(field)}
                onChange={(e) => {
                  const text = e.target.value.trim();
                  setDraft((d) => (field === 'coins' ? { ...d, coins: text.replace(/[^\d.]/g, '') } : { ...d, notes: { ...d.notes, [field]: text.replace(/\D/g, '').slice(0, 4) } }));
                }}
              />
              <span className="count__value"><Money amount={lineValue(draft, field)} /></span>
            </label>
          );
        })}
        <div className="count__total">
          <span>{t('count.total')}</span>
          <strong data-testid={`${testId}-total`}><Money amount={total} /></strong>
        </div>
      </div>
      <Keypad onKey={onKey} extraKey="." label={t('count.keypad')} disabled={disabled} />
    </div>
  );
}
