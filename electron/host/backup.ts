import { createHash } from 'node:crypto';
import { lstat, open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BACKUP_FORMAT, backupFileText, parseBackupHeader, type BackupHeader, type BackupMeta } from '../../shared/backup';
import { BACKUP_NAME_PATTERN, BACKUPS_KEPT, type BackupListEntry } from '../../shared/contract/app';
import { HostFailure } from '../../shared/result';
import { fileTimestamp, syncDir, writeFileAtomic } from './files';

/**
 * The host's backup folder, `<dataDir>/backups/` (outside the browser profile, so a wiped
 * profile leaves the backups). Backups hold sales and PIN hashes, so only the kiosk's
 * user may read them (files 0600, the folder 0700). A name is never reused: a second
 * backup in the same millisecond gets a suffix instead of replacing the first. The newest
 * BACKUPS_KEPT stay; writing one more deletes the oldest.
 */

export function backupDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

export interface WrittenBackup {
  path: string;
  name: string;
  bytes: number;
  header: BackupHeader;
  deleted: number;
}

export async function writeBackup(
  dataDir: string, input: { meta: BackupMeta; content: string }, facts: { at: Date; deviceId: string; appVersion: string },
): Promise<WrittenBackup> {
  const { meta, content } = input;
  // The content must arrive as it was hashed: a backup that fails its own check later is
  // worse than none, because it is found only when it is needed.
  const data = Buffer.from(content, 'utf8');
  const sha256 = createHash('sha256').update(data).digest('hex');
  if (data.byteLength !== meta.contentBytes || sha256 !== meta.sha256) {
    throw new HostFailure('bad-request', 'The backup arrived changed or cut short (its size or checksum differs). Nothing was saved: back up again.');
  }
  if (content.includes('\n')) throw new HostFailure('bad-request', 'The backup\'s content must be one line of JSON.');
  const header: BackupHeader = { format: BACKUP_FORMAT, ...meta, deviceId: facts.deviceId, createdAt: facts.at.toISOString(), appVersion: facts.appVersion };
  const dir = backupDir(dataDir);
  const stamp = fileTimestamp(facts.at);
  let name = `chinar-backup-${stamp}.jsonl`;
  for (let n = 2; await exists(join(dir, name)); n++) name = `chinar-backup-${stamp}-${n}.jsonl`;
  const path = join(dir, name);
  const file = Buffer.from(backupFileText(header, content), 'utf8');
  await writeFileAtomic(path, file, { mode: 0o600 });
  const deleted = await pruneBackups(dir, BACKUPS_KEPT);
  return { path, name, bytes: file.byteLength, header, deleted };
}

/** Oldest first: by the time in the name, then by the suffix a same-millisecond backup got. */
function byAge(a: string, b: string): number {
  const key = (name: string) => {
    const m = /^chinar-backup-(.+?Z)(?:-(\d+))?\.jsonl$/.exec(name);
    return { stamp: m?.[1] ?? name, n: Number(m?.[2] ?? 1) };
  };
  const ka = key(a);
  const kb = key(b);
  return ka.stamp < kb.stamp ? -1 : ka.stamp > kb.stamp ? 1 : ka.n - kb.n;
}

async function backupNames(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return names.filter((n) => BACKUP_NAME_PATTERN.test(n)).sort(byAge);
}

/** Deletes the oldest backups beyond `keep`; answers how many went. Files not named by us stay. */
export async function pruneBackups(dir: string, keep: number): Promise<number> {
  const names = await backupNames(dir);
  const old = names.slice(0, Math.max(0, names.length - keep));
  for (const name of old) await rm(join(dir, name), { force: true });
  if (old.length > 0) await syncDir(dir);
  return old.length;
}

/** The backups, newest first, with what their header line says (null fields for a damaged one). */
export async function listBackups(dataDir: string): Promise<{ folder: string; backups: BackupListEntry[] }> {
  const dir = backupDir(dataDir);
  const names = (await backupNames(dir)).reverse();
  const backups: BackupListEntry[] = [];
  for (const name of names) {
    const info = await lstat(join(dir, name)).catch(() => null);
    if (!info?.isFile()) continue;
    const header = parseBackupHeader(await firstLine(join(dir, name)));
    backups.push({ name, bytes: info.size, createdAt: header?.createdAt ?? null, deviceId: header?.deviceId ?? null });
  }
  return { folder: dir, backups };
}

/** The first line of a file, reading no more than 64 KiB (a header is well under 4 KiB). */
async function firstLine(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const newline = text.indexOf('\n');
    return newline < 0 ? text : text.slice(0, newline);
  } finally {
    await handle.close();
  }
}

/**
 * A backup's whole text, by a name the host made (the contract checked the pattern; a
 * link or a folder by that name is refused too). What it holds is the renderer's to check.
 */
export async function readBackup(dataDir: string, name: string): Promise<{ name: string; text: string }> {
  if (!BACKUP_NAME_PATTERN.test(name)) throw new HostFailure('bad-request', 'That is not the name of a backup.');
  const path = join(backupDir(dataDir), name);
  const info = await lstat(path).catch(() => null);
  if (!info?.isFile()) throw new HostFailure('not-found', `There is no backup called ${name} in the kiosk's backup folder. Refresh the list.`);
  return { name, text: await readFile(path, 'utf8') };
}

async function exists(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => null)) !== null;
}
