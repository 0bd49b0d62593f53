import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getStoreProfile, getTaxTable, listArtisans, listUsers, type ChinarDb } from '../../../../renderer/db';
import type { Station } from '../../../../renderer/ui/data/station';
import { saveProductEdit, saveUserEdit } from '../../../../renderer/ui/manager/data/catalog';
import { checkCatalogFiles, importCatalogFiles, readChosenFile } from '../../../../renderer/ui/manager/data/catalogFiles';
import { makeLabelSheet, printJobs } from '../../../../renderer/ui/manager/data/labels';
import type { HostApi } from '../../../../shared/contract';
import type { PrintDocument } from '../../../../shared/documents';
import type { UserEntity } from '../../../../shared/entities';
import { fail, ok } from '../../../../shared/result';
import { freshStore } from '../../db/helpers';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/catalog/${name}`, import.meta.url), 'utf8');

type Call = { method: string; input: unknown };

/** A host that records calls and answers with `answer`. */
function fakeHost(answer: (method: string, input: unknown, n: number) => ReturnType<HostApi['call']>): { host: HostApi; calls: Call[] } {
  const calls: Call[] = [];
  const host = {
    call: (method: string, input: unknown) => {
      calls.push({ method, input });
      return answer(method, input, calls.length);
    },
    on: () => () => undefined,
  } as unknown as HostApi;
  return { host, calls };
}

async function stationWith(db: ChinarDb, host: HostApi): Promise<Station> {
  return {
    db, host, profile: await getStoreProfile(db), taxTable: await getTaxTable(db), demo: true, persistence: 'persisted',
    settings: { deviceId: 'demo-market/K01', marketId: 'demo-market', printer: { kind: 'file' }, paperWidth: 48, cashDrawer: false, kiosk: false, centralBaseUrl: null },
  };
}

async function managerOf(db: ChinarDb): Promise<UserEntity> {
  const user = (await db.users.toArray()).find((u) => u.role === 'manager');
  if (!user) throw new Error('The demo store has no manager');
  return user;
}

describe('manager data: reads', () => {
  it('lists artisans by code and users active first, by name', async () => {
    const { db } = await freshStore();
    const artisans = await listArtisans(db);
    expect(artisans.length).toBeGreaterThan(1);
    expect(artisans.map((a) => a.code)).toEqual(artisans.map((a) => a.code).sort());
    await db.users.add({ id: 'u-z', name: 'Aaron (left)', role: 'operator', pinHash: 'x', active: false });
    const users = await listUsers(db);
    expect(users.at(-1)?.name).toBe('Aaron (left)');
    const active = users.filter((u) => u.active).map((u) => u.name);
    expect(active).toEqual([...active].sort((a, b) => a.localeCompare(b)));
  });
});

describe('manager data: edits', () => {
  it('passes the store’s refusal through in its own words and saves nothing', async () => {
    const { db } = await freshStore();
    const { host } = fakeHost(async () => fail('internal', 'unused'));
    const station = await stationWith(db, host);
    const manager = await managerOf(db);
    const existing = (await db.products.toArray())[0]!;
    const before = await db.products.count();
    const outcome = await saveProductEdit(station, manager, {
      id: null, sku: existing.sku, barcode: '', name: 'Copy', artisanId: existing.artisanId, craft: '', hsn: '6214',
      handmade: true, gstRateBpsOverride: null, price: existing.price, stock: 1, active: true,
    });
    expect(outcome).toEqual({ ok: false, kind: 'refused', message: `SKU ${existing.sku} is already used by ${existing.name}.` });
    expect(await db.products.count()).toBe(before);
  });

  it('refuses a PIN another user has, with the store’s message', async () => {
    const { db } = await freshStore();
    const station = await stationWith(db, fakeHost(async () => fail('internal', 'unused')).host);
    const outcome = await saveUserEdit(station, await managerOf(db), { id: null, name: 'New operator', role: 'operator', active: true, pin: '1111' });
    expect(outcome).toEqual({ ok: false, kind: 'refused', message: 'Another user already has that PIN. Choose a different one.' });
  });

  it('tells a store failure (not a refusal) apart', async () => {
    const { db } = await freshStore();
    const station = await stationWith(db, fakeHost(async () => fail('internal', 'unused')).host);
    const manager = await managerOf(db);
    db.close();
    const outcome = await saveUserEdit(station, manager, { id: null, name: 'Someone', role: 'operator', active: true, pin: '5555' });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.kind).toBe('failed');
  });
});

describe('manager data: catalog files', () => {
  it('reads a chosen file as UTF-8 with its BOM and Urdu intact', async () => {
    const bytes = new TextEncoder().encode('\ufeffartisan_code,name\r\nA-1,نسرین\r\n');
    const chosen = await readChosenFile(new File([bytes], 'artisans.csv', { type: 'text/csv' }));
    expect(chosen).toEqual({ name: 'artisans.csv', size: bytes.length, text: '\ufeffartisan_code,name\r\nA-1,نسرین\r\n' });
  });

  it('checks the sample catalog, then imports it; a broken copy imports nothing', async () => {
    const { db } = await freshStore();
    const station = await stationWith(db, fakeHost(async () => fail('internal', 'unused')).host);
    const manager = await managerOf(db);
    const good = {
      artisans: { name: 'artisans.csv', size: 1, text: fixture('artisans.csv') },
      products: { name: 'products.csv', size: 1, text: fixture('products.csv') },
    };
    const broken = {
      ...good,
      products: { ...good.products, text: good.products.text.replace('8906497547351', '8906497547352').replace(',A-035,', ',A-999,') },
    };
    const before = await db.products.count();
    const refused = await importCatalogFiles(station, manager, broken);
    expect(refused.ok).toBe(false);
    expect(refused.ok === false && refused.problems.map((p) => [p.file, p.line, p.column])).toEqual([
      ['products.csv', 2, 'barcode'],
      ['products.csv', 3, 'artisan_code'],
    ]);
    expect(await db.products.count()).toBe(before);

    const preview = await checkCatalogFiles(station, good);
    expect(preview.ok === true && preview.plan.counts.artisans.new).toBe(49);
    const imported = await importCatalogFiles(station, manager, good);
    expect(imported.ok === true && imported.plan.counts.products.new).toBe(420);
    expect(await db.products.count()).toBe(before + 420);
  });
});

describe('manager data: labels through the host', () => {
  const doc = (n: number): PrintDocument => ({ type: 'label', title: `Label ${n}`, width: 48, blocks: [], cut: true });

  it('sends one printer.print job per label, without opening the drawer, and stops at a failure', async () => {
    const { db } = await freshStore();
    const { host, calls } = fakeHost(async (_m, _i, n) => (n === 3 ? fail('printer-error', 'Printer is out of paper.') : ok({ jobId: `j${n}`, target: 'File printer', bytes: 10 })));
    const station = await stationWith(db, host);
    const outcome = await printJobs(station, [doc(1), doc(2), doc(3), doc(4)], 0, {});
    expect(outcome).toEqual({ status: 'failed', printed: 2, total: 4, failedAt: 2, message: 'Printer is out of paper.' });
    expect(calls).toEqual([1, 2, 3].map((n) => ({ method: 'printer.print', input: { document: doc(n), openDrawer: false } })));
  });

  it('answers a sheet with the host’s path, or with the host’s message', async () => {
    const { db } = await freshStore();
    let refuse = false;
    const { host, calls } = fakeHost(async () => (refuse ? fail('io-error', 'The disk is full.') : ok({ path: '/data/labels/x.pdf', pages: 2 })));
    const station = await stationWith(db, host);
    const sheet = { layout: '3x8' as const, labels: [], skip: 3 };
    expect(await makeLabelSheet(station, sheet)).toEqual({ ok: true, value: { path: '/data/labels/x.pdf', pages: 2 } });
    refuse = true;
    expect(await makeLabelSheet(station, sheet)).toEqual({ ok: false, message: 'The disk is full.' });
    expect(calls.map((c) => c.method)).toEqual(['labels.pdf', 'labels.pdf']);
  });
});
