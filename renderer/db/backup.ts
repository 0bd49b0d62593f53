import { contentDigest, type BackupMeta, type StoreExport } from '../../shared/backup';
import { GENESIS_HEAD, type ChainHead } from '../../shared/journal';
import { journalHeadOf } from './journal-queue';
import { StoreRefusal } from './refusal';
import type { ChinarDb } from './schema';

/**
 * The whole store as a backup, and the store put back from one (issue 10), with
 * dexie-export-import. It is loaded only when a backup or a restore runs: it reads
 * `self` as it loads, and the counter does not need it.
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

/** The store exported in one read transaction, and what a restore checks it by. */
export async function exportStoreBackup(db: ChinarDb, storeName: string): Promise<{ meta: BackupMeta; content: string }> {
  const { exportDB } = await loadAddon();
  const content = await (await exportDB(db)).text();
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
 * transaction: dexie-export-import's `importInto` with `clearTablesBeforeImport`, run
 * inside our own transaction over every table, so its clears and its puts commit together
 * or, on any error, not at all: the store as it was stays. The export is handed over
 * already parsed (importInto takes a JsonStream), so nothing waits on reading a Blob
 * while the transaction is open, which would let IndexedDB commit it half-way.
 *
 * Refused while the store holds transactions not yet copied to the host's journal, unless
 * `discardUncopied`: the restore would lose them for good.
 */
export async function restoreStoreBackup(
  db: ChinarDb, store: StoreExport, expectedHead: ChainHead, options: { discardUncopied: boolean },
): Promise<ChainHead> {
  const { importInto } = await loadAddon();
  const stream: Parameters<typeof importInto>[1] = {
    result: store, eof: () => true, done: () => true, pullAsync: () => Promise.resolve(store), pullSync: () => store,
  };
  return db.transaction('rw', db.tables, async () => {
    const uncopied = await db.journalQueue.count();
    if (uncopied > 0 && !options.discardUncopied) {
      throw new BackupRestoreError(`${uncopied} recent change(s) are not yet copied to the kiosk's journal; a restore now would lose them. Wait until the journal banner says everything is copied, then restore.`);
    }
    // The name may differ (web mode and Electron name nothing differently, but a test store does).
    await importInto(db, stream, { clearTablesBeforeImport: true, acceptNameDiff: true });
    // Day summaries are derived: a backup from before v40 has none, so none of the old
    // store's may stay; the days are summed again from their rows when read.
    if (!store.data.tables.some((t) => t.name === 'daySummaries')) await db.daySummaries.clear();
    const head = await journalHeadOf(db);
    if (head.seq !== expectedHead.seq || head.hash !== expectedHead.hash) {
      throw new BackupRestoreError('The restored store is not at the journal record its backup says. Nothing was changed.');
    }
    return head;
  });
}
