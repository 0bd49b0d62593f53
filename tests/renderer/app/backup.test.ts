// @vitest-environment happy-dom
// dexie-export-import reads `self` and FileReader as it loads: a browser's, here happy-dom's.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../electron/host';
import { backUpNow, checkBackup, restoreBackup } from '../../../renderer/app/backup';
import { bootStation } from '../../../renderer/app/boot';
import { closeTheDay } from '../../../renderer/app/day';
import { createJournalLink, type JournalLink } from '../../../renderer/app/journal';
import type { Station } from '../../../renderer/app/station';
import { commitSale, DEMO_PINS, signInWithPin, type ChinarDb } from '../../../renderer/db';
import { EMPTY_CASH_COUNT } from '../../../shared/cash-count';
import type { HostApi } from '../../../shared/contract';
import { addToCart, cartItemFor, EMPTY_CART } from '../../../shared/cart';
import type { Paise } from '../../../shared/money';
import { fail } from '../../../shared/result';
import { settleTenders } from '../../../shared/tender';
import { tempDir } from '../../electron/helpers';
import { freshStore, NOON_IN_SRINAGAR } from '../db/helpers';
import { stationWith } from './helpers';

/** The renderer's backup services against the REAL host (electron/host) in a temp data folder. */
async function setUp() {
  const dataDir = await tempDir('chinar-backup-app-');
  const host = createHost({ dataDir, transport: 'web' });
  const api: HostApi = { call: ((method: string, input: unknown) => host.dispatch(method, input)) as HostApi['call'], on: () => () => undefined };
  const { db, newId } = await freshStore();
  const station = await stationWith(db, api);
  return { dataDir, api, db, newId, station };
}

async function snapshot(db: ChinarDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

async function sellOne(station: Station, newId: () => string) {
  const { db } = station;
  const product = (await db.products.toArray())[0]!;
  const artisan = (await db.artisans.get(product.artisanId))!;
  const operator = (await signInWithPin(db, DEMO_PINS.operator))!;
  const settled = settleTenders(product.price, [{ method: 'cash', tendered: product.price }]);
  if (!settled.ok) throw new Error('settle failed');
  return commitSale(db, {
    cart: addToCart(EMPTY_CART, cartItemFor(product, artisan)), payments: settled.payments, operator, roundOff: 0 as Paise,
    deviceId: 'demo-market/K01', now: NOON_IN_SRINAGAR, newId, numberFloor: station.journal.floor(),
  });
}

/** Waits until the sender has copied everything queued to the host's journal. */
async function copied(link: JournalLink, db: ChinarDb): Promise<void> {
  link.nudge();
  while ((await db.journalQueue.count()) > 0) await new Promise((r) => setTimeout(r, 10));
}

async function backUp(station: Station) {
  const written = await backUpNow(station);
  if (written.status !== 'ok') throw new Error(written.message);
  return written.value;
}

describe('backup and restore through the host', () => {
  it('backs up into the host\'s folder and restores the store as it was', async () => {
    const s = await setUp();
    await sellOne(s.station, s.newId);
    const before = await snapshot(s.db);
    const written = await backUp(s.station);
    expect(written.path.startsWith(join(s.dataDir, 'backups'))).toBe(true);
    expect(written.header).toMatchObject({ deviceId: 'demo-market/K01', storeName: s.station.profile.name, tables: { sales: 1 } });

    await sellOne(s.station, s.newId);
    const check = await checkBackup(s.station, written.name);
    if (check.status !== 'ok' || check.value.verdict !== 'ok') throw new Error(JSON.stringify(check));
    expect(check.value.otherDevice).toBe(false);
    // The second sale waits for the journal (no sender runs here): the manager must say so.
    expect(check.value.uncopied).toBeGreaterThan(0);
    expect(await restoreBackup(s.station, check.value, { anyway: false })).toMatchObject({ status: 'refused', message: expect.stringContaining('not yet copied') });
    const restored = await restoreBackup(s.station, check.value, { anyway: true });
    expect(restored).toMatchObject({ status: 'ok', value: { head: { seq: 0 } } });
    expect(await snapshot(s.db)).toEqual(before);
  });

  it('refuses a truncated backup with the reason, and the store stays intact', async () => {
    const s = await setUp();
    await sellOne(s.station, s.newId);
    const written = await backUp(s.station);
    const text = await readFile(written.path, 'utf8');
    const cutName = 'chinar-backup-2030-01-01T00-00-00-000Z.jsonl';
    await writeFile(join(s.dataDir, 'backups', cutName), text.slice(0, Math.floor(text.length / 2)), { mode: 0o600 });
    const before = await snapshot(s.db);
    const check = await checkBackup(s.station, cutName);
    expect(check).toEqual({ status: 'ok', value: { verdict: 'damaged', name: cutName, detail: expect.stringContaining('bytes of the') } });
    expect(await snapshot(s.db)).toEqual(before);
  });

  it('refuses a backup of another kiosk unless the manager confirms it', async () => {
    const s = await setUp();
    const written = await backUp(s.station);
    const elsewhere: Station = { ...s.station, settings: { ...s.station.settings, deviceId: 'demo-market/K02' } };
    const check = await checkBackup(elsewhere, written.name);
    if (check.status !== 'ok' || check.value.verdict !== 'ok') throw new Error(JSON.stringify(check));
    expect(check.value.otherDevice).toBe(true);
    const before = await snapshot(s.db);
    expect(await restoreBackup(elsewhere, check.value, { anyway: false })).toMatchObject({ status: 'refused', message: expect.stringContaining('demo-market/K01') });
    expect(await snapshot(s.db)).toEqual(before);
    expect(await restoreBackup(elsewhere, check.value, { anyway: true })).toMatchObject({ status: 'ok' });
  });

  it('says when the journal went further than the backup, and the next start rebuilds from it', async () => {
    const s = await setUp();
    const link = createJournalLink(s.db, s.api, { backoff: { initialMs: 5, maxMs: 20 }, idleLookMs: 10 });
    const station: Station = { ...s.station, journal: link };
    link.start();
    await sellOne(station, s.newId);
    await copied(link, s.db);
    const written = await backUp(station);
    await sellOne(station, s.newId);
    await copied(link, s.db);
    link.stop();

    const check = await checkBackup(station, written.name);
    if (check.status !== 'ok' || check.value.verdict !== 'ok') throw new Error(JSON.stringify(check));
    expect(check.value.journal?.behind).toBe(true);
    const restored = await restoreBackup(station, check.value, { anyway: false });
    if (restored.status !== 'ok') throw new Error(restored.message);
    expect(restored.value.journal).toMatchObject({ behind: true });
    expect(restored.value.journal!.lastSeq).toBeGreaterThan(restored.value.head.seq);
    expect(await s.db.sales.count()).toBe(1);

    // The restart: the store is behind the journal, so the boot asks for the rebuild.
    const booted = await bootStation(s.api, () => NOON_IN_SRINAGAR, () => Promise.resolve(s.db));
    expect(booted).toMatchObject({ status: 'recover', plan: { from: restored.value.head, clear: false } });
    if (booted.status === 'recover') booted.base.journal.stop();
  });

  it('abandons a backup whose part the host refused, leaving no file, and the next backup works', async () => {
    const s = await setUp();
    const host = createHost({ dataDir: s.dataDir, transport: 'web' });
    const calls: string[] = [];
    const api: HostApi = {
      call: ((method: string, input: unknown) => {
        calls.push(method);
        return method === 'backup.part' ? Promise.resolve(fail('io-error', 'The kiosk\'s disk is full.')) : host.dispatch(method, input);
      }) as HostApi['call'],
      on: () => () => undefined,
    };
    const station = await stationWith(s.db, api);
    expect(await backUpNow(station)).toEqual({ status: 'failed', message: 'The kiosk\'s disk is full.' });
    expect(calls.filter((c) => c.startsWith('backup.'))).toEqual(['backup.begin', 'backup.part', 'backup.abort']);
    expect(await readdir(join(s.dataDir, 'backups'))).toEqual([]);
    // Nothing is left holding the one backup at a time.
    const progress: string[] = [];
    const written = await backUpNow(await stationWith(s.db, s.api), (p) => progress.push(p.phase));
    expect(written.status).toBe('ok');
    expect(progress).toContain('reading');
    expect(progress.at(-1)).toBe('saving');
    expect(await readdir(join(s.dataDir, 'backups'))).toHaveLength(1);
  });

  it('says why when the host could not write it', async () => {
    const { db } = await freshStore();
    const host: HostApi = { call: (() => Promise.resolve(fail('io-error', 'The kiosk\'s disk is full.'))) as HostApi['call'], on: () => () => undefined };
    expect(await backUpNow(await stationWith(db, host))).toEqual({ status: 'failed', message: 'The kiosk\'s disk is full.' });
  });

  it('backs up after every Z close without the close waiting on it, and a failed backup leaves the Z standing', async () => {
    const s = await setUp();
    const manager = (await signInWithPin(s.db, DEMO_PINS.manager))!;
    const open = (await s.db.businessDays.toArray()).find((d) => d.status === 'open')!;
    const closed = await closeTheDay(s.station, { dayId: open.id, count: EMPTY_CASH_COUNT, manager });
    if (closed.status !== 'ok') throw new Error(closed.message);
    const backup = await closed.value.backup;
    expect(backup).toMatchObject({ status: 'ok', value: { header: { tables: { businessDays: 1 } } } });
    expect(await readdir(join(s.dataDir, 'backups'))).toHaveLength(1);

    const { db } = await freshStore();
    const failing: HostApi = {
      call: ((method: string) => Promise.resolve(method === 'backup.begin' ? fail('io-error', 'The kiosk\'s disk is full.') : fail('printer-offline', 'No printer.'))) as HostApi['call'],
      on: () => () => undefined,
    };
    const station = await stationWith(db, failing);
    const day = (await db.businessDays.toArray()).find((d) => d.status === 'open')!;
    const z = await closeTheDay(station, { dayId: day.id, count: EMPTY_CASH_COUNT, manager: (await signInWithPin(db, DEMO_PINS.manager))! });
    expect(z.status).toBe('ok');
    if (z.status !== 'ok') return;
    expect(await z.value.backup).toEqual({ status: 'failed', message: 'The kiosk\'s disk is full.' });
    expect((await db.businessDays.get(day.id))?.status).toBe('closed');
  });
});
