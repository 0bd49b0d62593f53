import { StoreProfileSchema, type StoreProfile } from '../../shared/store-profile';
import { TaxTableSchema, type TaxTable } from '../../shared/tax';
import { TouristCurrencySettingsSchema, type TouristCurrencySettings } from '../../shared/tourist-currency';
import { isoWithOffset } from '../../shared/time';
import { appendAudit } from './audit';
import { queueJournal } from './journal-queue';
import type { Actor } from './catalog-admin';
import { StoreRefusal } from './refusal';
import type { ChinarDb } from './schema';
import { getStoreProfile, getTaxTable, getTouristCurrencies, TOURIST_CURRENCIES_KEY } from './settings';

/**
 * The manager's business settings. Each change is audited with what it was before:
 * a GSTIN, an invoice series or a tax rate decides what every later receipt says.
 */
export class SettingsError extends StoreRefusal {}

function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || 'value'}: ${issue.message}` : 'The value is not valid.';
}

export async function updateStoreProfile(db: ChinarDb, profile: StoreProfile, options: { actor: Actor; now: Date }): Promise<StoreProfile> {
  const parsed = StoreProfileSchema.safeParse(profile);
  if (!parsed.success) throw new SettingsError(firstIssue(parsed.error));
  return db.transaction('rw', [db.settings, db.audit, db.journalQueue], async () => {
    const before = await getStoreProfile(db);
    const row = { key: 'storeProfile', value: parsed.data };
    await db.settings.put(row);
    const at = isoWithOffset(options.now, parsed.data.timeZone);
    const entry = await appendAudit(db, { at, actorId: options.actor.id, action: 'settings.store-profile', detail: { before, after: parsed.data } });
    await queueJournal(db, 'settings', at, { settings: [row], audit: [entry] });
    return parsed.data;
  });
}

/**
 * Replaces the tax table. Every rule's slabs must rise and end open (null), so every
 * price finds exactly one rate; there must be a rule for everything else (prefix "").
 */
export async function updateTaxTable(db: ChinarDb, table: TaxTable, options: { actor: Actor; now: Date }): Promise<TaxTable> {
  const parsed = TaxTableSchema.safeParse(table);
  if (!parsed.success) throw new SettingsError(firstIssue(parsed.error));
  for (const rule of parsed.data) {
    const bounds = rule.slabs.map((s) => s.upToPaise);
    if (bounds[bounds.length - 1] !== null) throw new SettingsError(`Rule "${rule.label}": the last price band must have no upper limit.`);
    for (let i = 1; i < bounds.length - 1; i++) {
      if ((bounds[i] ?? Infinity) <= (bounds[i - 1] ?? Infinity)) throw new SettingsError(`Rule "${rule.label}": price bands must rise.`);
    }
    if (bounds.slice(0, -1).includes(null)) throw new SettingsError(`Rule "${rule.label}": only the last price band may be open-ended.`);
  }
  if (!parsed.data.some((r) => r.hsnPrefix === '' && r.handmade === null)) {
    throw new SettingsError('Keep a rule for everything else (empty HSN prefix, handmade or not), so every product has a rate.');
  }
  // Two rules for the same goods would make the rate depend on their order in the table.
  const goods = new Set<string>();
  for (const rule of parsed.data) {
    const key = `${rule.hsnPrefix}|${String(rule.handmade)}`;
    if (goods.has(key)) throw new SettingsError(`Two rules cover the same goods (HSN prefix "${rule.hsnPrefix || 'everything else'}"): merge them into one.`);
    goods.add(key);
  }
  const ids = new Set(parsed.data.map((r) => r.id));
  if (ids.size !== parsed.data.length) throw new SettingsError('Two rules share an id.');
  return db.transaction('rw', [db.settings, db.audit, db.journalQueue], async () => {
    const [before, profile] = await Promise.all([getTaxTable(db), getStoreProfile(db)]);
    const row = { key: 'taxTable', value: parsed.data };
    await db.settings.put(row);
    const at = isoWithOffset(options.now, profile.timeZone);
    const entry = await appendAudit(db, { at, actorId: options.actor.id, action: 'settings.tax-table', detail: { before, after: parsed.data } });
    await queueJournal(db, 'settings', at, { settings: [row], audit: [entry] });
    return parsed.data;
  });
}

/**
 * The tourist currencies and their rates (display only: a sale stays in INR). Audited like
 * the other business settings: a rate decides what the tourist is told she pays.
 */
export async function updateTouristCurrencies(db: ChinarDb, settings: TouristCurrencySettings, options: { actor: Actor; now: Date }): Promise<TouristCurrencySettings> {
  const parsed = TouristCurrencySettingsSchema.safeParse(settings);
  if (!parsed.success) throw new SettingsError(firstIssue(parsed.error));
  return db.transaction('rw', [db.settings, db.audit, db.journalQueue], async () => {
    const [before, profile] = await Promise.all([getTouristCurrencies(db), getStoreProfile(db)]);
    const row = { key: TOURIST_CURRENCIES_KEY, value: parsed.data };
    await db.settings.put(row);
    const at = isoWithOffset(options.now, profile.timeZone);
    const entry = await appendAudit(db, { at, actorId: options.actor.id, action: 'settings.tourist-currencies', detail: { before, after: parsed.data } });
    await queueJournal(db, 'settings', at, { settings: [row], audit: [entry] });
    return parsed.data;
  });
}
