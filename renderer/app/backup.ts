import { useCallback } from 'react';
import { checkBackupFile, type BackupHeader, type StoreExport } from '../../shared/backup';
import type { HostOutput } from '../../shared/contract';
import type { ChainHead } from '../../shared/journal';
import { exportStoreBackup, pendingJournalCount, restoreStoreBackup, type RowProgress } from '../db';
import { useLoadable, type Loadable } from '../hooks/useLoadable';
import { attempt, callHost, valueOf, type Outcome } from './outcome';
import type { Station } from './station';

/**
 * Backups of the whole store and restores from them (issue 10): on demand from Settings →
 * Backup, and after every Z close (app/day.ts). The host keeps them in its data folder,
 * outside the browser profile, the newest 30.
 *
 * A restore checks the whole file before it touches the store (a damaged or cut-short
 * file is refused and the store stays as it was), refuses a backup of another kiosk unless
 * the manager confirms it, and puts the store back in one transaction. Invoice, credit
 * note and Z numbers cannot be issued twice afterwards: the counter's floor is the host
 * journal's highest numbers, whatever the store says, and a store behind the journal is
 * rebuilt from it when the kiosk restarts (the recovery screen).
 */

export type BackupWritten = HostOutput<'backup.write'>;

/** Where a backup is: reading the store's rows, then the host writing the file. */
export type BackupProgress =
  | { phase: 'reading'; done: number; total: number }
  /** Every row is read; the file is checksummed and the host writes it (one call: no count to show). */
  | { phase: 'saving'; rows: number };

export type { RowProgress };

/**
 * The store exported (one read transaction) and written by the host into its backup
 * folder. Nothing is written into the store, so a backup that fails half-way leaves the
 * store as it was and, at worst, no new file (the host writes it atomically).
 */
export async function backUpNow(station: Station, onProgress: (p: BackupProgress) => void = () => undefined): Promise<Outcome<BackupWritten>> {
  let rows = 0;
  const exported = await attempt(() => exportStoreBackup(station.db, station.profile.name, (p) => {
    rows = p.total;
    onProgress({ phase: 'reading', ...p });
  }));
  if (exported.status !== 'ok') return exported;
  onProgress({ phase: 'saving', rows });
  return callHost(station.host, 'backup.write', exported.value);
}

/** The host's backups, newest first, read again when `generation` changes. */
export function useBackups(station: Station, generation: number): Loadable<HostOutput<'backup.list'>> {
  const load = useCallback(async () => valueOf(await callHost(station.host, 'backup.list', {})), [station.host, generation]);
  return useLoadable(load);
}

/** Where the host's journal is against the backup, when the host could say. */
export interface JournalAgainstBackup {
  /** The journal's last record. */
  lastSeq: number;
  /** The journal went further than the backup: the kiosk must rebuild those records from it. */
  behind: boolean;
}

export type BackupCheckResult =
  | {
    verdict: 'ok';
    name: string;
    header: BackupHeader;
    store: StoreExport;
    /** Made by another kiosk (another device id): restored only if the manager confirms. */
    otherDevice: boolean;
    /** This store's transactions not yet in the host's journal: a restore would lose them. */
    uncopied: number;
    journal: JournalAgainstBackup | null;
  }
  /** Cut short, changed, or not a backup at all: never restored. */
  | { verdict: 'damaged'; name: string; detail: string }
  /** Of another version of the store's tables: never restored by this version. */
  | { verdict: 'version'; name: string; detail: string };

/** Reads a backup from the host by name and checks all of it; changes nothing. */
export async function checkBackup(station: Station, name: string): Promise<Outcome<BackupCheckResult>> {
  const read = await callHost(station.host, 'backup.read', { name });
  if (read.status !== 'ok') return read;
  const check = checkBackupFile(read.value.text, station.db.verno);
  if (!check.ok) return { status: 'ok', value: { verdict: check.reason, name, detail: check.detail } };
  const uncopied = await attempt(() => pendingJournalCount(station.db));
  if (uncopied.status !== 'ok') return uncopied;
  const status = await callHost(station.host, 'journal.status', {});
  const journal = status.status === 'ok' ? { lastSeq: status.value.lastSeq, behind: status.value.lastSeq > check.header.journalHead.seq } : null;
  return {
    status: 'ok',
    value: { verdict: 'ok', name, header: check.header, store: check.store, otherDevice: check.header.deviceId !== station.settings.deviceId, uncopied: uncopied.value, journal },
  };
}

export interface Restored {
  head: ChainHead;
  /** Compared again after the restore; null when the host could not say. */
  journal: JournalAgainstBackup | null;
}

/**
 * Puts the store back as the checked backup holds it. `anyway`: the manager ticked
 * "restore anyway" for a backup of another kiosk, or one that discards changes not yet
 * copied to the journal. The caller restarts the kiosk afterwards (its screens hold rows
 * of the store as it was), and the boot rebuilds from the journal what the backup lacks.
 */
export async function restoreBackup(
  station: Station, checked: Extract<BackupCheckResult, { verdict: 'ok' }>, options: { anyway: boolean; onProgress?: (p: RowProgress) => void },
): Promise<Outcome<Restored>> {
  if (checked.otherDevice && !options.anyway) {
    return { status: 'refused', message: `This backup was made on ${checked.header.deviceId}, not on this kiosk (${station.settings.deviceId}). Tick "restore anyway" if that is what you mean.` };
  }
  const head = await attempt(() => restoreStoreBackup(station.db, checked.store, checked.header.journalHead, { discardUncopied: options.anyway, onProgress: options.onProgress }));
  if (head.status !== 'ok') return head;
  const status = await callHost(station.host, 'journal.status', {});
  const journal = status.status === 'ok' ? { lastSeq: status.value.lastSeq, behind: status.value.lastSeq > head.value.seq } : null;
  return { status: 'ok', value: { head: head.value, journal } };
}
