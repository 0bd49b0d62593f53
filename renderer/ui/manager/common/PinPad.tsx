import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from '../../components/Keypad';
import { editPin } from '../../components/keypadInput';
import type { FieldError } from '../logic/forms';
import { useFieldErrorText } from './fields';

const MAX_PIN = 6;

interface PinPadProps {
  label: string;
  pin: string;
  onChange: (pin: string) => void;
  error?: FieldError | undefined;
  hint?: string;
  testId?: string;
}

/**
 * A new PIN typed on the on-screen keypad. Digits show as dots, with a "Show" button:
 * the manager is usually setting it with the person standing beside them, and may want
 * to read it back once, but not leave it on screen for the queue to see.
 */
export function PinPad({ label, pin, onChange, error, hint, testId }: PinPadProps) {
  const { t } = useTranslation('manager');
  const [visible, setVisible] = useState(false);
  const errorText = useFieldErrorText()(error);
  return (
    <div className={`pinpad${errorText ? ' pinpad--error' : ''}`} data-testid={testId}>
      <span className="mfield__label">{label}</span>
      <div className="pinpad__row">
        <output className="pinpad__digits" aria-label={t('pin.entered', { count: pin.length })} data-testid={testId ? `${testId}-digits` : undefined}>
          {pin === '' ? <span className="pinpad__none">{t('pin.none')}</span> : visible ? pin : '●'.repeat(pin.length)}
        </output>
        <button type="button" className="btn btn--ghost btn--small" aria-pressed={visible} onClick={() => setVisible((v) => !v)}>
          {visible ? t('pin.hide') : t('pin.show')}
        </button>
      </div>
      {hint ? <p className="mfield__hint">{hint}</p> : null}
      {errorText ? <p className="mfield__error">{errorText}</p> : null}
      <Keypad onKey={(key) => onChange(editPin(pin, key, MAX_PIN))} extraKey="clear" label={t('pin.keypad', { what: label })} />
    </div>
  );
}
