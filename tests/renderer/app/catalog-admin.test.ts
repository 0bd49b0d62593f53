import { describe, expect, it } from 'vitest';
import { listArtisans, listUsers } from '../../../renderer/db';
import { saveProduct, saveUser } from '../../../renderer/app/catalog-admin';
import { fail } from '../../../shared/result';
import { freshStore } from '../db/helpers';
import { fakeHost, managerOf, stationWith } from './helpers';

describe('catalog-admin: reads', () => {
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

describe('catalog-admin: edits', () => {
  it('passes the store’s refusal through in its own words and saves nothing', async () => {
    const { db } = await freshStore();
    const { host } = fakeHost(async () => fail('internal', 'unused'));
    const station = await stationWith(db, host);
    const manager = await managerOf(db);
    const existing = (await db.products.toArray())[0]!;
    const before = await db.products.count();
    const outcome = await saveProduct(station, manager, {
      id: null, sku: existing.sku, barcode: '', name: 'Copy', artisanId: existing.artisanId, craft: '', hsn: '6214',
      handmade: true, gstRateBpsOverride: null, price: existing.price, stock: 1, active: true,
    });
    expect(outcome).toEqual({ status: 'refused', message: `SKU ${existing.sku} is already used by ${existing.name}.` });
    expect(await db.products.count()).toBe(before);
  });

  it('refuses a PIN another user has, with the store’s message', async () => {
    const { db } = await freshStore();
    const station = await stationWith(db, fakeHost(async () => fail('internal', 'unused')).host);
    const outcome = await saveUser(station, await managerOf(db), { id: null, name: 'New operator', role: 'operator', active: true, pin: '1111' });
    expect(outcome).toEqual({ status: 'refused', message: 'Another user already has that PIN. Choose a different one.' });
  });

  it('tells a store failure (not a refusal) apart', async () => {
    const { db } = await freshStore();
    const station = await stationWith(db, fakeHost(async () => fail('internal', 'unused')).host);
    const manager = await managerOf(db);
    db.close();
    const outcome = await saveUser(station, manager, { id: null, name: 'Someone', role: 'operator', active: true, pin: '5555' });
    expect(outcome.status).toBe('failed');
  });
});
