import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that a power cut leaves either the old content or the new, never half
 * of each: write a temp file in the same folder, fsync it, rename it over the target
 * (atomic on one file system), then fsync the folder so the rename itself is durable.
 * Kiosks lose power; a torn settings.json would leave the till unable to start.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: { mode?: number } = {}): Promise<void> {
  const dir = dirname(path);
  // Folders the host creates are the kiosk user's alone (0700), as its files are.
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', options.mode ?? 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDir(dir);
}

/** fsync a folder, so a file created or renamed in it survives a power cut. */
export async function syncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; there the rename is as durable as it gets.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A timestamp safe in file names on every OS (no colons): 2025-04-01T09-30-00-123Z. */
export function fileTimestamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/**
 * A small JSON file the host keeps (settings, the remembered origin): null when there is
 * no such file yet, else what it holds, `raw: null` when it is not JSON at all (torn or
 * hand-broken), so the caller's schema decides what to do with it.
 */
export async function readJsonIfPresent(path: string): Promise<{ raw: unknown } | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return { raw: JSON.parse(text) as unknown };
  } catch {
    return { raw: null };
  }
}
