import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, backupFileText, contentDigest, type BackupHeader } from '../../../shared/backup';
import { BACKUP_IDLE_MS, BACKUP_PART_MAX_BYTES, BACKUPS_KEPT, type HostOutput } from '../../../shared/contract';
import type { HostResult } from '../../../shared/result';
import { createHost } from '../../../electron/host';
import { backupMeta, fakePrinterFactory, tempDir, writeBackupVia } from '../helpers';

/** A host whose clock moves on a second per reading (so names are in order), or jumps when told. */
async function hostWithClock() {
  const dir = await tempDir();
  let seconds = 0;
  const host = createHost({ dataDir: dir, transport: 'web', printerFactory: fakePrinterFactory().factory, now: () => new Date(Date.UTC(2026, 10, 22, 10, 0, seconds++)) });
  const dispatch = (method: Parameters<typeof host.dispatch>[0], input: unknown) => host.dispatch(method, input);
  return { dir, host, dispatch, jump: (ms: number) => { seconds += ms / 1000; } };
}

type Listed = HostResult<HostOutput<'backup.list'>>;
type Begun = HostResult<HostOutput<'backup.begin'>>;
type Read = HostResult<HostOutput<'backup.read'>>;

const CONTENT = JSON.stringify({ formatName: 'dexie', formatVersion: 1, data: { note: 'ज़ैनब — زینب' } });
const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** What is in the backup folder: the backups and any temporary file, hidden ones included. */
async function folder(dir: string): Promise<string[]> {
  return (await readdir(join(dir, 'backups')).catch(() => [] as string[])).sort();
}

async function begin(dispatch: ReturnType<typeof hostWithClock> extends Promise<infer H> ? H extends { dispatch: infer D } ? D : never : never, content: string): Promise<string> {
  const begun = await dispatch('backup.begin', { meta: backupMeta(content) }) as Begun;
  if (!begun.ok) throw new Error(begun.error.message);
  return begun.value.id;
}

describe('backups in the host\'s data folder, written in parts', () => {
  it('writes owner-only files in an owner-only folder, header first with the SHA-256 of what arrived, stamped with the host\'s device id', async () => {
    const { dir, dispatch } = await hostWithClock();
    // Parts of 7 bytes: the multi-byte letters are cut between parts, as 8 MiB slices cut them.
    const written = await writeBackupVia(dispatch, CONTENT, { tables: { sales: 3 }, partBytes: 7 });
    if (!written.ok) throw new Error(written.error.message);
    expect(written.value.header).toMatchObject({ deviceId: 'demo-market/K01', createdAt: '2026-11-22T10:00:00.000Z', tables: { sales: 3 }, ...contentDigest(CONTENT) });
    expect((await stat(join(dir, 'backups'))).mode & 0o777).toBe(0o700);
    expect((await stat(written.value.path)).mode & 0o777).toBe(0o600);
    const text = await readFile(written.value.path, 'utf8');
    const [first, second] = text.split('\n');
    expect(JSON.parse(first!)).toEqual(written.value.header);
    expect(second).toBe(CONTENT);
    // Issue 10's format: one header line, then the content; nothing else.
    expect(text.split('\n')).toHaveLength(2);
    expect(written.value.bytes).toBe(Buffer.byteLength(text));
    expect(await folder(dir)).toEqual([written.value.name]);
  });

  it('refuses a finish whose size or checksum differs from what arrived, and leaves no file behind', async () => {
    const { dir, dispatch } = await hostWithClock();
    for (const wrong of [{ sha256: sha(`${CONTENT} `) }, { bytes: Buffer.byteLength(CONTENT) - 1 }]) {
      const id = await begin(dispatch, CONTENT);
      expect(await dispatch('backup.part', { id, index: 0, data: b64(CONTENT) })).toMatchObject({ ok: true });
      const result = await dispatch('backup.finish', { id, bytes: Buffer.byteLength(CONTENT), sha256: sha(CONTENT), ...wrong });
      expect(result).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('Nothing was saved') } });
      expect(await folder(dir)).toEqual([]);
      // The backup is over: its id is unknown now.
      expect(await dispatch('backup.part', { id, index: 1, data: b64('x') })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('back up again') } });
    }
    // Content cut short: fewer bytes than begin declared.
    const id = await begin(dispatch, CONTENT);
    await dispatch('backup.part', { id, index: 0, data: b64(CONTENT.slice(0, 10)) });
    expect(await dispatch('backup.finish', { id, bytes: Buffer.byteLength(CONTENT), sha256: sha(CONTENT) })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await folder(dir)).toEqual([]);
  });

  it('refuses a part out of order, too big, beyond the declared size or not base64, abandoning the backup', async () => {
    const { dir, dispatch } = await hostWithClock();
    const cases: [string, (id: string) => unknown][] = [
      ['out of order', (id) => ({ id, index: 1, data: b64(CONTENT) })],
      ['beyond the size', (id) => ({ id, index: 0, data: b64(`${CONTENT}!`) })],
      ['not base64', (id) => ({ id, index: 0, data: 'not base64!' })],
    ];
    for (const [what, part] of cases) {
      const id = await begin(dispatch, CONTENT);
      expect(await dispatch('backup.part', part(id)), what).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('back up again') } });
      expect(await folder(dir), what).toEqual([]);
    }
    const big = Buffer.alloc(BACKUP_PART_MAX_BYTES + 1, 0x61);
    const begun = await dispatch('backup.begin', { meta: backupMeta(big) }) as Begun;
    if (!begun.ok) throw new Error(begun.error.message);
    expect(await dispatch('backup.part', { id: begun.value.id, index: 0, data: big.toString('base64') })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining(`at most ${BACKUP_PART_MAX_BYTES} bytes`) } });
    expect(await folder(dir)).toEqual([]);
    // Ids the host never gave.
    expect(await dispatch('backup.part', { id: 'f'.repeat(32), index: 0, data: b64('x') })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch('backup.finish', { id: '../../etc', bytes: 1, sha256: sha('x') })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('writes one backup at a time; one left idle is abandoned by the next, and stale temporary files are cleaned', async () => {
    const { dir, dispatch, jump } = await hostWithClock();
    const first = await begin(dispatch, CONTENT);
    expect(await dispatch('backup.begin', { meta: backupMeta(CONTENT) })).toMatchObject({ ok: false, error: { code: 'busy', message: expect.stringContaining('Try again in a moment') } });
    const temp = await folder(dir);
    expect(temp).toEqual([`.chinar-backup-${first}.partial`]);
    expect((await stat(join(dir, 'backups', temp[0]!))).mode & 0o777).toBe(0o600);
    // Temporary files are never listed as backups.
    expect(await dispatch('backup.list', {})).toMatchObject({ ok: true, value: { backups: [] } });
    // A host that stopped half-way left one of its own.
    const stale = `.chinar-backup-${'a'.repeat(32)}.partial`;
    await writeFile(join(dir, 'backups', stale), 'half');

    jump(BACKUP_IDLE_MS);
    const second = await begin(dispatch, CONTENT);
    expect(await folder(dir)).toEqual([`.chinar-backup-${second}.partial`]);
    expect(await dispatch('backup.part', { id: first, index: 0, data: b64(CONTENT) })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch('backup.part', { id: second, index: 0, data: b64(CONTENT) })).toMatchObject({ ok: true, value: { received: Buffer.byteLength(CONTENT) } });
    expect(await dispatch('backup.finish', { id: second, bytes: Buffer.byteLength(CONTENT), sha256: sha(CONTENT) })).toMatchObject({ ok: true });
  });

  it('deletes an aborted backup at once, and lets the next begin', async () => {
    const { dir, dispatch } = await hostWithClock();
    const id = await begin(dispatch, CONTENT);
    await dispatch('backup.part', { id, index: 0, data: b64(CONTENT.slice(0, 5)) });
    expect(await dispatch('backup.abort', { id })).toEqual({ ok: true, value: { aborted: true } });
    expect(await folder(dir)).toEqual([]);
    expect(await dispatch('backup.abort', { id })).toEqual({ ok: true, value: { aborted: false } });
    expect(await writeBackupVia(dispatch, CONTENT)).toMatchObject({ ok: true });
  });

  it(`keeps the newest ${BACKUPS_KEPT}, deleting the oldest, and leaves files it did not name alone`, async () => {
    const { dir, dispatch } = await hostWithClock();
    await mkdir(join(dir, 'backups'), { recursive: true });
    await writeFile(join(dir, 'backups', 'notes.txt'), 'the manager\'s own file');
    const names: string[] = [];
    for (let i = 0; i < BACKUPS_KEPT + 3; i++) {
      const r = await writeBackupVia(dispatch, CONTENT);
      if (!r.ok) throw new Error(r.error.message);
      names.push(r.value.name);
      expect(r.value.deleted).toBe(i < BACKUPS_KEPT ? 0 : 1);
    }
    const left = (await readdir(join(dir, 'backups'))).filter((n) => n !== 'notes.txt').sort();
    expect(left).toEqual(names.slice(3).sort());
    expect(await readdir(join(dir, 'backups'))).toContain('notes.txt');
    const list = await dispatch('backup.list', {}) as Listed;
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.backups.map((b) => b.name)).toEqual(names.slice(3).reverse());
    expect(list.value.backups[0]).toMatchObject({ deviceId: 'demo-market/K01' });
    expect(list.value.backups[0]!.bytes).toBe((await stat(join(dir, 'backups', names.at(-1)!))).size);
  });

  it('lists a damaged file without its header facts', async () => {
    const { dir, host } = await hostWithClock();
    await mkdir(join(dir, 'backups'), { recursive: true });
    await writeFile(join(dir, 'backups', 'chinar-backup-2026-01-01T00-00-00-000Z.jsonl'), '{"format":"chinar-pos-bac');
    const list = await host.dispatch('backup.list', {});
    expect(list).toMatchObject({ ok: true, value: { backups: [{ name: 'chinar-backup-2026-01-01T00-00-00-000Z.jsonl', bytes: 25, createdAt: null, deviceId: null }] } });
  });

  it('reads a backup in parts by the name it made, an older one written whole too, and nothing else', async () => {
    const { dir, dispatch } = await hostWithClock();
    const written = await writeBackupVia(dispatch, CONTENT);
    if (!written.ok) throw new Error(written.error.message);
    // A backup of issue 10, written in one piece before backups came in parts.
    const header: BackupHeader = { format: BACKUP_FORMAT, ...backupMeta(CONTENT), ...contentDigest(CONTENT), deviceId: 'demo-market/K01', createdAt: '2026-01-01T00:00:00.000Z', appVersion: '0.1.0' };
    const older = 'chinar-backup-2026-01-01T00-00-00-000Z.jsonl';
    await writeFile(join(dir, 'backups', older), backupFileText(header, CONTENT));
    for (const name of [written.value.name, older]) {
      const file = await readFile(join(dir, 'backups', name));
      const parts: Buffer[] = [];
      for (let offset = 0; offset < file.byteLength; offset += 100) {
        const read = await dispatch('backup.read', { name, offset, length: 100 }) as Read;
        if (!read.ok) throw new Error(read.error.message);
        expect(read.value).toMatchObject({ name, size: file.byteLength, offset });
        parts.push(Buffer.from(read.value.data, 'base64'));
      }
      expect(Buffer.concat(parts).equals(file)).toBe(true);
      expect(await dispatch('backup.read', { name, offset: file.byteLength, length: 100 })).toEqual({ ok: true, value: { name, size: file.byteLength, offset: file.byteLength, data: '' } });
      expect(await dispatch('backup.read', { name, offset: file.byteLength + 1, length: 100 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(await dispatch('backup.read', { name: older, offset: 0, length: BACKUP_PART_MAX_BYTES + 1 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });

    await writeFile(join(dir, 'settings-copy.json'), '{}');
    for (const name of ['../settings.json', '/etc/passwd', 'chinar-backup-2026-11-22T10-00-00-000Z.jsonl/..', 'notes.txt', '..\\settings.json', '']) {
      expect(await dispatch('backup.read', { name, offset: 0, length: 10 }), name).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(await dispatch('backup.read', { name: 'chinar-backup-2020-01-01T00-00-00-000Z.jsonl', offset: 0, length: 10 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // A link with a backup's name is not a backup the host made.
    await symlink(join(dir, 'settings-copy.json'), join(dir, 'backups', 'chinar-backup-2021-01-01T00-00-00-000Z.jsonl'));
    expect(await dispatch('backup.read', { name: 'chinar-backup-2021-01-01T00-00-00-000Z.jsonl', offset: 0, length: 10 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
