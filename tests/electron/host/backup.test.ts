import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUPS_KEPT, type HostOutput } from '../../../shared/contract';
import type { HostResult } from '../../../shared/result';
import { createHost } from '../../../electron/host';
import { backupInput, fakePrinterFactory, tempDir } from '../helpers';

/** A host whose clock moves on a second per backup, so names are in order. */
async function hostWithClock() {
  const dir = await tempDir();
  let n = 0;
  const host = createHost({ dataDir: dir, transport: 'web', printerFactory: fakePrinterFactory().factory, now: () => new Date(Date.UTC(2026, 10, 22, 10, 0, n++)) });
  return { dir, host };
}

type Written = HostResult<HostOutput<'backup.write'>>;
type Listed = HostResult<HostOutput<'backup.list'>>;

const CONTENT = JSON.stringify({ formatName: 'dexie', formatVersion: 1, data: { note: 'ज़ैनब — زینب' } });

describe('backups in the host\'s data folder', () => {
  it('writes owner-only files in an owner-only folder, header first, stamped with the host\'s device id', async () => {
    const { dir, host } = await hostWithClock();
    const written = await host.dispatch('backup.write', backupInput(CONTENT, { sales: 3 })) as Written;
    expect(written.ok).toBe(true);
    if (!written.ok) return;
    expect(written.value.header).toMatchObject({ deviceId: 'demo-market/K01', createdAt: '2026-11-22T10:00:00.000Z', tables: { sales: 3 } });
    expect((await stat(join(dir, 'backups'))).mode & 0o777).toBe(0o700);
    expect((await stat(written.value.path)).mode & 0o777).toBe(0o600);
    const [first, second] = (await readFile(written.value.path, 'utf8')).split('\n');
    expect(JSON.parse(first!)).toEqual(written.value.header);
    expect(second).toBe(CONTENT);
  });

  it('refuses content that does not match its checksum, and saves nothing', async () => {
    const { dir, host } = await hostWithClock();
    const input = backupInput(CONTENT);
    const result = await host.dispatch('backup.write', { ...input, content: CONTENT.slice(0, -5) });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('Nothing was saved') } });
    expect(await readdir(join(dir, 'backups')).catch(() => [])).toEqual([]);
  });

  it(`keeps the newest ${BACKUPS_KEPT}, deleting the oldest, and leaves files it did not name alone`, async () => {
    const { dir, host } = await hostWithClock();
    await mkdir(join(dir, 'backups'), { recursive: true });
    await writeFile(join(dir, 'backups', 'notes.txt'), 'the manager\'s own file');
    const names: string[] = [];
    for (let i = 0; i < BACKUPS_KEPT + 3; i++) {
      const r = await host.dispatch('backup.write', backupInput(CONTENT)) as Written;
      if (!r.ok) throw new Error(r.error.message);
      names.push(r.value.name);
      expect(r.value.deleted).toBe(i < BACKUPS_KEPT ? 0 : 1);
    }
    const left = (await readdir(join(dir, 'backups'))).filter((n) => n !== 'notes.txt').sort();
    expect(left).toEqual(names.slice(3).sort());
    expect(await readdir(join(dir, 'backups'))).toContain('notes.txt');
    const list = await host.dispatch('backup.list', {}) as Listed;
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.backups.map((b) => b.name)).toEqual(names.slice(3).reverse());
    expect(list.value.backups[0]).toMatchObject({ deviceId: 'demo-market/K01', createdAt: '2026-11-22T10:00:32.000Z' });
    expect(list.value.backups[0]!.bytes).toBe((await stat(join(dir, 'backups', names.at(-1)!))).size);
  });

  it('lists a damaged file without its header facts', async () => {
    const { dir, host } = await hostWithClock();
    await mkdir(join(dir, 'backups'), { recursive: true });
    await writeFile(join(dir, 'backups', 'chinar-backup-2026-01-01T00-00-00-000Z.jsonl'), '{"format":"chinar-pos-bac');
    const list = await host.dispatch('backup.list', {});
    expect(list).toMatchObject({ ok: true, value: { backups: [{ name: 'chinar-backup-2026-01-01T00-00-00-000Z.jsonl', bytes: 25, createdAt: null, deviceId: null }] } });
  });

  it('reads a backup by the name it made, and nothing else', async () => {
    const { dir, host } = await hostWithClock();
    const written = await host.dispatch('backup.write', backupInput(CONTENT)) as Written;
    if (!written.ok) throw new Error(written.error.message);
    const read = await host.dispatch('backup.read', { name: written.value.name });
    expect(read).toEqual({ ok: true, value: { name: written.value.name, text: await readFile(written.value.path, 'utf8') } });

    await writeFile(join(dir, 'settings-copy.json'), '{}');
    for (const name of ['../settings.json', '/etc/passwd', 'chinar-backup-2026-11-22T10-00-00-000Z.jsonl/..', 'notes.txt', '..\\settings.json', '']) {
      expect(await host.dispatch('backup.read', { name }), name).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(await host.dispatch('backup.read', { name: 'chinar-backup-2020-01-01T00-00-00-000Z.jsonl' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // A link with a backup's name is not a backup the host made.
    await symlink(join(dir, 'settings-copy.json'), join(dir, 'backups', 'chinar-backup-2021-01-01T00-00-00-000Z.jsonl'));
    expect(await host.dispatch('backup.read', { name: 'chinar-backup-2021-01-01T00-00-00-000Z.jsonl' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
