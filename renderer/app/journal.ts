import { useCallback, useEffect, useState } from 'react';
import type { HostApi, HostOutput } from '../../shared/contract';
import {
  JOURNAL_APPEND_MAX_BYTES, JOURNAL_APPEND_MAX_RECORDS, JOURNAL_PAGE_MAX_RECORDS, type JournalImportSummary, type JournalStatus, type LastSale,
} from '../../shared/contract/journal';
import { GENESIS_HEAD, invoiceNumberParts, rowsToRestore, verifyJournalLinks, Z_NUMBER_KEY, type ChainHead, type JournalRecordInput } from '../../shared/journal';
import type { ErrorCode, HostResult } from '../../shared/result';
import {
  acknowledgeJournal, clearStoreForRestore, isJournalPending, nextJournalBatch, restoreJournalPage, type ChinarDb, type JournalQueueRow,
} from '../db';
import { useLoadable, type Loadable } from '../hooks/useLoadable';
import { callHost, messageOf, valueOf, type Outcome } from './outcome';

/**
 * The journal link (issue 8): one sender per page that copies the store's committed
 * transactions (renderer/db's journalQueue) to the host's journal, in order, and the
 * rebuild of the store from that journal after a wiped profile.
 *
 * The sender deletes a queued record only once the host has acknowledged it (appended, or
 * already there: a resend after a lost answer is a no-op on the host). When the host cannot
 * be reached it tries again with a growing pause; when the host refuses (`conflict`,
 * `number-reused`, `journal-damaged`) it stops and says so, because sending again cannot
 * help and the manager must act: the state is `refused` and the shell shows a banner.
 */

export type CopyState =
  /** Nothing waiting: every committed transaction is in the host's journal. */
  | { status: 'copied' }
  | { status: 'copying'; pending: number }
  /**
   * The host could not be reached (or failed); the next try is in `retryInMs`. `code` is
   * the failed call's: 'io-error' is the host saying it cannot write its journal (a full
   * disk), which a manager must fix; absent when the store itself could not be read.
   */
  | { status: 'waiting'; pending: number; message: string; retryInMs: number; code?: ErrorCode }
  /** The host refused the records: sending again will not help; the manager must act. */
  | { status: 'refused'; pending: number; code: ErrorCode; message: string };

const REFUSED: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['conflict', 'number-reused', 'journal-damaged', 'bad-request']);
/** Under the append call's body limit: the envelope `{"records":[…]}` and JSON escaping need room. */
const BATCH_BYTES = Math.floor(JOURNAL_APPEND_MAX_BYTES * 0.85);
/** How long the checkout waits for the copy before it shows the sale done with "not yet copied". */
export const COPY_WAIT_MS = 1_500;

export interface JournalLinkOptions {
  /** Pause after a failed attempt: doubles from initialMs to maxMs. */
  backoff?: { initialMs: number; maxMs: number };
  /** After a refusal, try again this much later (a manager may have repaired the journal). */
  refusedRetryMs?: number;
  /** With nothing queued, look at the queue again this often (default 1 s). */
  idleLookMs?: number;
}

export interface JournalLink {
  state(): CopyState;
  /** Told on every change of state and after every acknowledgement (with the ids acknowledged). */
  subscribe(listener: (state: CopyState, acked: readonly string[]) => void): () => void;
  /** The highest invoice number per counter key the host's journal knows: commitSale's floor. */
  floor(): Readonly<Record<string, number>>;
  setFloor(highest: Readonly<Record<string, number>>): void;
  /** Something was queued: send now. */
  nudge(): void;
  /** True once `id` is acknowledged; false after `timeoutMs`, or at once when an attempt that carried it failed. */
  whenCopied(id: string, timeoutMs: number): Promise<boolean>;
  /** Starts the loop (once). */
  start(): void;
  stop(): void;
}

export function createJournalLink(db: ChinarDb, host: HostApi, options: JournalLinkOptions = {}): JournalLink {
  const { initialMs, maxMs } = options.backoff ?? { initialMs: 250, maxMs: 15_000 };
  const refusedRetryMs = options.refusedRetryMs ?? 60_000;
  const idleLookMs = options.idleLookMs ?? 1_000;
  // Until the first look at the queue, nothing is known to be copied.
  let current: CopyState = { status: 'copying', pending: 0 };
  let highest: Record<string, number> = {};
  const listeners = new Set<(state: CopyState, acked: readonly string[]) => void>();
  const waiters = new Map<string, Set<(copied: boolean) => void>>();
  /** Ids acknowledged lately: a waiter that registers just after its ack still hears of it. */
  const recent = new Set<string>();
  let started = false;
  let stopped = false;
  let wake: (() => void) | null = null;
  let nudged = false;

  function emit(next: CopyState | null, acked: readonly string[] = []): void {
    if (next) current = next;
    for (const l of [...listeners]) l(current, acked);
  }

  function settle(ids: Iterable<string>, copied: boolean): void {
    for (const id of ids) {
      const set = waiters.get(id);
      if (!set) continue;
      waiters.delete(id);
      for (const resolve of set) resolve(copied);
    }
  }

  function raise(rows: readonly JournalQueueRow[]): void {
    for (const row of rows) {
      for (const sale of row.data.sales ?? []) {
        const parts = typeof sale.receiptNo === 'string' ? invoiceNumberParts(sale.receiptNo) : null;
        if (parts && parts.number > (highest[parts.key] ?? 0)) highest = { ...highest, [parts.key]: parts.number };
      }
      for (const day of row.data.businessDays ?? []) {
        const z = day.status === 'closed' ? day.zNumber : undefined;
        if (typeof z === 'number' && z > (highest[Z_NUMBER_KEY] ?? 0)) highest = { ...highest, [Z_NUMBER_KEY]: z };
      }
    }
  }

  /** Waits for a nudge, or `ms`. */
  function pause(ms: number): Promise<void> {
    if (nudged || stopped) {
      nudged = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wake = null;
        nudged = false;
        resolve();
      }
      wake = done;
    });
  }

  async function send(batch: readonly JournalQueueRow[]): Promise<HostResult<{ entries: { id: string; seq: number; hash: string }[] }>> {
    const records: JournalRecordInput[] = batch.map((r) => ({ id: r.id, kind: r.kind, at: r.at, data: r.data }));
    try {
      return await host.call('journal.append', { records });
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: messageOf(error) } };
    }
  }

  async function loop(): Promise<void> {
    let delay = initialMs;
    while (!stopped) {
      let batch: JournalQueueRow[];
      let backlog: boolean;
      try {
        ({ rows: batch, more: backlog } = await nextJournalBatch(db, JOURNAL_APPEND_MAX_RECORDS, BATCH_BYTES));
      } catch (error) {
        emit({ status: 'waiting', pending: 0, message: messageOf(error), retryInMs: delay });
        await pause(delay);
        delay = Math.min(delay * 2, maxMs);
        continue;
      }
      if (batch.length === 0) {
        if (current.status !== 'copied') emit({ status: 'copied' });
        // Writes that do not nudge (a manager's edit, a printed mark) are picked up by this look.
        await pause(idleLookMs);
        continue;
      }
      const pending = current.status === 'copied' ? batch.length : Math.max(batch.length, 'pending' in current ? current.pending : 0);
      if (current.status !== 'copying') emit({ status: 'copying', pending });
      const ids = batch.map((r) => r.id);
      const result = await send(batch);
      if (stopped) return;
      if (result.ok) {
        const top = result.value.entries.reduce<ChainHead | null>((best, e) => (!best || e.seq > best.seq ? { seq: e.seq, hash: e.hash } : best), null);
        try {
          if (top) await acknowledgeJournal(db, ids, top);
        } catch (error) {
          // The host has them; the next round resends and gets 'already'.
          emit({ status: 'waiting', pending, message: messageOf(error), retryInMs: delay });
          await pause(delay);
          continue;
        }
        raise(batch);
        delay = initialMs;
        for (const id of ids) recent.add(id);
        for (const id of recent) { if (recent.size <= 1000) break; recent.delete(id); }
        settle(ids, true);
        if (backlog) {
          emit({ status: 'copying', pending: Math.max(1, pending - batch.length) }, ids);
          continue;
        }
        // Caught up: what was queued while this batch was on its way waits for the next
        // nudge (a sale's checkout gives one) or the idle look. Looking again at once made a
        // burst of commits (a bench, a replay) meet this loop's reads and acknowledgements
        // in the store between every two of them; now they go together, once a look.
        emit({ status: 'copied' }, ids);
        await pause(idleLookMs);
        continue;
      }
      settle(ids, false);
      const { code, message } = result.error;
      if (REFUSED.has(code)) {
        emit({ status: 'refused', pending, code, message });
        await pause(refusedRetryMs);
        continue;
      }
      emit({ status: 'waiting', pending, message, retryInMs: delay, code });
      await pause(delay);
      delay = Math.min(delay * 2, maxMs);
    }
  }

  return {
    state: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    floor: () => highest,
    setFloor(next) {
      const merged = { ...highest };
      for (const [key, n] of Object.entries(next)) merged[key] = Math.max(n, merged[key] ?? 0);
      highest = merged;
    },
    nudge() {
      nudged = true;
      wake?.();
    },
    async whenCopied(id, timeoutMs) {
      if (recent.has(id) || !(await isJournalPending(db, id).catch(() => true))) return true;
      if (recent.has(id)) return true;
      if (!started || stopped) return false;
      return new Promise<boolean>((resolve) => {
        let set = waiters.get(id);
        if (!set) waiters.set(id, (set = new Set()));
        const timer = setTimeout(() => finish(false), timeoutMs);
        function finish(copied: boolean): void {
          clearTimeout(timer);
          set!.delete(finish);
          resolve(copied);
        }
        set.add(finish);
      });
    },
    start() {
      if (started) return;
      started = true;
      void loop();
    },
    stop() {
      stopped = true;
      wake?.();
      settle([...waiters.keys()], false);
    },
  };
}

/**
 * Whether a record has reached the host's journal, kept current: starts from what the
 * checkout found (`initial`) and turns true when the sender reports it acknowledged.
 */
export function useCopied(link: JournalLink, id: string | undefined, initial: boolean): boolean {
  const [copied, setCopied] = useState(initial || id === undefined);
  useEffect(() => {
    if (copied || id === undefined) return;
    return link.subscribe((state, acked) => {
      if (state.status === 'copied' || acked.includes(id)) setCopied(true);
    });
  }, [link, id, copied]);
  return copied;
}

/** The sender's state, for the shell's banner. */
export function useCopyState(link: JournalLink): CopyState {
  const [state, setState] = useState<CopyState>(() => link.state());
  useEffect(() => {
    setState(link.state());
    return link.subscribe((s) => setState(s));
  }, [link]);
  return state;
}

// ——— Rebuilding the store from the journal ———

/** Where a rebuild starts and what it leaves alone. */
export interface RebuildPlan {
  /** GENESIS_HEAD for a missing store; the store's own head when it is only behind. */
  from: ChainHead;
  /** Records this store still has queued: they are its own, and newer rows may have replaced theirs. */
  skipIds: readonly string[];
  /** Empty the store first (a new kiosk's demo store, replaced by an imported journal). */
  clear: boolean;
}

export interface RebuildProgress { done: number; total: number }

export interface RebuildSummary {
  /** Records put back (not counting this store's own queued ones). */
  records: number;
  /** Sales (not returns or voids) put back. */
  sales: number;
  firstAt: string | null;
  lastAt: string | null;
  /** The journal's last sale: its number, time and total. */
  lastSale: LastSale | null;
  head: ChainHead;
}

/**
 * How much of the journal one write transaction puts back, in rows. A year is about
 * 200,000 records; a transaction per page (125–500 records, each a strict, fsynced
 * commit) made the rebuild take most of a minute, so checked pages are gathered and
 * folded into one transaction of about this many rows (a sale record holds about nine:
 * the sale, its lines and payment, its products, the counter and the audit entry), which
 * Chromium commits in well under a second. A rebuild cut off half-way starts again after
 * the last whole batch.
 */
export const REBUILD_BATCH_ROWS = 25_000;

type JournalPage = HostOutput<'journal.read'>;

/**
 * Rebuilds the store from the host's journal. Pages are read one ahead of the work (the
 * host reads the next while this side checks and writes), each page's chain is checked
 * from the previous page's head (the host hashed every record's stored bytes as it read
 * them; here, that the records link: verifyJournalLinks), so a changed or missing record
 * stops the rebuild before anything of it is written, and the checked pages are folded into whole rows per table
 * (the later row per key wins) and put back with the new head in one transaction per
 * batch (REBUILD_BATCH_ROWS). Progress is told per page read and checked, and the
 * page yields to the screen between pages, so the progress bar moves and the screen
 * stays responsive.
 */
export async function rebuildFromJournal(
  db: ChinarDb, host: HostApi, plan: RebuildPlan, onProgress: (p: RebuildProgress) => void = () => undefined,
): Promise<Outcome<RebuildSummary>> {
  const skip = new Set(plan.skipIds);
  let head = plan.from;
  let written = plan.from;
  let records = 0;
  let sales = 0;
  let firstAt: string | null = null;
  let lastAt: string | null = null;
  let batch: JournalPage['records'] = [];
  let batchRows = 0;
  const read = (afterSeq: number) => callHost(host, 'journal.read', { afterSeq, limit: JOURNAL_PAGE_MAX_RECORDS });
  const flush = async () => {
    if (head.seq === written.seq) return;
    await restoreJournalPage(db, rowsToRestore(batch), head);
    written = head;
    batch = [];
    batchRows = 0;
  };
  try {
    if (plan.clear) await clearStoreForRestore(db);
    let next = read(head.seq);
    for (;;) {
      const page = await next;
      if (page.status !== 'ok') {
        await flush();
        return page;
      }
      const more = !(page.value.done || page.value.records.length === 0);
      // The host reads the next page while this one is checked and written.
      if (more) next = read(page.value.nextSeq);
      const check = verifyJournalLinks(page.value.records, head);
      if (!check.ok) {
        await flush();
        return { status: 'refused', message: `The journal is damaged at record ${check.seq}: ${check.reason}. Nothing after record ${head.seq} was restored.` };
      }
      for (const r of page.value.records) {
        if (skip.has(r.id)) continue;
        batch.push(r);
        for (const rows of Object.values(r.data)) batchRows += rows.length;
        records++;
        firstAt ??= r.at;
        lastAt = r.at;
        for (const s of r.data.sales ?? []) if (s.kind === 'sale' || s.kind === undefined) sales++;
      }
      head = check.head;
      if (batchRows >= REBUILD_BATCH_ROWS || !more) await flush();
      onProgress({ done: head.seq, total: Math.max(page.value.lastSeq, head.seq) });
      if (!more) break;
      // A task boundary: the progress bar paints, a tap is handled.
      await yieldToScreen();
    }
  } catch (error) {
    return { status: 'failed', message: messageOf(error) };
  }
  const status = await callHost(host, 'journal.status', {});
  return { status: 'ok', value: { records, sales, firstAt, lastAt, lastSale: status.status === 'ok' ? status.value.lastSale : null, head } };
}

/** Resolves after the browser has had a chance to paint and handle input. */
export function yieldToScreen(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// ——— A new kiosk from a journal on a USB stick (the manager's settings) ———

/** What the host's journal holds now. */
export function useJournalStatus(station: { host: HostApi }, generation: number): Loadable<JournalStatus> {
  const load = useCallback(async () => valueOf(await callHost(station.host, 'journal.status', {})), [station.host, generation]);
  return useLoadable(load);
}

/** The journal files a manager copied into the host's journal-import folder. */
export function useImportFiles(station: { host: HostApi }, generation: number): Loadable<HostOutput<'journal.importFiles'>> {
  const load = useCallback(async () => valueOf(await callHost(station.host, 'journal.importFiles', {})), [station.host, generation]);
  return useLoadable(load);
}

/** Checks a file's whole chain and says what it holds; changes nothing. */
export function checkImportFile(station: { host: HostApi }, fileName: string): Promise<Outcome<JournalImportSummary>> {
  return callHost(station.host, 'journal.checkImport', { fileName });
}

/**
 * Makes the file this kiosk's journal (the host refuses when this kiosk's journal holds
 * records of its own, beyond the demo seed), then rebuilds the store from it: emptied
 * first, because the demo market's rows would clash with the real ones. The invoice
 * floor takes the imported journal's numbers at once.
 */
export async function importJournalFile(
  station: { db: ChinarDb; host: HostApi; journal: JournalLink }, fileName: string, onProgress: (p: RebuildProgress) => void = () => undefined,
): Promise<Outcome<{ summary: JournalImportSummary; rebuilt: RebuildSummary }>> {
  const imported = await callHost(station.host, 'journal.import', { fileName });
  if (imported.status !== 'ok') return imported;
  station.journal.setFloor(imported.value.highestNumbers);
  const rebuilt = await rebuildFromJournal(station.db, station.host, { from: GENESIS_HEAD, skipIds: [], clear: true }, onProgress);
  if (rebuilt.status !== 'ok') return rebuilt;
  return { status: 'ok', value: { summary: imported.value, rebuilt: rebuilt.value } };
}
