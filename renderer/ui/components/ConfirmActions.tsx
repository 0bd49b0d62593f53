import type { ReactNode } from 'react';

interface ConfirmActionsProps {
  /** The way out (Cancel, Keep, Stay): it leaves things as they were. */
  cancelLabel: string;
  onCancel: () => void;
  confirmLabel: ReactNode;
  onConfirm: () => void;
  /** `danger` where going ahead throws something away or goes past a limit. */
  tone?: 'primary' | 'danger';
  /** While what was confirmed runs: neither button takes another tap. */
  busy?: boolean;
  /** Going ahead waits for something more (a PIN long enough to check). */
  confirmDisabled?: boolean;
  /** The way out has the focus, for a question whose safe answer is no. */
  focusCancel?: boolean;
  cancelTestId?: string;
  confirmTestId?: string;
  /** More classes on the row, for a dialog's own layout. */
  className?: string;
}

/** A dialog's answer row: the way out, then the action it asks about. */
export function ConfirmActions({
  cancelLabel, onCancel, confirmLabel, onConfirm, tone = 'primary', busy = false, confirmDisabled = false,
  focusCancel = false, cancelTestId, confirmTestId, className,
}: ConfirmActionsProps) {
  return (
    <div className={className ? `confirm__actions ${className}` : 'confirm__actions'}>
      <button type="button" className="btn btn--secondary btn--large" data-testid={cancelTestId} disabled={busy} onClick={onCancel} autoFocus={focusCancel}>
        {cancelLabel}
      </button>
      <button type="button" className={`btn btn--${tone} btn--large`} data-testid={confirmTestId} disabled={busy || confirmDisabled} onClick={onConfirm}>
        {confirmLabel}
      </button>
    </div>
  );
}
