import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { z } from 'zod';

/**
 * A backup file of the whole store (issue 10): one header line, then the store as
 * dexie-export-import wrote it, on one line:
 *
 *   {"format":"chinar-pos-backup/2","deviceId":…,"createdAt":…,"tables":{…},"sha256":…}\n
 *   {"formatName":"dexie","formatVersion":1,"data":{…}}
 *
 * The header is what the host lists without reading the rest (a year's backup is ~650 MB);
 * the SHA-256 and byte count of the content and the rows per table are what a restore
 * checks before it touches the store: a copy cut short on a USB stick, or a byte changed,
 * fails one of them. Both sides move it in parts (contract/app.ts), never as one string.
 */
export const BACKUP_FORMAT = 'chinar-pos-backup/2';

const HashSchema = z.string().regex(/^[0-9a-f]{64}$/);
const TableCountsSchema = z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,59}$/), z.number().int().min(0));

/** What the renderer knows of its export; the host adds who and when (BackupHeaderSchema). */
export const BackupMetaSchema = z.object({
  /** The store profile's name, for people: "Polo View Market". */
  storeName: z.string().max(200),
  /** IndexedDB's name and the Dexie schema version the rows belong to. */
  databaseName: z.string().max(200),
  databaseVersion: z.number().int().min(1),
  /** Rows per table, as exported. */
  tables: TableCountsSchema,
  /** The journal record the store had caught up with (settings key 'journalHead'). */
  journalHead: z.object({ seq: z.number().int().min(0), hash: HashSchema }),
  /** UTF-8 bytes of the content line, and its SHA-256 (lower-case hex). */
  contentBytes: z.number().int().min(0),
  sha256: HashSchema,
}).strict();
export type BackupMeta = z.infer<typeof BackupMetaSchema>;

export const BackupHeaderSchema = BackupMetaSchema.extend({
  format: z.literal(BACKUP_FORMAT),
  /** The host's device id when it wrote the file (enrolment sets it; the renderer cannot). */
  deviceId: z.string().max(200),
  /** ISO 8601 (UTC), the host's clock. */
  createdAt: z.string().max(40),
  appVersion: z.string().max(40),
}).strict();
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

/** UTF-8 size and SHA-256 of a backup's content, as the header records them (tests and small files). */
export function contentDigest(content: string): { contentBytes: number; sha256: string } {
  const bytes = utf8ToBytes(content);
  return { contentBytes: bytes.length, sha256: bytesToHex(sha256(bytes)) };
}

/** The file as the host writes it. The content must be one line (JSON without newlines). */
export function backupFileText(header: BackupHeader, content: string): string {
  return `${JSON.stringify(header)}\n`.concat(content);
}

/** The header of a backup file from its first line; null when it is not one of ours. */
export function parseBackupHeader(firstLine: string): BackupHeader | null {
  let raw: unknown;
  try {
    raw = JSON.parse(firstLine);
  } catch {
    return null;
  }
  const parsed = BackupHeaderSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * The head of dexie-export-import's format (its `peakImportFile`: everything but the rows),
 * which is what a restore checks before it reads a single row.
 */
export interface StoreExportHead {
  formatName: 'dexie';
  formatVersion: 1;
  data: {
    databaseName: string;
    databaseVersion: number;
    tables: { name: string; schema: string; rowCount: number }[];
  };
}

export type BackupCheck =
  | { ok: true; header: BackupHeader; head: StoreExportHead }
  /** `damaged`: not whole (cut short, changed, not a backup); `version`: another store version. */
  | { ok: false; reason: 'damaged' | 'version'; detail: string };

const ExportHeadSchema = z.object({
  formatName: z.literal('dexie'),
  formatVersion: z.literal(1),
  data: z.object({
    databaseName: z.string(),
    databaseVersion: z.number(),
    tables: z.array(z.object({ name: z.string(), schema: z.string(), rowCount: z.number().int().min(0) })),
  }),
});

function damaged(detail: string): BackupCheck {
  return { ok: false, reason: 'damaged', detail };
}

/**
 * Checks a backup before anything is restored from it, from what reading it found: the
 * header line (null when the file has none), the content's size and SHA-256 as read, and
 * the export's head. The file is read in parts (a year is ~650 MB, more than one string
 * may hold), so the reading is the caller's and the verdict is here. Every table's rows as
 * the export counted them must be what the header says; the restore counts them again
 * as it writes them. `storeVersion` is this kiosk's Dexie version: dexie-export-import puts
 * rows back as they are, without the upgrades between versions, so a backup of another
 * version is refused rather than half-fitting.
 */
export function checkBackup(
  headerLine: string | null, found: { contentBytes: number; sha256: string }, exportHead: unknown, storeVersion: number,
): BackupCheck {
  if (headerLine === null) return damaged('the file ends inside its header');
  const header = parseBackupHeader(headerLine);
  if (!header) return damaged('its first line is not a Chinar POS backup header');
  if (found.contentBytes !== header.contentBytes) {
    return damaged(`it holds ${found.contentBytes} bytes of the ${header.contentBytes} it was written with`);
  }
  if (found.sha256 !== header.sha256) return damaged('its content does not match the checksum it was written with');
  const parsed = ExportHeadSchema.safeParse(exportHead);
  if (!parsed.success) return damaged('its content is not a store export');
  const head = parsed.data as StoreExportHead;
  for (const t of head.data.tables) {
    const expected = header.tables[t.name];
    if (expected !== t.rowCount) return damaged(`table ${t.name} holds ${t.rowCount} rows, the header says ${expected ?? 'none'}`);
  }
  if (Object.keys(header.tables).length !== head.data.tables.length) return damaged('it lists tables its content does not hold');
  if (head.data.databaseVersion !== storeVersion || header.databaseVersion !== storeVersion) {
    return { ok: false, reason: 'version', detail: `the backup is of store version ${header.databaseVersion}, this kiosk's store is version ${storeVersion}` };
  }
  return { ok: true, header, head };
}
