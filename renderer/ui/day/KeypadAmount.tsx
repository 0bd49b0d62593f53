import { useCallback, type Dispatch, type SetStateAction } from 'react';
import { EntryField } from '../components/EntryField';
import { Keypad } from '../components/Keypad';
import { editAmount, type KeypadKey } from '../components/keypadInput';

interface KeypadAmountProps {
  id: string;
  label: string;
  keypadLabel: string;
  /** Rupees as typed ("1250.50"); parseRupees reads it. */
  value: string;
  onChange: Dispatch<SetStateAction<string>>;
  testId: string;
}

/**
 * A sum of rupees for the drawer's dialogs (a paid-in or -out, an artisan's payout): typed on
 * the keypad under it or a keyboard, which may add only digits and a point.
 */
export function KeypadAmount({ id, label, keypadLabel, value, onChange, testId }: KeypadAmountProps) {
  const onKey = useCallback((key: KeypadKey) => onChange((a) => editAmount(a, key)), [onChange]);
  return (
    <>
      <EntryField id={id} label={label} value={value} onChange={(v) => onChange(v.replace(/[^\d.]/g, ''))} active prefix="₹" inputMode="decimal" testId={testId} />
      <Keypad onKey={onKey} extraKey="." label={keypadLabel} />
    </>
  );
}
