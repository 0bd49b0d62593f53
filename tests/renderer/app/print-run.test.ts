import { describe, expect, it } from 'vitest';
import { runPrintJobs, type JobOutcome } from '../../../renderer/app/print-run';

describe('thermal print runs', () => {
  const jobs = ['a', 'b', 'c', 'd', 'e'];

  it('prints every job in order, one at a time', async () => {
    const sent: string[] = [];
    let inFlight = 0;
    const outcome = await runPrintJobs(jobs, 0, async (job) => {
      inFlight++;
      expect(inFlight).toBe(1);
      await new Promise((r) => setTimeout(r, 1));
      sent.push(job);
      inFlight--;
      return { status: 'ok', value: undefined };
    });
    expect(sent).toEqual(jobs);
    expect(outcome).toEqual({ status: 'done', printed: 5, total: 5 });
  });

  it('stops at the first failure, and a resume prints only the rest', async () => {
    const sent: string[] = [];
    let paperOut = true;
    const print = async (job: string): Promise<JobOutcome> => {
      if (job === 'c' && paperOut) return { status: 'failed', message: 'Printer is out of paper.' };
      sent.push(job);
      return { status: 'ok', value: undefined };
    };
    const first = await runPrintJobs(jobs, 0, print);
    expect(first).toEqual({ status: 'failed', printed: 2, total: 5, failedAt: 2, message: 'Printer is out of paper.' });
    expect(sent).toEqual(['a', 'b']);
    paperOut = false;
    const progress: number[] = [];
    const second = await runPrintJobs(jobs, first.status === 'failed' ? first.failedAt : 0, print, { onProgress: (n) => progress.push(n) });
    expect(second).toEqual({ status: 'done', printed: 5, total: 5 });
    expect(sent).toEqual(jobs);
    expect(progress).toEqual([3, 4, 5]);
  });

  it('treats a print function that throws as a failed job', async () => {
    const outcome = await runPrintJobs(jobs, 0, async (job) => {
      if (job === 'b') throw new Error('host went away');
      return { status: 'ok', value: undefined };
    });
    expect(outcome).toEqual({ status: 'failed', printed: 1, total: 5, failedAt: 1, message: 'host went away' });
  });

  it('stops before the next job when asked, saying where to go on', async () => {
    let stop = false;
    const outcome = await runPrintJobs(jobs, 0, async (job) => {
      if (job === 'b') stop = true;
      return { status: 'ok', value: undefined };
    }, { shouldStop: () => stop });
    expect(outcome).toEqual({ status: 'stopped', printed: 2, total: 5, next: 2 });
  });
});
