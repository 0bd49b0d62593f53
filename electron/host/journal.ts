import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { AppendedEntrySchema, JournalImportSummary, JournalStatus, LastSale } from '../../shared/contract/journal';
import { JOURNAL_PAGE_MAX_BYTES, JOURNAL_PAGE_MAX_RECORDS } from '../../shared/contract/journal';
import {
  GENESIS_HASH, invoiceNumberParts, invoiceRowsOf, JOURNAL_RECORD_MAX_BYTES, journalBodyJson, journalHashInput, Z_NUMBER_KEY, zClosesOf,
  type JournalBody, type JournalData, type JournalHead, type JournalRecord, type JournalRecordInput, type JournalZClose,
} from '../../shared/journal';
import { HostFailure } from '../../shared/result';
import type { z } from 'zod';
import { fileTimestamp, syncDir, writeFileAtomic } from './files';

/**
 * The journal file: the host's append-only, hash-chained copy of every committed store
 * transaction (issue 8). One JSON line per record:
 *
 *   {"prevHash":"<64 hex>","hash":"<64 hex>","body":{"seq":…,"id":…,"kind":…,"at":…,"invoices":[…],"data":{…}}}\n
 *
 * hash = SHA-256(prevHash + body bytes), the body as journalBodyJson writes it (shared/
 * journal.ts). The body is stored exactly as hashed, so opening checks a line by hashing a
 * slice of it, and indexes it by parsing only the head before "data".
 *
 * Why JSON lines and not SQLite (better-sqlite3): the journal is only ever appended to and
 * read front to back, which is what a plain file does best; a torn write can only be the
 * last line, which is easy to detect and cut; the file is readable with any text tool, and
 * copying it to a USB stick and checking it needs nothing but this code. SQLite would add a
 * native module that must be rebuilt for every Electron ABI and platform we ship, a WAL and
 * its own recovery, for indexes we keep in memory anyway (ids → seq, invoice numbers).
 *
 * Durability: each append writes its lines at the known end of the file in one write and
 * fsyncs before it resolves; the folder is fsynced when the file is created. Appends run
 * one at a time (a promise queue), so concurrent calls cannot interleave or fork the chain.
 * Opening reads the file in 1 MiB chunks, checks every hash and link, and rebuilds the
 * indexes. A damaged last line (the host killed or the power cut mid-write: never
 * acknowledged) is cut off and kept in `torn/`; damage before a good line is reported and
 * the journal refuses to append, since papering over it would hide lost records.
 */

export const JOURNAL_FILE = 'chinar-journal.jsonl';
/** The kind of the renderer's demo-seed record (renderer/db/seed.ts): a journal of only it may be replaced by an import. */
export const DEMO_SEED_KIND = 'seed';
/**
 * The kind of the renderer's wrong-PIN records (renderer/db/pins.ts: a keypad's count, a
 * lockout): a new kiosk writes them when someone mistypes the demo PIN before importing.
 */
export const PIN_KIND = 'pin';
/** A journal this long at most, of the demo seed and PIN records only, is a new kiosk's. */
const FRESH_KIOSK_MAX_RECORDS = 200;

const P1 = '{"prevHash":"';
const P2 = '","hash":"';
const P3 = '","body":';
const PREV_AT = P1.length;
const HASH_AT = PREV_AT + 64 + P2.length;
const BODY_AT = HASH_AT + 64 + P3.length;
const PREFIX_BYTES = {
  p1: Buffer.from(P1, 'latin1'),
  p2: Buffer.from(P2, 'latin1'),
  p3: Buffer.from(P3, 'latin1'),
};
const HEX64 = /^[0-9a-f]{64}$/;
const DATA_KEY = Buffer.from(',"data":', 'latin1');
const BUSINESS_DAYS_KEY = Buffer.from('"businessDays":', 'latin1');
const CHUNK = 1024 * 1024;
const SCAN_CHUNK = 4 * 1024 * 1024;

export function encodeLine(prevHash: string, bodyJson: string): { line: string; hash: string } {
  const hash = createHash('sha256').update(journalHashInput(prevHash, bodyJson), 'utf8').digest('hex');
  return { line: `${P1}${prevHash}${P2}${hash}${P3}${bodyJson}}\n`, hash };
}

type AppendedEntry = z.infer<typeof AppendedEntrySchema>;

export interface AppendResult {
  appended: number;
  entries: AppendedEntry[];
  last: { seq: number; hash: string };
}

export interface ReadPage {
  records: JournalRecord[];
  nextSeq: number;
  done: boolean;
  lastSeq: number;
}

/** The journal is damaged before its last line: it opens for nothing until a person looks. */
export class JournalDamagedError extends HostFailure {
  constructor(readonly path: string, readonly line: number, readonly offset: number, readonly reason: string) {
    super('journal-damaged', `The kiosk's journal (${basename(path)}) is damaged at line ${line} (byte ${offset}): ${reason}. `
      + 'Sales still save on this kiosk but are not copied. Do not delete the file: tell the market manager, who can restore it from a USB copy.');
  }
}

/**
 * What the host knows without reading the file again: where each record starts, which ids
 * and invoice numbers are taken, the highest number per series, the last sale.
 */
class JournalIndex {
  readonly ids = new Map<string, number>();
  /** offsets[seq - 1] = byte offset of record seq's line; `end` is where the next goes. */
  readonly offsets: number[] = [];
  end = 0;
  lastHash = GENESIS_HASH;
  firstAt: string | null = null;
  lastAt: string | null = null;
  lastSale: LastSale | null = null;
  /** Invoice number → the sale id it was issued to. */
  readonly receiptNos = new Map<string, string>();
  /** Counter key (series/financial year) → highest number issued; Z_NUMBER_KEY → the highest Z. */
  readonly highest = new Map<string, number>();
  /** Z number → the closed day it was issued to. */
  readonly zDays = new Map<number, string>();

  get count(): number { return this.offsets.length; }

  add(head: Pick<JournalHead, 'id' | 'at' | 'invoices'>, seq: number, offset: number, lineBytes: number, hash: string, zCloses: readonly JournalZClose[] = []): void {
    this.ids.set(head.id, seq);
    this.offsets.push(offset);
    this.end = offset + lineBytes;
    this.lastHash = hash;
    this.firstAt ??= head.at;
    this.lastAt = head.at;
    for (const row of head.invoices) {
      this.receiptNos.set(row.receiptNo, row.id);
      const parts = invoiceNumberParts(row.receiptNo);
      if (parts && parts.number > (this.highest.get(parts.key) ?? 0)) this.highest.set(parts.key, parts.number);
      this.lastSale = { saleId: row.id, receiptNo: row.receiptNo, at: row.createdAt ?? head.at, total: row.total, kind: row.kind };
    }
    for (const close of zCloses) {
      this.zDays.set(close.zNumber, close.dayId);
      if (close.zNumber > (this.highest.get(Z_NUMBER_KEY) ?? 0)) this.highest.set(Z_NUMBER_KEY, close.zNumber);
    }
  }

  summary(): Omit<JournalStatus, 'lastHash'> & { firstAt: string | null } {
    return {
      count: this.count, lastSeq: this.count, firstAt: this.firstAt, lastAt: this.lastAt, lastSale: this.lastSale,
      highestNumbers: Object.fromEntries(this.highest),
    };
  }
}

interface ScanResult {
  index: JournalIndex;
  /** Bytes after the last good record: a torn (never acknowledged) last line, or 0. */
  tornBytes: number;
}

/**
 * Reads a journal front to back, checking every line's link and hash, and indexes it.
 * Damage followed by any further content throws JournalDamagedError; damage at the end is
 * returned as tornBytes for the caller to cut.
 */
async function scanJournal(handle: FileHandle, path: string): Promise<ScanResult> {
  const index = new JournalIndex();
  let carry = Buffer.alloc(0);
  let carryOffset = 0;
  let lineNo = 0;
  let position = 0;
  let bad: { line: number; offset: number; reason: string } | null = null;

  const onLine = (line: Buffer, offset: number, withNewline: boolean): void => {
    lineNo++;
    if (bad) {
      if (!isBlank(line)) throw new JournalDamagedError(path, bad.line, bad.offset, bad.reason);
      return;
    }
    if (!withNewline) { bad = { line: lineNo, offset, reason: 'the line is unfinished' }; return; }
    const reason = checkLine(line, index);
    if (typeof reason === 'string') { bad = { line: lineNo, offset, reason }; return; }
    index.add(reason.head, reason.head.seq, offset, line.length + 1, reason.hash, zClosesOfLine(line));
  };

  // Two buffers: the next chunk is read while this one is checked, so a year's file costs
  // about the slower of reading and hashing it, not their sum.
  const bufs = [Buffer.allocUnsafe(SCAN_CHUNK), Buffer.allocUnsafe(SCAN_CHUNK)];
  let which = 0;
  let reading = handle.read(bufs[0]!, 0, SCAN_CHUNK, 0);
  // On damage the loop throws with a read still in flight: it is awaited, not left to reject unseen.
  try {
    for (;;) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) break;
      const buf = bufs[which]!;
      which = 1 - which;
      reading = handle.read(bufs[which]!, 0, SCAN_CHUNK, position + bytesRead);
      const chunk = carry.length > 0 ? Buffer.concat([carry, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead);
      const chunkOffset = carry.length > 0 ? carryOffset : position;
      position += bytesRead;
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
        onLine(chunk.subarray(start, nl), chunkOffset + start, true);
        start = nl + 1;
      }
      // The unfinished rest is copied: its buffer is refilled by the read after next.
      carry = Buffer.from(chunk.subarray(start));
      carryOffset = chunkOffset + start;
    }
  } finally {
    await reading.catch(() => undefined);
  }
  if (carry.length > 0) onLine(carry, carryOffset, false);
  return { index, tornBytes: position - index.end };
}

/** Checks one line against the chain so far; a reason string when it is not a good record. */
function checkLine(line: Buffer, index: JournalIndex): { head: JournalHead; hash: string } | string {
  if (line.length < BODY_AT + 3 || !startsWith(line, PREFIX_BYTES.p1, 0) || !startsWith(line, PREFIX_BYTES.p2, PREV_AT + 64)
    || !startsWith(line, PREFIX_BYTES.p3, HASH_AT + 64) || line[line.length - 1] !== 0x7d) {
    return isBlank(line) ? 'the line is blank' : 'the line is not a journal record';
  }
  const prevHash = line.toString('latin1', PREV_AT, PREV_AT + 64);
  const hash = line.toString('latin1', HASH_AT, HASH_AT + 64);
  if (!HEX64.test(prevHash) || !HEX64.test(hash)) return 'the line is not a journal record';
  if (prevHash !== index.lastHash) return `record ${index.count + 1} does not link to the record before it`;
  const bodyBytes = line.subarray(BODY_AT, line.length - 1);
  const actual = createHash('sha256').update(prevHash, 'latin1').update(bodyBytes).digest('hex');
  if (actual !== hash) return `record ${index.count + 1} was changed after it was written (hash differs)`;
  // Only the head is parsed: `,"data":` cannot occur earlier in a body, since every string
  // before it is JSON with its quotes escaped (shared/journal.ts, journalBodyJson).
  const dataAt = bodyBytes.indexOf(DATA_KEY);
  let head: JournalHead;
  try {
    if (dataAt < 0) throw new Error('no data');
    head = JSON.parse(`${bodyBytes.toString('utf8', 0, dataAt)}}`) as JournalHead;
  } catch {
    return `record ${index.count + 1} is not valid JSON`;
  }
  if (typeof head !== 'object' || head === null || head.seq !== index.count + 1 || typeof head.id !== 'string'
    || typeof head.at !== 'string' || !Array.isArray(head.invoices)
    || !head.invoices.every((i) => typeof i?.id === 'string' && typeof i.receiptNo === 'string')) {
    return `record ${index.count + 1} has the wrong sequence number or shape`;
  }
  return { head, hash };
}

function startsWith(line: Buffer, prefix: Buffer, at: number): boolean {
  return line.compare(prefix, 0, prefix.length, at, at + prefix.length) === 0;
}

/** Whitespace and NUL bytes only: what a file system may leave after a cut-off write. */
function isBlank(line: Buffer): boolean {
  for (const b of line) if (b !== 0 && b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return false;
  return true;
}

export interface OpenJournalOptions {
  now?: () => Date;
  /** Told when a torn last line was cut off (the host logs it). */
  onTorn?: (info: { bytes: number; offset: number; savedTo: string }) => void;
}

/** An open journal. Every method runs in turn with the others (one queue). */
export class Journal {
  private queue: Promise<unknown> = Promise.resolve();
  /** Set when a failed write could not be undone: the file and the index may disagree. */
  private poisoned: Error | null = null;

  private constructor(readonly path: string, private handle: FileHandle, private index: JournalIndex, private readonly options: OpenJournalOptions) {}

  /**
   * Opens (or creates) `<dir>/chinar-journal.jsonl`, checking the whole chain. A torn last
   * line is cut off and its bytes kept in `<dir>/torn/`; damage before the end throws
   * JournalDamagedError.
   */
  static async open(dir: string, options: OpenJournalOptions = {}): Promise<Journal> {
    const path = join(dir, JOURNAL_FILE);
    await ensureDir(dir);
    let handle: FileHandle;
    try {
      handle = await open(path, 'r+');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      handle = await open(path, 'wx+', 0o600).catch(async (e: NodeJS.ErrnoException) => {
        if (e.code === 'EEXIST') return open(path, 'r+');
        throw e;
      });
      // The new name must survive a power cut too, not only the bytes later written to it.
      await handle.sync();
      await syncDir(dir);
    }
    try {
      const { index, tornBytes } = await scanJournal(handle, path);
      if (tornBytes > 0) {
        const at = (options.now ?? (() => new Date()))();
        const torn = Buffer.alloc(tornBytes);
        await handle.read(torn, 0, tornBytes, index.end);
        const savedTo = join(dir, 'torn', `torn-${fileTimestamp(at)}-at-${index.end}.bin`);
        await writeFileAtomic(savedTo, torn, { mode: 0o600 });
        await handle.truncate(index.end);
        await handle.sync();
        options.onTorn?.({ bytes: tornBytes, offset: index.end, savedTo });
      }
      return new Journal(path, handle, index, options);
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(() => {
      if (this.poisoned) throw this.poisoned;
      return run();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  status(): JournalStatus {
    const { firstAt: _firstAt, ...summary } = this.index.summary();
    return { ...summary, lastHash: this.index.lastHash };
  }

  /**
   * Appends records in order, all or none, and resolves once they are fsynced. A record
   * whose id is journaled with the same content is answered from the journal ('already');
   * with other content it is refused ('conflict'). An invoice number at or below the
   * highest of its series, issued to another sale or never issued, is refused
   * ('number-reused'): the store behind it has lost sales and must be restored first.
   */
  append(records: readonly JournalRecordInput[]): Promise<AppendResult> {
    return this.serial(async () => {
      const index = this.index;
      const entries: AppendedEntry[] = [];
      const lines: string[] = [];
      const pending: { head: Pick<JournalHead, 'id' | 'at' | 'invoices'>; zCloses: JournalZClose[]; seq: number; hash: string; bytes: number }[] = [];
      const pendingIds = new Map<string, { seq: number; json: string; hash: string }>();
      const pendingNumbers = new Map<string, string>();
      const pendingHighest = new Map<string, number>();
      const pendingZ = new Map<number, string>();
      let prevHash = index.lastHash;
      let seq = index.count;

      for (const record of records) {
        const known = index.ids.get(record.id);
        const earlier = pendingIds.get(record.id);
        if (known !== undefined || earlier) {
          const at = known ?? earlier!.seq;
          const stored = earlier ? earlier.json : await this.bodyJsonAt(at);
          if (stored !== canonicalBody(record, at)) {
            throw new HostFailure('conflict', `Journal record ${record.id} was already copied with different content. This is a bug in the kiosk app: tell the market manager.`);
          }
          entries.push({ id: record.id, seq: at, hash: earlier ? earlier.hash : await this.hashAt(at), status: 'already' });
          continue;
        }
        for (const row of rowsOf(record)) {
          const taken = pendingNumbers.get(row.receiptNo) ?? index.receiptNos.get(row.receiptNo);
          if (taken === row.id) continue;
          const parts = invoiceNumberParts(row.receiptNo);
          const highest = parts ? Math.max(index.highest.get(parts.key) ?? 0, pendingHighest.get(parts.key) ?? 0) : 0;
          if (taken !== undefined || (parts && parts.number <= highest)) {
            // Credit notes (returns, voids) are a series of their own (K01/C2627/00001): the same guard.
            const note = row.kind === 'return' || row.kind === 'void';
            throw new HostFailure('number-reused', `${note ? 'Credit note' : 'Invoice'} number ${row.receiptNo} was already issued on this kiosk`
              + (parts ? ` (the highest in ${parts.key} is ${String(highest).padStart(note ? 5 : 6, '0')})` : '')
              + `. This kiosk's store has lost sales: the ${note ? 'return' : 'sale'} is saved here but must not be handed out as an original. `
              + 'Ask the market manager to restore the store from the journal before selling again.');
          }
          pendingNumbers.set(row.receiptNo, row.id);
          if (parts) pendingHighest.set(parts.key, Math.max(parts.number, pendingHighest.get(parts.key) ?? 0));
        }
        // In Z order: a record carrying several closed days may list them in any order.
        const zCloses = zClosesOfRecord(record).sort((a, b) => a.zNumber - b.zNumber);
        for (const close of zCloses) {
          const taken = pendingZ.get(close.zNumber) ?? index.zDays.get(close.zNumber);
          if (taken === close.dayId) continue;
          const highest = Math.max(index.highest.get(Z_NUMBER_KEY) ?? 0, pendingHighest.get(Z_NUMBER_KEY) ?? 0);
          if (taken !== undefined || close.zNumber <= highest) {
            throw new HostFailure('number-reused', `Z number ${close.zNumber} was already issued on this kiosk (the highest is ${highest}). `
              + "This kiosk's store has lost closed days: the close is saved here, but its Z report must not be handed in as an original. "
              + 'Ask the market manager to restore the store from the journal.');
          }
          pendingZ.set(close.zNumber, close.dayId);
          pendingHighest.set(Z_NUMBER_KEY, close.zNumber);
        }
        seq++;
        const json = canonicalBody(record, seq);
        const bytes = Buffer.byteLength(json);
        if (bytes > JOURNAL_RECORD_MAX_BYTES) {
          throw new HostFailure('bad-request', `Journal record ${record.id} is ${bytes} bytes; one record may be at most ${JOURNAL_RECORD_MAX_BYTES}.`);
        }
        const { line, hash } = encodeLine(prevHash, json);
        pending.push({ head: { id: record.id, at: record.at, invoices: rowsOf(record) }, zCloses, seq, hash, bytes: Buffer.byteLength(line) });
        pendingIds.set(record.id, { seq, json, hash });
        lines.push(line);
        entries.push({ id: record.id, seq, hash, status: 'appended' });
        prevHash = hash;
      }

      if (pending.length > 0) {
        const data = Buffer.from(lines.join(''), 'utf8');
        const at = index.end;
        try {
          let written = 0;
          while (written < data.length) {
            const { bytesWritten } = await this.handle.write(data, written, data.length - written, at + written);
            written += bytesWritten;
          }
          await this.handle.sync();
        } catch (error) {
          await this.undo(at);
          throw error;
        }
        let offset = at;
        for (const p of pending) {
          index.add(p.head, p.seq, offset, p.bytes, p.hash, p.zCloses);
          offset += p.bytes;
        }
      }
      return { appended: pending.length, entries, last: { seq: index.count, hash: index.lastHash } };
    });
  }

  /** Cuts a failed append back off, so the file ends where the index says it does. */
  private async undo(at: number): Promise<void> {
    try {
      await this.handle.truncate(at);
      await this.handle.sync();
    } catch {
      this.poisoned = new HostFailure('io-error', 'The kiosk could not write its journal and could not undo the half-written record. Restart Chinar POS.');
    }
  }

  /** Records after `afterSeq`, at most `limit` and at most JOURNAL_PAGE_MAX_BYTES of lines (always at least one). */
  read(afterSeq: number, limit: number = JOURNAL_PAGE_MAX_RECORDS): Promise<ReadPage> {
    return this.serial(async () => {
      const index = this.index;
      const count = index.count;
      if (afterSeq >= count) return { records: [], nextSeq: Math.min(afterSeq, count), done: true, lastSeq: count };
      const start = index.offsets[afterSeq]!;
      let last = afterSeq;
      while (last < count && last - afterSeq < limit) {
        const end = index.offsets[last + 1] ?? index.end;
        if (last > afterSeq && end - start > JOURNAL_PAGE_MAX_BYTES) break;
        last++;
      }
      const end = index.offsets[last] ?? index.end;
      const buf = Buffer.alloc(end - start);
      await readFully(this.handle, buf, start);
      const records: JournalRecord[] = [];
      let from = 0;
      for (let nl = buf.indexOf(10, from); nl !== -1; nl = buf.indexOf(10, from)) {
        const line = buf.subarray(from, nl);
        // The file may have changed on disk since it was opened and checked; every line is
        // hashed again here, natively, over the exact bytes stored, so the renderer only
        // checks how the records link (shared/journal.ts verifyJournalLinks) instead of
        // rebuilding each body's canonical JSON and hashing it in JavaScript.
        const seq = afterSeq + records.length + 1;
        if (!lineHashHolds(line)) throw new JournalDamagedError(this.path, seq, start + from, `record ${seq} was changed after it was written (hash differs)`);
        const record = decodeLine(line);
        if (record.seq !== seq) throw new JournalDamagedError(this.path, seq, start + from, `record ${seq} holds seq ${record.seq}`);
        records.push(record);
        from = nl + 1;
      }
      return { records, nextSeq: last, done: last >= count, lastSeq: count };
    });
  }

  /**
   * Replaces an empty journal (or an earlier copy of the same one) with the checked copy at `source` (its first `goodBytes`,
   * which leaves out a torn last line). The copy is fsynced and checked again as the file
   * it is about to become, then renamed into place, so a power cut leaves either the empty
   * journal or the whole import.
   */
  adopt(source: string, goodBytes: number): Promise<void> {
    return this.serial(async () => {
      const dir = dirname(this.path);
      const temp = join(dir, `.import-${randomBytes(6).toString('hex')}.tmp`);
      let closed = false;
      try {
        const src = await open(source, 'r');
        try {
          const out = await open(temp, 'wx', 0o600);
          try {
            const buf = Buffer.allocUnsafe(CHUNK);
            for (let pos = 0; pos < goodBytes;) {
              const { bytesRead } = await src.read(buf, 0, Math.min(CHUNK, goodBytes - pos), pos);
              if (bytesRead === 0) throw new HostFailure('io-error', 'The journal file to import got shorter while it was being copied. Copy it again.');
              await out.write(buf, 0, bytesRead);
              pos += bytesRead;
            }
            await out.sync();
          } finally {
            await out.close();
          }
        } finally {
          await src.close();
        }
        const check = await open(temp, 'r');
        try {
          const { index, tornBytes } = await scanJournal(check, temp);
          if (tornBytes > 0) throw new HostFailure('journal-damaged', 'The journal file to import changed while it was being copied. Copy it again.');
          await this.checkExtends(check, index);
        } finally {
          await check.close();
        }
        // Windows cannot rename over an open file, so the old handle goes first.
        await this.handle.close();
        closed = true;
        await rename(temp, this.path);
        await syncDir(dir);
      } catch (error) {
        await rm(temp, { force: true });
        if (closed) await this.reopen();
        throw error;
      }
      await this.reopen();
    });
  }

  /**
   * Two journals are never merged: an import may only replace an empty journal, or one that
   * is a beginning of it (the same record, hash for hash, at this journal's last seq).
   */
  private async checkExtends(other: FileHandle, otherIndex: JournalIndex): Promise<void> {
    const mine = this.index;
    if (mine.count === 0) return;
    // A new kiosk seeds the demo market on its first start, so that a manager can sign in
    // and import; a journal holding only that seed (and the count of any PIN mistyped on
    // the way in) is as good as empty.
    if (await this.isFreshKiosk()) return;
    let same = false;
    if (otherIndex.count >= mine.count) {
      const at = otherIndex.offsets[mine.count - 1]!;
      const hash = Buffer.alloc(64);
      await other.read(hash, 0, 64, at + HASH_AT);
      same = hash.toString('latin1') === mine.lastHash;
    }
    if (!same) {
      throw new HostFailure('conflict', `This kiosk's journal already holds ${mine.count} records that the imported file does not continue. `
        + 'A journal can only be imported into a kiosk whose journal is empty (or is an earlier copy of the same one); two journals are never merged.');
    }
  }

  private async reopen(): Promise<void> {
    try {
      const reopened = await Journal.open(dirname(this.path), this.options);
      this.handle = reopened.handle;
      this.index = reopened.index;
    } catch (error) {
      this.poisoned = error instanceof HostFailure ? error : new HostFailure('io-error', 'The kiosk could not open its journal again. Restart Chinar POS.');
      throw error;
    }
  }

  close(): Promise<void> {
    return this.serial(() => this.handle.close());
  }

  private async lineAt(seq: number): Promise<Buffer> {
    const start = this.index.offsets[seq - 1]!;
    const end = this.index.offsets[seq] ?? this.index.end;
    const buf = Buffer.alloc(end - start);
    await readFully(this.handle, buf, start);
    return buf;
  }

  private async isFreshKiosk(): Promise<boolean> {
    const count = this.index.count;
    if (count > FRESH_KIOSK_MAX_RECORDS) return false;
    for (let seq = 1; seq <= count; seq++) {
      const kind = (JSON.parse(await this.bodyJsonAt(seq)) as { kind?: unknown }).kind;
      if (kind !== (seq === 1 ? DEMO_SEED_KIND : PIN_KIND)) return false;
    }
    return true;
  }

  private async bodyJsonAt(seq: number): Promise<string> {
    const line = await this.lineAt(seq);
    return line.toString('utf8', BODY_AT, line.length - 2);
  }

  private async hashAt(seq: number): Promise<string> {
    return (await this.lineAt(seq)).toString('latin1', HASH_AT, HASH_AT + 64);
  }
}

/** Checks a journal file someone brought (a USB copy) without changing it, and says what it holds. */
export async function inspectJournalFile(path: string): Promise<Omit<JournalImportSummary, 'fileName'> & { goodBytes: number }> {
  const handle = await open(path, 'r');
  try {
    const { index, tornBytes } = await scanJournal(handle, path);
    const { count, lastSeq, firstAt, lastAt, lastSale, highestNumbers } = index.summary();
    return { count, lastSeq, firstAt, lastAt, lastSale, highestNumbers, tornBytes, goodBytes: index.end };
  } finally {
    await handle.close();
  }
}

function canonicalBody(record: JournalRecordInput, seq: number): string {
  try {
    return journalBodyJson({ seq, id: record.id, kind: record.kind, at: record.at, data: record.data });
  } catch (error) {
    throw new HostFailure('bad-request', `Journal record ${record.id}: ${(error as Error).message}`);
  }
}

/**
 * The Z numbers a good line's record issued. Only the head is parsed for most records; a
 * line that writes businessDays (a day opened or closed: a few a day) is parsed whole.
 */
function zClosesOfLine(line: Buffer): JournalZClose[] {
  if (line.indexOf(BUSINESS_DAYS_KEY, BODY_AT) < 0) return [];
  const body = JSON.parse(line.toString('utf8', BODY_AT, line.length - 1)) as JournalBody;
  try {
    return zClosesOf(body.data);
  } catch {
    // Written before the host checked closes (or by hand): it issued no Z the host can hold.
    return [];
  }
}

function zClosesOfRecord(record: JournalRecordInput): JournalZClose[] {
  try {
    return zClosesOf(record.data as JournalData);
  } catch (error) {
    throw new HostFailure('bad-request', `Journal record ${record.id}: ${(error as Error).message}`);
  }
}

function rowsOf(record: JournalRecordInput): ReturnType<typeof invoiceRowsOf> {
  try {
    return invoiceRowsOf(record.data as JournalData);
  } catch (error) {
    throw new HostFailure('bad-request', `Journal record ${record.id}: ${(error as Error).message}`);
  }
}

/** A line's stored hash is the SHA-256 of its stored prevHash and body bytes. */
function lineHashHolds(line: Buffer): boolean {
  if (line.length < BODY_AT + 3) return false;
  const hash = line.toString('latin1', HASH_AT, HASH_AT + 64);
  return createHash('sha256').update(line.subarray(PREV_AT, PREV_AT + 64)).update(line.subarray(BODY_AT, line.length - 1)).digest('hex') === hash;
}

function decodeLine(line: Buffer): JournalRecord {
  const body = JSON.parse(line.toString('utf8', BODY_AT, line.length - 1)) as JournalBody & { invoices?: unknown };
  return {
    seq: body.seq, id: body.id, kind: body.kind, at: body.at, data: body.data,
    prevHash: line.toString('latin1', PREV_AT, PREV_AT + 64),
    hash: line.toString('latin1', HASH_AT, HASH_AT + 64),
  };
}

async function readFully(handle: FileHandle, buf: Buffer, position: number): Promise<void> {
  for (let done = 0; done < buf.length;) {
    const { bytesRead } = await handle.read(buf, done, buf.length - done, position + done);
    if (bytesRead === 0) throw new HostFailure('io-error', 'The kiosk\'s journal file is shorter than expected. Restart Chinar POS.');
    done += bytesRead;
  }
}

/** mkdir -p, then fsync every folder it made and the one it made it in, so the path survives a power cut. */
async function ensureDir(dir: string): Promise<void> {
  const first = await mkdir(dir, { recursive: true });
  if (first === undefined) return;
  for (let d = dir; ; d = dirname(d)) {
    await syncDir(d);
    if (d === dirname(first) || d === dirname(d)) break;
  }
}
