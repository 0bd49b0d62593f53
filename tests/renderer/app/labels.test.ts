import { describe, expect, it } from 'vitest';
import { makeLabelSheet, printJobs } from '../../../renderer/app/labels';
import type { PrintDocument } from '../../../shared/documents';
import { fail, ok } from '../../../shared/result';
import { freshStore } from '../db/helpers';
import { fakeHost, stationWith } from './helpers';

describe('labels through the host', () => {
  const doc = (n: number): PrintDocument => ({ type: 'label', title: `Label ${n}`, width: 48, blocks: [], cut: true });

  it('sends one printer.print job per label, without opening the drawer, and stops at a failure', async () => {
    const { db } = await freshStore();
    const { host, calls } = fakeHost(async (_m, _i, n) => (n === 3 ? fail('printer-error', 'Printer is out of paper.') : ok({ jobId: `j${n}`, target: 'File printer', bytes: 10 })));
    const station = await stationWith(db, host);
    const outcome = await printJobs(station, [doc(1), doc(2), doc(3), doc(4)], 0, {});
    expect(outcome).toEqual({ status: 'failed', printed: 2, total: 4, failedAt: 2, message: 'Printer is out of paper.' });
    expect(calls).toEqual([1, 2, 3].map((n) => ({ method: 'printer.print', input: { document: doc(n), openDrawer: false } })));
  });

  it('answers a sheet with the host’s path, or with the host’s message', async () => {
    const { db } = await freshStore();
    let refuse = false;
    const { host, calls } = fakeHost(async () => (refuse ? fail('io-error', 'The disk is full.') : ok({ path: '/data/labels/x.pdf', name: 'x.pdf', pages: 2 })));
    const station = await stationWith(db, host);
    const sheet = { layout: '3x8' as const, labels: [], skip: 3 };
    expect(await makeLabelSheet(station, sheet)).toEqual({ status: 'ok', value: { path: '/data/labels/x.pdf', name: 'x.pdf', pages: 2 } });
    refuse = true;
    expect(await makeLabelSheet(station, sheet)).toEqual({ status: 'failed', message: 'The disk is full.' });
    expect(calls.map((c) => c.method)).toEqual(['labels.pdf', 'labels.pdf']);
  });
});
