/**
 * A long piece of work (a backup, a restore, a rebuild from the journal) as a bar that
 * moves with it: `role="progressbar"` with its numbers (aria-valuenow/min/max), its name
 * (what is being done) and its value in words ("Restoring: 1,20,000 of 2,00,000 rows"),
 * which is also shown under the bar and announced politely. Without `value` the bar is
 * indeterminate (ARIA: no aria-valuenow), for a step that cannot say how far it is.
 * The fill grows from the inline start, so it runs right to left in Urdu.
 */
export function ProgressBar({ name, text, value, max, testId }: {
  name: string;
  text: string;
  value: number | null;
  max: number;
  testId?: string;
}) {
  const top = Math.max(1, max);
  const now = value === null ? null : Math.min(Math.max(0, value), top);
  return (
    <div className="progress" data-testid={testId}>
      <div
        className={now === null ? 'progress__track progress__track--busy' : 'progress__track'}
        role="progressbar"
        aria-label={name}
        aria-valuemin={0}
        aria-valuemax={top}
        aria-valuenow={now ?? undefined}
        aria-valuetext={text}
      >
        <div className="progress__fill" style={{ inlineSize: now === null ? '100%' : `${(now / top) * 100}%` }} />
      </div>
      <p className="progress__text" aria-live="polite">{text}</p>
    </div>
  );
}

