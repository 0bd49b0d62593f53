import { nextInStoreEan13, validateBarcode, type InStoreNumbering } from '../../shared/barcode';
import {
  artisansToCsv, webShopFeedCsv, catalogFromStore, parseCatalog, planImport, productsToCsv,
  type CatalogInput, type CatalogProblem, type CatalogSnapshot, type ImportPlan,
} from '../../shared/catalog';
import type { ArtisanEntity, ProductEntity, UserEntity } from '../../shared/entities';
import { isoWithOffset } from '../../shared/time';
import type { AuditEntry } from '../../shared/entities';
import { appendAudit } from './audit';
import { artisanIdsWithPhotos } from './artisan-photos';
import { queueJournal } from './journal-queue';
import { productSearchWords } from './catalog';
import type { NewId } from './ids';
import { claimStaffSalt, hashArtisanPin, hashStaffPin, pinCandidates, pinMatches, staffSaltToUse } from './pins';
import { StoreRefusal } from './refusal';
import type { ChinarDb } from './schema';
import { getStoreProfile, isDemoData, setDemoData } from './settings';
import { DEMO_CODE_PREFIX } from './demo-data';

/**
 * The manager's catalog operations: import and export, edits, stock adjustments.
 * Each is one transaction with its audit entry; nothing that has been sold is deleted,
 * it is deactivated.
 */
export class CatalogEditError extends StoreRefusal {}

export interface Actor { id: string; name: string }

/** This kiosk's in-store EAN-13 numbering: prefix 29, device number from the invoice series (K01 → 1). */
export function inStoreNumberingFor(invoiceSeries: string): InStoreNumbering {
  const digits = invoiceSeries.replace(/\D/g, '');
  return { prefix: 29, deviceNumber: digits === '' ? 0 : Number(digits.slice(-2)) };
}

export async function loadCatalogSnapshot(db: ChinarDb): Promise<CatalogSnapshot> {
  const [artisans, products] = await Promise.all([db.artisans.toArray(), db.products.toArray()]);
  return { artisans, products };
}

export type ImportOutcome = { ok: false; problems: CatalogProblem[] } | { ok: true; plan: ImportPlan };

async function planFrom(db: ChinarDb, files: CatalogInput, newId: NewId): Promise<ImportOutcome> {
  const [snapshot, profile] = await Promise.all([loadCatalogSnapshot(db), getStoreProfile(db)]);
  const parsed = parseCatalog(files, snapshot);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    plan: planImport(parsed, snapshot, {
      newId, searchWords: productSearchWords, inStoreNumbering: inStoreNumberingFor(profile.invoiceSeries),
    }),
  };
}

/** What an import would do (new / changed / unchanged), or every problem; writes nothing. */
export function previewCatalogImport(db: ChinarDb, files: CatalogInput, newId: NewId): Promise<ImportOutcome> {
  return db.transaction('r', [db.artisans, db.products, db.settings], () => planFrom(db, files, newId));
}

/**
 * Imports all or nothing: the files are checked again inside the write transaction (the
 * store may have changed since the preview), and any problem writes nothing.
 */
export async function applyCatalogImport(
  db: ChinarDb, files: CatalogInput, options: { actor: Actor; now: Date; newId: NewId },
): Promise<ImportOutcome> {
  return db.transaction('rw', [db.artisans, db.products, db.settings, db.audit, db.journalQueue], async () => {
    const outcome = await planFrom(db, files, options.newId);
    if (!outcome.ok) return outcome;
    const { plan } = outcome;
    const artisans = [...plan.artisans.create, ...plan.artisans.update.map((u) => u.after)];
    const products = [...plan.products.create, ...plan.products.update.map((u) => u.after)];
    await db.artisans.bulkPut(artisans);
    await db.products.bulkPut(products);
    const retired = await isDemoData(db) ? await retireDemoCatalog(db) : null;
    const profile = await getStoreProfile(db);
    const at = isoWithOffset(options.now, profile.timeZone);
    const entry = await appendAudit(db, { at, actorId: options.actor.id, action: 'catalog.import', detail: { ...plan.counts } });
    await queueJournal(db, 'catalog', at, {
      artisans: [...artisans, ...(retired?.artisans ?? [])],
      products: [...products, ...(retired?.products ?? [])],
      ...(retired ? { settings: [retired.setting] } : {}),
      audit: [entry],
    });
    return outcome;
  });
}

/**
 * The first real import ends the demo: demo artisans and products are deactivated (kept,
 * since demo sales may refer to them) and the sign-in screen stops showing demo PINs.
 */
async function retireDemoCatalog(db: ChinarDb): Promise<{ artisans: ArtisanEntity[]; products: ProductEntity[]; setting: { key: string; value: unknown } }> {
  await db.artisans.filter((a) => a.code.startsWith(DEMO_CODE_PREFIX)).modify({ active: false });
  await db.products.filter((p) => p.sku.startsWith(DEMO_CODE_PREFIX)).modify({ active: false });
  await setDemoData(db, false);
  // The journal takes whole rows, as they now are.
  const [artisans, products] = await Promise.all([
    db.artisans.filter((a) => a.code.startsWith(DEMO_CODE_PREFIX)).toArray(),
    db.products.filter((p) => p.sku.startsWith(DEMO_CODE_PREFIX)).toArray(),
  ]);
  return { artisans, products, setting: { key: 'demoData', value: false } };
}

export async function exportCatalog(db: ChinarDb): Promise<{ artisansCsv: string; productsCsv: string; webShopFeedCsv: string }> {
  const { snapshot, profile, withPhotos } = await db.transaction('r', [db.artisans, db.products, db.settings, db.artisanPhotos], async () => ({
    snapshot: await loadCatalogSnapshot(db), profile: await getStoreProfile(db), withPhotos: await artisanIdsWithPhotos(db),
  }));
  const rows = catalogFromStore(snapshot);
  return {
    artisansCsv: artisansToCsv(rows.artisans), productsCsv: productsToCsv(rows.products),
    webShopFeedCsv: webShopFeedCsv(snapshot.products, snapshot.artisans, { webShopStoryPattern: profile.webShopStoryPattern, artisansWithPhotos: withPhotos }),
  };
}

/**
 * The audit entry of a catalog change, and the change's journal record holding `rows` and
 * that entry (call inside the change's transaction, with audit and journalQueue in it).
 */
async function audit(
  db: ChinarDb, actor: Actor, now: Date, action: string, detail: Record<string, unknown>,
  kind: 'catalog' | 'stock' | 'users', rows: Record<string, readonly object[]>,
): Promise<AuditEntry> {
  const profile = await getStoreProfile(db);
  const at = isoWithOffset(now, profile.timeZone);
  const entry = await appendAudit(db, { at, actorId: actor.id, action, detail });
  await queueJournal(db, kind, at, { ...rows, audit: [entry] });
  return entry;
}

export type ArtisanDraft = Omit<ArtisanEntity, 'id' | 'pinHash'> & { id: string | null; pin: string | null };

/** Creates or updates an artisan; a new PIN replaces the old one, null keeps it. */
export async function saveArtisan(db: ChinarDb, draft: ArtisanDraft, options: { actor: Actor; now: Date; newId: NewId }): Promise<ArtisanEntity> {
  if (!/^[A-Za-z0-9-]{1,20}$/.test(draft.code)) throw new CatalogEditError('The artisan code may have letters, digits and "-" only (e.g. A-014).');
  if (draft.name.trim() === '') throw new CatalogEditError('Enter the artisan’s name.');
  if (!Number.isInteger(draft.commissionBps) || draft.commissionBps < 0 || draft.commissionBps > 10_000) {
    throw new CatalogEditError('Commission must be between 0% and 100%.');
  }
  if (draft.pin !== null && !/^\d{4,6}$/.test(draft.pin)) throw new CatalogEditError('An earnings PIN is 4 to 6 digits.');
  // Derived before the transaction: awaiting crypto.subtle inside it would let it commit half-way.
  const newPinHash = draft.pin !== null ? await hashArtisanPin(draft.pin) : null;
  return db.transaction('rw', [db.artisans, db.settings, db.audit, db.journalQueue], async () => {
    const clash = await db.artisans.get({ code: draft.code });
    if (clash && clash.id !== draft.id) throw new CatalogEditError(`Artisan code ${draft.code} already belongs to ${clash.name}.`);
    const existing = draft.id ? await db.artisans.get(draft.id) : undefined;
    const id = existing?.id ?? options.newId();
    const { pin, ...fields } = draft;
    const artisan: ArtisanEntity = {
      ...fields, id, name: draft.name.trim(),
      // Her own salt, inside the stored hash: renaming a code keeps the PIN working.
      pinHash: pin !== null ? newPinHash : existing?.pinHash ?? null,
    };
    await db.artisans.put(artisan);
    await audit(db, options.actor, options.now, existing ? 'artisan.update' : 'artisan.create', { artisanId: id, code: artisan.code, pinChanged: pin !== null }, 'catalog', { artisans: [artisan] });
    return artisan;
  });
}

export type ProductDraft = Omit<ProductEntity, 'id' | 'searchWords' | 'stock'> & { id: string | null; stock: number };

/**
 * Creates or updates a product. An empty barcode gets the next in-store EAN-13; a typed
 * one must be a valid EAN-13, UPC-A or Code 128 and not belong to another product.
 * Stock changes of an existing product go through adjustStock (with a reason), not here.
 */
export async function saveProduct(db: ChinarDb, draft: ProductDraft, options: { actor: Actor; now: Date; newId: NewId }): Promise<ProductEntity> {
  if (draft.sku.trim() === '') throw new CatalogEditError('Enter a SKU.');
  if (draft.name.trim() === '') throw new CatalogEditError('Enter the product name.');
  if (!/^\d{4,8}$/.test(draft.hsn)) throw new CatalogEditError('The HSN code is 4 to 8 digits.');
  if (!Number.isSafeInteger(draft.price) || draft.price <= 0) throw new CatalogEditError('Enter a price above zero.');
  if (!Number.isInteger(draft.stock) || draft.stock < 0) throw new CatalogEditError('Stock is a whole number, 0 or more.');
  if (draft.barcode !== '') {
    const check = validateBarcode(draft.barcode);
    if (!check.ok) throw new CatalogEditError(`Barcode ${draft.barcode} ${check.reason}.`);
  }
  return db.transaction('rw', [db.products, db.artisans, db.settings, db.audit, db.journalQueue], async () => {
    if (!(await db.artisans.get(draft.artisanId))) throw new CatalogEditError('Choose the artisan who made it.');
    const skuClash = await db.products.get({ sku: draft.sku.trim() });
    if (skuClash && skuClash.id !== draft.id) throw new CatalogEditError(`SKU ${draft.sku} is already used by ${skuClash.name}.`);
    const existing = draft.id ? await db.products.get(draft.id) : undefined;
    let barcode = draft.barcode;
    if (barcode === '') {
      const profile = await getStoreProfile(db);
      barcode = existing?.barcode || nextInStoreEan13(await db.products.orderBy('barcode').keys() as string[], inStoreNumberingFor(profile.invoiceSeries));
    }
    const barcodeClash = await db.products.get({ barcode });
    if (barcodeClash && barcodeClash.id !== draft.id) throw new CatalogEditError(`Barcode ${barcode} is already on ${barcodeClash.name} (${barcodeClash.sku}).`);
    const sku = draft.sku.trim();
    const product: ProductEntity = {
      ...draft, id: existing?.id ?? options.newId(), sku, barcode, name: draft.name.trim(),
      searchWords: productSearchWords(draft.name.trim(), sku),
      stock: existing ? existing.stock : draft.stock,
    };
    await db.products.put(product);
    await audit(db, options.actor, options.now, existing ? 'product.update' : 'product.create', { productId: product.id, sku, barcode, price: product.price }, 'catalog', { products: [product] });
    return product;
  });
}

/** Stock adjustments need a reason and go into the audit log. */
export async function adjustStock(
  db: ChinarDb, productId: string, delta: number, reason: string, options: { actor: Actor; now: Date },
): Promise<ProductEntity> {
  if (!Number.isInteger(delta) || delta === 0) throw new CatalogEditError('Enter how many pieces to add or remove.');
  if (reason.trim().length < 3) throw new CatalogEditError('Say why the stock changes (e.g. "counted shelf", "damaged").');
  return db.transaction('rw', [db.products, db.settings, db.audit, db.journalQueue], async () => {
    const product = await db.products.get(productId);
    if (!product) throw new CatalogEditError('That product is no longer in the catalog.');
    const updated = { ...product, stock: product.stock + delta };
    await db.products.put(updated);
    await audit(db, options.actor, options.now, 'stock.adjust', { productId, sku: product.sku, delta, before: product.stock, after: updated.stock, reason: reason.trim() }, 'stock', { products: [updated] });
    return updated;
  });
}

/** Deactivated records stay (sales refer to them) but cannot be sold or chosen. */
export async function setProductActive(db: ChinarDb, productId: string, active: boolean, options: { actor: Actor; now: Date }): Promise<void> {
  await db.transaction('rw', [db.products, db.settings, db.audit, db.journalQueue], async () => {
    await db.products.update(productId, { active });
    const product = await db.products.get(productId);
    await audit(db, options.actor, options.now, active ? 'product.activate' : 'product.deactivate', { productId }, 'catalog', { products: product ? [product] : [] });
  });
}

export async function setArtisanActive(db: ChinarDb, artisanId: string, active: boolean, options: { actor: Actor; now: Date }): Promise<void> {
  await db.transaction('rw', [db.artisans, db.settings, db.audit, db.journalQueue], async () => {
    await db.artisans.update(artisanId, { active });
    const artisan = await db.artisans.get(artisanId);
    await audit(db, options.actor, options.now, active ? 'artisan.activate' : 'artisan.deactivate', { artisanId }, 'catalog', { artisans: artisan ? [artisan] : [] });
  });
}

/** Every artisan by code, for the manager's list and pickers (a market has tens to hundreds). */
export async function listArtisans(db: ChinarDb): Promise<ArtisanEntity[]> {
  return db.artisans.orderBy('code').toArray();
}

/** Every user, active first then by name (a market has a handful). */
export async function listUsers(db: ChinarDb): Promise<UserEntity[]> {
  const users = await db.users.toArray();
  return users.sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
}

/** Products at or below `threshold` pieces, fewest first, via the stock index. */
export async function lowStockProducts(db: ChinarDb, threshold = 2, limit = 200): Promise<ProductEntity[]> {
  return db.products.where('stock').belowOrEqual(threshold).filter((p) => p.active).limit(limit).toArray();
}

/**
 * A page of products for the manager's list: by SKU order, or the search hits when a
 * query is given. Paging keeps the screen fast with 100,000 products.
 */
export async function productPage(db: ChinarDb, options: { offset: number; limit: number; artisanId?: string | null }): Promise<{ products: ProductEntity[]; total: number }> {
  return db.transaction('r', [db.products], async () => {
    if (options.artisanId) {
      const coll = db.products.where('artisanId').equals(options.artisanId);
      return { total: await coll.count(), products: await coll.offset(options.offset).limit(options.limit).toArray() };
    }
    return {
      total: await db.products.count(),
      products: await db.products.orderBy('sku').offset(options.offset).limit(options.limit).toArray(),
    };
  });
}

export type UserDraft = { id: string | null; name: string; role: UserEntity['role']; active: boolean; pin: string | null };

/** PINs sign people in on their own, so they must be unique among active users. */
export async function saveUser(db: ChinarDb, draft: UserDraft, options: { actor: Actor; now: Date; newId: NewId }): Promise<UserEntity> {
  if (draft.name.trim() === '') throw new CatalogEditError('Enter the person’s name.');
  if (draft.pin !== null && !/^\d{4,6}$/.test(draft.pin)) throw new CatalogEditError('A PIN is 4 to 6 digits.');
  // Derived before the transaction (crypto.subtle is asynchronous): the new hash, and the
  // PIN under every salt the others' hashes use, for the uniqueness check inside it.
  const pin = draft.pin;
  const salt = await staffSaltToUse(db);
  const newPinHash = pin !== null ? await hashStaffPin(salt, pin) : null;
  const candidates = pin !== null ? await pinCandidates(pin, [newPinHash, ...(await db.users.toArray()).map((u) => u.pinHash)]) : new Map<string, string>();
  return db.transaction('rw', [db.users, db.settings, db.audit, db.journalQueue], async () => {
    const existing = draft.id ? await db.users.get(draft.id) : undefined;
    if (!existing && draft.pin === null) throw new CatalogEditError('Give the new user a PIN.');
    const id = existing?.id ?? options.newId();
    const others = (await db.users.toArray()).filter((u) => u.id !== id && u.active);
    if (pin !== null && others.some((u) => pinMatches(u.pinHash, u.id, pin, candidates))) {
      throw new CatalogEditError('Another user already has that PIN. Choose a different one.');
    }
    if (existing?.role === 'manager' && (draft.role !== 'manager' || !draft.active) && !others.some((u) => u.role === 'manager')) {
      throw new CatalogEditError('Keep at least one active manager, or nobody can approve returns or close the day.');
    }
    const user: UserEntity = {
      id, name: draft.name.trim(), role: draft.role, active: draft.active,
      pinHash: newPinHash ?? existing!.pinHash,
    };
    // A first PIN under a new salt stores the salt with it, in the same journal record.
    const settings = newPinHash !== null ? await claimStaffSalt(db, salt) : [];
    await db.users.put(user);
    await audit(db, options.actor, options.now, existing ? 'user.update' : 'user.create', { userId: id, role: user.role, active: user.active, pinChanged: draft.pin !== null }, 'users', { users: [user], ...(settings.length > 0 ? { settings } : {}) });
    return user;
  });
}
