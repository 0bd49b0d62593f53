/**
 * A choice of a few options as a row of big buttons (a radio group), for the counter's
 * dialogs. A tap does not take the focus: the field being typed into (an amount, a PIN)
 * keeps it, so the keypad and a keyboard go on working there.
 */
export function ChoiceButtons<V extends string>({ options, value, onChange, label, labelledBy, className = 'segmented', optionClassName, testIdPrefix, disabled = false }: {
  options: readonly { id: V; label: string }[];
  value: V | null;
  onChange: (value: V) => void;
  /** The group's name, or the id of the element that names it. */
  label?: string;
  labelledBy?: string;
  className?: string;
  optionClassName?: string;
  /** Each option's test id is `${testIdPrefix}-${id}`. */
  testIdPrefix: string;
  disabled?: boolean;
}) {
  return (
    <div className={className} role="radiogroup" aria-label={label} aria-labelledby={labelledBy}>
      {options.map((o) => (
        <button
          key={o.id}
          type="button"
          role="radio"
          aria-checked={value === o.id}
          className={optionClassName ? `segmented__option ${optionClassName}` : 'segmented__option'}
          data-testid={`${testIdPrefix}-${o.id}`}
          disabled={disabled}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onChange(o.id)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
