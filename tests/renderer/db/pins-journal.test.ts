import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { hashPin } from '../../../shared/hash';
import { rowsToRestore } from '../../../shared/journal';
import {
  approveAtCounter, artisanAtKeypad, DEMO_PINS, DEMO_SEED_KIND, openChinarDb, parseStoredPin, pinThrottleState, restoreJournalPage,
  saveArtisan, saveUser, signInAtKeypad, signInWithPin, type ChinarDb, type JournalQueueRow,
} from '../../../renderer/db';
import { freshStore, NOON_IN_SRINAGAR, openVersion2Store, sequentialIds } from './helpers';

/**
 * Every PIN write goes to the host's journal with the rows it wrote (issue 8), so that a
 * store rebuilt from the journal still signs its people in: hashed PINs, the store's PIN
 * salt, the keypads' wrong-PIN counts and the lockouts' audit entries.
 */
const at = (seconds: number) => new Date(NOON_IN_SRINAGAR.getTime() + seconds * 1000);

async function queued(db: ChinarDb): Promise<JournalQueueRow[]> {
  return db.journalQueue.orderBy('qseq').toArray();
}

/** The store's journal records as the host would hand them back, in order. */
async function journalOf(db: ChinarDb) {
  return (await queued(db)).map((r) => ({ seq: r.qseq!, data: r.data as Record<string, Record<string, unknown>[]> }));
}

describe('PIN writes in the journal', () => {
  it('puts the store\'s PIN salt in the demo seed\'s own record, and nowhere else', async () => {
    const { db } = await freshStore({ openDay: false });
    const records = await queued(db);
    expect(records.map((r) => r.kind)).toEqual([DEMO_SEED_KIND]);
    const salt = (await db.settings.get('pinSalt'))!.value;
    expect(records[0]!.data.settings).toContainEqual({ key: 'pinSalt', value: salt });
    expect(records[0]!.data.users!.map((u) => parseStoredPin(u.pinHash as string).kind)).toEqual(['pbkdf2', 'pbkdf2']);
  });

  it('journals a new staff PIN and an artisan\'s PIN as whole rows, with their audit entries', async () => {
    const { db, newId } = await freshStore();
    await db.journalQueue.clear();
    const actor = (await signInWithPin(db, DEMO_PINS.manager, NOON_IN_SRINAGAR))!;
    expect(await db.journalQueue.count()).toBe(0); // a PBKDF2 PIN signs in without writing
    const asif = await saveUser(db, { id: null, name: 'Asif', role: 'operator', active: true, pin: '2468' }, { actor, now: NOON_IN_SRINAGAR, newId });
    const haleema = (await db.artisans.get({ code: 'DEMO-01' }))!;
    const withPin = await saveArtisan(db, { ...haleema, pin: '4321' }, { actor, now: NOON_IN_SRINAGAR, newId });
    const [user, artisan] = await queued(db);
    expect(user).toMatchObject({ kind: 'users', data: { users: [asif] } });
    expect(user!.data.settings).toBeUndefined(); // the salt is there already
    expect(user!.data.audit!.map((a) => a.action)).toEqual(['user.create']);
    expect(artisan).toMatchObject({ kind: 'catalog', data: { artisans: [withPin] } });
  });

  it('journals a wrong PIN\'s count, the lockout with its audit entry, and the fresh count after a right PIN', async () => {
    const { db } = await freshStore();
    await db.journalQueue.clear();
    for (let i = 0; i < 5; i++) await signInAtKeypad(db, '0000', at(i));
    await signInAtKeypad(db, DEMO_PINS.operator, at(40));
    const records = await queued(db);
    expect(records.map((r) => r.kind)).toEqual(['pin', 'pin', 'pin', 'pin', 'pin', 'pin']);
    expect(records[0]!.data).toEqual({ settings: [{ key: 'pinThrottle:signin', value: { wrongInARow: 1, lockouts: 0, lockedUntilMs: null } }] });
    expect(records[4]!.data.settings).toEqual([{ key: 'pinThrottle:signin', value: { wrongInARow: 0, lockouts: 1, lockedUntilMs: at(34).getTime() } }]);
    expect(records[4]!.data.audit).toEqual([await db.audit.orderBy('seq').filter((e) => e.action === 'pin.lockout').first()]);
    expect(records[5]!.data).toEqual({ settings: [{ key: 'pinThrottle:signin', value: { wrongInARow: 0, lockouts: 0, lockedUntilMs: null } }] });
    // A locked keypad checks nothing and writes nothing.
    await db.journalQueue.clear();
    for (let i = 0; i < 5; i++) await approveAtCounter(db, '0000', at(50));
    const before = await db.journalQueue.count();
    expect(await approveAtCounter(db, DEMO_PINS.manager, at(51))).toMatchObject({ status: 'locked' });
    expect(await db.journalQueue.count()).toBe(before);
  });

  it('journals a legacy PIN\'s rehash with the salt the store makes for it', async () => {
    const factory = new IDBFactory();
    const old = await openVersion2Store(factory, 'legacy');
    await old.table('users').add({ id: 'u-1', name: 'Old Manager', role: 'manager', pinHash: hashPin('u-1', '2580'), active: true });
    await old.table('artisans').add({
      id: 'a-1', code: 'A-014', name: 'Shahnaz', craft: 'Sozni', cooperative: '', village: '', phone: '', gender: 'F',
      commissionBps: 1000, fairWageCertified: true, story: '', pinHash: hashPin('a-1', '3690'), active: true,
    });
    old.close();

    const db = await openChinarDb('legacy', { indexedDB: factory, IDBKeyRange });
    expect(await db.journalQueue.count()).toBe(0); // the version 30 upgrade only marks, and a bare hash reads the same
    expect((await signInAtKeypad(db, '2580', at(0))).status).toBe('ok');
    expect((await artisanAtKeypad(db, 'A-014', '3690', at(1))).status).toBe('ok');
    const [user, artisan] = await queued(db);
    const salt = (await db.settings.get('pinSalt'))!.value as string;
    expect(user).toMatchObject({ kind: 'users', data: { users: [await db.users.get('u-1')], settings: [{ key: 'pinSalt', value: salt }] } });
    expect(parseStoredPin(user!.data.users![0]!.pinHash as string)).toMatchObject({ kind: 'pbkdf2', salt });
    expect(artisan).toMatchObject({ kind: 'catalog', data: { artisans: [await db.artisans.get('a-1')] } });
    expect(await queued(db)).toHaveLength(2);
  });
});

describe('a store rebuilt from its journal', () => {
  it('signs everyone in with their PBKDF2 PINs under the same salt, and keeps a keypad\'s lock', async () => {
    const { db, newId } = await freshStore();
    const actor = (await signInWithPin(db, DEMO_PINS.manager, NOON_IN_SRINAGAR))!;
    await saveUser(db, { id: null, name: 'Asif', role: 'operator', active: true, pin: '2468' }, { actor, now: NOON_IN_SRINAGAR, newId });
    const haleema = (await db.artisans.get({ code: 'DEMO-01' }))!;
    await saveArtisan(db, { ...haleema, pin: '4321' }, { actor, now: NOON_IN_SRINAGAR, newId });
    for (let i = 0; i < 5; i++) await approveAtCounter(db, '0000', at(i));

    // The profile is lost; a new, empty store takes the journal's rows back.
    const rebuilt = await openChinarDb('rebuilt', { indexedDB: new IDBFactory(), IDBKeyRange });
    const records = await journalOf(db);
    await restoreJournalPage(rebuilt, rowsToRestore(records), { seq: records.length, hash: 'f'.repeat(64) });

    expect((await rebuilt.settings.get('pinSalt'))?.value).toBe((await db.settings.get('pinSalt'))!.value);
    expect(await rebuilt.users.toArray()).toEqual(await db.users.toArray());
    expect(await signInAtKeypad(rebuilt, DEMO_PINS.operator, at(10))).toMatchObject({ status: 'ok', who: { name: 'Demo Operator' } });
    expect(await signInAtKeypad(rebuilt, DEMO_PINS.manager, at(11))).toMatchObject({ status: 'ok', who: { role: 'manager' } });
    expect(await signInAtKeypad(rebuilt, '2468', at(12))).toMatchObject({ status: 'ok', who: { name: 'Asif' } });
    expect(await artisanAtKeypad(rebuilt, 'DEMO-01', '4321', at(13))).toMatchObject({ status: 'ok', who: { id: haleema.id } });
    expect(await signInAtKeypad(rebuilt, '0000', at(14))).toEqual({ status: 'wrong', triesLeft: 4 });
    // The approval keypad's lock came back with the store, and its lockout in the audit log.
    expect(await pinThrottleState(rebuilt, 'approval')).toEqual(await pinThrottleState(db, 'approval'));
    expect(await approveAtCounter(rebuilt, DEMO_PINS.manager, at(15))).toMatchObject({ status: 'locked' });
    expect((await rebuilt.audit.toArray()).filter((e) => e.action === 'pin.lockout')).toHaveLength(1);
    // A new staff PIN on the rebuilt store uses the salt it got back: no second salt.
    const boss = (await signInWithPin(rebuilt, DEMO_PINS.manager, at(16)))!;
    await saveUser(rebuilt, { id: null, name: 'Rafiq', role: 'operator', active: true, pin: '1357' }, { actor: boss, now: at(16), newId: sequentialIds('r') });
    expect(parseStoredPin((await rebuilt.users.filter((u) => u.name === 'Rafiq').first())!.pinHash)).toMatchObject({ salt: (await db.settings.get('pinSalt'))!.value });
  });
});

describe('the Dexie versions up to 42', () => {
  const V1 = {
    artisans: 'id, &code', products: 'id, &sku, &barcode, artisanId, *searchWords, stock', users: 'id, role',
    sales: 'id, &receiptNo, businessDate, originalSaleId, createdAt', saleLines: 'id, saleId, [businessDate+artisanId], productId',
    payments: 'id, saleId, businessDate', days: 'businessDate, status', audit: 'seq', settings: 'key', counters: 'key',
  };

  it('upgrade a store from version 1 (no carts, no journal queue) and from version 3 (records still queued)', async () => {
    const factory = new IDBFactory();
    const v1 = new Dexie('v1', { indexedDB: factory, IDBKeyRange });
    v1.version(1).stores(V1);
    await v1.open();
    await v1.table('users').add({ id: 'u-1', name: 'Old Manager', role: 'manager', pinHash: hashPin('u-1', '2580'), active: true });
    v1.close();
    const fromV1 = await openChinarDb('v1', { indexedDB: factory, IDBKeyRange });
    expect(fromV1.verno).toBe(42);
    expect((await fromV1.users.get('u-1'))!.pinHash).toBe(`sha256$${hashPin('u-1', '2580')}`);
    expect(await fromV1.carts.count()).toBe(0);
    expect(await fromV1.journalQueue.count()).toBe(0);
    expect((await signInAtKeypad(fromV1, '2580', at(0))).status).toBe('ok');
    fromV1.close();

    const v3 = new Dexie('v3', { indexedDB: factory, IDBKeyRange });
    v3.version(1).stores(V1);
    v3.version(2).stores({ carts: 'id, status' });
    v3.version(3).stores({ journalQueue: '++qseq, &id', receiptPrints: 'id' });
    await v3.open();
    const user = { id: 'u-2', name: 'Operator', role: 'operator', pinHash: hashPin('u-2', '1470'), active: true };
    await v3.table('users').add(user);
    await v3.table('journalQueue').add({ id: 'rec-1', kind: 'users', at: '2026-11-22T12:00:00+05:30', data: { users: [user] }, bytes: 300 });
    v3.close();
    const fromV3 = await openChinarDb('v3', { indexedDB: factory, IDBKeyRange });
    expect(fromV3.verno).toBe(42);
    // What was queued still goes to the host, first, with the bare hash it was written with:
    // a store rebuilt from it reads that as a legacy PIN too.
    expect(await queued(fromV3)).toEqual([expect.objectContaining({ qseq: 1, id: 'rec-1', data: { users: [user] } })]);
    expect(parseStoredPin(user.pinHash).kind).toBe('legacy');
    expect((await signInAtKeypad(fromV3, '1470', at(1))).status).toBe('ok');
    expect((await queued(fromV3)).map((r) => r.kind)).toEqual(['users', 'users']);
  });
});
