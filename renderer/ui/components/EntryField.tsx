import type { InputHTMLAttributes, Ref } from 'react';

interface EntryFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'onSubmit' | 'className'> {
  id: string;
  label: string;
  value: string;
  /** The new text, as typed (the caller keeps only what it accepts). */
  onChange: (value: string) => void;
  /** Enter in the field: the dialog's main action, as its keypad's button would. */
  onSubmit?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  /** Highlighted as the field the keypad types into. */
  active?: boolean;
  inputClassName?: string;
  /** A symbol before the typed text (₹ on an amount); the label already says what it is. */
  prefix?: string;
  /**
   * Digits only, at most this many (a PIN, a quantity): the numeric keyboard, and anything
   * else typed or pasted is dropped before onChange.
   */
  digits?: number;
  testId: string;
}

/**
 * A labelled entry box of the keypad dialogs (PIN, quantity, parked-sale label, tenders): Enter
 * submits. The browser offers nothing typed before (autoComplete off): the counter is shared.
 */
export function EntryField({ id, label, value, onChange, onSubmit, inputRef, active = false, inputClassName = '', prefix, digits, testId, autoComplete = 'off', ...input }: EntryFieldProps) {
  return (
    <div className={active ? 'entry entry--active' : 'entry'}>
      <label htmlFor={id} className="entry__label">{label}</label>
      <div className="entry__box">
        {prefix ? <span className="entry__currency" aria-hidden="true">{prefix}</span> : null}
        <input
          {...input}
          {...(digits === undefined ? {} : { inputMode: 'numeric' as const })}
          ref={inputRef}
          id={id}
          autoComplete={autoComplete}
          className={`entry__input ${inputClassName}`.trim()}
          value={value}
          data-testid={testId}
          onChange={(e) => onChange(digits === undefined ? e.target.value : e.target.value.replace(/\D/g, '').slice(0, digits))}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && onSubmit) {
              e.preventDefault();
              onSubmit();
            }
          }}
        />
      </div>
    </div>
  );
}
