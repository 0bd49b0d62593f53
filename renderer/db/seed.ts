import { parseRupees } from '../../shared/money';
import { isoWithOffset } from '../../shared/time';
import type { ArtisanEntity, ProductEntity, UserEntity } from '../../shared/entities';
import { DEFAULT_TAX_TABLE } from '../../shared/tax';
import { appendAudit } from './audit';
import { queueJournal } from './journal-queue';
import { productSearchWords } from './catalog';
import { DEMO_ARTISANS, DEMO_PINS, DEMO_PRODUCTS, DEMO_PROFILE } from './demo-data';
import type { NewId } from './ids';
import { claimStaffSalt, hashStaffPin, staffSaltToUse } from './pins';
import type { ChinarDb } from './schema';

/** The kind of the demo seed's journal record: a new kiosk may replace a journal holding only it (USB import). */
export const DEMO_SEED_KIND = 'seed';

/**
 * First run on an empty store: seed the demo market (artisans, products, one operator,
 * one manager) so a fresh install can sell at once. Does nothing once any user exists.
 * Returns true when it seeded.
 */
export async function seedDemoIfEmpty(db: ChinarDb, options: { now: Date; newId: NewId }): Promise<boolean> {
  if ((await db.users.count()) > 0) return false;
  // PBKDF2 is asynchronous (crypto.subtle): derived before the transaction, never inside it.
  // The store's PIN salt is made here and stored in the seed's own transaction (and record).
  const salt = await staffSaltToUse(db);
  const operatorPin = await hashStaffPin(salt, DEMO_PINS.operator);
  const managerPin = await hashStaffPin(salt, DEMO_PINS.manager);
  return db.transaction('rw', [db.users, db.artisans, db.products, db.settings, db.audit, db.journalQueue], async () => {
    if ((await db.users.count()) > 0) return false;
    const artisanIds = new Map<string, string>();
    const artisans: ArtisanEntity[] = DEMO_ARTISANS.map((a) => {
      const id = options.newId();
      artisanIds.set(a.code, id);
      return {
        id, code: a.code, name: a.name, craft: a.craft, cooperative: a.cooperative, village: a.village,
        phone: '', gender: a.gender, commissionBps: a.commissionBps, fairWageCertified: a.fairWage,
        story: a.story, pinHash: null, active: true,
      };
    });
    const products: ProductEntity[] = DEMO_PRODUCTS.map((p) => {
      const price = parseRupees(p.price);
      if (!price.ok) throw new Error(`Demo price for ${p.sku} ${price.reason}`);
      return {
        id: options.newId(), sku: p.sku, barcode: p.barcode, name: p.name,
        searchWords: productSearchWords(p.name, p.sku), artisanId: artisanIds.get(p.artisanCode)!,
        craft: p.craft, hsn: p.hsn, handmade: p.handmade, gstRateBpsOverride: p.gstRateBpsOverride,
        price: price.value, stock: p.stock, active: true,
      };
    });
    const operatorId = options.newId();
    const managerId = options.newId();
    const users: UserEntity[] = [
      { id: operatorId, name: 'Demo Operator', role: 'operator', pinHash: operatorPin, active: true },
      { id: managerId, name: 'Demo Manager', role: 'manager', pinHash: managerPin, active: true },
    ];
    await db.artisans.bulkAdd(artisans);
    await db.products.bulkAdd(products);
    await db.users.bulkAdd(users);
    const settings: { key: string; value: unknown }[] = [
      { key: 'storeProfile', value: DEMO_PROFILE },
      { key: 'taxTable', value: DEFAULT_TAX_TABLE },
      { key: 'demoData', value: true },
    ];
    await db.settings.bulkPut(settings);
    settings.push(...await claimStaffSalt(db, salt));
    const at = isoWithOffset(options.now, DEMO_PROFILE.timeZone);
    const entry = await appendAudit(db, {
      at, actorId: 'system', action: 'store.seed-demo',
      detail: { artisans: artisans.length, products: products.length },
    });
    // Journaled like any write: after a wiped profile, the people who sign in come back too.
    await queueJournal(db, DEMO_SEED_KIND, at, { artisans, products, users, settings, audit: [entry] });
    return true;
  });
}
