import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeypadKey } from './keypadInput';

interface KeypadProps {
  onKey: (key: KeypadKey) => void;
  /** The key left of 0: "clear" for PINs, "." for amounts. */
  extraKey: 'clear' | '.';
  label: string;
  disabled?: boolean;
}

const ROWS: KeypadKey[][] = [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9']];

/**
 * A large on-screen numeric keypad: the kiosk may have a touch screen and no keyboard.
 * Its buttons keep the focus where it was (mousedown is cancelled), so tapping digits
 * types into the field being edited instead of taking the caret away from it.
 * Memoised: with a stable `onKey` it does not redraw on every keystroke of the field.
 */
export const Keypad = memo(function Keypad({ onKey, extraKey, label, disabled = false }: KeypadProps) {
  const { t } = useTranslation();
  const keyButton = (key: KeypadKey, content: string, aria?: string) => (
    <button
      key={key}
      type="button"
      className={`keypad__key keypad__key--${key === 'backspace' || key === 'clear' ? 'action' : 'digit'}`}
      tabIndex={-1}
      disabled={disabled}
      aria-label={aria}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onKey(key)}
    >
      {content}
    </button>
  );
  return (
    <div className="keypad" role="group" aria-label={label}>
      {ROWS.flat().map((k) => keyButton(k, k))}
      {extraKey === 'clear' ? keyButton('clear', t('keypad.clear')) : keyButton('.', t('keypad.point'), t('keypad.pointName'))}
      {keyButton('0', '0')}
      {keyButton('backspace', '⌫', t('keypad.backspace'))}
    </div>
  );
});
