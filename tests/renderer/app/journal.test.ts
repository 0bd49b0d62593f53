import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../electron/host';
import { JOURNAL_FILE } from '../../../electron/host/journal';
import type { HostApi } from '../../../shared/contract';
import { addToCart, cartItemFor, cartTotals, EMPTY_CART } from '../../../shared/cart';
import type { Paise } from '../../../shared/money';
import { fail, type HostResult } from '../../../shared/result';
import { settleTenders } from '../../../shared/tender';
import { GENESIS_HEAD, rowsToRestore } from '../../../shared/journal';
import {
  adjustStock, closeBusinessDay, commitSale, DEMO_PINS, findProductByBarcode, journalHeadOf, openChinarDb, queueJournal, signInAtKeypad, signInWithPin, type ChinarDb,
} from '../../../renderer/db';
import { bootStation } from '../../../renderer/app/boot';
import {
  checkImportFile, createJournalLink, importJournalFile, rebuildFromJournal, REBUILD_BATCH_ROWS, type CopyState, type JournalLink,
} from '../../../renderer/app/journal';
import { DEMO_PROFILE } from '../../../renderer/db/demo-data';
import { DEFAULT_TAX_TABLE } from '../../../shared/tax';
import { appendToJournalFile } from '../../fixtures/year-journal';
import { fillOpenDay, yearRecords } from '../../fixtures/year-store';
import { EMPTY_CASH_COUNT } from '../../../shared/cash-count';
import { JOURNAL_RECORD_MAX_BYTES } from '../../../shared/journal';
import type { BusinessDate } from '../../../shared/time';
import { tempDir } from '../../electron/helpers';
import { freshStore, NOON_IN_SRINAGAR, sequentialIds } from '../db/helpers';

/**
 * The journal link against the REAL host journal (electron/host, in a temp data folder),
 * with a switch that makes the host unreachable the way renderer/host reports it.
 */
async function realHost() {
  const dataDir = await tempDir('chinar-journal-link-');
  const host = createHost({ dataDir, transport: 'web' });
  const state = { down: false, appendCalls: 0, dropAnswer: false };
  const api: HostApi = {
    call: (async (method: string, input: unknown) => {
      if (state.down) return fail('internal', 'Lost contact with the kiosk host.');
      if (method === 'journal.append') state.appendCalls++;
      const result = await host.dispatch(method, input);
      if (state.dropAnswer && method === 'journal.append') {
        state.dropAnswer = false;
        return fail('internal', 'Lost contact with the kiosk host.');
      }
      return result;
    }) as HostApi['call'],
    on: () => () => undefined,
  };
  const status = async () => {
    const r = await host.dispatch('journal.status', {}) as HostResult<{ count: number; lastSeq: number; highestNumbers: Record<string, number> }>;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  return { api, state, status, dataDir };
}

async function sellOne(db: ChinarDb, barcode = '2000000000053', floor: Record<string, number> = {}) {
  const found = (await findProductByBarcode(db, barcode))!;
  const cart = addToCart(EMPTY_CART, cartItemFor(found.product, found.artisan));
  const operator = (await signInWithPin(db, DEMO_PINS.operator))!;
  const total = cartTotals(cart, []).gross;
  const settled = settleTenders(total, [{ method: 'cash', tendered: total }]);
  if (!settled.ok) throw new Error('settle');
  return commitSale(db, { cart, payments: settled.payments, operator, roundOff: 0 as Paise, deviceId: 'K01', now: NOON_IN_SRINAGAR, newId: sequentialIds(`s${Math.random().toString(36).slice(2, 8)}`), numberFloor: floor });
}

/** A fresh demo store whose journal link sends to `host`, started. */
async function linkedStore(host: Awaited<ReturnType<typeof realHost>>, options: { openDay?: boolean } = {}): Promise<{ db: ChinarDb; link: JournalLink }> {
  const { db } = await freshStore(options);
  const link = createJournalLink(db, host.api, fast);
  link.start();
  return { db, link };
}

function until(link: JournalLink, wanted: CopyState['status']): Promise<CopyState> {
  return new Promise((resolve) => {
    if (link.state().status === wanted) return resolve(link.state());
    const off = link.subscribe((s) => { if (s.status === wanted) { off(); resolve(s); } });
  });
}

const fast = { backoff: { initialMs: 5, maxMs: 20 }, refusedRetryMs: 50 };

describe('the journal queue (in the write transactions)', () => {
  it('queues a sale as one record of whole rows, in the same transaction', async () => {
    const { db } = await freshStore();
    await db.journalQueue.clear();
    const done = await sellOne(db);
    const [record] = await db.journalQueue.toArray();
    expect(record).toMatchObject({ id: done.journalId, kind: 'sale' });
    expect(record!.data.sales).toEqual([done.sale]);
    expect(record!.data.saleLines).toEqual(done.lines);
    expect(record!.data.payments).toEqual(done.payments);
    expect(record!.data.products).toEqual([await db.products.get(done.lines[0]!.productId)]);
    expect(record!.data.counters).toEqual([{ key: 'invoice:K01/2627', value: 1 }]);
    // The day was opened by a manager in a record of its own: a sale writes into it, never opens it.
    expect(record!.data.businessDays).toBeUndefined();
    expect(record!.data.audit!.map((a) => a.action)).toEqual(['sale.commit']);
  });

  it('queues nothing when the sale is refused, and the manager\'s edits each as a record', async () => {
    const { db } = await freshStore();
    await db.journalQueue.clear();
    await expect(sellOne(db, '2000000000053', { 'K01/2627': 5 })).rejects.toThrow(/already issued.*restore the store from the journal/);
    expect(await db.journalQueue.count()).toBe(0);
    const manager = (await signInWithPin(db, DEMO_PINS.manager))!;
    const product = (await findProductByBarcode(db, '2000000000053'))!.product;
    await adjustStock(db, product.id, 3, 'counted shelf', { actor: manager, now: NOON_IN_SRINAGAR });
    const [record] = await db.journalQueue.toArray();
    expect(record).toMatchObject({ kind: 'stock', data: { products: [{ id: product.id, stock: product.stock + 3 }] } });
  });
  it('splits only a write too big for one record, into records each within the limit, rows whole and in order', async () => {
    const { db } = await freshStore();
    await db.journalQueue.clear();
    // 5,000 notes of ~1 KiB: about 5 MiB, more than one record holds.
    const notes = Array.from({ length: 5_000 }, (_, i) => ({ key: `note-${String(i).padStart(4, '0')}`, value: 'x'.repeat(1_000) }));
    const ids = await db.transaction('rw', [db.settings, db.journalQueue], async () => {
      await db.settings.bulkPut(notes);
      return queueJournal(db, 'settings', NOON_IN_SRINAGAR.toISOString(), { settings: notes });
    });
    const records = await db.journalQueue.orderBy('qseq').toArray();
    expect(records.map((r) => r.id)).toEqual(ids);
    expect(records.length).toBeGreaterThan(1);
    for (const r of records) expect(r.bytes).toBeLessThanOrEqual(JOURNAL_RECORD_MAX_BYTES);
    expect(records.flatMap((r) => r.data.settings!)).toEqual(notes);
  });
  it('refuses, in the transaction, a write too big for one journal record, and keeps nothing of it', async () => {
    const { db } = await freshStore();
    await db.journalQueue.clear();
    const huge = { key: 'note', value: 'x'.repeat(JOURNAL_RECORD_MAX_BYTES) };
    await expect(db.transaction('rw', [db.settings, db.journalQueue], async () => {
      await db.settings.put(huge);
      await queueJournal(db, 'settings', NOON_IN_SRINAGAR.toISOString(), { settings: [huge] });
    })).rejects.toThrow(/too big for the kiosk's journal.*nothing was saved/);
    expect(await db.settings.get('note')).toBeUndefined();
    expect(await db.journalQueue.count()).toBe(0);
  });
});

describe('the journal sender', () => {
  it('copies in order, deletes only what the host acknowledged, and waits out a host that is away', async () => {
    const { db } = await freshStore();
    const host = await realHost();
    const link = createJournalLink(db, host.api, fast);
    link.start();
    await until(link, 'copied');
    const first = await sellOne(db);
    link.nudge();
    expect(await link.whenCopied(first.journalId!, 2000)).toBe(true);
    expect(await db.journalQueue.count()).toBe(0);

    host.state.down = true;
    const second = await sellOne(db);
    link.nudge();
    expect(await link.whenCopied(second.journalId!, 1500)).toBe(false);
    expect(await db.journalQueue.count()).toBe(1);
    expect(link.state().status).toBe('waiting');
    host.state.down = false;
    await until(link, 'copied');
    expect(await db.journalQueue.count()).toBe(0);

    // The host wrote it but its answer was lost: the resend is 'already', not a second copy.
    host.state.dropAnswer = true;
    await sellOne(db);
    link.nudge();
    await until(link, 'waiting');
    await until(link, 'copied');
    const status = await host.status();
    expect(status.count).toBe(5); // the demo seed, the day opened and three sales
    expect(status.highestNumbers).toEqual({ 'K01/2627': 3 });
    expect(link.floor()).toEqual({ 'K01/2627': 3 });
    expect((await journalHeadOf(db)).seq).toBe(5);
    link.stop();
  });

  it('says which failure holds the records back: the host unable to write (a full disk) apart from a host away', async () => {
    const { db } = await freshStore();
    const host = await realHost();
    let diskFull = true;
    const full: HostApi = {
      call: ((method: string, input: unknown) => (diskFull && method === 'journal.append'
        ? Promise.resolve(fail('io-error', 'The kiosk host cannot write its journal: the disk of its data folder is full.'))
        : host.api.call(method as never, input as never))) as HostApi['call'],
      on: () => () => undefined,
    };
    const link = createJournalLink(db, full, fast);
    link.start();
    const waiting = await until(link, 'waiting');
    expect(waiting).toMatchObject({ status: 'waiting', code: 'io-error', message: expect.stringMatching(/cannot write its journal/) });
    expect(await db.journalQueue.count()).toBeGreaterThan(0);
    diskFull = false;
    link.nudge();
    await until(link, 'copied');
    expect(await db.journalQueue.count()).toBe(0);
    link.stop();

    host.state.down = true;
    const away = createJournalLink(db, host.api, fast);
    away.start();
    await sellOne(db);
    away.nudge();
    expect(await until(away, 'waiting')).toMatchObject({ code: 'internal' });
    away.stop();
  });

  it('sends a backlog in batches within the contract\'s limits', async () => {
    const { db } = await freshStore();
    const host = await realHost();
    const manager = (await signInWithPin(db, DEMO_PINS.manager))!;
    const product = (await findProductByBarcode(db, '2000000000053'))!.product;
    for (let i = 0; i < 230; i++) await adjustStock(db, product.id, 1, 'counted shelf', { actor: manager, now: NOON_IN_SRINAGAR });
    const link = createJournalLink(db, host.api, fast);
    link.start();
    await until(link, 'copied');
    expect(host.state.appendCalls).toBe(3);
    expect((await host.status()).count).toBe(232);
    link.stop();
  });

  it('once caught up, sends what was queued while a batch was on its way at the next nudge or look, in one append', async () => {
    const { db } = await freshStore();
    const host = await realHost();
    let sending: Promise<unknown> = Promise.resolve();
    // A host that takes its time over each append, so sales are committed while one is on its way.
    const slow: HostApi = {
      call: ((method: string, input: unknown) => {
        const answer = host.api.call(method as never, input as never);
        if (method !== 'journal.append') return answer;
        sending = new Promise((resolve) => setTimeout(resolve, 300)).then(() => answer);
        return sending;
      }) as HostApi['call'],
      on: () => () => undefined,
    };
    const link = createJournalLink(db, slow, { ...fast, idleLookMs: 2_000 });
    link.start();
    await until(link, 'copied');
    const first = await sellOne(db);
    link.nudge();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // A burst nobody nudged for (a replay, a bench), committed while the first is on its way...
    const burst = [await sellOne(db), await sellOne(db), await sellOne(db)];
    await sending;
    expect(await link.whenCopied(first.journalId!, 1_000)).toBe(true);
    const calls = host.state.appendCalls;
    const copiedAt = Date.now();
    // ...waits for the idle look, and goes in one append (a loop looking again at once would send it now).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(host.state.appendCalls).toBe(calls);
    expect(await db.journalQueue.count()).toBe(3);
    expect(await link.whenCopied(burst[2]!.journalId!, 3_000)).toBe(true);
    expect(Date.now() - copiedAt).toBeGreaterThan(1_000);
    expect(host.state.appendCalls).toBe(calls + 1);
    // A sale's own nudge does not wait for the look.
    const nudged = await sellOne(db);
    const sentAt = Date.now();
    link.nudge();
    expect(await link.whenCopied(nudged.journalId!, 2_000)).toBe(true);
    expect(Date.now() - sentAt).toBeLessThan(1_000);
    expect((await host.status()).count).toBe(7); // the demo seed, the day opened and five sales
    link.stop();
  });

  it('stops and says so when the host refuses (a reused invoice number)', async () => {
    const host = await realHost();
    const { db: a, link: linkA } = await linkedStore(host);
    await sellOne(a);
    linkA.nudge();
    await until(linkA, 'copied');
    linkA.stop();
    // A second, wiped store that did not restore sells number 1 again.
    const b = await freshStore();
    await sellOne(b.db);
    const linkB = createJournalLink(b.db, host.api, fast);
    linkB.start();
    const refused = await until(linkB, 'refused');
    expect(refused).toMatchObject({ status: 'refused', code: 'number-reused' });
    expect(await b.db.journalQueue.count()).toBeGreaterThan(0);
    linkB.stop();
  });
});

describe('rebuilding the store from the journal', () => {
  it('copies a busy day\'s close, whose upload body lists every line of 1,500 sales, and gives the body back byte for byte', async () => {
    // The close's record carries the outbox row with the day's whole PROTOCOL.md body, which
    // grows with the day (about 290 bytes a sale): one record, since a row cannot be split.
    const host = await realHost();
    const { db, link } = await linkedStore(host);
    await until(link, 'copied');
    await fillOpenDay(db, { total: 1_500, now: NOON_IN_SRINAGAR, deviceId: 'demo-market/K01' });
    const day = (await db.businessDays.where('status').equals('open').first())!;
    const manager = (await signInWithPin(db, DEMO_PINS.manager))!;
    const closed = await closeBusinessDay(db, {
      dayId: day.id, count: EMPTY_CASH_COUNT, managerId: manager.id, marketId: 'demo-market', deviceId: 'demo-market/K01', now: NOON_IN_SRINAGAR, timeZone: DEMO_PROFILE.timeZone, newId: sequentialIds('close'),
    });
    // One transaction, one record: a replay applies the day, its upload and its audit entry together or not at all.
    const closeRecords = await db.journalQueue.filter((r) => r.kind === 'day-close').toArray();
    expect(closeRecords).toHaveLength(1);
    const record = closeRecords[0]!;
    expect(Object.keys(record.data).sort()).toEqual(['audit', 'businessDays', 'outbox']);
    expect(record.bytes).toBeGreaterThan(256 * 1024);
    expect(record.bytes).toBeLessThan(JOURNAL_RECORD_MAX_BYTES);
    link.nudge();
    expect(await link.whenCopied(record.id, 10_000)).toBe(true);
    await until(link, 'copied');
    expect(await db.journalQueue.count()).toBe(0);
    link.stop();

    const { db: rebuilt } = await freshStore({ seed: false });
    expect(await rebuildFromJournal(rebuilt, host.api, { from: GENESIS_HEAD, skipIds: [], clear: true })).toMatchObject({ status: 'ok' });
    const outbox = (await rebuilt.outbox.where('dayId').equals(day.id).first())!;
    expect(outbox.body).toBe(closed.outbox.body);
    expect(await rebuilt.businessDays.get(day.id)).toMatchObject({ status: 'closed', zNumber: closed.day.zNumber });
  }, 120_000);

  it('brings a wiped store back whole, without seeding the demo over it, and numbering goes on', async () => {
    const host = await realHost();
    const { db: a, link } = await linkedStore(host);
    for (let i = 0; i < 3; i++) await sellOne(a, i === 1 ? '2000000000015' : '2000000000053');
    link.nudge();
    await until(link, 'copied');
    link.stop();

    // A fresh profile: boot must plan a rebuild and must not seed.
    const factory = new IDBFactory();
    const booted = await bootStation(host.api, () => NOON_IN_SRINAGAR, () => openChinarDb('wiped', { indexedDB: factory, IDBKeyRange }));
    expect(booted.status).toBe('recover');
    if (booted.status !== 'recover') return;
    const b = booted.base.db;
    expect(await b.users.count()).toBe(0);
    const progress: number[] = [];
    const rebuilt = await rebuildFromJournal(b, host.api, booted.plan, (p) => progress.push(p.done));
    expect(rebuilt).toMatchObject({ status: 'ok', value: { records: 5, sales: 3, lastSale: { receiptNo: 'K01/2627/000003' } } });
    expect(progress.at(-1)).toBe(5);
    for (const table of ['sales', 'saleLines', 'payments', 'products', 'users', 'artisans', 'counters', 'audit', 'businessDays', 'settings'] as const) {
      const mine = await (a[table] as ChinarDb['sales']).toArray();
      const theirs = await (b[table] as ChinarDb['sales']).toArray();
      if (table === 'settings') expect(theirs.filter((r) => (r as unknown as { key: string }).key !== 'journalHead')).toEqual(mine.filter((r) => (r as unknown as { key: string }).key !== 'journalHead'));
      else expect(theirs).toEqual(mine);
    }
    const next = await sellOne(b, '2000000000053', booted.base.journal.floor());
    expect(next.sale.receiptNo).toBe('K01/2627/000004');
    // Booting again finds nothing to do.
    const again = await bootStation(host.api, () => NOON_IN_SRINAGAR, async () => b);
    expect(again.status).toBe('ready');
  });

  it('rebuilds a NEW kiosk (demo seeded and journaled) from a journal copied from a USB stick', async () => {
    const oldHost = await realHost();
    const old = await linkedStore(oldHost);
    await sellOne(old.db);
    await sellOne(old.db, '2000000000015');
    old.link.nudge();
    await until(old.link, 'copied');
    old.link.stop();

    const newHost = await realHost();
    // A new kiosk: the demo seeded, no day opened yet (a journal with more is never merged into).
    const fresh = await linkedStore(newHost, { openDay: false });
    const { link } = fresh;
    await until(link, 'copied');
    expect((await newHost.status()).count).toBe(1); // its own demo seed
    // The manager mistypes the demo PIN before importing: the keypad's count is journaled too,
    // and a journal of the seed and such counts is still a new kiosk's.
    expect(await signInAtKeypad(fresh.db, '0000', NOON_IN_SRINAGAR)).toMatchObject({ status: 'wrong' });
    expect(await signInAtKeypad(fresh.db, DEMO_PINS.manager, NOON_IN_SRINAGAR)).toMatchObject({ status: 'ok' });
    const last = (await fresh.db.journalQueue.orderBy('qseq').last())!;
    link.nudge();
    expect(await link.whenCopied(last.id, 3000)).toBe(true);
    expect((await newHost.status()).count).toBe(3);
    await mkdir(join(newHost.dataDir, 'journal-import'), { recursive: true });
    await copyFile(join(oldHost.dataDir, 'journal', 'chinar-journal.jsonl'), join(newHost.dataDir, 'journal-import', 'k01.jsonl'));
    const station = { db: fresh.db, host: newHost.api, journal: link };
    expect(await checkImportFile(station, 'k01.jsonl')).toMatchObject({ status: 'ok', value: { count: 4, lastSale: { receiptNo: 'K01/2627/000002' } } });
    const imported = await importJournalFile(station, 'k01.jsonl');
    expect(imported).toMatchObject({ status: 'ok', value: { rebuilt: { records: 4, sales: 2 } } });
    expect((await fresh.db.sales.toArray()).map((x) => x.receiptNo).sort()).toEqual(['K01/2627/000001', 'K01/2627/000002']);
    expect(await fresh.db.users.toArray()).toEqual(await old.db.users.toArray());
    const next = await sellOne(fresh.db, '2000000000053', link.floor());
    expect(next.sale.receiptNo).toBe('K01/2627/000003');
    link.nudge();
    expect(await link.whenCopied(next.journalId!, 3000)).toBe(true);
    expect((await newHost.status()).count).toBe(5);
    // A kiosk whose journal has sales of its own is never merged with another.
    expect(await importJournalFile(station, 'k01.jsonl')).toMatchObject({ status: 'failed' });
    link.stop();
  });

  it('refuses a journal whose chain does not check, and writes nothing of it', async () => {
    const host = await realHost();
    const { link } = await linkedStore(host);
    await until(link, 'copied');
    link.stop();
    // A record changed on disk (same length): the host's read hashes it again and refuses.
    const path = join(host.dataDir, 'journal', JOURNAL_FILE);
    const text = await readFile(path, 'utf8');
    const firstUser = /"name":"([A-Z])/.exec(text)!;
    await writeFile(path, text.replace(firstUser[0], `"name":"${firstUser[1] === 'M' ? 'N' : 'M'}`));
    // Links rewritten to match in transit are caught here too: each record must link to the one before.
    const relinked: HostApi = {
      call: (async (method: string, input: unknown) => {
        const r = await host.api.call(method as 'journal.read', input as { afterSeq: number; limit: number });
        if (method === 'journal.read' && r.ok && r.value.records.length > 1) r.value.records[1]!.prevHash = 'f'.repeat(64);
        return r;
      }) as HostApi['call'],
      on: () => () => undefined,
    };
    const { db: a } = await freshStore({ seed: false });
    expect(await rebuildFromJournal(a, host.api, { from: GENESIS_HEAD, skipIds: [], clear: true })).toMatchObject({ status: 'failed', message: expect.stringContaining('changed after it was written') });
    expect(await a.users.count()).toBe(0);
    await writeFile(path, text);
    const tampered = relinked;
    const { db: b } = await freshStore({ seed: false });
    const outcome = await rebuildFromJournal(b, tampered, { from: GENESIS_HEAD, skipIds: [], clear: true });
    expect(outcome).toMatchObject({ status: 'refused', message: expect.stringContaining('damaged at record 2') });
    expect(await b.users.count()).toBe(0);
  });

  it('rebuilds a long journal in big write batches and 1,000-record pages, into exactly the rows the journal folds to', async () => {
    const dataDir = await tempDir('chinar-journal-year-');
    await mkdir(join(dataDir, 'journal'), { recursive: true });
    const year = { sales: 3_000, products: 2_000, artisans: 30, closedDays: 6, today: '2025-04-08' as BusinessDate, seed: 3 };
    const base = { profile: DEMO_PROFILE, taxTable: DEFAULT_TAX_TABLE, deviceId: 'demo-market/K01', operator: { id: 'op-1', name: 'Operator' }, managerId: 'mg-1', lastAudit: undefined };
    const head = await appendToJournalFile(dataDir, yearRecords(base, year));
    const host = createHost({ dataDir, transport: 'web' });
    let reads = 0;
    const api: HostApi = {
      call: (async (method: string, input: unknown) => {
        if (method === 'journal.read') reads++;
        return host.dispatch(method, input);
      }) as HostApi['call'],
      on: () => () => undefined,
    };
    const { db } = await freshStore({ seed: false });
    let writes = 0;
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => unknown;
    (db as unknown as { transaction: (...args: unknown[]) => unknown }).transaction = (...args: unknown[]) => {
      if (args[0] === 'rw') writes++;
      return transaction(...args);
    };
    const progress: number[] = [];
    const rebuilt = await rebuildFromJournal(db, api, { from: GENESIS_HEAD, skipIds: [], clear: true }, (p) => progress.push(p.done));
    expect(rebuilt).toMatchObject({ status: 'ok', value: { records: head.seq, sales: year.sales, head: { seq: head.seq, hash: head.hash } } });
    // About 9 rows a sale: 3,000 sales are about 27,000 rows, two batches of 25,000 (and the clear).
    const rows = Object.values(rowsToRestore([...yearRecords(base, year)].map((r, i) => ({ seq: i + 1, data: r.data })))).reduce((n, l) => n + l.length, 0);
    expect(writes).toBeLessThanOrEqual(2 + Math.ceil(rows / REBUILD_BATCH_ROWS));
    expect(reads).toBe(Math.ceil(head.seq / 1_000));
    expect(progress.at(-1)).toBe(head.seq);
    expect(progress.length).toBe(reads);
    const fold = rowsToRestore([...yearRecords(base, year)].map((r, i) => ({ seq: i + 1, data: r.data })));
    for (const [table, list] of Object.entries(fold)) {
      const key = table === 'audit' ? 'seq' : table === 'counters' ? 'key' : 'id';
      const sorted = [...list].sort((a, b) => (String(a[key]) < String(b[key]) ? -1 : 1));
      const stored = await db.table(table).toArray();
      expect(stored.length, table).toBe(sorted.length);
      if (key !== 'seq') expect(stored, table).toEqual(sorted);
    }
  }, 120_000);
});
