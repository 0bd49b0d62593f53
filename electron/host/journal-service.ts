import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalImportSummary } from '../../shared/contract/journal';
import { HostFailure } from '../../shared/result';
import { inspectJournalFile, Journal, JournalDamagedError } from './journal';
import { getLogger } from './log';

/**
 * The host's one journal, opened on first use (the renderer asks for journal.status as it
 * starts, so in practice at launch). A journal damaged in the middle stays refused until the
 * host restarts: reading a year's file again on every call would not mend it, and the
 * manager must see the same message each time. Other failures to open (a full disk) are
 * retried on the next call.
 *
 * Imports come only from `<dataDir>/journal-import/`, where a manager copies the file from
 * a USB stick: the renderer names a file there, never a path.
 */

const log = getLogger('journal');

export interface JournalService {
  /** `<dataDir>/journal` */
  dir: string;
  /** `<dataDir>/journal-import` */
  importDir: string;
  get(): Promise<Journal>;
  listImports(): Promise<{ fileName: string; bytes: number }[]>;
  inspectImport(fileName: string): Promise<JournalImportSummary & { goodBytes: number }>;
  importFile(fileName: string): Promise<JournalImportSummary>;
}

export function createJournalService(dataDir: string, now: () => Date): JournalService {
  const dir = join(dataDir, 'journal');
  const importDir = join(dataDir, 'journal-import');
  let opening: Promise<Journal> | null = null;

  function get(): Promise<Journal> {
    opening ??= Journal.open(dir, {
      now,
      onTorn: ({ bytes, offset, savedTo }) => log.warn(`The journal's last line was unfinished (the host stopped mid-write); cut ${bytes} bytes at byte ${offset}, kept in ${savedTo}`),
    }).then((journal) => {
      const { count, lastAt } = journal.status();
      log.info(`Journal open: ${count} records, last at ${lastAt ?? 'never'}`);
      return journal;
    }, (error: unknown) => {
      if (error instanceof JournalDamagedError) {
        log.error(`JOURNAL DAMAGED: ${error.path} line ${error.line}, byte ${error.offset}: ${error.reason}. Nothing will be appended until it is repaired.`);
      } else {
        opening = null;
      }
      throw error;
    });
    return opening;
  }

  async function inspectImport(fileName: string): Promise<JournalImportSummary & { goodBytes: number }> {
    const path = join(importDir, fileName);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) {
      throw new HostFailure('not-found', `There is no file ${fileName} in the kiosk's journal-import folder (${importDir}). Copy the journal from the USB stick there, then try again.`);
    }
    try {
      return { fileName, ...await inspectJournalFile(path) };
    } catch (error) {
      if (error instanceof JournalDamagedError) {
        throw new HostFailure('journal-damaged', `${fileName} is damaged at line ${error.line}: ${error.reason}. Nothing was imported. Copy the journal from the old kiosk again.`);
      }
      throw error;
    }
  }

  return {
    dir,
    importDir,
    get,
    async listImports() {
      const names = await readdir(importDir).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [] as string[];
        throw error;
      });
      const files: { fileName: string; bytes: number }[] = [];
      for (const fileName of names.sort()) {
        if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/.test(fileName)) continue;
        const info = await stat(join(importDir, fileName)).catch(() => null);
        if (info?.isFile()) files.push({ fileName, bytes: info.size });
      }
      return files;
    },
    inspectImport,
    async importFile(fileName) {
      const summary = await inspectImport(fileName);
      const journal = await get();
      await journal.adopt(join(importDir, fileName), summary.goodBytes);
      log.info(`Imported journal ${fileName}: ${summary.count} records, ${summary.firstAt ?? '-'} to ${summary.lastAt ?? '-'}`);
      const { goodBytes: _goodBytes, ...rest } = summary;
      return rest;
    },
  };
}
