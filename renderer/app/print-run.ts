import { messageOf, type Outcome } from './outcome';

/**
 * Thermal labels go to the printer one job per label. A job per label lets the printer
 * cut between labels (a document has one cut, at its end), and when the printer stops
 * half-way (paper out) the run knows exactly which labels came out, so "Resume" prints
 * the rest instead of the whole batch again.
 */

/** How one job went; anything but ok stops the run there. */
export type JobOutcome = Outcome<unknown>;

export type RunOutcome =
  /** Every job from `from` to the end printed. */
  | { status: 'done'; printed: number; total: number }
  /** Job `failedAt` (0-based) did not print; jobs before it did. */
  | { status: 'failed'; printed: number; total: number; failedAt: number; message: string }
  /** The manager pressed Stop; `next` is the first job not sent. */
  | { status: 'stopped'; printed: number; total: number; next: number };

export interface RunHooks {
  /** After each printed job: how many of all jobs are printed so far (including earlier runs). */
  onProgress?: (printedSoFar: number) => void;
  /** Asked before each job; true stops the run there. */
  shouldStop?: () => boolean;
}

/**
 * Sends jobs `from`..end one after the other (never in parallel: a printer takes one job
 * at a time, and order matters when labels are stuck on in the order they come out).
 * Stops at the first failure. `printed` counts every job done, earlier runs included.
 */
export async function runPrintJobs<T>(
  jobs: readonly T[],
  from: number,
  print: (job: T, index: number) => Promise<JobOutcome>,
  hooks: RunHooks = {},
): Promise<RunOutcome> {
  const total = jobs.length;
  const start = Math.min(Math.max(0, from), total);
  for (let i = start; i < total; i++) {
    if (hooks.shouldStop?.()) return { status: 'stopped', printed: i, total, next: i };
    let outcome: JobOutcome;
    try {
      outcome = await print(jobs[i]!, i);
    } catch (error) {
      outcome = { status: 'failed', message: messageOf(error) };
    }
    if (outcome.status !== 'ok') return { status: 'failed', printed: i, total, failedAt: i, message: outcome.message };
    hooks.onProgress?.(i + 1);
  }
  return { status: 'done', printed: total, total };
}
