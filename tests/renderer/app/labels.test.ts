import { describe, expect, it } from 'vitest';
import { makeLabelSheet, openSheet, printJobs } from '../../../renderer/app/labels';
import type { OpenedSheet } from '../../../shared/contract';
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

  it('opens a sheet by its name: the host\'s viewer, a new tab at the host\'s address, a blocked tab, or the host\'s refusal', async () => {
    const { db } = await freshStore();
    let answer: OpenedSheet | null = { kind: 'opened' };
    const { host, calls } = fakeHost(async () => (answer ? ok(answer) : fail('not-found', 'The PDF is no longer in the kiosk\'s labels folder. Make the sheet again.')));
    const station = await stationWith(db, host);
    const tabs: string[] = [];
    const name = 'labels-20260401-093005-a1b2c3.pdf';
    expect(await openSheet(station, name, (url) => { tabs.push(url); return true; })).toEqual({ status: 'ok', value: 'viewer' });
    expect(tabs).toEqual([]);
    answer = { kind: 'url', url: `/api/output/${name}?ticket=t` };
    expect(await openSheet(station, name, (url) => { tabs.push(url); return true; })).toEqual({ status: 'ok', value: 'tab' });
    expect(await openSheet(station, name, () => false)).toEqual({ status: 'ok', value: 'blocked' });
    expect(tabs).toEqual([`/api/output/${name}?ticket=t`]);
    answer = null;
    expect(await openSheet(station, name, () => true)).toEqual({ status: 'refused', message: expect.stringContaining('Make the sheet again') });
    expect(calls.map((c) => c.input)).toEqual(Array(4).fill({ name }));
  });
});
