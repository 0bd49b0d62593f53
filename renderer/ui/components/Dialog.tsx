import { useEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  children: ReactNode;
  /** Escape and the close button call this; without it the dialog cannot be dismissed. */
  onClose?: () => void;
  closeLabel?: string;
  className?: string;
  testId?: string;
}

/**
 * A modal on the native <dialog>: the browser keeps focus inside it and puts it above
 * everything, with no focus-trap code of our own.
 */
export function Dialog({ title, children, onClose, closeLabel, className, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-label={title}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose?.();
      }}
    >
      <header className="dialog__header">
        <h2 className="dialog__title">{title}</h2>
        {onClose ? (
          <button type="button" className="btn btn--ghost dialog__close" onClick={onClose}>
            {closeLabel}
          </button>
        ) : null}
      </header>
      <div className="dialog__body">{children}</div>
    </dialog>
  );
}
