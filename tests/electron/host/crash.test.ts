import { EventEmitter } from 'node:events';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { installCrashHandlers, writeCrashReport, type CrashReport } from '../../../electron/host/crash';
import { tempDir } from '../helpers';

const now = () => new Date('2026-11-22T18:04:11.250Z');

async function reports(dir: string): Promise<CrashReport[]> {
  const folder = join(dir, 'crash-reports');
  const names = (await readdir(folder)).sort();
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(folder, n), 'utf8')) as CrashReport));
}

describe('crash reports', () => {
  it('writes time, message, stack and versions into <dataDir>/crash-reports', async () => {
    const dir = await tempDir();
    const file = writeCrashReport({ dataDir: dir, now, appVersion: '0.1.0' }, 'uncaughtException', new TypeError('printer socket is null'));
    expect(file).toMatch(new RegExp(`crash-reports[/\\\\]crash-2026-11-22T18-04-11-250Z-${process.pid}-[0-9a-f]{6}\\.json$`));
    const [report] = await reports(dir);
    expect(report).toMatchObject({
      time: '2026-11-22T18:04:11.250Z',
      kind: 'uncaughtException',
      message: 'printer socket is null',
      versions: { node: process.versions.node, app: '0.1.0' },
      platform: process.platform,
    });
    expect(report!.stack).toContain('TypeError: printer socket is null');
  });

  it('reports a rejection without ending the process, and an exception by calling onFatal', async () => {
    const dir = await tempDir();
    const target = new EventEmitter();
    const onFatal = vi.fn();
    const uninstall = installCrashHandlers({ dataDir: dir, now, onFatal, target });

    target.emit('unhandledRejection', new Error('upload timed out'));
    expect(onFatal).not.toHaveBeenCalled();
    const boom = new Error('state is broken');
    target.emit('uncaughtException', boom);
    expect(onFatal).toHaveBeenCalledWith(boom);

    const written = await reports(dir);
    expect(written.map((r) => [r.kind, r.message]).sort()).toEqual([
      ['uncaughtException', 'state is broken'],
      ['unhandledRejection', 'upload timed out'],
    ]);

    uninstall();
    expect(target.listenerCount('uncaughtException')).toBe(0);
    expect(target.listenerCount('unhandledRejection')).toBe(0);
  });

  it('describes a thrown non-error value too', async () => {
    const dir = await tempDir();
    writeCrashReport({ dataDir: dir, now }, 'unhandledRejection', { reason: 'nope' });
    const [report] = await reports(dir);
    expect(report).toMatchObject({ message: 'Non-error value thrown: {"reason":"nope"}', stack: null });
  });

  it('keeps only the newest 50 reports so a crash loop cannot fill the disk', async () => {
    const dir = await tempDir();
    const folder = join(dir, 'crash-reports');
    await mkdir(folder);
    for (let i = 0; i < 55; i++) await writeFile(join(folder, `crash-2020-01-01T00-00-${String(i).padStart(2, '0')}-000Z-1.json`), '{}');
    writeCrashReport({ dataDir: dir, now }, 'uncaughtException', new Error('again'));
    const names = (await readdir(folder)).sort();
    expect(names).toHaveLength(50);
    expect(names.at(-1)).toContain('2026-11-22');
    expect(names[0]).toBe('crash-2020-01-01T00-00-06-000Z-1.json');
  });
});
