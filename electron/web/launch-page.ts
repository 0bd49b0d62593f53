import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../host/files';

/**
 * `<dataDir>/launch.html`: a page that forwards to `http://127.0.0.1:PORT/#token=…`, so a
 * launcher can start Chromium on `file://…/launch.html` instead of on the URL. A command
 * line is visible to every local user (`ps`, /proc/PID/cmdline); this file is readable by
 * the kiosk's user alone (0600, written to a temp file with that mode and renamed, so it
 * is never readable by others even for a moment). The token is the data folder's
 * (token.ts); the page is removed when the host stops.
 */

export const LAUNCH_PAGE = 'launch.html';
/** The customer display's launch page, the same way, for a second browser window. */
export const DISPLAY_LAUNCH_PAGE = 'display-launch.html';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function writeLaunchPage(dataDir: string, url: string, name = LAUNCH_PAGE): Promise<string> {
  const path = join(dataDir, name);
  const href = escapeHtml(url);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Chinar POS</title>
<meta http-equiv="refresh" content="0;url=${href}">
</head><body><p><a href="${href}">Open Chinar POS</a></p></body></html>
`;
  await writeFileAtomic(path, html, { mode: 0o600 });
  return path;
}

export async function removeLaunchPage(dataDir: string, name = LAUNCH_PAGE): Promise<void> {
  await rm(join(dataDir, name), { force: true });
}
