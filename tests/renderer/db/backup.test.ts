// @vitest-environment happy-dom
// dexie-export-import reads `self` and FileReader as it loads: a browser's, here happy-dom's.
import { describe, expect, it } from 'vitest';
import {
  acknowledgeJournal, commitSale, deleteRestoreLeftover, DEMO_PINS, exportStoreBackup, peekExport, restoreStoreBackup, signInWithPin, BackupRestoreError, type ChinarDb,
} from '../../../renderer/db';
import { ChinarDb as StoreOfSchema } from '../../../renderer/db/schema';
import { IDBKeyRange } from 'fake-indexeddb';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { BACKUP_FORMAT, checkBackup, type BackupHeader, type BackupMeta } from '../../../shared/backup';
import { addToCart, cartItemFor, EMPTY_CART } from '../../../shared/cart';
import type { Paise } from '../../../shared/money';
import type { BusinessDate } from '../../../shared/time';
import { settleTenders } from '../../../shared/tender';
import { freshStore, NOON_IN_SRINAGAR } from './helpers';

/** Every table's rows, for "the store is exactly as it was". */
async function snapshot(db: ChinarDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

async function sellOne(db: ChinarDb, newId: () => string) {
  const product = (await db.products.toArray())[0]!;
  const artisan = (await db.artisans.get(product.artisanId))!;
  const cart = addToCart(EMPTY_CART, cartItemFor(product, artisan));
  const operator = (await signInWithPin(db, DEMO_PINS.operator))!;
  const settled = settleTenders(product.price, [{ method: 'cash', tendered: product.price }]);
  if (!settled.ok) throw new Error('settle failed');
  return commitSale(db, { cart, payments: settled.payments, operator, roundOff: 0 as Paise, deviceId: 'demo-market/K01', now: NOON_IN_SRINAGAR, newId });
}

/** The header the host would write for this export (electron/host/backup.ts), with the content's digest. */
async function headerOf(meta: Omit<BackupMeta, 'sha256'>, content: Blob, deviceId = 'demo-market/K01'): Promise<BackupHeader> {
  const bytes = new Uint8Array(await content.arrayBuffer());
  return { format: BACKUP_FORMAT, ...meta, sha256: bytesToHex(sha256(bytes)), deviceId, createdAt: NOON_IN_SRINAGAR.toISOString(), appVersion: '0.1.0' };
}

/** The check a restore makes of a backup (app/backup.ts reads the parts; this is its verdict). */
async function check(header: BackupHeader, content: Blob, storeVersion: number) {
  const bytes = new Uint8Array(await content.arrayBuffer());
  const exportHead = await peekExport(content).catch(() => null);
  return checkBackup(JSON.stringify(header), { contentBytes: bytes.length, sha256: bytesToHex(sha256(bytes)) }, exportHead, storeVersion);
}

async function backedUp(db: ChinarDb) {
  const { meta, content } = await exportStoreBackup(db, 'Demo Market');
  return { meta, content, header: await headerOf(meta, content) };
}

describe('a backup of the whole store', () => {
  it('holds every table with its row count and the store\'s journal head, on one line, as a Blob', async () => {
    const { db, newId } = await freshStore();
    await sellOne(db, newId);
    await acknowledgeJournal(db, (await db.journalQueue.toArray()).map((r) => r.id), { seq: 7, hash: 'a'.repeat(64) });
    const { meta, content } = await backedUp(db);
    expect(content).toBeInstanceOf(Blob);
    expect(await content.text()).not.toContain('\n');
    expect(meta.contentBytes).toBe(content.size);
    expect(meta.journalHead).toEqual({ seq: 7, hash: 'a'.repeat(64) });
    expect(meta.databaseVersion).toBe(db.verno);
    for (const t of db.tables) expect(meta.tables[t.name], t.name).toBe(await t.count());
    expect(meta.tables.sales).toBe(1);
  });

  it('restores the store exactly as it was backed up, journal head included, in one go', async () => {
    const { db, newId } = await freshStore();
    await sellOne(db, newId);
    await acknowledgeJournal(db, (await db.journalQueue.toArray()).map((r) => r.id), { seq: 3, hash: 'b'.repeat(64) });
    const before = await snapshot(db);
    const { header, content } = await backedUp(db);
    // The store moves on after the backup: another sale, a changed product.
    await sellOne(db, newId);
    await db.products.update((await db.products.toArray())[0]!.id, { name: 'Changed after the backup' });
    await acknowledgeJournal(db, (await db.journalQueue.toArray()).map((r) => r.id), { seq: 4, hash: 'c'.repeat(64) });

    const checked = await check(header, content, db.verno);
    if (!checked.ok) throw new Error(checked.detail);
    const head = await restoreStoreBackup(db, content, checked.header, { discardUncopied: false });
    expect(head).toEqual({ seq: 3, hash: 'b'.repeat(64) });
    expect(await snapshot(db)).toEqual(before);
    expect(await db.settings.get('journalHead')).toEqual({ key: 'journalHead', value: { seq: 3, hash: 'b'.repeat(64) } });
  });

  it('refuses a truncated or changed backup before touching the store, which stays as it was', async () => {
    const { db, newId } = await freshStore();
    await sellOne(db, newId);
    const { header, content } = await backedUp(db);
    const before = await snapshot(db);
    for (const cut of [content.size - 1, Math.floor(content.size * 0.6), 30, 0]) {
      const checked = await check(header, content.slice(0, cut), db.verno);
      expect(checked, `cut at ${cut}`).toMatchObject({ ok: false, reason: 'damaged' });
    }
    // One byte changed in the middle, same length: the checksum says so.
    const bytes = new Uint8Array(await content.arrayBuffer());
    const at = Math.floor(bytes.length * 0.7);
    bytes[at] = bytes[at] === 0x31 ? 0x32 : 0x31;
    expect(await check(header, new Blob([bytes]), db.verno)).toMatchObject({ ok: false, reason: 'damaged', detail: expect.stringContaining('checksum') });
    expect(checkBackup(null, { contentBytes: 0, sha256: header.sha256 }, null, db.verno)).toMatchObject({ ok: false, reason: 'damaged', detail: expect.stringContaining('header') });
    expect(checkBackup('{"format":"chinar-pos-bac', { contentBytes: 0, sha256: header.sha256 }, null, db.verno)).toMatchObject({ ok: false, reason: 'damaged' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a backup whose rows do not match its header, content that is no export, and one of another store version', async () => {
    const { db } = await freshStore();
    const { header, content } = await backedUp(db);
    const lying = { ...header, tables: { ...header.tables, products: (header.tables.products ?? 0) + 1 } };
    expect(await check(lying, content, db.verno)).toMatchObject({ ok: false, reason: 'damaged', detail: expect.stringContaining('products') });
    const notExport = new Blob(['{"formatName":"something else"}']);
    expect(await check(await headerOf({ ...header, contentBytes: notExport.size }, notExport), notExport, db.verno)).toMatchObject({ ok: false, reason: 'damaged', detail: expect.stringContaining('not a store export') });
    expect(await check(header, content, db.verno + 10)).toMatchObject({ ok: false, reason: 'version' });
  });

  it('leaves the store untouched when the import fails half-way, and when the rows are not the header\'s', async () => {
    const { db } = await freshStore();
    const { header, content } = await backedUp(db);
    const before = await snapshot(db);
    // Two products with one SKU: the unique index refuses the second, after the clears and the first tables.
    const parsed = JSON.parse(await content.text()) as { data: { data: { tableName: string; rows: { id: string }[] }[] } };
    const products = parsed.data.data.find((t) => t.tableName === 'products')!;
    products.rows.push({ ...products.rows[0]!, id: 'copy-of-the-first' });
    const doubled = new Blob([JSON.stringify(parsed)]);
    await expect(restoreStoreBackup(db, doubled, header, { discardUncopied: true })).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
    // Rows the export holds but its header does not count: refused before it commits.
    await expect(restoreStoreBackup(db, content, { ...header, tables: { ...header.tables, artisans: (header.tables.artisans ?? 0) + 1 } }, { discardUncopied: true }))
      .rejects.toThrow(/artisans gave \d+ rows, its header says/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses while changes wait to be copied to the journal, unless told to discard them', async () => {
    const { db, newId } = await freshStore();
    const { header, content } = await backedUp(db);
    await sellOne(db, newId);
    expect(await db.journalQueue.count()).toBeGreaterThan(0);
    const before = await snapshot(db);
    await expect(restoreStoreBackup(db, content, header, { discardUncopied: false })).rejects.toThrow(BackupRestoreError);
    expect(await snapshot(db)).toEqual(before);
    await restoreStoreBackup(db, content, header, { discardUncopied: true });
    expect(await db.sales.count()).toBe(0);
  });

  it('tells how many rows it has read and written as it goes, chunk by chunk, up to every row', async () => {
    const { db } = await freshStore();
    // More than one chunk of one table, so the bar moves within a table too.
    await db.cashMovements.bulkAdd(Array.from({ length: 12_000 }, (_, i) => ({
      id: `cm-${String(i).padStart(5, '0')}`, dayId: 'day-1', businessDate: '2026-11-22' as BusinessDate, kind: 'paid-in' as const, amount: 100 as Paise,
      reason: 'change from bank', by: 'u1', approvedBy: 'u2', at: '2026-11-22T12:00:00+05:30', payoutId: null,
    })));
    const rows = (await Promise.all(db.tables.map((t) => t.count()))).reduce((a, b) => a + b, 0);
    const read: { done: number; total: number }[] = [];
    const { meta, content } = await exportStoreBackup(db, 'Demo Market', (p) => read.push(p));
    expect(read.at(-1)).toEqual({ done: rows, total: rows });
    expect(read.filter((p) => p.done > 0 && p.done < rows).length).toBeGreaterThan(1);
    const header = await headerOf(meta, content);
    const written: { done: number; total: number }[] = [];
    await restoreStoreBackup(db, content, header, { discardUncopied: true, onProgress: (p) => written.push(p) });
    expect(written[0]).toEqual({ done: 0, total: rows });
    expect(written.at(-1)).toEqual({ done: rows, total: rows });
    expect(written.map((p) => p.done)).toEqual([...written.map((p) => p.done)].sort((a, b) => a - b));
    // The export is over 1 MiB: the import read it in more than one step, telling each.
    expect(content.size).toBeGreaterThan(1024 * 1024);
    expect(written.filter((p) => p.done > 0 && p.done < rows).length).toBeGreaterThan(1);
    expect(await db.cashMovements.count()).toBe(12_000);
  });
});

describe('a restore cut short (the window closed half-way)', () => {
  /** The staging store such a restore leaves: the store's schema, some rows staged in it. */
  async function leaveStaging(factory: IDBFactory, rows: number) {
    const staging = new StoreOfSchema('test-restore', { indexedDB: factory, IDBKeyRange });
    await staging.open();
    await staging.artisans.bulkPut(Array.from({ length: rows }, (_, i) => ({ id: `staged-${i}`, code: `S${i}` }) as never));
    staging.close();
  }
  const storeNames = async (factory: IDBFactory) => (await factory.databases()).map((d) => d.name).sort();

  it('leaves its staging store, which deleteRestoreLeftover removes without touching the store of record', async () => {
    const { db, factory, newId } = await freshStore();
    await sellOne(db, newId);
    await leaveStaging(factory, 3);
    expect(await storeNames(factory)).toEqual(['test', 'test-restore']);
    const before = await snapshot(db);

    expect(await deleteRestoreLeftover(db)).toBe(true);
    expect(await storeNames(factory)).toEqual(['test']);
    expect(await snapshot(db)).toEqual(before);
    expect(db.isOpen()).toBe(true);
    // Nothing left: the next start-up finds nothing to do.
    expect(await deleteRestoreLeftover(db)).toBe(false);
  });

  it('does not count in the next restore, which starts from an empty staging store and deletes it after', async () => {
    const { db, factory, newId } = await freshStore();
    await sellOne(db, newId);
    await acknowledgeJournal(db, (await db.journalQueue.toArray()).map((r) => r.id), { seq: 2, hash: 'd'.repeat(64) });
    const before = await snapshot(db);
    const { header, content } = await backedUp(db);
    // Rows the backup does not have: were they kept, the artisans would not match the header.
    await leaveStaging(factory, 5);

    await restoreStoreBackup(db, content, header, { discardUncopied: false });
    expect(await snapshot(db)).toEqual(before);
    expect(await storeNames(factory)).toEqual(['test']);
  });
});
