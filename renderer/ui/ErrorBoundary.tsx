import { Component, type ErrorInfo, type ReactNode } from 'react';
import i18next from 'i18next';

/**
 * Last line of defence: a screen that throws while drawing shows a calm message and a
 * restart button, never a stack trace. Committed sales are in the store either way.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For whoever opens the developer tools; the screen shows none of it.
    console.error('Screen failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="fatal" role="alert">
        <h1>{i18next.t('fatal.title')}</h1>
        <p>{i18next.t('fatal.body')}</p>
        <button type="button" className="btn btn--primary btn--large" onClick={() => window.location.reload()}>
          {i18next.t('fatal.restart')}
        </button>
      </main>
    );
  }
}
