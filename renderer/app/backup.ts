import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { useCallback } from 'react';
import { checkBackup as verdictOnBackup, type BackupHeader } from '../../shared/backup';
import { BACKUP_PART_MAX_BYTES, type HostOutput } from '../../shared/contract';
import type { ChainHead } from '../../shared/journal';
import { base64ToBytes, bytesToBase64 } from '../host/base64';
import { deleteRestoreLeftover, exportStoreBackup, peekExport, pendingJournalCount, restoreStoreBackup, type RowProgress } from '../db';
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

export type BackupWritten = HostOutput<'backup.finish'>;

/** Where a backup is: reading the store's rows, then sending the file to the host in parts. */
export type BackupProgress =
  | { phase: 'reading'; done: number; total: number }
  /** Every row is read; bytes of the export sent to the host so far (each part hashed on both sides). */
  | { phase: 'saving'; done: number; total: number };

export type { RowProgress };

/**
 * The store exported (one read transaction) and sent to the host in parts of
 * BACKUP_PART_MAX_BYTES, read from the export's Blob slice by slice (a year is ~650 MB,
 * more than one string may be). The SHA-256 of the whole is taken here as the parts go
 * (@noble/hashes: SubtleCrypto has no running digest) and the host takes its own of what
 * it wrote: only when both agree does the file get its name. Nothing is written into the
 * store, so a backup that fails half-way leaves the store as it was and no new file
 * (the host deletes the unfinished one; abort says so at once).
 */
export async function backUpNow(station: Station, onProgress: (p: BackupProgress) => void = () => undefined): Promise<Outcome<BackupWritten>> {
  const exported = await attempt(() => exportStoreBackup(station.db, station.profile.name, (p) => onProgress({ phase: 'reading', ...p })));
  if (exported.status !== 'ok') return exported;
  const { meta, content } = exported.value;
  const begun = await callHost(station.host, 'backup.begin', { meta });
  if (begun.status !== 'ok') return begun;
  const { id } = begun.value;
  const hash = sha256.create();
  onProgress({ phase: 'saving', done: 0, total: content.size });
  for (let offset = 0, index = 0; offset < content.size; offset += BACKUP_PART_MAX_BYTES, index++) {
    const read = await attempt(async () => new Uint8Array(await content.slice(offset, offset + BACKUP_PART_MAX_BYTES).arrayBuffer()));
    if (read.status !== 'ok') {
      await callHost(station.host, 'backup.abort', { id });
      return read;
    }
    hash.update(read.value);
    const sent = await callHost(station.host, 'backup.part', { id, index, data: bytesToBase64(read.value) });
    // A refused part has already abandoned the backup on the host; abort covers a lost answer.
    if (sent.status !== 'ok') {
      await callHost(station.host, 'backup.abort', { id });
      return sent;
    }
    onProgress({ phase: 'saving', done: sent.value.received, total: content.size });
  }
  return callHost(station.host, 'backup.finish', { id, bytes: content.size, sha256: bytesToHex(hash.digest()) });
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
    /** The export itself (the file after its header line), read from the host part by part. */
    content: Blob;
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

/** A header line is well under 4 KiB; one that has no end in the first part is not ours. */
const NO_HEADER = -1;

/**
 * Reads a backup from the host part by part into a Blob (Blobs are not bound by the string
 * limit; the browser keeps a big one on disk), hashing the content as it comes, and checks
 * it (shared/backup.ts checkBackup); changes nothing. `onProgress` hears bytes read.
 */
export async function checkBackup(
  station: Station, name: string, onProgress: (p: { done: number; total: number }) => void = () => undefined,
): Promise<Outcome<BackupCheckResult>> {
  const parts: Blob[] = [];
  const hash = sha256.create();
  let headerLine: string | null = null;
  let contentBytes = 0;
  let size = Infinity;
  for (let offset = 0; offset < size;) {
    const read = await callHost(station.host, 'backup.read', { name, offset, length: BACKUP_PART_MAX_BYTES });
    if (read.status !== 'ok') return read;
    size = read.value.size;
    let bytes = base64ToBytes(read.value.data);
    if (bytes.length === 0) break;
    offset += bytes.length;
    if (headerLine === null) {
      const newline = offset === bytes.length ? bytes.indexOf(0x0a) : NO_HEADER;
      if (newline === NO_HEADER) break;
      headerLine = new TextDecoder().decode(bytes.subarray(0, newline));
      bytes = bytes.subarray(newline + 1);
    }
    hash.update(bytes);
    contentBytes += bytes.length;
    // Each part a Blob at once: the browser may keep it on disk, and the bytes can go.
    parts.push(new Blob([bytes as BlobPart]));
    onProgress({ done: offset, total: size });
  }
  const content = new Blob(parts);
  const head = headerLine === null ? null : await attempt(() => peekExport(content));
  const check = verdictOnBackup(headerLine, { contentBytes, sha256: bytesToHex(hash.digest()) }, head?.status === 'ok' ? head.value : null, station.db.verno);
  if (!check.ok) return { status: 'ok', value: { verdict: check.reason, name, detail: check.detail } };
  const uncopied = await attempt(() => pendingJournalCount(station.db));
  if (uncopied.status !== 'ok') return uncopied;
  const status = await callHost(station.host, 'journal.status', {});
  const journal = status.status === 'ok' ? { lastSeq: status.value.lastSeq, behind: status.value.lastSeq > check.header.journalHead.seq } : null;
  return {
    status: 'ok',
    value: { verdict: 'ok', name, header: check.header, content, otherDevice: check.header.deviceId !== station.settings.deviceId, uncopied: uncopied.value, journal },
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
  const head = await attempt(() => restoreStoreBackup(station.db, checked.content, checked.header, { discardUncopied: options.anyway, onProgress: options.onProgress }));
  if (head.status !== 'ok') return head;
  const status = await callHost(station.host, 'journal.status', {});
  const journal = status.status === 'ok' ? { lastSeq: status.value.lastSeq, behind: status.value.lastSeq > head.value.seq } : null;
  return { status: 'ok', value: { head: head.value, journal } };
}

/**
 * Deletes what a restore cut short left behind (the window closed mid-restore: its staging
 * store keeps a whole backup's rows). Called once the kiosk is up, after its first paint;
 * the store of record is not touched. Answers whether there was one; never throws: a
 * leftover that cannot go now goes at the next start-up or the next restore.
 */
export function clearRestoreLeftover(station: Station): Promise<Outcome<boolean>> {
  return attempt(() => deleteRestoreLeftover(station.db));
}
