import type { KeyboardEvent } from 'react';

interface SearchFieldProps {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  /** The field's name for a screen reader: it has no visible label. */
  label: string;
  /** The words on the Clear button, which shows while there is something to clear. */
  clearLabel: string;
  testId: string;
  /** The row's place in its screen's layout, beside `searchfield`. */
  className?: string;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}

/** A search box with a Clear button after it; Clear empties it through `onChange`. */
export function SearchField({ value, onChange, placeholder, label, clearLabel, testId, className, onKeyDown }: SearchFieldProps) {
  return (
    <div className={className ? `searchfield ${className}` : 'searchfield'}>
      <input
        type="search"
        className="field"
        value={value}
        placeholder={placeholder}
        aria-label={label}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid={testId}
      />
      {value ? <button type="button" className="btn btn--ghost" onClick={() => onChange('')}>{clearLabel}</button> : null}
    </div>
  );
}
