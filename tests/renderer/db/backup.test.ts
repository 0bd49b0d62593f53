// @vitest-environment happy-dom
// dexie-export-import reads `self` and FileReader as it loads: a browser's, here happy-dom's.
import { describe, expect, it } from 'vitest';
import {
  acknowledgeJournal, commitSale, DEMO_PINS, exportStoreBackup, restoreStoreBackup, signInWithPin, BackupRestoreError, type ChinarDb,
} from '../../../renderer/db';
import { BACKUP_FORMAT, backupFileText, checkBackupFile, type BackupHeader, type BackupMeta } from '../../../shared/backup';
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

/** The file as the host would write it (electron/host/backup.ts). */
function fileOf(meta: BackupMeta, content: string, deviceId = 'demo-market/K01'): string {
  const header: BackupHeader = { format: BACKUP_FORMAT, ...meta, deviceId, createdAt: NOON_IN_SRINAGAR.toISOString(), appVersion: '0.1.0' };
  return backupFileText(header, content);
}

async function backedUp(db: ChinarDb) {
  const { meta, content } = await exportStoreBackup(db, 'Demo Market');
  return { meta, content, text: fileOf(meta, content) };
}

describe('a backup of the whole store', () => {
  it('holds every table with its row count and the store\'s journal head, on one line', async () => {
    const { db, newId } = await freshStore();
    await sellOne(db, newId);
    await acknowledgeJournal(db, (await db.journalQueue.toArray()).map((r) => r.id), { seq: 7, hash: 'a'.repeat(64) });
    const { meta, content } = await backedUp(db);
    expect(content).not.toContain('\n');
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
    const { text } = await backedUp(db);
    // The store moves on after the backup: another sale, a changed product.
    await sellOne(db, newId);
    await db.products.update((await db.products.toArray())[0]!.id, { name: 'Changed after the backup' });
    await acknowledgeJournal(db, (await db.journalQueue.toArray()).map((r) => r.id), { seq: 4, hash: 'c'.repeat(64) });

    const check = checkBackupFile(text, db.verno);
    if (!check.ok) throw new Error(check.detail);
    const head = await restoreStoreBackup(db, check.store, check.header.journalHead, { discardUncopied: false });
    expect(head).toEqual({ seq: 3, hash: 'b'.repeat(64) });
    expect(await snapshot(db)).toEqual(before);
    expect(await db.settings.get('journalHead')).toEqual({ key: 'journalHead', value: { seq: 3, hash: 'b'.repeat(64) } });
  });

  it('refuses a truncated backup before touching the store, which stays as it was', async () => {
    const { db, newId } = await freshStore();
    await sellOne(db, newId);
    const { text } = await backedUp(db);
    const before = await snapshot(db);
    for (const cut of [text.length - 1, Math.floor(text.length * 0.6), text.indexOf('\n'), 30]) {
      const check = checkBackupFile(text.slice(0, cut), db.verno);
      expect(check.ok, `cut at ${cut}`).toBe(false);
      if (!check.ok) expect(check.reason).toBe('damaged');
    }
    // One byte changed in the middle, same length: the checksum says so.
    const at = Math.floor(text.length * 0.7);
    const changed = `${text.slice(0, at)}${text[at] === '1' ? '2' : '1'}${text.slice(at + 1)}`;
    expect(checkBackupFile(changed, db.verno)).toMatchObject({ ok: false, reason: 'damaged', detail: expect.stringContaining('checksum') });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a backup whose rows do not match its header, and one of another store version', async () => {
    const { db } = await freshStore();
    const { meta, content } = await backedUp(db);
    const lying = fileOf({ ...meta, tables: { ...meta.tables, products: (meta.tables.products ?? 0) + 1 } }, content);
    expect(checkBackupFile(lying, db.verno)).toMatchObject({ ok: false, reason: 'damaged', detail: expect.stringContaining('products') });
    expect(checkBackupFile(fileOf(meta, content), db.verno + 10)).toMatchObject({ ok: false, reason: 'version' });
  });

  it('leaves the store untouched when the import fails half-way', async () => {
    const { db } = await freshStore();
    const { text } = await backedUp(db);
    const before = await snapshot(db);
    const check = checkBackupFile(text, db.verno);
    if (!check.ok) throw new Error(check.detail);
    // Two products with one SKU: the unique index refuses the second, after the clears and the first tables.
    const products = check.store.data.data.find((t) => t.tableName === 'products')!;
    const first = products.rows[0] as { id: string };
    products.rows.push({ ...first, id: `${first.id}-copy` });
    await expect(restoreStoreBackup(db, check.store, check.header.journalHead, { discardUncopied: true })).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses while changes wait to be copied to the journal, unless told to discard them', async () => {
    const { db, newId } = await freshStore();
    const { text } = await backedUp(db);
    await sellOne(db, newId);
    expect(await db.journalQueue.count()).toBeGreaterThan(0);
    const before = await snapshot(db);
    const check = checkBackupFile(text, db.verno);
    if (!check.ok) throw new Error(check.detail);
    await expect(restoreStoreBackup(db, check.store, check.header.journalHead, { discardUncopied: false })).rejects.toThrow(BackupRestoreError);
    expect(await snapshot(db)).toEqual(before);
    await restoreStoreBackup(db, check.store, check.header.journalHead, { discardUncopied: true });
    expect(await db.sales.count()).toBe(0);
  });

  it('tells how many rows it has read and written as it goes, chunk by chunk, up to every row', async () => {
    const { db } = await freshStore();
    // More than one chunk (10,000 rows) of one table, so the bar moves within a table too.
    await db.cashMovements.bulkAdd(Array.from({ length: 12_000 }, (_, i) => ({
      id: `cm-${String(i).padStart(5, '0')}`, dayId: 'day-1', businessDate: '2026-11-22' as BusinessDate, kind: 'paid-in' as const, amount: 100 as Paise,
      reason: 'change from bank', by: 'u1', approvedBy: 'u2', at: '2026-11-22T12:00:00+05:30', payoutId: null,
    })));
    const rows = (await Promise.all(db.tables.map((t) => t.count()))).reduce((a, b) => a + b, 0);
    const read: { done: number; total: number }[] = [];
    const { meta, content } = await exportStoreBackup(db, 'Demo Market', (p) => read.push(p));
    expect(read.at(-1)).toEqual({ done: rows, total: rows });
    expect(read.filter((p) => p.done > 0 && p.done < rows).length).toBeGreaterThan(1);
    const check = checkBackupFile(fileOf(meta, content), db.verno);
    if (!check.ok) throw new Error(check.detail);
    const written: { done: number; total: number }[] = [];
    await restoreStoreBackup(db, check.store, check.header.journalHead, { discardUncopied: true, onProgress: (p) => written.push(p) });
    expect(written[0]).toEqual({ done: 0, total: rows });
    expect(written.at(-1)).toEqual({ done: rows, total: rows });
    expect(written.map((p) => p.done)).toEqual([...written.map((p) => p.done)].sort((a, b) => a - b));
    // The 12,000 cash movements came back in two chunks: one report at 10,000 of them.
    expect(written.length).toBeGreaterThanOrEqual(check.store.data.data.filter((t) => t.rows.length > 0).length + 2);
    expect(await db.cashMovements.count()).toBe(12_000);
  });
});
