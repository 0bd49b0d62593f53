import { z } from 'zod';
import { BackupHeaderSchema, BackupMetaSchema } from '../backup';
import type { MethodSpec } from './spec';

/** A backup carries the whole store as one JSON string; a busy year of sales stays well under this. */
export const BACKUP_MAX_BODY_BYTES = 200 * 1024 * 1024;
/** The host keeps this many backups in its backup folder; each new one deletes the oldest beyond it. */
export const BACKUPS_KEPT = 30;

/**
 * A backup's file name, exactly as the host makes them (`chinar-backup-<UTC time>[-n].jsonl`):
 * the renderer names a backup, never a path, so it cannot read anything else.
 */
export const BACKUP_NAME_PATTERN = /^chinar-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(?:-\d{1,4})?\.jsonl$/;
const BackupNameSchema = z.string().max(80).regex(BACKUP_NAME_PATTERN, 'Give the name of a backup in the kiosk\'s backup folder, as the list shows it.');

export const BackupListEntrySchema = z.object({
  name: z.string(),
  bytes: z.number().int().min(0),
  /** From the file's header; null when the header cannot be read (the file is damaged). */
  createdAt: z.string().nullable(),
  deviceId: z.string().nullable(),
});
export type BackupListEntry = z.infer<typeof BackupListEntrySchema>;

export const appMethods = {
  'app.info': {
    input: z.object({}),
    output: z.object({
      name: z.string(),
      version: z.string(),
      transport: z.enum(['electron', 'web']),
      platform: z.string(),
    }),
  },
  /**
   * Writes a backup of the store into the host's backup folder: the renderer's export
   * (`content`, dexie-export-import's JSON) with its meta; the host checks the content's
   * size and SHA-256 against the meta, adds its device id, clock and version as the
   * header, writes the file owner-only and keeps the newest BACKUPS_KEPT.
   */
  'backup.write': {
    // No z.string().max() here: the body limit is the one number, and it already bounds
    // the string (a JSON body of N bytes cannot hold a longer one).
    input: z.object({ meta: BackupMetaSchema, content: z.string() }).strict(),
    output: z.object({ path: z.string(), name: z.string(), bytes: z.number().int(), header: BackupHeaderSchema, deleted: z.number().int().min(0) }),
    maxBodyBytes: BACKUP_MAX_BODY_BYTES,
  },
  /** The backups in the host's backup folder, newest first. */
  'backup.list': {
    input: z.object({}).strict(),
    output: z.object({ folder: z.string(), backups: z.array(BackupListEntrySchema) }),
  },
  /**
   * One backup's whole file, by the name `backup.list` gave; the renderer checks it
   * (shared/backup.ts checkBackupFile) before restoring anything from it.
   */
  'backup.read': {
    input: z.object({ name: BackupNameSchema }).strict(),
    output: z.object({ name: z.string(), text: z.string() }),
  },
} as const satisfies Record<string, MethodSpec>;
