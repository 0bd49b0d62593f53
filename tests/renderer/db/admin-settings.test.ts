import { describe, expect, it } from 'vitest';
import { getStoreProfile, getTaxTable, updateStoreProfile, updateTaxTable, SettingsError } from '../../../renderer/db';
import { DEFAULT_TAX_TABLE, type TaxTable } from '../../../shared/tax';
import { freshStore, NOON_IN_SRINAGAR } from './helpers';

const manager = { id: 'm1', name: 'Manager' };

describe('business settings', () => {
  it('saves a valid store profile with its before and after in the audit log', async () => {
    const { db } = await freshStore();
    const profile = await getStoreProfile(db);
    await updateStoreProfile(db, { ...profile, gstin: '01ABCDE1234F1Z5', name: 'Polo View Market' }, { actor: manager, now: NOON_IN_SRINAGAR });
    expect((await getStoreProfile(db)).name).toBe('Polo View Market');
    const last = await db.audit.orderBy('seq').last();
    expect(last).toMatchObject({ action: 'settings.store-profile', detail: { before: { name: profile.name }, after: { name: 'Polo View Market' } } });
  });

  it('refuses a bad GSTIN and keeps the old profile', async () => {
    const { db } = await freshStore();
    const profile = await getStoreProfile(db);
    await expect(updateStoreProfile(db, { ...profile, gstin: '12345' }, { actor: manager, now: NOON_IN_SRINAGAR })).rejects.toThrow(/GSTIN/);
    expect(await getStoreProfile(db)).toEqual(profile);
  });

  it('takes an edited tax table and refuses one that leaves a price without a rate', async () => {
    const { db } = await freshStore();
    const edited: TaxTable = DEFAULT_TAX_TABLE.map((r) => (r.id === 'textile-62' ? { ...r, slabs: [{ upToPaise: 100_000, rateBps: 500 }, { upToPaise: null, rateBps: 1200 }] } : r));
    await updateTaxTable(db, edited, { actor: manager, now: NOON_IN_SRINAGAR });
    expect((await getTaxTable(db)).find((r) => r.id === 'textile-62')?.slabs[1]?.rateBps).toBe(1200);

    const closed = edited.map((r) => (r.id === 'textile-61' ? { ...r, slabs: [{ upToPaise: 250_000, rateBps: 500 }] } : r));
    await expect(updateTaxTable(db, closed, { actor: manager, now: NOON_IN_SRINAGAR })).rejects.toThrow(SettingsError);
    const falling = edited.map((r) => (r.id === 'textile-61' ? { ...r, slabs: [{ upToPaise: 250_000, rateBps: 500 }, { upToPaise: 100_000, rateBps: 1200 }, { upToPaise: null, rateBps: 1800 }] } : r));
    await expect(updateTaxTable(db, falling, { actor: manager, now: NOON_IN_SRINAGAR })).rejects.toThrow(/must rise/);
    await expect(updateTaxTable(db, edited.filter((r) => r.id !== 'default'), { actor: manager, now: NOON_IN_SRINAGAR })).rejects.toThrow(/everything else/);
    const twice = [...edited, { ...edited.find((r) => r.id === 'textile-62')!, id: 'textile-62-again' }];
    await expect(updateTaxTable(db, twice, { actor: manager, now: NOON_IN_SRINAGAR })).rejects.toThrow(/same goods/);
    expect((await getTaxTable(db)).find((r) => r.id === 'textile-62')?.slabs[1]?.rateBps).toBe(1200);
  });
});
