import { z } from 'zod';
import { BackupHeaderSchema, BackupMetaSchema } from '../backup';
import { MIB, type MethodSpec } from './spec';

/**
 * A backup travels in parts, each at most this many bytes of the file (before base64): a
 * year's store is ~650 MB, more than one request body or one JavaScript string may be
 * (V8 stops near 512 MB), and 8 MiB keeps each call quick and the progress bar moving.
 */
export const BACKUP_PART_MAX_BYTES = 8 * MIB;
/** A part's body: its bytes in base64 (4 characters per 3 bytes) and a little JSON around them. */
export const BACKUP_PART_MAX_BODY_BYTES = Math.ceil(BACKUP_PART_MAX_BYTES / 3) * 4 + 64 * 1024;
/** The host keeps this many backups in its backup folder; each new one deletes the oldest beyond it. */
export const BACKUPS_KEPT = 30;

/**
 * A backup's file name, exactly as the host makes them (`chinar-backup-<UTC time>[-n].jsonl`):
 * the renderer names a backup, never a path, so it cannot read anything else.
 */
export const BACKUP_NAME_PATTERN = /^chinar-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(?:-\d{1,4})?\.jsonl$/;
const BackupNameSchema = z.string().max(80).regex(BACKUP_NAME_PATTERN, 'Give the name of a backup in the kiosk\'s backup folder, as the list shows it.');

/** How long a backup being written may wait for its next part before the host abandons it. */
export const BACKUP_IDLE_MS = 2 * 60 * 1000;
const BackupIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'Give the id backup.begin answered.');

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
   * Starts writing a backup (the renderer's dexie-export-import export, `meta.contentBytes`
   * long) into a temporary owner-only file; answers the id its parts go to. One backup
   * at a time: while another one is being written this is refused with 'busy' (one left
   * without a part for BACKUP_IDLE_MS is abandoned: its temporary file is deleted).
   */
  'backup.begin': {
    input: z.object({ meta: BackupMetaSchema.omit({ sha256: true }) }).strict(),
    output: z.object({ id: z.string() }),
  },
  /**
   * The next part of the content, in order from index 0, at most BACKUP_PART_MAX_BYTES
   * (base64). The host hashes it as it writes it; a part out of order, too big, or beyond
   * the size `begin` declared is refused and the backup abandoned.
   */
  'backup.part': {
    input: z.object({
      id: BackupIdSchema,
      index: z.number().int().min(0),
      // The body limit bounds the string; base64's alphabet is checked when it is decoded.
      data: z.string().min(1),
    }).strict(),
    output: z.object({ received: z.number().int().min(0) }),
    maxBodyBytes: BACKUP_PART_MAX_BODY_BYTES,
  },
  /**
   * Ends a backup: `bytes` and `sha256` are the renderer's count and SHA-256 of the whole
   * content. Only when both match what the host wrote and hashed does the file get its
   * name (written in full, fsynced, then renamed: never half a backup in the list); the
   * host adds its device id, clock and version as the header and keeps the newest
   * BACKUPS_KEPT.
   */
  'backup.finish': {
    input: z.object({ id: BackupIdSchema, bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    output: z.object({ path: z.string(), name: z.string(), bytes: z.number().int(), header: BackupHeaderSchema, deleted: z.number().int().min(0) }),
  },
  /** Abandons a backup being written (the export failed): its temporary file is deleted. */
  'backup.abort': {
    input: z.object({ id: BackupIdSchema }).strict(),
    output: z.object({ aborted: z.boolean() }),
  },
  /** The backups in the host's backup folder, newest first. */
  'backup.list': {
    input: z.object({}).strict(),
    output: z.object({ folder: z.string(), backups: z.array(BackupListEntrySchema) }),
  },
  /**
   * Part of one backup's file (`length` bytes from `offset`, base64), by the name
   * `backup.list` gave, with the file's size: the renderer reads the parts into a Blob
   * and checks it (shared/backup.ts) before restoring anything from it.
   */
  'backup.read': {
    input: z.object({
      name: BackupNameSchema,
      offset: z.number().int().min(0),
      length: z.number().int().min(1).max(BACKUP_PART_MAX_BYTES),
    }).strict(),
    output: z.object({ name: z.string(), size: z.number().int().min(0), offset: z.number().int().min(0), data: z.string() }),
  },
} as const satisfies Record<string, MethodSpec>;
