import type { ReactNode } from 'react';

type Tone = 'info' | 'ok' | 'warn' | 'error';

/**
 * A message across the screen. Errors and warnings are announced (role="alert") so a
 * screen reader says them at once; info and success are polite.
 */
export function Banner({ tone, children, action, testId }: { tone: Tone; children: ReactNode; action?: ReactNode; testId?: string }) {
  const urgent = tone === 'error' || tone === 'warn';
  return (
    <div className={`banner banner--${tone}`} role={urgent ? 'alert' : 'status'} data-testid={testId}>
      <div className="banner__text">{children}</div>
      {action ? <div className="banner__action">{action}</div> : null}
    </div>
  );
}
