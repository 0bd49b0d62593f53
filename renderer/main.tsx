import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { HostApi } from '../shared/contract';
import { getHost } from './host';
import { initI18n, isLanguage, rememberedLanguage } from './i18n';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import './styles/app.css';

function connectHost(): HostApi | Error {
  try {
    return getHost();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * The kiosk's language: the one last picked on the switcher (sign-in screen or header),
 * else `?lang=hi` or `?lang=ur` in the launch address (the counter's default), else English.
 */
function chosenLanguage() {
  const asked = new URLSearchParams(window.location.search).get('lang');
  return rememberedLanguage() ?? (isLanguage(asked) ? asked : 'en');
}

async function start(): Promise<void> {
  await initI18n(chosenLanguage());
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App host={connectHost()} />
      </ErrorBoundary>
    </StrictMode>,
  );
}

void start();
