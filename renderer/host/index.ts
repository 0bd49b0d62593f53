import {
  HOST_METHOD_NAMES,
  hostEvents,
  type HostApi,
  type HostEvent,
  type HostEventPayload,
} from '../../shared/contract';
import { fail, type HostResult } from '../../shared/result';
import { jsonOf, readEvents, type StreamEvent } from '../../shared/event-stream';

/**
 * The renderer's side of the host contract. In Electron the preload has already put it
 * on `window.chinarHost`; in a browser (Chromium kiosk on the loopback host) it is an
 * HTTP client of the same contract. Either way the page holds one `HostApi` and every
 * failure, including a host that went away, comes back as `{ ok: false, error }` data:
 * nothing here throws at the screens.
 */

const TOKEN_KEY = 'chinar.hostToken';
const METHODS: ReadonlySet<string> = new Set(HOST_METHOD_NAMES);
const EVENTS: ReadonlySet<string> = new Set(Object.keys(hostEvents));
/** Long enough for a big backup or a slow network printer; a dead host must not hang the till. */
const CALL_TIMEOUT_MS = 120_000;

/**
 * Methods that may be sent again after lost contact: reads, puts of the same value, and
 * journal appends (idempotent by record id on the host). A print, a drawer kick, an upload
 * or an enrolment is not retried here: the host may have done it before the answer was
 * lost, and doing it twice is worse than the person pressing the button again.
 */
const RETRY_SAFE: ReadonlySet<string> = new Set([
  'app.info', 'printer.status', 'settings.get', 'settings.update', 'labels.pdf', 'cards.pdf',
  'journal.append', 'journal.status', 'journal.read', 'journal.importFiles', 'journal.checkImport',
  // The display's whole state each time: sending it twice shows the same thing.
  'display.publish',
]);
/** Pauses between tries of a retry-safe call while the host restarts: about 12 s in all. */
const RETRY_DELAYS_MS = [200, 400, 800, 1_500, 3_000, 3_000, 3_000];

const LOST_CONTACT = 'Lost contact with the kiosk host. Check that Chinar POS is still running on this computer, then try again; anything already saved is safe.';
const NO_TOKEN = 'This page was opened without its access key. Open the address the kiosk host printed when it started (it ends in #token=…).';
const BAD_TOKEN = 'The kiosk host did not accept this page\'s access key (a new one is issued when its data folder\'s web-token file is removed). Open the address the host printed when it last started.';

let cached: HostApi | null = null;

/** The host for this page, created once. Call it before a hash router reads the URL. */
export function getHost(): HostApi {
  if (cached) return cached;
  const bridge = typeof window === 'undefined' ? undefined : window.chinarHost;
  cached = bridge ?? createHttpHost({ baseUrl: location.origin, token: takeLaunchToken() });
  return cached;
}

/**
 * The launch token from `#token=…`, kept in sessionStorage so a reload still works, and
 * then removed from the visible URL so it is not shown, bookmarked or copied along.
 */
export function takeLaunchToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match) {
    const token = match[1]!;
    try {
      sessionStorage.setItem(TOKEN_KEY, token);
    } catch {
      // Storage disabled: the token still works until the page is reloaded.
    }
    const rest = location.hash.slice(1).split('&').filter((part) => !part.startsWith('token=')).join('&');
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
    return token;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export interface HttpHostOptions {
  /** The loopback host's origin, e.g. `http://127.0.0.1:5174`. */
  baseUrl: string;
  token: string | null;
  fetch?: typeof fetch;
  /** Reconnect delays for the event stream: doubles from `initialMs` up to `maxMs`. */
  reconnect?: { initialMs: number; maxMs: number };
  /** Pauses between tries of a retry-safe call that lost contact (default about 12 s in all). */
  retryDelaysMs?: readonly number[];
}

export interface HttpHost extends HostApi {
  /** Drops the event stream and every listener (tests, page unload). */
  close(): void;
}

function isHostResult(value: unknown): value is HostResult<unknown> {
  if (!value || typeof value !== 'object') return false;
  const v = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'value' in v;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error.message === 'string';
}

export function createHttpHost(options: HttpHostOptions): HttpHost {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.baseUrl.replace(/\/+$/, '');
  const { initialMs, maxMs } = options.reconnect ?? { initialMs: 500, maxMs: 30_000 };
  const listeners = new Map<HostEvent, Set<(payload: unknown) => void>>();
  let stream: AbortController | null = null;

  const retryDelays = options.retryDelaysMs ?? RETRY_DELAYS_MS;

  /**
   * Calls the host; a call that lost contact (the host restarting: connection refused, a
   * cut-off answer, "starting" 503) is tried again after a pause if it is safe to send twice.
   * Refusals are answers and pass straight through.
   */
  async function call(method: string, input: unknown): Promise<HostResult<unknown>> {
    if (!METHODS.has(method)) return fail('bad-request', `"${method.slice(0, 60)}" is not a host method.`);
    if (!options.token) return fail('unauthorized', NO_TOKEN);
    let body: string;
    try {
      body = JSON.stringify(input ?? {});
    } catch {
      return fail('bad-request', `${method}: the input cannot be sent as JSON.`);
    }
    const delays = RETRY_SAFE.has(method) ? retryDelays : [];
    for (let attempt = 0; ; attempt++) {
      const result = await callOnce(method, body);
      if (result !== 'lost') return result;
      if (attempt >= delays.length) return fail('internal', LOST_CONTACT);
      await sleep(delays[attempt]!, new AbortController().signal);
    }
  }

  async function callOnce(method: string, body: string): Promise<HostResult<unknown> | 'lost'> {
    let response: Response;
    try {
      response = await doFetch(`${base}/api/call/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
        body,
        cache: 'no-store',
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
    } catch {
      return 'lost';
    }
    if (response.status === 401) return fail('unauthorized', BAD_TOKEN);
    let result: unknown;
    try {
      result = await response.json();
    } catch {
      return 'lost';
    }
    // The host is up but not listening yet ("starting"): as good as not there.
    if (response.status === 503) return 'lost';
    // The host answers refusals (413, 400, 403) in the same shape, so they pass through.
    return isHostResult(result) ? result : 'lost';
  }

  function deliver({ event, data }: StreamEvent): void {
    if (!EVENTS.has(event)) return;
    const name = event as HostEvent;
    const payload = jsonOf(data);
    if (payload === undefined) return;
    const checked = hostEvents[name].safeParse(payload);
    if (!checked.success) return;
    for (const listener of [...(listeners.get(name) ?? [])]) listener(checked.data);
  }

  /** One connection; resolves when it ends, 'stop' when retrying cannot help. */
  async function readStream(signal: AbortSignal, onOpen: () => void): Promise<'ended' | 'stop'> {
    const response = await doFetch(`${base}/api/events`, {
      headers: { authorization: `Bearer ${options.token ?? ''}`, accept: 'text/event-stream' },
      cache: 'no-store',
      signal,
    });
    if (response.status === 401) return 'stop';
    if (!response.ok || !response.body) return 'ended';
    onOpen();
    await readEvents(response.body, deliver);
    return 'ended';
  }

  async function runStream(controller: AbortController): Promise<void> {
    let delay = initialMs;
    while (!controller.signal.aborted) {
      try {
        const outcome = await readStream(controller.signal, () => {
          delay = initialMs;
        });
        // A wrong token stays wrong until the page is reopened with the new URL.
        if (outcome === 'stop') return;
      } catch {
        // Host restarting or gone: fall through to the backoff and try again.
      }
      if (controller.signal.aborted) return;
      await sleep(delay, controller.signal);
      delay = Math.min(delay * 2, maxMs);
    }
  }

  function listenerCount(): number {
    let n = 0;
    for (const set of listeners.values()) n += set.size;
    return n;
  }

  function stopStream(): void {
    stream?.abort();
    stream = null;
  }

  return {
    call: call as HostApi['call'],
    on<E extends HostEvent>(event: E, listener: (payload: HostEventPayload<E>) => void): () => void {
      if (!EVENTS.has(event) || !options.token) return () => undefined;
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      if (!stream) {
        stream = new AbortController();
        void runStream(stream);
      }
      return () => {
        set.delete(entry);
        if (listenerCount() === 0) stopStream();
      };
    },
    close() {
      listeners.clear();
      stopStream();
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}
