import { createHash, randomBytes, type Hash } from 'node:crypto';
import { lstat, mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { BACKUP_FORMAT, parseBackupHeader, type BackupHeader, type BackupMeta } from '../../shared/backup';
import { BACKUP_IDLE_MS, BACKUP_NAME_PATTERN, BACKUP_PART_MAX_BYTES, BACKUPS_KEPT, type BackupListEntry } from '../../shared/contract/app';
import { HostFailure } from '../../shared/result';
import { fileTimestamp, syncDir } from './files';

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

/** What the host knows of itself when a backup begins: who and when goes into the header. */
export interface BackupFacts { at: Date; deviceId: string; appVersion: string }

/** The temporary files of backups being written: `.chinar-backup-<id>.partial`, never listed. */
const PARTIAL_PATTERN = /^\.chinar-backup-[0-9a-f]{32}\.partial$/;
const SHA256_PLACEHOLDER = '0'.repeat(64);

interface Upload {
  id: string;
  path: string;
  handle: FileHandle;
  header: BackupHeader;
  /** Byte offset in the file of the header's sha256 value, filled in by finish. */
  hashAt: number;
  /** Offset in the file where the content starts (after the header line). */
  contentAt: number;
  hash: Hash;
  received: number;
  nextIndex: number;
  /** A part or the finish is being written: a second call at the same time is refused. */
  writing: boolean;
  lastSeen: number;
}

/**
 * Writes backups in parts (issue 11: a year's store is ~650 MB, more than a request body
 * or one JavaScript string can be). `begin` opens `.chinar-backup-<id>.partial` (0600)
 * and writes the header line with the SHA-256's 64 characters reserved; each `part`
 * appends its bytes in order and feeds the same bytes to one running SHA-256 (so the host
 * hashes as it writes, never holding more than a part); `finish` checks the renderer's
 * size and hash against the host's, writes the hash into its place in the header, fsyncs
 * and renames the file into the list. The file keeps the format of issue 10 (header line,
 * then the content), so older backups and new ones read the same way.
 *
 * One backup at a time. One left without a call for BACKUP_IDLE_MS (a window closed
 * half-way) is abandoned when the next one begins; any other temporary file (a host that
 * stopped half-way) is deleted then too.
 */
export interface BackupWriter {
  begin(meta: Omit<BackupMeta, 'sha256'>, facts: BackupFacts): Promise<{ id: string }>;
  part(input: { id: string; index: number; data: string }): Promise<{ received: number }>;
  finish(input: { id: string; bytes: number; sha256: string }): Promise<WrittenBackup>;
  abort(id: string): Promise<{ aborted: boolean }>;
}

export function createBackupWriter(dataDir: string, clock: () => number = Date.now): BackupWriter {
  const dir = backupDir(dataDir);
  let current: Upload | null = null;

  async function drop(upload: Upload): Promise<void> {
    if (current === upload) current = null;
    await upload.handle.close().catch(() => undefined);
    await rm(upload.path, { force: true });
  }

  /** The backup being written with this id, or a refusal that says what to do. */
  function uploadOf(id: string): Upload {
    if (!current || current.id !== id) {
      throw new HostFailure('not-found', 'That backup is no longer being written (it was finished, abandoned or the kiosk restarted). Nothing of it was saved: back up again.');
    }
    if (current.writing) throw new HostFailure('busy', 'A part of this backup is still being written. Send the parts one after another.');
    return current;
  }

  /** Runs one step of an upload; any failure abandons it, so nothing half-written stays. */
  async function step<T>(upload: Upload, work: () => Promise<T>): Promise<T> {
    upload.writing = true;
    try {
      const result = await work();
      upload.lastSeen = clock();
      return result;
    } catch (error) {
      await drop(upload);
      throw error;
    } finally {
      upload.writing = false;
    }
  }

  return {
    async begin(meta, facts) {
      if (current && clock() - current.lastSeen < BACKUP_IDLE_MS) {
        throw new HostFailure('busy', 'A backup is already being made. Try again in a moment, when it is done.');
      }
      if (current) await drop(current);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await removeStalePartials(dir);
      const id = randomBytes(16).toString('hex');
      const path = join(dir, `.chinar-backup-${id}.partial`);
      const header: BackupHeader = { format: BACKUP_FORMAT, ...meta, sha256: SHA256_PLACEHOLDER, deviceId: facts.deviceId, createdAt: facts.at.toISOString(), appVersion: facts.appVersion };
      const headerLine = `${JSON.stringify(header)}\n`;
      const marker = `"sha256":"${SHA256_PLACEHOLDER}"`;
      const hashAt = Buffer.byteLength(headerLine.slice(0, headerLine.indexOf(marker))) + '"sha256":"'.length;
      const handle = await open(path, 'wx', 0o600);
      const upload: Upload = {
        id, path, handle, header, hashAt, contentAt: Buffer.byteLength(headerLine), hash: createHash('sha256'), received: 0, nextIndex: 0, writing: false, lastSeen: clock(),
      };
      current = upload;
      await step(upload, async () => {
        await handle.write(headerLine, 0, 'utf8');
      });
      return { id };
    },

    async part({ id, index, data }) {
      const upload = uploadOf(id);
      return step(upload, async () => {
        if (index !== upload.nextIndex) {
          throw new HostFailure('bad-request', `Backup part ${index} arrived where part ${upload.nextIndex} was expected. Nothing was saved: back up again.`);
        }
        const bytes = decodeBase64(data);
        if (bytes.byteLength > BACKUP_PART_MAX_BYTES) {
          throw new HostFailure('bad-request', `A backup part may hold at most ${BACKUP_PART_MAX_BYTES} bytes. Nothing was saved: back up again.`);
        }
        if (upload.received + bytes.byteLength > upload.header.contentBytes) {
          throw new HostFailure('bad-request', `The backup is longer than the ${upload.header.contentBytes} bytes it began with. Nothing was saved: back up again.`);
        }
        await upload.handle.write(bytes, 0, bytes.byteLength, upload.contentAt + upload.received);
        upload.hash.update(bytes);
        upload.received += bytes.byteLength;
        upload.nextIndex += 1;
        return { received: upload.received };
      });
    },

    async finish({ id, bytes, sha256 }) {
      const upload = uploadOf(id);
      return step(upload, async () => {
        const hashed = upload.hash.digest('hex');
        // The content must arrive as it was hashed: a backup that fails its own check later is
        // worse than none, because it is found only when it is needed.
        if (bytes !== upload.header.contentBytes || upload.received !== bytes || hashed !== sha256) {
          throw new HostFailure('bad-request', 'The backup arrived changed or cut short (its size or checksum differs). Nothing was saved: back up again.');
        }
        await upload.handle.write(hashed, upload.hashAt, 'ascii');
        await upload.handle.sync();
        await upload.handle.close();
        const stamp = fileTimestamp(new Date(upload.header.createdAt));
        let name = `chinar-backup-${stamp}.jsonl`;
        for (let n = 2; await exists(join(dir, name)); n++) name = `chinar-backup-${stamp}-${n}.jsonl`;
        const path = join(dir, name);
        await rename(upload.path, path);
        await syncDir(dir);
        current = null;
        const deleted = await pruneBackups(dir, BACKUPS_KEPT);
        return { path, name, bytes: upload.contentAt + bytes, header: { ...upload.header, sha256: hashed }, deleted };
      });
    },

    async abort(id) {
      if (!current || current.id !== id || current.writing) return { aborted: false };
      await drop(current);
      return { aborted: true };
    },
  };
}

/** Strict base64 (what the renderer sends); anything else is refused rather than half-decoded. */
function decodeBase64(data: string): Buffer {
  if (data.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) {
    throw new HostFailure('bad-request', 'A backup part must be base64. Nothing was saved: back up again.');
  }
  return Buffer.from(data, 'base64');
}

/** Temporary files left by a host that stopped half-way through a backup. */
async function removeStalePartials(dir: string): Promise<void> {
  const names = await readdir(dir);
  for (const name of names.filter((n) => PARTIAL_PATTERN.test(n))) await rm(join(dir, name), { force: true });
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
 * Part of a backup's file, by a name the host made (the contract checked the pattern; a
 * link or a folder by that name is refused too), with the file's size. What it holds is
 * the renderer's to check.
 */
export async function readBackupPart(
  dataDir: string, input: { name: string; offset: number; length: number },
): Promise<{ name: string; size: number; offset: number; data: string }> {
  const { name, offset, length } = input;
  if (!BACKUP_NAME_PATTERN.test(name)) throw new HostFailure('bad-request', 'That is not the name of a backup.');
  const path = join(backupDir(dataDir), name);
  const info = await lstat(path).catch(() => null);
  if (!info?.isFile()) throw new HostFailure('not-found', `There is no backup called ${name} in the kiosk's backup folder. Refresh the list.`);
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (offset > size) throw new HostFailure('bad-request', `The backup ${name} is ${size} bytes long; there is nothing at ${offset}.`);
    const buffer = Buffer.alloc(Math.min(length, size - offset));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
    return { name, size, offset, data: buffer.subarray(0, bytesRead).toString('base64') };
  } finally {
    await handle.close();
  }
}

async function exists(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => null)) !== null;
}
