import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { SheetFileNameSchema, type OpenedSheet } from '../../shared/contract';
import { HostFailure } from '../../shared/result';

/**
 * The sheet PDFs the host wrote, found again by name to be shown. The renderer (and a
 * tab on the loopback host) is untrusted: it names a file, never a path, and only a name
 * of the host's own pattern in the host's own labels folder is ever opened.
 */

export function labelsDir(dataDir: string): string {
  return join(dataDir, 'labels');
}

export interface SheetFile {
  name: string;
  path: string;
  bytes: number;
}

/**
 * How a transport shows a sheet: Electron hands it to the desktop's PDF viewer; the
 * loopback host answers an address a browser tab can load. Injected by each transport,
 * like `safeStorage`, so the host itself imports no Electron.
 */
export type SheetOpener = (file: SheetFile) => Promise<OpenedSheet>;

/** The PDF `name` in `<dataDir>/labels/`: a regular file there (no link), or a refusal that says what to do. */
export async function findSheetPdf(dataDir: string, name: string): Promise<SheetFile> {
  // Checked again here (dispatch already did), because the web route calls this directly.
  if (!SheetFileNameSchema.safeParse(name).success) {
    throw new HostFailure('bad-request', `"${name.slice(0, 60)}" is not a sheet PDF this kiosk made; only files of its labels folder can be opened.`);
  }
  const path = join(labelsDir(dataDir), name);
  const gone = new HostFailure('not-found', `The PDF ${name} is no longer in the kiosk's labels folder. Make the sheet again.`);
  try {
    const info = await lstat(path);
    if (!info.isFile()) throw gone;
    return { name, path, bytes: info.size };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw gone;
    throw error;
  }
}
