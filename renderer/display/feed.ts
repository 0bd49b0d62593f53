import { DisplayStateSchema, type DisplayBridge, type DisplayState } from '../../shared/display';
import { eventInBlock, jsonOf, readEvents } from '../../shared/event-stream';

/**
 * Where the customer display's states come from: in Electron the display window's
 * preload (`window.chinarDisplay`); in a browser the loopback host's
 * `GET /api/display/events`, with the display's own token from `#display=…` (kept in
 * sessionStorage so a reload still works, and taken out of the visible URL). Every state
 * is checked against the schema here: the page shows only what the contract allows.
 */

export type FeedStatus = 'connecting' | 'live' | 'lost' | 'no-key';

export interface FeedHandlers {
  onState(state: DisplayState): void;
  onStatus(status: FeedStatus): void;
}

const TOKEN_KEY = 'chinar.displayToken';
export const DISPLAY_EVENTS_PATH = '/api/display/events';

/** The display token from `#display=…`, else the one this tab kept. */
export function takeDisplayToken(): string | null {
  const match = /(?:^#|&)display=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match) {
    const token = match[1]!;
    try {
      sessionStorage.setItem(TOKEN_KEY, token);
    } catch {
      // Storage disabled: the token works until the page is reloaded.
    }
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    return token;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function checked(raw: unknown, handlers: FeedHandlers): void {
  const parsed = DisplayStateSchema.safeParse(raw);
  if (parsed.success) handlers.onState(parsed.data);
}

/** Electron: the preload gives the last state at once and every new one. */
export function connectBridge(bridge: DisplayBridge, handlers: FeedHandlers): () => void {
  handlers.onStatus('live');
  return bridge.onDisplayState((raw) => checked(raw, handlers));
}

export interface StreamOptions {
  baseUrl: string;
  token: string | null;
  fetch?: typeof fetch;
  /** Reconnect delays: doubling from `initialMs` up to `maxMs`. */
  reconnect?: { initialMs: number; maxMs: number };
}

/** The states in one block of Server-Sent Events text (`event: display.state` only). */
export function statesInBlock(block: string): unknown[] {
  const found = eventInBlock(block);
  if (found?.event !== 'display.state') return [];
  const state = jsonOf(found.data);
  return state === undefined ? [] : [state];
}

/** Browser kiosk mode: the event stream, reconnecting with backoff while the host restarts. */
export function connectStream(options: StreamOptions, handlers: FeedHandlers): () => void {
  const controller = new AbortController();
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const { initialMs, maxMs } = options.reconnect ?? { initialMs: 500, maxMs: 10_000 };
  if (!options.token) {
    handlers.onStatus('no-key');
    return () => undefined;
  }

  async function once(): Promise<'ended' | 'no-key'> {
    const response = await doFetch(`${options.baseUrl}${DISPLAY_EVENTS_PATH}`, {
      headers: { authorization: `Bearer ${options.token ?? ''}`, accept: 'text/event-stream' },
      cache: 'no-store',
      signal: controller.signal,
    });
    if (response.status === 401 || response.status === 403) return 'no-key';
    if (!response.ok || !response.body) return 'ended';
    handlers.onStatus('live');
    await readEvents(response.body, ({ event, data }) => {
      if (event === 'display.state') checked(jsonOf(data), handlers);
    });
    return 'ended';
  }

  void (async () => {
    let delay = initialMs;
    handlers.onStatus('connecting');
    while (!controller.signal.aborted) {
      try {
        // A refused key stays refused until the display is opened with the new address.
        if ((await once()) === 'no-key') {
          handlers.onStatus('no-key');
          return;
        }
        delay = initialMs;
      } catch {
        // Host restarting or gone: back off and try again.
      }
      if (controller.signal.aborted) return;
      handlers.onStatus('lost');
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, maxMs);
    }
  })();
  return () => controller.abort();
}

/** The feed for this page: the Electron bridge when there is one, else the loopback stream. */
export function connectDisplayFeed(handlers: FeedHandlers): () => void {
  const bridge = typeof window === 'undefined' ? undefined : window.chinarDisplay;
  if (bridge) return connectBridge(bridge, handlers);
  return connectStream({ baseUrl: location.origin, token: takeDisplayToken() }, handlers);
}
