import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { z } from 'zod';
import { GENESIS_HASH } from './hash';

/**
 * The journal: the host's second copy of the store (issue 8). Every committed write
 * transaction of the renderer's store becomes one record holding the plain rows it wrote,
 * per table. The host appends records to a hash-chained file; after a wiped profile the
 * renderer rebuilds its store from them.
 *
 * This module is the part both sides need and that needs neither: the record shapes,
 * canonical JSON, the chain hash and its check, and the fold of records into the rows to
 * put back per table. The file itself is electron/host/journal.ts.
 */

/**
 * What a record is about. Open on purpose: the day, return and payout records of later
 * issues must not need a contract change, so any short lower-case word passes; these are
 * the ones in use or planned.
 */
export const KNOWN_JOURNAL_KINDS = ['sale', 'return', 'void', 'stock', 'catalog', 'settings', 'users', 'day', 'payout', 'cash', 'import'] as const;
export const JOURNAL_KIND_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;
/** Store table names as Dexie spells them (camelCase). */
export const JOURNAL_TABLE_PATTERN = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
/** Record ids are the renderer's UUIDv7 (or any short opaque id in tests and imports). */
export const JOURNAL_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * One record's canonical JSON may be at most this long. A 3-line sale is about 4 kB, and
 * the store splits a big write (a catalog import) into records of about 192 KiB; but one
 * row cannot be split, and a day's close carries its outbox row with the day's whole
 * PROTOCOL.md body, which lists every line of the day: about 300 bytes a sale, so 600 kB
 * for a busy day of 2,000 sales. 4 MiB holds a day of over 13,000 sales; the append call's
 * body limit (JOURNAL_APPEND_MAX_BYTES) leaves room for one such record and its escaping.
 */
export const JOURNAL_RECORD_MAX_BYTES = 4 * 1024 * 1024;

export const JournalKindSchema = z.string().regex(JOURNAL_KIND_PATTERN, 'A journal kind is a short lower-case word such as "sale"');

/** A row as the store holds it: plain JSON data (checked again when it is made canonical). */
export const JournalRowSchema = z.record(z.string(), z.unknown());

/**
 * The rows one transaction wrote, by table: `{ sales: [sale], saleLines: [...], payments:
 * [...], products: [...], counters: [...], audit: [...] }`. Rows are whole rows (a put,
 * not a patch), so a later record's row replaces an earlier one with the same key.
 */
export const JournalDataSchema = z.record(
  z.string().regex(JOURNAL_TABLE_PATTERN, 'A table name is letters and digits, e.g. saleLines'),
  z.array(JournalRowSchema).max(10_000),
);

/** What the renderer sends: one committed transaction. */
export const JournalRecordInputSchema = z.object({
  /** Unique per transaction; resending the same id is a no-op (the answer may have been lost). */
  id: z.string().regex(JOURNAL_ID_PATTERN, 'A journal record id is 1–64 letters, digits or _ . : -'),
  kind: JournalKindSchema,
  /** When the transaction committed: ISO 8601 with the market's offset, as the rows carry it. */
  at: z.string().min(10).max(40),
  data: JournalDataSchema,
}).strict();

/** A record as journaled: the input plus its place in the chain. */
export const JournalRecordSchema = JournalRecordInputSchema.extend({
  /** 1, 2, 3 … in file order, no gaps. */
  seq: z.number().int().min(1),
  /** The previous record's hash; GENESIS_HASH for seq 1. */
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** SHA-256 hex of prevHash followed by the canonical JSON of the body (journalHashInput). */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
}).strict();

export type JournalRow = z.infer<typeof JournalRowSchema>;
export type JournalData = z.infer<typeof JournalDataSchema>;
export type JournalRecordInput = z.infer<typeof JournalRecordInputSchema>;
export type JournalRecord = z.infer<typeof JournalRecordSchema>;
/** The hashed part of a record: everything but the two hashes. */
export type JournalBody = Pick<JournalRecord, 'seq' | 'id' | 'kind' | 'at' | 'data'>;

export { GENESIS_HASH };

/**
 * Canonical JSON (the shape of RFC 8785 for the values the store holds): object keys
 * sorted by UTF-16 code units, no whitespace, numbers and strings as JSON.stringify writes
 * them, keys whose value is undefined left out. Two sides that hold the same data produce
 * the same bytes, whatever order a spread or a structured clone left the keys in, so a
 * hash over it can be recomputed anywhere. Anything JSON cannot carry faithfully (NaN,
 * Infinity, bigint, a Date or other class instance, a function) is refused rather than
 * quietly changed, because the copy must be the data that was committed.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out, '');
  return out.join('');
}

function write(value: unknown, out: string[], path: string): void {
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path || 'value'} is ${value}, which JSON cannot hold`);
      out.push(JSON.stringify(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'object': {
      if (value === null) { out.push('null'); return; }
      if (Array.isArray(value)) {
        out.push('[');
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out.push(',');
          const item: unknown = value[i];
          // As JSON.stringify does: a hole or undefined in an array is null.
          if (item === undefined) out.push('null');
          else write(item, out, `${path}[${i}]`);
        }
        out.push(']');
        return;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`${path || 'value'} is a ${(value as object).constructor?.name ?? 'class instance'}, not plain data`);
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
      out.push('{');
      keys.forEach((key, i) => {
        if (i > 0) out.push(',');
        out.push(JSON.stringify(key), ':');
        write(record[key], out, path ? `${path}.${key}` : key);
      });
      out.push('}');
      return;
    }
    default:
      throw new TypeError(`${path || 'value'} is a ${typeof value}, which JSON cannot hold`);
  }
}

/** A sale, return or void row a record writes, as the host indexes it (invoice numbers, the last sale). */
export interface JournalInvoice { id: string; receiptNo: string; total: number | null; createdAt: string | null; kind: string | null }

/** The small front of a body: enough for the host to index a record without parsing its rows. */
export interface JournalHead { seq: number; id: string; kind: string; at: string; invoices: JournalInvoice[] }

export function journalHead(body: JournalBody): JournalHead {
  return { seq: body.seq, id: body.id, kind: body.kind, at: body.at, invoices: invoiceRowsOf(body.data) };
}

/**
 * The bytes the chain hash covers after prevHash, and that the host stores as they are:
 * `{"seq":…,"id":…,"kind":…,"at":…,"invoices":[…],"data":{…}}`, keys in this fixed order
 * and every value canonical JSON. `invoices` (derived from data.sales) comes before the
 * rows so that opening a year's journal parses a few hundred bytes per record instead of
 * all its rows; anyone can rebuild these bytes from a parsed record and check the hash.
 */
export function journalBodyJson(body: JournalBody): string {
  const head = journalHead(body);
  return `{"seq":${canonicalJson(head.seq)},"id":${canonicalJson(head.id)},"kind":${canonicalJson(head.kind)},`
    + `"at":${canonicalJson(head.at)},"invoices":${canonicalJson(head.invoices)},"data":${canonicalJson(body.data)}}`;
}

/**
 * What the chain hash covers: the previous hash, then the body's canonical JSON. The host
 * stores exactly these body bytes, so it can check a record by hashing them without
 * rebuilding them; the renderer rebuilds them from parsed data and must get the same.
 */
export function journalHashInput(prevHash: string, bodyJson: string): string {
  return prevHash + bodyJson;
}

/** The chain hash in pure JS (noble), for the renderer; the host uses node:crypto, which agrees. */
export function journalRecordHash(prevHash: string, body: JournalBody): string {
  return bytesToHex(sha256(utf8ToBytes(journalHashInput(prevHash, journalBodyJson(body)))));
}

/** Where a run of records starts: before seq 1 (the default), or after a page already checked. */
export interface ChainHead { seq: number; hash: string }
export const GENESIS_HEAD: ChainHead = { seq: 0, hash: GENESIS_HASH };

export type ChainCheck =
  | { ok: true; head: ChainHead }
  | { ok: false; index: number; seq: number; reason: string };

/**
 * Checks that `records` continue the chain from `from`: consecutive seqs, each prevHash
 * the hash before it, each hash right for its content. Pages can be checked one after
 * another by passing the previous page's head. Says which record is the first bad one.
 */
export function verifyJournalChain(records: readonly JournalRecord[], from: ChainHead = GENESIS_HEAD): ChainCheck {
  let head = from;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (r.seq !== head.seq + 1) return { ok: false, index: i, seq: r.seq, reason: `record ${r.seq} follows record ${head.seq}: a record is missing or out of order` };
    if (r.prevHash !== head.hash) return { ok: false, index: i, seq: r.seq, reason: `record ${r.seq} does not link to record ${head.seq} (prevHash differs)` };
    let hash: string;
    try {
      hash = journalRecordHash(r.prevHash, r);
    } catch (error) {
      return { ok: false, index: i, seq: r.seq, reason: `record ${r.seq} is not plain data: ${(error as Error).message}` };
    }
    if (hash !== r.hash) return { ok: false, index: i, seq: r.seq, reason: `record ${r.seq} was changed after it was written (hash differs)` };
    head = { seq: r.seq, hash: r.hash };
  }
  return { ok: true, head };
}

/**
 * The renderer's check of a page of `journal.read` while it rebuilds the store: the records
 * continue the chain from `from` (consecutive seqs, each prevHash the hash before it, each
 * hash well-formed). Whether each hash is right for its content the host has just checked,
 * natively over the exact bytes it stores, as it read the page (electron/host/journal.ts):
 * rebuilding every body's canonical JSON and hashing it again in JavaScript was most of a
 * year's replay (issue 11), and a host that lied could rehash whatever it sends anyway.
 * Together the two check the whole chain: content bound to its hash there, hash linked to
 * the one before here, page after page from the store's own head.
 */
export function verifyJournalLinks(records: readonly Pick<JournalRecord, 'seq' | 'prevHash' | 'hash'>[], from: ChainHead = GENESIS_HEAD): ChainCheck {
  let head = from;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (r.seq !== head.seq + 1) return { ok: false, index: i, seq: r.seq, reason: `record ${r.seq} follows record ${head.seq}: a record is missing or out of order` };
    if (r.prevHash !== head.hash) return { ok: false, index: i, seq: r.seq, reason: `record ${r.seq} does not link to record ${head.seq} (prevHash differs)` };
    if (!/^[0-9a-f]{64}$/.test(r.hash)) return { ok: false, index: i, seq: r.seq, reason: `record ${r.seq} has no proper hash` };
    head = { seq: r.seq, hash: r.hash };
  }
  return { ok: true, head };
}

/**
 * The primary key of each store table (renderer/db/schema.ts), so that restoring keeps the
 * last row per key. A table not named here is keyed by `id`.
 */
export const JOURNAL_TABLE_KEYS: Readonly<Record<string, string>> = {
  days: 'businessDate',
  audit: 'seq',
  settings: 'key',
  counters: 'key',
};

export function tableKey(table: string): string {
  return JOURNAL_TABLE_KEYS[table] ?? 'id';
}

/** The rows to put back, per table, ready for one bulkPut each. */
export type RestoreRows = Record<string, JournalRow[]>;

/**
 * Folds journal records (in journal order) into the rows to restore per table: a later
 * row with the same key wins, so the last stock count, catalog edit or settings value is
 * what comes back, and a sale row appears once. Applying the folds of consecutive pages
 * one after another gives the same store as folding everything at once (a later page's
 * bulkPut overwrites the earlier one's rows), so the renderer can restore a year page by
 * page without holding it all in memory. A row without its table's key is an error: it
 * could not be put back where it came from.
 */
export function rowsToRestore(records: readonly Pick<JournalRecord, 'seq' | 'data'>[]): RestoreRows {
  const byTable = new Map<string, Map<string | number, JournalRow>>();
  for (const record of records) {
    for (const [table, rows] of Object.entries(record.data)) {
      const key = tableKey(table);
      let kept = byTable.get(table);
      if (!kept) { kept = new Map(); byTable.set(table, kept); }
      for (const row of rows) {
        const k = row[key];
        if (typeof k !== 'string' && typeof k !== 'number') {
          throw new TypeError(`Journal record ${record.seq}: a ${table} row has no ${key}`);
        }
        // Delete first so the row moves to the end: the order of puts follows the journal.
        kept.delete(k);
        kept.set(k, row);
      }
    }
  }
  const out: RestoreRows = {};
  for (const [table, rows] of byTable) out[table] = [...rows.values()];
  return out;
}

/** A GST invoice number split into its counter key and sequence: "K01/2627/000123" → K01/2627, 123. */
export function invoiceNumberParts(receiptNo: string): { key: string; number: number } | null {
  const m = /^(.+)\/(\d{1,9})$/.exec(receiptNo);
  if (!m) return null;
  return { key: m[1]!, number: Number(m[2]) };
}

/**
 * The sales rows (sales, returns, voids: anything with an invoice number) a record writes.
 * A sales row without a string id and receiptNo is refused: the host could not keep its
 * number from being issued twice.
 */
export function invoiceRowsOf(data: JournalData): JournalInvoice[] {
  const rows = data.sales ?? [];
  return rows.map((row, i) => {
    if (typeof row.id !== 'string' || typeof row.receiptNo !== 'string') {
      throw new TypeError(`sales[${i}] needs a string id and receiptNo`);
    }
    return {
      id: row.id, receiptNo: row.receiptNo,
      total: Number.isSafeInteger(row.total) ? row.total as number : null,
      createdAt: typeof row.createdAt === 'string' ? row.createdAt : null,
      kind: typeof row.kind === 'string' ? row.kind : null,
    };
  });
}

/**
 * The key under which the host's `highestNumbers` gives the highest Z number its journal
 * holds. Z numbers are the kiosk's own series (one per store, never reset): like an
 * invoice number, a Z is printed on paper and must never be issued twice.
 */
export const Z_NUMBER_KEY = 'Z';

/** A closed day a record writes, as the host indexes it: its id and its Z number. */
export interface JournalZClose { dayId: string; zNumber: number }

/**
 * The closed days (with their Z numbers) a record writes: businessDays rows whose status is
 * 'closed'. A closed day without a string id and a positive whole Z number is refused: the
 * host could not keep its Z from being issued twice.
 */
export function zClosesOf(data: JournalData): JournalZClose[] {
  return (data.businessDays ?? []).flatMap((row, i) => {
    if (row.status !== 'closed') return [];
    if (typeof row.id !== 'string' || !Number.isSafeInteger(row.zNumber) || (row.zNumber as number) < 1) {
      throw new TypeError(`businessDays[${i}] is closed and needs a string id and a Z number of 1 or more`);
    }
    return [{ dayId: row.id, zNumber: row.zNumber as number }];
  });
}
