import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { DisplayState } from '../../shared/display';
import { initI18n } from '../i18n';
import { DisplayApp } from './DisplayApp';
import { connectDisplayFeed, type FeedStatus } from './feed';
import '../styles/tokens.css';
import '../styles/display.css';

/**
 * The customer display's entry (display.html): its own page, importing none of the
 * operator's screens, the store or the host contract's client. It starts in English and
 * then follows the language each state names (the counter's).
 */
function Root() {
  const [state, setState] = useState<DisplayState | null>(null);
  const [status, setStatus] = useState<FeedStatus>('connecting');
  useEffect(() => connectDisplayFeed({ onState: setState, onStatus: setStatus }), []);
  return <DisplayApp state={state} status={status} />;
}

async function start(): Promise<void> {
  await initI18n('en');
  const root = document.getElementById('display-root');
  if (!root) throw new Error('display.html has no #display-root');
  createRoot(root).render(<StrictMode><Root /></StrictMode>);
}

void start();
