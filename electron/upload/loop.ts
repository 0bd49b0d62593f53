import type { UploadOutcome } from '../../shared/contract/upload';
import { afterAttempt, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../shared/protocol/retry';

/**
 * Attempts one day until it is settled or the time is up, with the shared backoff. The
 * command line uses it for a day carried on a USB stick; the kiosk's own loop lives in
 * the renderer's outbox (it must survive restarts) and uses the same policy.
 */

export interface RetryLoopOptions {
  attempt: () => Promise<UploadOutcome>;
  policy?: RetryPolicy;
  random?: () => number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Stop when the next attempt would start later than this many ms after the first; null = never. */
  giveUpAfterMs: number | null;
  /** Told about each attempt that met passing trouble, with the wait before the next. */
  onRetry?: (outcome: UploadOutcome & { outcome: 'retry' }, waitMs: number, attempt: number) => void;
}

export type RetryLoopResult =
  | { result: 'settled'; outcome: Exclude<UploadOutcome, { outcome: 'retry' }>; attempts: number; elapsedMs: number }
  /** Passing trouble outlasted `giveUpAfterMs`; `last` is the last attempt's outcome. */
  | { result: 'gave-up'; last: UploadOutcome & { outcome: 'retry' }; attempts: number; elapsedMs: number };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function uploadWithRetries(options: RetryLoopOptions): Promise<RetryLoopResult> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const started = now();
  let failures = 0;
  for (let attempts = 1; ; attempts++) {
    const outcome = await options.attempt();
    if (outcome.outcome !== 'retry') return { result: 'settled', outcome, attempts, elapsedMs: now() - started };
    const next = afterAttempt(outcome, failures, now(), random, policy);
    if (next.state !== 'retry') throw new Error('unreachable: a retry outcome is scheduled for retry');
    failures = next.failures;
    const waitMs = Math.max(0, next.nextAttemptAt - now());
    if (options.giveUpAfterMs !== null && next.nextAttemptAt - started > options.giveUpAfterMs) {
      return { result: 'gave-up', last: outcome, attempts, elapsedMs: now() - started };
    }
    options.onRetry?.(outcome, waitMs, attempts);
    await sleep(waitMs);
  }
}
