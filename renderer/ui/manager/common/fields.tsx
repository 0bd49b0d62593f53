import { useCallback, useId, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from '../../components/Keypad';
import { editAmount, type KeypadKey } from '../../components/keypadInput';
import { editDigits, type FieldError } from '../logic/forms';

/** A field's error in words, from the `errors.` keys of the manager namespace. */
export function useFieldErrorText(): (error: FieldError | undefined) => string | null {
  const { t } = useTranslation('manager');
  return (error) => (error ? t(`errors.${error.key}`, error.values ?? {}) : null);
}

interface TextFieldProps {
  label: string;
  /** Left out for an uncontrolled field (the device key), read through `inputRef`. */
  value?: string;
  onChange?: (value: string) => void;
  /**
   * What is wrong with the value: a manager-form error (its `errors.` key in the manager
   * namespace), or words already said (a settings Problem through useProblemText, the
   * host's or the store's own message).
   */
  error?: FieldError | string | null | undefined;
  hint?: ReactNode;
  /** What the touch keyboard shows; numeric fields also get the on-screen keypad. */
  inputMode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'url';
  /**
   * A whole number of at most this many digits (a count, a limit, a port, an HSN code): the
   * numeric keyboard, and whatever else is typed or pasted is dropped before onChange.
   */
  digits?: number;
  /** 'password' for the device key: typed, never shown. */
  type?: 'text' | 'password';
  multiline?: boolean;
  rows?: number;
  disabled?: boolean;
  /** The on-screen keypad types into this field while it is active. */
  active?: boolean;
  /**
   * Its own on-screen keypad, shown under the field while the field has the focus (a tap on
   * it), for a kiosk with no keyboard: `amount` for rupees or a percentage (a point, two
   * decimals), `count` for a whole number, `code` for digits that keep a leading zero (an
   * HSN code). A form with one shared keypad (the product form) uses `active` instead.
   */
  keypad?: 'amount' | 'count' | 'code';
  onFocus?: () => void;
  prefix?: string;
  testId?: string;
  autoFocus?: boolean;
  maxLength?: number;
  inputRef?: Ref<HTMLInputElement>;
  /** Digits and codes read left to right in every language (a GSTIN, an IP address). */
  ltr?: boolean;
  /** More classes on the field's box (a settings form's full-width row). */
  className?: string;
}

/**
 * A labelled text field with its hint and its error under it. The error is tied to the
 * input (aria-describedby, aria-invalid) so a screen reader says it with the field.
 */
export function TextField({
  label, value, onChange, error, hint, inputMode: mode = 'text', digits, type = 'text', multiline = false, rows = 3, disabled = false,
  active = false, keypad, onFocus, prefix, testId, autoFocus, maxLength, inputRef, ltr = false, className,
}: TextFieldProps) {
  const id = useId();
  const [focused, setFocused] = useState(false);
  const inputMode = digits === undefined ? mode : 'numeric';
  const accept = (text: string) => (digits === undefined ? text : text.replace(/\D/g, '').slice(0, digits));
  const fieldError = useFieldErrorText();
  const errorText = typeof error === 'string' ? error : fieldError(error ?? undefined);
  const describedBy = [hint ? `${id}-hint` : null, errorText ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    disabled,
    'aria-invalid': errorText ? true : undefined,
    'aria-describedby': describedBy,
    'data-testid': testId,
    autoFocus,
    maxLength,
    onFocus: () => {
      setFocused(true);
      onFocus?.();
    },
    onBlur: () => {
      if (!keypad) return;
      // The keypad goes once the tap that took the focus away has ended: going at once would
      // move what is under the finger between its press and its release, and the tap would miss.
      const hide = () => {
        window.removeEventListener('click', hide);
        if (document.activeElement !== document.getElementById(id)) setFocused(false);
      };
      window.addEventListener('click', hide);
      setTimeout(hide, KEYPAD_LINGER_MS);
    },
    dir: ltr ? 'ltr' : undefined,
    autoComplete: 'off',
    spellCheck: false,
  };
  const controlled = value === undefined ? {} : { value, onChange: (e: { target: { value: string } }) => onChange?.(accept(e.target.value)) };
  const classes = ['mfield', errorText ? 'mfield--error' : null, active ? 'mfield--active' : null, className ?? null].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <label className="mfield__label" htmlFor={id}>{label}</label>
      <div className="mfield__box">
        {prefix ? <span className="mfield__prefix" aria-hidden="true">{prefix}</span> : null}
        {multiline ? (
          <textarea {...common} {...controlled} className="mfield__input mfield__input--multi" rows={rows} />
        ) : (
          <input {...common} {...controlled} ref={inputRef} className="mfield__input" type={type} inputMode={inputMode} />
        )}
      </div>
      {keypad && focused && !disabled && value !== undefined && onChange ? (
        <FieldKeypad kind={keypad} label={label} value={value} onChange={onChange} digits={digits ?? maxLength} />
      ) : null}
      {hint ? <p id={`${id}-hint`} className="mfield__hint">{hint}</p> : null}
      {errorText ? <p id={`${id}-error`} className="mfield__error" data-testid={testId ? `${testId}-error` : undefined}>{errorText}</p> : null}
    </div>
  );

}

/** How long a field's keypad stays after the focus left by the keyboard (no tap to wait for). */
const KEYPAD_LINGER_MS = 400;

/** The keypad under a TextField: its keys edit the field's text by the field's kind of number. */
function FieldKeypad({ kind, label, value, onChange, digits }: { kind: 'amount' | 'count' | 'code'; label: string; value: string; onChange: (value: string) => void; digits: number | undefined }) {
  const { t } = useTranslation('manager');
  const press = useCallback((key: KeypadKey) => {
    onChange(kind === 'amount' ? editAmount(value, key) : editDigits(value, key, digits ?? 9, kind));
  }, [kind, value, onChange, digits]);
  return (
    <div className="mfield__keypad">
      <Keypad onKey={press} extraKey={kind === 'amount' ? '.' : 'clear'} label={t('common.keypadFor', { what: label })} />
    </div>
  );
}

interface ToggleProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Words for the two states: a switch's colour alone does not say which is on. */
  onText: string;
  offText: string;
  hint?: string;
  disabled?: boolean;
  testId?: string;
}

/** A yes/no switch, large enough to tap, with its state in words. */
export function Toggle({ label, checked, onChange, onText, offText, hint, disabled = false, testId }: ToggleProps) {
  const id = useId();
  return (
    <div className="mfield">
      <span className="mfield__label" id={`${id}-label`}>{label}</span>
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-labelledby={`${id}-label`}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className={`toggle${checked ? ' toggle--on' : ''}`}
        disabled={disabled}
        data-testid={testId}
        onClick={() => onChange(!checked)}
      >
        <span className="toggle__track" aria-hidden="true"><span className="toggle__thumb" /></span>
        <span className="toggle__text">{checked ? onText : offText}</span>
      </button>
      {hint ? <p id={`${id}-hint`} className="mfield__hint">{hint}</p> : null}
    </div>
  );
}

interface SegmentedProps<V extends string> {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  testId?: string;
  hint?: string;
}

/** A choice of a few options as a row of big buttons (a radio group), not a dropdown. */
export function Segmented<V extends string>({ label, value, options, onChange, testId, hint }: SegmentedProps<V>) {
  const id = useId();
  return (
    <div className="mfield">
      <span className="mfield__label" id={`${id}-label`}>{label}</span>
      <div className="segmented" role="radiogroup" aria-labelledby={`${id}-label`} data-testid={testId}>
        {options.map((o) => (
          <button
            key={o.value}
            type="button"
            role="radio"
            aria-checked={o.value === value}
            className="segmented__option"
            data-value={o.value}
            onClick={() => onChange(o.value)}
          >
            {o.label}
          </button>
        ))}
      </div>
      {hint ? <p className="mfield__hint">{hint}</p> : null}
    </div>
  );
}

interface StepperProps {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
  /** Read out and shown with the number, e.g. "labels". */
  unit?: string;
  testId?: string;
  compact?: boolean;
}

/** − number + : counts changed by tapping, with the number typed when that is quicker. */
export function Stepper({ label, value, min, max, onChange, unit, testId, compact = false }: StepperProps) {
  const { t } = useTranslation('manager');
  const id = useId();
  const set = (n: number) => onChange(Math.min(max, Math.max(min, n)));
  return (
    <div className={`stepper${compact ? ' stepper--compact' : ''}`} role="group" aria-labelledby={`${id}-label`} data-testid={testId}>
      <span className={compact ? 'visually-hidden' : 'mfield__label'} id={`${id}-label`}>{label}</span>
      <div className="stepper__row">
        <button type="button" className="btn btn--ghost btn--square" aria-label={t('common.less', { what: label })} disabled={value <= min} onClick={() => set(value - 1)}>−</button>
        <input
          className="stepper__value"
          type="text"
          inputMode="numeric"
          aria-label={label}
          value={String(value)}
          onChange={(e) => {
            const digits = e.target.value.replace(/\D/g, '');
            set(digits === '' ? min : Number(digits.slice(0, 6)));
          }}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="btn btn--ghost btn--square" aria-label={t('common.more', { what: label })} disabled={value >= max} onClick={() => set(value + 1)}>+</button>
        {unit ? <span className="stepper__unit">{unit}</span> : null}
      </div>
    </div>
  );
}

/** A page-level heading bar: back to the manager's home, the title, and the page's actions. */
export function PageBar({ title, onBack, backLabel, children }: { title: string; onBack: () => void; backLabel: string; children?: ReactNode }) {
  return (
    <div className="mgr__bar">
      <button type="button" className="btn btn--ghost mgr__back" onClick={onBack} data-testid="manager-back">
        <span aria-hidden="true">←</span> {backLabel}
      </button>
      <h1 className="mgr__title">{title}</h1>
      {children ? <div className="mgr__actions">{children}</div> : null}
    </div>
  );
}
