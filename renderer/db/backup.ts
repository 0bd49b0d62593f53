import Dexie, { type IndexableType } from 'dexie';
import type { BackupMeta } from '../../shared/backup';
import { GENESIS_HEAD, type ChainHead } from '../../shared/journal';
import { journalHeadOf } from './journal-queue';
import { StoreRefusal } from './refusal';
import { ChinarDb } from './schema';

/**
 * The whole store as a backup, and the store put back from one (issue 10). The export is
 * dexie-export-import's, loaded only when a backup or a restore runs (it reads `self` as
 * it loads, and the counter does not need it); the restore hands it the rows a chunk at a
 * time, so it can tell its progress within its one transaction.
 *
 * Everything is in a backup, the journal queue too: records a transaction queued but the
 * host had not acknowledged yet are the store's own, and after a restore the sender sends
 * them again (the host answers "already" for those it has). The store's journal head
 * (settings 'journalHead') comes back with the settings, so after a restore the store is
 * exactly as far along the journal as when it was backed up, and the boot's check sees a
 * journal that went further and rebuilds the rest from it.
 */
export class BackupRestoreError extends StoreRefusal {}

const loadAddon = () => import('dexie-export-import');

/** How far a backup's export or a restore's writes have got, in rows of every table together. */
export interface RowProgress { done: number; total: number }

/** Rows read per step of the export: small enough that the progress bar moves often, big enough to stay quick. */
const ROWS_PER_CHUNK = 10_000;
/** Bytes of the backup the import parses per step (each step one bulkAdd per table it reaches, into the staging store). */
const IMPORT_CHUNK_BYTES = 4 * 1024 * 1024;
/**
 * Dexie.waitFor gives up after 60 s by default; one read of the staging store is far
 * quicker, but a loaded kiosk must not fail a restore on a timer (the work itself ends it).
 */
const RESTORE_TIMEOUT_MS = 60 * 60 * 1000;

/**
 * The store exported in one read transaction, as a Blob (dexie-export-import builds it
 * from slices, so a year's ~650 MB never becomes one string), and the meta a restore
 * checks it by: rows per table as the export counted them, and the journal head as the
 * export read it (picked out of the settings rows as they stream past, in the same
 * transaction). The content's SHA-256 is taken while it is sent (app/backup.ts).
 */
export async function exportStoreBackup(
  db: ChinarDb, storeName: string, onProgress: (p: RowProgress) => void = () => undefined,
): Promise<{ meta: Omit<BackupMeta, 'sha256'>; content: Blob }> {
  const { exportDB, peakImportFile } = await loadAddon();
  let head: ChainHead = GENESIS_HEAD;
  const content = await exportDB(db, {
    numRowsPerChunk: ROWS_PER_CHUNK,
    filter: (table, value) => {
      if (table === 'settings' && typeof value === 'object' && value !== null && (value as { key?: unknown }).key === 'journalHead') {
        const v = (value as { value?: Partial<ChainHead> }).value;
        if (typeof v?.seq === 'number' && typeof v.hash === 'string') head = { seq: v.seq, hash: v.hash };
      }
      return true;
    },
    progressCallback: (p) => {
      onProgress({ done: p.completedRows, total: p.totalRows ?? p.completedRows });
      return false;
    },
  });
  const exported = await peakImportFile(content);
  const tables: Record<string, number> = {};
  for (const t of exported.data.tables) tables[t.name] = t.rowCount;
  return {
    meta: { storeName, databaseName: exported.data.databaseName, databaseVersion: exported.data.databaseVersion, tables, journalHead: head, contentBytes: content.size },
    content,
  };
}

/** Rows copied from the staging store into the live one per read. */
const COPY_ROWS = 10_000;

/**
 * Replaces the whole store with a checked backup's content (shared/backup.ts checkBackup),
 * all or nothing, in two steps:
 *
 * 1. dexie-export-import's `importInto` reads the Blob a few MiB at a time (a year is
 *    ~650 MB, never one string) into a STAGING store of the same schema
 *    (`<name>-restore`, emptied first). It works in its own transactions and reads the
 *    Blob between them, so it cannot run inside one transaction of the live store:
 *    IndexedDB only takes requests from its own callbacks, and a FileReader's is not one.
 * 2. ONE transaction over every table of the live store checks that nothing waits to be
 *    copied to the journal, clears every table and copies the staging rows in, a page of
 *    COPY_ROWS at a time (each read of the staging store awaited with Dexie.waitFor,
 *    which keeps the live transaction open and resumes inside it); before it commits,
 *    every table's rows are counted against the backup's header, and the journal head
 *    must be the one the header names. Any error (or a window closed half-way) and it
 *    does not commit: the store as it was stays.
 *
 * The staging store is deleted afterwards, whatever happened. `onProgress` hears rows
 * staged and copied together, as half of the work each.
 *
 * Refused while the store holds transactions not yet copied to the host's journal, unless
 * `discardUncopied`: the restore would lose them for good.
 */
export async function restoreStoreBackup(
  db: ChinarDb, content: Blob, expected: { tables: Record<string, number>; journalHead: ChainHead },
  options: { discardUncopied: boolean; onProgress?: (p: RowProgress) => void },
): Promise<ChainHead> {
  const refuseUncopied = (uncopied: number) => {
    if (uncopied > 0 && !options.discardUncopied) {
      throw new BackupRestoreError(`${uncopied} recent change(s) are not yet copied to the kiosk's journal; a restore now would lose them. Wait until the journal banner says everything is copied, then restore.`);
    }
  };
  // Said at once, before minutes of staging; checked again inside the transaction.
  refuseUncopied(await db.journalQueue.count());
  const { importInto } = await loadAddon();
  const total = Object.values(expected.tables).reduce((n, c) => n + c, 0);
  let staged = 0;
  const tell = (copied: number) => Dexie.ignoreTransaction(() => options.onProgress?.({ done: Math.floor((staged + copied) / 2), total }));
  // Relaxed: the staging store is thrown away after, so its commits need not wait for the disk.
  const staging = new ChinarDb(restoreStagingName(db), { ...db._options, chromeTransactionDurability: 'relaxed' });
  try {
    // A staging store left by an earlier restore cut short goes first: this one starts empty.
    await staging.delete();
    await staging.open();
    tell(0);
    await importInto(staging, content, {
      acceptNameDiff: true,
      chunkSizeBytes: IMPORT_CHUNK_BYTES,
      progressCallback: (p) => {
        staged = p.completedRows;
        tell(0);
        return false;
      },
    });
    staged = total;
    return await db.transaction('rw', db.tables, async () => {
      refuseUncopied(await db.journalQueue.count());
      // Every table is emptied first, derived ones too: a backup from before v40 has no day
      // summaries, and its days are summed again from their rows when read.
      await Promise.all(db.tables.map((t) => t.clear()));
      let copied = 0;
      for (const table of db.tables) {
        const from = staging.table(table.name);
        for (let last: IndexableType | null = null; ;) {
          const after: IndexableType | null = last;
          const rows = await Dexie.waitFor(after === null ? from.limit(COPY_ROWS).toArray() : from.where(':id').above(after).limit(COPY_ROWS).toArray(), RESTORE_TIMEOUT_MS);
          if (rows.length === 0) break;
          await table.bulkAdd(rows);
          copied += rows.length;
          tell(copied);
          last = Dexie.getByKeyPath(rows.at(-1), table.schema.primKey.keyPath as string) as IndexableType;
          if (rows.length < COPY_ROWS) break;
        }
        const count = await table.count();
        const want = expected.tables[table.name] ?? 0;
        if (count !== want) {
          throw new BackupRestoreError(`The backup's table ${table.name} gave ${count} rows, its header says ${want}. Nothing was changed.`);
        }
      }
      const head = await journalHeadOf(db);
      if (head.seq !== expected.journalHead.seq || head.hash !== expected.journalHead.hash) {
        throw new BackupRestoreError('The restored store is not at the journal record its backup says. Nothing was changed.');
      }
      return head;
    });
  } finally {
    staging.close();
    await staging.delete().catch(() => undefined);
  }
}

/** The store a restore stages a backup in, beside the live one. */
function restoreStagingName(db: ChinarDb): string {
  return `${db.name}-restore`;
}

/**
 * Deletes the staging store a restore left behind when the window was closed half-way (a
 * whole backup's rows: up to ~650 MB for a year, until the next restore). The live store is
 * not touched. Answers whether there was one (true too where the browser cannot list its
 * stores, `indexedDB.databases`: it deletes the name anyway, and deleting a store that is
 * not there does nothing).
 */
export async function deleteRestoreLeftover(db: ChinarDb): Promise<boolean> {
  const name = restoreStagingName(db);
  const factory = (db._options.indexedDB ?? indexedDB) as IDBFactory;
  const listed = typeof factory.databases === 'function' ? (await factory.databases()).some((d) => d.name === name) : null;
  if (listed === false) return false;
  await new ChinarDb(name, db._options).delete();
  return listed ?? true;
}

/** The head of an export (tables, row counts, version) without its rows; throws when the Blob is no export. */
export async function peekExport(content: Blob): Promise<unknown> {
  const { peakImportFile } = await loadAddon();
  return peakImportFile(content);
}
