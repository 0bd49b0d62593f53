import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../host/files';
import { getLogger } from '../host/log';

/**
 * The loopback host's access token, one per data folder, kept in `<dataDir>/web-token`
 * (0600, written to a temp file with that mode and renamed, so it is never readable by
 * others even for a moment). It used to change on every start, which left an open page
 * with a dead key after a host restart: every call answered 401 and only a fresh load of
 * the new URL worked. A token that lives as long as the data folder lets the page's
 * sessionStorage copy keep working across restarts, so the page reconnects by itself.
 * It guards against other local web pages, not against the kiosk's own user, who can
 * read the data folder anyway. Delete the file to issue a new one on the next start.
 */

export const TOKEN_FILE = 'web-token';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const log = getLogger('web');

export async function stableToken(dataDir: string): Promise<string> {
  const path = join(dataDir, TOKEN_FILE);
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  const kept = text?.trim() ?? null;
  if (kept !== null && TOKEN.test(kept)) {
    const info = await stat(path);
    // Someone widened it by hand: a token others can read is no token.
    if ((info.mode & 0o077) === 0 || process.platform === 'win32') return kept;
    log.warn(`${path} was readable by other users; a new access token was issued`);
  } else if (kept !== null) {
    log.warn(`${path} did not hold a token; a new one was issued`);
  }
  const token = randomBytes(32).toString('base64url');
  await writeFileAtomic(path, `${token}\n`, { mode: 0o600 });
  return token;
}
