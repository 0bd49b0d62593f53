import type { Table } from 'dexie';
import { canonicalJson, GENESIS_HEAD, JOURNAL_RECORD_MAX_BYTES, type ChainHead, type RestoreRows } from '../../shared/journal';
import type { DayEntity } from '../../shared/entities';
import { legacyOpenDay } from './day-migration';
import { newId as uuidv7, type NewId } from './ids';
import { StoreRefusal } from './refusal';
import type { ChinarDb, JournalQueueRow } from './schema';

/**
 * The store's side of the host's journal (issue 8). Every write transaction puts the rows
 * it wrote into `journalQueue` inside the same transaction (`queueJournal`, one line per
 * operation), so a commit can never happen without its copy-to-be; renderer/app's sender
 * sends the queue in order and deletes a row only once the host has acknowledged it.
 * Carts are not journaled: they are not records.
 *
 * The store remembers the journal's head it has caught up with (`journalHead`): the last
 * acknowledged or restored record. A journal that goes further than that, with nothing of
 * ours waiting, holds transactions this store does not have: it must be rebuilt.
 */

type Rows = Record<string, readonly object[]>;

/**
 * A transaction that fits in one record goes as one record, so a replay applies all of it or
 * none of it (a busy day's close: the day, its outbox body of ~300 bytes a sale, its audit
 * entry). Only a write bigger than one record can hold (a big catalog import) is split, into
 * records of about CHUNK_BYTES, so each append and each page stays quick; such a write is
 * rows put by key, so a replay that stops between its records leaves whole rows.
 */
const CHUNK_BYTES = 192 * 1024;
/** The journal's per-table row limit in one record (shared/journal.ts allows 10,000). */
const CHUNK_ROWS = 5_000;
const encoder = new TextEncoder();

function byteLength(value: unknown): number {
  return encoder.encode(canonicalJson(value)).length;
}

/**
 * Queues the rows a transaction wrote as one journal record (or, for a write bigger than one
 * record holds, a big catalog import, as several consecutive records, each within the host's
 * size limit). Call it INSIDE the transaction, with `journalQueue` among its tables. Rows
 * must be whole rows, as put.
 * A row JSON cannot carry faithfully throws, so the transaction rolls back: the copy must
 * be what was committed. Returns the record ids, in order.
 */
export async function queueJournal(db: ChinarDb, kind: string, at: string, data: Rows, newId: NewId = uuidv7): Promise<string[]> {
  const envelopeBytes = 120 + kind.length + at.length;
  const tables = Object.entries(data).map(([table, rows]) => ({ table, rows, sizes: rows.map((row) => byteLength(row) + 1) }));
  const wholeBytes = tables.reduce((sum, t) => sum + (t.rows.length > 0 ? t.table.length + 5 : 0) + t.sizes.reduce((a, b) => a + b, 0), 2);
  const fitsOneRecord = wholeBytes + envelopeBytes <= JOURNAL_RECORD_MAX_BYTES && tables.every((t) => t.rows.length <= CHUNK_ROWS);
  const records: JournalQueueRow[] = [];
  let current: Record<string, Record<string, unknown>[]> = {};
  let size = 2;
  let rowsInCurrent = 0;
  const flush = () => {
    if (rowsInCurrent === 0) return;
    records.push({ id: newId(), kind, at, data: current, bytes: size });
    current = {};
    size = 2;
    rowsInCurrent = 0;
  };
  for (const { table, rows, sizes } of tables) {
    rows.forEach((row, i) => {
      const bytes = sizes[i]!;
      const overhead = current[table] ? 0 : table.length + 5;
      if (!fitsOneRecord && rowsInCurrent > 0 && (size + bytes + overhead > CHUNK_BYTES || (current[table]?.length ?? 0) >= CHUNK_ROWS)) flush();
      (current[table] ??= []).push(row as Record<string, unknown>);
      size += bytes + (current[table].length === 1 ? table.length + 5 : 0);
      rowsInCurrent++;
    });
  }
  flush();
  // Add the envelope (id, kind, at) to each size: the sender batches by these numbers.
  for (const r of records) r.bytes += envelopeBytes;
  // The host would refuse it, and the queue would stop behind it: refuse the transaction here, with the store unchanged.
  const tooBig = records.find((r) => r.bytes > JOURNAL_RECORD_MAX_BYTES);
  if (tooBig) {
    throw new StoreRefusal(`This ${kind} is too big for the kiosk's journal (${Math.ceil(tooBig.bytes / 1024)} KiB in one record; at most ${JOURNAL_RECORD_MAX_BYTES / 1024} KiB): nothing was saved. Call support.`);
  }
  if (records.length > 0) await db.journalQueue.bulkAdd(records);
  return records.map((r) => r.id);
}

/** The oldest queued records, at most `maxRecords` and `maxBytes` together (always at least one). */
export async function pendingJournal(db: ChinarDb, maxRecords: number, maxBytes: number): Promise<JournalQueueRow[]> {
  return (await nextJournalBatch(db, maxRecords, maxBytes)).rows;
}

/** As pendingJournal, and whether more records wait behind the batch (a backlog, not only what was just committed). */
export async function nextJournalBatch(db: ChinarDb, maxRecords: number, maxBytes: number): Promise<{ rows: JournalQueueRow[]; more: boolean }> {
  const rows = await db.journalQueue.orderBy('qseq').limit(maxRecords + 1).toArray();
  const out: JournalQueueRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    if (out.length === maxRecords || (out.length > 0 && bytes + row.bytes > maxBytes)) break;
    out.push(row);
    bytes += row.bytes;
  }
  return { rows: out, more: out.length < rows.length };
}

export function pendingJournalCount(db: ChinarDb): Promise<number> {
  return db.journalQueue.count();
}

/** The ids still waiting, oldest first (for the "not yet copied" marks). */
export async function pendingJournalIds(db: ChinarDb): Promise<string[]> {
  return (await db.journalQueue.orderBy('qseq').toArray()).map((r) => r.id);
}

/** True while the record `id` waits in the queue. */
export async function isJournalPending(db: ChinarDb, id: string): Promise<boolean> {
  return (await db.journalQueue.where('id').equals(id).count()) > 0;
}

const HEAD_KEY = 'journalHead';

/** The last journal record this store has caught up with (acknowledged or restored). */
export async function journalHeadOf(db: ChinarDb): Promise<ChainHead> {
  const row = await db.settings.get(HEAD_KEY);
  const value = row?.value as Partial<ChainHead> | undefined;
  return typeof value?.seq === 'number' && typeof value.hash === 'string' ? { seq: value.seq, hash: value.hash } : GENESIS_HEAD;
}

/**
 * The host has the records `ids` on disk: they leave the queue, and the head moves on
 * (never back: an answer for a resend may name an older record).
 */
export async function acknowledgeJournal(db: ChinarDb, ids: readonly string[], head: ChainHead): Promise<void> {
  await db.transaction('rw', [db.journalQueue, db.settings], async () => {
    const keys = await db.journalQueue.where('id').anyOf([...ids]).primaryKeys();
    await db.journalQueue.bulkDelete(keys);
    const before = await journalHeadOf(db);
    if (head.seq > before.seq) await db.settings.put({ key: HEAD_KEY, value: { seq: head.seq, hash: head.hash } });
  });
}

/** True when the store holds nothing anyone could sign in with: a fresh or wiped profile. */
export async function storeIsEmpty(db: ChinarDb): Promise<boolean> {
  return (await db.users.count()) === 0;
}

export class JournalRestoreError extends StoreRefusal {}

/** Tables a journal may put rows into: every table but the queue itself, the counter's carts and the derived day summaries. */
function restorableTables(db: ChinarDb): Table[] {
  return db.tables.filter((t) => t.name !== 'journalQueue' && t.name !== 'carts' && t.name !== 'daySummaries');
}

/**
 * Empties the store before a rebuild from a whole journal (a new kiosk taking an imported
 * journal, whose demo rows would clash with the real ones by SKU and barcode). One
 * transaction: either the old store is all there or none of it is.
 */
export async function clearStoreForRestore(db: ChinarDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}

/**
 * The old days table (keyed by date, before Dexie v20) is gone: its journaled rows come
 * back as the business days the v20 upgrade makes of them. A businessDays row of the same
 * page is later in the journal, so it wins.
 */
function withLegacyDays(rows: RestoreRows): RestoreRows {
  const { days, ...rest } = rows;
  if (!days) return rows;
  const current = new Set((rest.businessDays ?? []).map((d) => d.id));
  const moved = (days as unknown as DayEntity[]).filter((d) => d.status === 'open' && !current.has(`day-${d.businessDate}`)).map(legacyOpenDay);
  return { ...rest, businessDays: [...moved, ...(rest.businessDays ?? [])] as unknown as RestoreRows[string] };
}

/**
 * Puts back one checked page of journal records: a bulkPut per table (the later row per key
 * already won in rowsToRestore) and the new head, in one transaction, so a rebuild cut off
 * half-way resumes from the last page that is wholly in.
 */
export async function restoreJournalPage(db: ChinarDb, given: RestoreRows, head: ChainHead): Promise<void> {
  const rows = withLegacyDays(given);
  const tables = new Map(restorableTables(db).map((t) => [t.name, t]));
  for (const name of Object.keys(rows)) {
    if (!tables.has(name)) throw new JournalRestoreError(`The journal holds rows for "${name}", which this version of the kiosk does not know. Update Chinar POS, then restore again.`);
  }
  await db.transaction('rw', [...tables.values(), db.daySummaries], async () => {
    await Promise.all(Object.entries(rows).map(([name, list]) => tables.get(name)!.bulkPut(list)));
    // The restored rows may belong to days already summed: those days are summed again from their rows when read.
    await db.daySummaries.clear();
    await db.settings.put({ key: HEAD_KEY, value: { seq: head.seq, hash: head.hash } });
  });
}
