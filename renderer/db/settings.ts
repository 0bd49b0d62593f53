import { StoreProfileSchema, type StoreProfile } from '../../shared/store-profile';
import { DEFAULT_TAX_TABLE, TaxTableSchema, type TaxTable } from '../../shared/tax';
import { DEFAULT_TOURIST_CURRENCIES, TouristCurrencySettingsSchema, type TouristCurrencySettings } from '../../shared/tourist-currency';
import type { ChinarDb, SettingRow } from './schema';

/** Business settings kept in the store (machine settings live in the host). */
const KEYS = { profile: 'storeProfile', taxTable: 'taxTable', demo: 'demoData', touristCurrencies: 'touristCurrencies' } as const;
export const TOURIST_CURRENCIES_KEY = KEYS.touristCurrencies;

export async function getStoreProfile(db: ChinarDb): Promise<StoreProfile> {
  return storeProfileOf(await db.settings.get(KEYS.profile));
}

function storeProfileOf(row: SettingRow | undefined): StoreProfile {
  if (!row) throw new Error('The store profile is missing: the store was not set up.');
  return StoreProfileSchema.parse(row.value);
}

export async function saveStoreProfile(db: ChinarDb, profile: StoreProfile): Promise<void> {
  await db.settings.put({ key: KEYS.profile, value: StoreProfileSchema.parse(profile) });
}

export async function getTaxTable(db: ChinarDb): Promise<TaxTable> {
  return taxTableOf(await db.settings.get(KEYS.taxTable));
}

function taxTableOf(row: SettingRow | undefined): TaxTable {
  return row ? TaxTableSchema.parse(row.value) : DEFAULT_TAX_TABLE;
}

/** The last rows a sale read and what they parsed to, per connection (see saleSettings). */
const lastSaleSettings = new WeakMap<ChinarDb, { rows: string; profile: StoreProfile; taxTable: TaxTable }>();

/**
 * The store profile and tax table for a sale, read in the caller's transaction. Checking
 * them with zod is a millisecond of every commit (the tax table is some thirty rules), so
 * rows unchanged since the last sale on this connection give back what they parsed to then.
 * Callers must not change what they get.
 */
export async function saleSettings(db: ChinarDb): Promise<{ profile: StoreProfile; taxTable: TaxTable }> {
  const [profileRow, taxRow] = await db.settings.bulkGet([KEYS.profile, KEYS.taxTable]);
  const rows = JSON.stringify([profileRow?.value, taxRow?.value ?? null]);
  const last = lastSaleSettings.get(db);
  if (last?.rows === rows) return last;
  const parsed = { rows, profile: storeProfileOf(profileRow), taxTable: taxTableOf(taxRow) };
  lastSaleSettings.set(db, parsed);
  return parsed;
}

export async function saveTaxTable(db: ChinarDb, table: TaxTable): Promise<void> {
  await db.settings.put({ key: KEYS.taxTable, value: TaxTableSchema.parse(table) });
}

/** The tourist currencies shown beside the INR total (none until the manager sets them). */
export async function getTouristCurrencies(db: ChinarDb): Promise<TouristCurrencySettings> {
  const row = await db.settings.get(KEYS.touristCurrencies);
  return row ? TouristCurrencySettingsSchema.parse(row.value) : DEFAULT_TOURIST_CURRENCIES;
}

/** True while the demo market seeded on first run is still in use (sign-in shows demo PINs). */
export async function isDemoData(db: ChinarDb): Promise<boolean> {
  return (await db.settings.get(KEYS.demo))?.value === true;
}

export async function setDemoData(db: ChinarDb, demo: boolean): Promise<void> {
  await db.settings.put({ key: KEYS.demo, value: demo });
}
