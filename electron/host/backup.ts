import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileTimestamp, writeFileAtomic } from './files';

/**
 * Writes the renderer's JSON export into `<dataDir>/backups/`. Backups hold sales and PIN
 * hashes, so only the kiosk's user may read them. A name is never reused: a second
 * backup in the same millisecond gets a suffix instead of replacing the first.
 */
export async function writeBackup(dataDir: string, json: string, at: Date): Promise<{ path: string; bytes: number }> {
  const dir = join(dataDir, 'backups');
  const stamp = fileTimestamp(at);
  let path = join(dir, `chinar-backup-${stamp}.json`);
  for (let n = 2; await exists(path); n++) path = join(dir, `chinar-backup-${stamp}-${n}.json`);
  const data = Buffer.from(json, 'utf8');
  await writeFileAtomic(path, data, { mode: 0o600 });
  return { path, bytes: data.byteLength };
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}
