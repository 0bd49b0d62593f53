import Dexie from 'dexie';
import { contentDigest, type BackupMeta, type StoreExport } from '../../shared/backup';
import { GENESIS_HEAD, type ChainHead } from '../../shared/journal';
import { journalHeadOf } from './journal-queue';
import { StoreRefusal } from './refusal';
import type { ChinarDb } from './schema';

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

/** Rows read or written per step: small enough that the progress bar moves often, big enough to stay quick. */
const ROWS_PER_CHUNK = 10_000;

/**
 * The store exported in one read transaction, and what a restore checks it by.
 * `onProgress` hears after every chunk of rows read.
 */
export async function exportStoreBackup(
  db: ChinarDb, storeName: string, onProgress: (p: RowProgress) => void = () => undefined,
): Promise<{ meta: BackupMeta; content: string }> {
  const { exportDB } = await loadAddon();
  const blob = await exportDB(db, {
    numRowsPerChunk: ROWS_PER_CHUNK,
    progressCallback: (p) => {
      onProgress({ done: p.completedRows, total: p.totalRows ?? p.completedRows });
      return false;
    },
  });
  const content = await blob.text();
  const parsed = JSON.parse(content) as StoreExport;
  const tables: Record<string, number> = {};
  for (const t of parsed.data.tables) tables[t.name] = 0;
  for (const t of parsed.data.data) tables[t.tableName] = (tables[t.tableName] ?? 0) + t.rows.length;
  const headRow = parsed.data.data.find((t) => t.tableName === 'settings')?.rows
    .find((r): r is { key: string; value: Partial<ChainHead> } => typeof r === 'object' && r !== null && (r as { key?: unknown }).key === 'journalHead');
  const head = typeof headRow?.value.seq === 'number' && typeof headRow.value.hash === 'string' ? { seq: headRow.value.seq, hash: headRow.value.hash } : GENESIS_HEAD;
  return {
    meta: { storeName, databaseName: parsed.data.databaseName, databaseVersion: parsed.data.databaseVersion, tables, journalHead: head, ...contentDigest(content) },
    content,
  };
}

/**
 * Replaces the whole store with a checked backup (shared/backup.ts checkBackupFile) in ONE
 * transaction over every table: every table cleared, then the rows put back by
 * dexie-export-import's `importInto` a chunk of ROWS_PER_CHUNK rows at a time, so the
 * clears and the adds commit together or, on any error (or a window closed half-way),
 * not at all: the store as it was stays. `onProgress` hears after every chunk (the
 * progress bar paints while IndexedDB writes the next one). The export is handed over
 * already parsed (importInto takes a JsonStream), so nothing waits on reading a Blob
 * while the transaction is open, which would let IndexedDB commit it half-way.
 *
 * Refused while the store holds transactions not yet copied to the host's journal, unless
 * `discardUncopied`: the restore would lose them for good.
 */
export async function restoreStoreBackup(
  db: ChinarDb, store: StoreExport, expectedHead: ChainHead,
  options: { discardUncopied: boolean; onProgress?: (p: RowProgress) => void },
): Promise<ChainHead> {
  const { importInto } = await loadAddon();
  type Stream = Parameters<typeof importInto>[1];
  /** One chunk of one table, as a stream importInto reads at once. */
  const chunkOf = (table: StoreExport['data']['data'][number], rows: unknown[]): Stream => {
    const result: StoreExport = { ...store, data: { ...store.data, data: [{ tableName: table.tableName, inbound: table.inbound, rows }] } };
    return { result, eof: () => true, done: () => true, pullAsync: () => Promise.resolve(result), pullSync: () => result };
  };
  const total = store.data.data.reduce((n, t) => n + t.rows.length, 0);
  const tell = (done: number) => Dexie.ignoreTransaction(() => options.onProgress?.({ done, total }));
  return db.transaction('rw', db.tables, async () => {
    const uncopied = await db.journalQueue.count();
    if (uncopied > 0 && !options.discardUncopied) {
      throw new BackupRestoreError(`${uncopied} recent change(s) are not yet copied to the kiosk's journal; a restore now would lose them. Wait until the journal banner says everything is copied, then restore.`);
    }
    // Every table is emptied first, derived ones too: a backup from before v40 has no day
    // summaries, and its days are summed again from their rows when read.
    await Promise.all(db.tables.map((t) => t.clear()));
    let done = 0;
    tell(done);
    for (const table of store.data.data) {
      for (let i = 0; i < table.rows.length; i += ROWS_PER_CHUNK) {
        // A copy: importInto empties the array it is given as it goes.
        const rows = table.rows.slice(i, i + ROWS_PER_CHUNK);
        const count = rows.length;
        // The name may differ (web mode and Electron name nothing differently, but a test store does).
        await importInto(db, chunkOf(table, rows), { acceptNameDiff: true });
        done += count;
        tell(done);
      }
    }
    const head = await journalHeadOf(db);
    if (head.seq !== expectedHead.seq || head.hash !== expectedHead.hash) {
      throw new BackupRestoreError('The restored store is not at the journal record its backup says. Nothing was changed.');
    }
    return head;
  });
}
