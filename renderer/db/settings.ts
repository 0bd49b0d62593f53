import { StoreProfileSchema, type StoreProfile } from '../../shared/store-profile';
import { DEFAULT_TAX_TABLE, TaxTableSchema, type TaxTable } from '../../shared/tax';
import { DEFAULT_TOURIST_CURRENCIES, TouristCurrencySettingsSchema, type TouristCurrencySettings } from '../../shared/tourist-currency';
import type { ChinarDb } from './schema';

/** Business settings kept in the store (machine settings live in the host). */
const KEYS = { profile: 'storeProfile', taxTable: 'taxTable', demo: 'demoData', touristCurrencies: 'touristCurrencies' } as const;
export const TOURIST_CURRENCIES_KEY = KEYS.touristCurrencies;

export async function getStoreProfile(db: ChinarDb): Promise<StoreProfile> {
  const row = await db.settings.get(KEYS.profile);
  if (!row) throw new Error('The store profile is missing: the store was not set up.');
  return StoreProfileSchema.parse(row.value);
}

export async function saveStoreProfile(db: ChinarDb, profile: StoreProfile): Promise<void> {
  await db.settings.put({ key: KEYS.profile, value: StoreProfileSchema.parse(profile) });
}

export async function getTaxTable(db: ChinarDb): Promise<TaxTable> {
  const row = await db.settings.get(KEYS.taxTable);
  return row ? TaxTableSchema.parse(row.value) : DEFAULT_TAX_TABLE;
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
