/**
 * When and in which order closed days are (re)sent to the central system (PROTOCOL.md,
 * "The answers" and "Guarantees"). Pure: the clock and the random source are parameters,
 * so the renderer's outbox loop, the `npm run upload` command and the tests share one
 * policy and tests can run it with a 1 ms base.
 */

export interface RetryPolicy {
  /** The first retry waits up to this long; each further one doubles it. */
  baseMs: number;
  /** The doubling stops here (PROTOCOL.md: 15 minutes). */
  maxMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({ baseMs: 1_000, maxMs: 15 * 60 * 1_000 });

/**
 * A Retry-After longer than this is taken as a broken header rather than an instruction:
 * a day must not sit unsent for months because of one bad answer.
 */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1_000;

/**
 * How long to wait before the next attempt, after `failures` attempts (1 = the first
 * attempt just failed) that met passing trouble. Full jitter (a uniform pick between 0 and
 * the doubled ceiling) keeps a market's kiosks from all retrying in the same second after
 * an outage; a server's Retry-After is a floor the jitter may never undercut.
 */
export function retryDelayMs(
  failures: number,
  retryAfterMs: number | null,
  random: () => number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): number {
  const exponent = Math.max(0, Math.min(Math.floor(failures) - 1, 40));
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  const jittered = Math.floor(r * ceiling);
  const floor = retryAfterMs === null ? 0 : Math.min(Math.max(retryAfterMs, 0), MAX_RETRY_AFTER_MS);
  return Math.max(jittered, floor);
}

/**
 * A Retry-After header in milliseconds from `nowMs`: either delay-seconds or an HTTP-date
 * (RFC 9110 §10.2.3). Null when absent or unreadable, so the backoff alone decides.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1_000, MAX_RETRY_AFTER_MS);
  // An HTTP-date names its weekday and zone; anything less is not one (Date.parse guesses).
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(at - nowMs, 0), MAX_RETRY_AFTER_MS);
}

/** Oldest business day first; two days on one date (a second Z after a close) by Z number. */
export function compareDays(a: { businessDate: string; zNumber: number }, b: { businessDate: string; zNumber: number }): number {
  if (a.businessDate !== b.businessDate) return a.businessDate < b.businessDate ? -1 : 1;
  return a.zNumber - b.zNumber;
}

/** What the ordering needs to know of an outbox row. */
export interface UploadCandidate {
  businessDate: string;
  zNumber: number;
  /**
   * True while the day still has to reach the central system (queued, or waiting after
   * passing trouble); false once delivered or stopped (refused, unauthorized, conflict),
   * so a refused day never holds back the days after it.
   */
  pending: boolean;
  /** Not before this instant (ms since the epoch); null = as soon as possible. */
  nextAttemptAt: number | null;
}

export type NextUpload<T> =
  | { kind: 'send'; row: T }
  /** The oldest pending day is waiting out its backoff; later days wait behind it. */
  | { kind: 'wait'; row: T; untilMs: number }
  | { kind: 'idle' };

/**
 * The one day to send next. Days go strictly oldest first: passing trouble on the oldest
 * day (the network, the central system) would meet the later ones too, and the central
 * system then receives a market's days in order. Only days that are settled, delivered or
 * stopped for good, step out of the line.
 */
export function nextUpload<T extends UploadCandidate>(rows: readonly T[], nowMs: number): NextUpload<T> {
  let oldest: T | null = null;
  for (const row of rows) {
    if (row.pending && (oldest === null || compareDays(row, oldest) < 0)) oldest = row;
  }
  if (oldest === null) return { kind: 'idle' };
  if (oldest.nextAttemptAt !== null && oldest.nextAttemptAt > nowMs) return { kind: 'wait', row: oldest, untilMs: oldest.nextAttemptAt };
  return { kind: 'send', row: oldest };
}

/** The outcome kinds of one attempt (see UploadOutcome in shared/contract/upload.ts). */
export type AttemptKind = 'delivered' | 'refused' | 'unauthorized' | 'conflict' | 'retry' | 'not-enrolled';

export type AfterAttempt =
  | { state: 'delivered' }
  /** Stop retrying this day and show it to the manager (refused, unauthorized, conflict). */
  | { state: 'stopped' }
  /** Not sent: the device has no enrolment yet. Keep the day queued until there is one. */
  | { state: 'held' }
  | { state: 'retry'; failures: number; nextAttemptAt: number };

/**
 * What becomes of an outbox row after one attempt: `failures` counts the attempts that
 * met passing trouble before this one.
 */
export function afterAttempt(
  outcome: { outcome: AttemptKind; retryAfterMs?: number | null },
  failures: number,
  nowMs: number,
  random: () => number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): AfterAttempt {
  switch (outcome.outcome) {
    case 'delivered': return { state: 'delivered' };
    case 'refused':
    case 'unauthorized':
    case 'conflict': return { state: 'stopped' };
    case 'not-enrolled': return { state: 'held' };
    case 'retry': {
      const next = failures + 1;
      return { state: 'retry', failures: next, nextAttemptAt: nowMs + retryDelayMs(next, outcome.retryAfterMs ?? null, random, policy) };
    }
  }
}

const LOOPBACK_HOSTS = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\]|localhost)$/i;

/**
 * The central system's base URL as PROTOCOL.md allows it: https, or plain http only to
 * this machine's loopback (trials against `npm run central:dev`), never with credentials,
 * a query or a fragment (the signed path must be exactly the path sent). Returns why not,
 * or null when it is fine.
 */
export function baseUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'The central address must be a full URL such as https://central.example.org';
  }
  if (url.username || url.password) return 'The central address must not contain a user name or password';
  if (url.search || url.hash || text.includes('?') || text.includes('#')) return 'The central address must not have a ?query or #fragment';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.test(url.hostname)) return null;
  return 'The central address must start with https:// (http:// only for this computer, 127.0.0.1)';
}

/** The request path for a base URL that may carry a prefix (https://host/chinar → /chinar/v1/daily-earnings). */
export function uploadPath(baseUrl: string, path: string): string {
  const prefix = new URL(baseUrl).pathname.replace(/\/+$/, '');
  return `${prefix}${path}`;
}
