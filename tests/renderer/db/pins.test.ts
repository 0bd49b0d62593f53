import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { hashPin } from '../../../shared/hash';
import type { UserEntity } from '../../../shared/entities';
import {
  approveAtCounter, artisanAtKeypad, DEMO_PINS, derivePin, identifyArtisan, openChinarDb, parseStoredPin, PIN_ITERATIONS,
  pinThrottleState, saveArtisan, saveUser, signInAtKeypad, signInWithPin, type ChinarDb,
} from '../../../renderer/db';
import { freshStore, NOON_IN_SRINAGAR, openVersion2Store, sequentialIds } from './helpers';

const at = (seconds: number) => new Date(NOON_IN_SRINAGAR.getTime() + seconds * 1000);

async function managerOf(db: ChinarDb): Promise<UserEntity> {
  return (await signInWithPin(db, DEMO_PINS.manager))!;
}

describe('PIN hashing', () => {
  it('stores PBKDF2-SHA256 with at least 100,000 iterations, salted', async () => {
    const { db } = await freshStore();
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(100_000);
    const users = await db.users.toArray();
    for (const u of users) {
      const p = parseStoredPin(u.pinHash);
      expect(p).toMatchObject({ kind: 'pbkdf2', iterations: PIN_ITERATIONS });
    }
    // Staff share the store's salt (one derivation per sign-in), so the same PIN would
    // hash the same: the hash must still differ between two PINs and two salts.
    expect(await derivePin('1234', 'salt-a')).not.toBe(await derivePin('1234', 'salt-b'));
    expect(await derivePin('1234', 'salt-a')).not.toBe(await derivePin('1235', 'salt-a'));
    expect(await derivePin('1234', 'salt-a')).toBe(await derivePin('1234', 'salt-a'));
    expect(users.some((u) => u.pinHash.includes(DEMO_PINS.manager))).toBe(false);
  });

  it('gives each store its own salt', async () => {
    const a = await freshStore();
    const b = await freshStore();
    const salt = async (db: ChinarDb) => (await db.settings.get('pinSalt'))?.value;
    expect(await salt(a.db)).toEqual(expect.any(String));
    expect(await salt(a.db)).not.toBe(await salt(b.db));
  });

  it('signs in by PIN alone and refuses other PINs', async () => {
    const { db } = await freshStore();
    expect((await signInWithPin(db, DEMO_PINS.operator))?.role).toBe('operator');
    expect(await signInWithPin(db, '0000')).toBeNull();
    expect(await signInWithPin(db, '12')).toBeNull();
  });

  it('keeps new staff PINs unique and artisans on a salt of their own', async () => {
    const { db, newId } = await freshStore();
    const actor = await managerOf(db);
    await expect(saveUser(db, { id: null, name: 'Copycat', role: 'operator', active: true, pin: DEMO_PINS.operator }, { actor, now: NOON_IN_SRINAGAR, newId }))
      .rejects.toThrow(/already has that PIN/);
    const haleema = (await db.artisans.get({ code: 'DEMO-01' }))!;
    const shazia = (await db.artisans.get({ code: 'DEMO-02' }))!;
    await saveArtisan(db, { ...haleema, pin: '4321' }, { actor, now: NOON_IN_SRINAGAR, newId });
    await saveArtisan(db, { ...shazia, pin: '4321' }, { actor, now: NOON_IN_SRINAGAR, newId });
    const [h, s] = [parseStoredPin((await db.artisans.get(haleema.id))!.pinHash), parseStoredPin((await db.artisans.get(shazia.id))!.pinHash)];
    expect(h.kind).toBe('pbkdf2');
    expect(h.kind === 'pbkdf2' && s.kind === 'pbkdf2' && h.salt !== s.salt && h.hash !== s.hash).toBe(true);
    expect(await identifyArtisan(db, 'DEMO-01', '4321', NOON_IN_SRINAGAR)).toEqual({ id: haleema.id, code: 'DEMO-01', name: haleema.name });
    expect((await identifyArtisan(db, 'demo-02', '4321', NOON_IN_SRINAGAR))?.id).toBe(shazia.id);
    // The number alone, as typed on the numeric keypad.
    expect((await identifyArtisan(db, '1', '4321', NOON_IN_SRINAGAR))?.id).toBe(haleema.id);
    expect(await identifyArtisan(db, 'DEMO-01', '4322', NOON_IN_SRINAGAR)).toBeNull();
    // No PIN set yet: no sign-in at all.
    expect(await identifyArtisan(db, 'DEMO-03', '4321', NOON_IN_SRINAGAR)).toBeNull();
  });
});

describe('legacy SHA-256 PINs (Dexie version 30)', () => {
  it('marks them legacy without losing them, accepts them and rehashes on the next sign-in', async () => {
    const factory = new IDBFactory();
    // A store as version 2 left it: PINs as bare SHA-256 of `chinar-pin:${id}:${pin}`.
    const old = await openVersion2Store(factory, 'legacy');
    await old.table('users').bulkAdd([
      { id: 'u-1', name: 'Old Manager', role: 'manager', pinHash: hashPin('u-1', '2580'), active: true },
      { id: 'u-2', name: 'Old Operator', role: 'operator', pinHash: hashPin('u-2', '1470'), active: true },
    ]);
    await old.table('artisans').add({
      id: 'a-1', code: 'A-014', name: 'Shahnaz', craft: 'Sozni', cooperative: '', village: '', phone: '', gender: 'F',
      commissionBps: 1000, fairWageCertified: true, story: '', pinHash: hashPin('a-1', '3690'), active: true,
    });
    old.close();

    const db = await openChinarDb('legacy', { indexedDB: factory, IDBKeyRange });
    expect(db.verno).toBe(42);
    expect((await db.users.get('u-1'))!.pinHash).toBe(`sha256$${hashPin('u-1', '2580')}`);
    expect((await db.artisans.get('a-1'))!.pinHash).toBe(`sha256$${hashPin('a-1', '3690')}`);

    expect((await signInWithPin(db, '2580'))?.id).toBe('u-1');
    expect(parseStoredPin((await db.users.get('u-1'))!.pinHash)).toMatchObject({ kind: 'pbkdf2', iterations: PIN_ITERATIONS });
    // The other user is untouched until she signs in, and still can.
    expect((await db.users.get('u-2'))!.pinHash).toMatch(/^sha256\$/);
    expect((await signInWithPin(db, '1470'))?.id).toBe('u-2');
    expect((await signInWithPin(db, '2580'))?.id).toBe('u-1');
    expect(await signInWithPin(db, '2581')).toBeNull();

    expect((await identifyArtisan(db, 'A-014', '3690', NOON_IN_SRINAGAR))?.id).toBe('a-1');
    expect(parseStoredPin((await db.artisans.get('a-1'))!.pinHash).kind).toBe('pbkdf2');
    expect((await identifyArtisan(db, '14', '3690', NOON_IN_SRINAGAR))?.id).toBe('a-1');
  });
});

describe('wrong PINs at the keypad', () => {
  it('locks after 5 wrong in a row for 30 s, audited, and a right PIN then starts afresh', async () => {
    const { db } = await freshStore();
    for (let i = 0; i < 4; i++) expect(await signInAtKeypad(db, '0000', at(i))).toEqual({ status: 'wrong', triesLeft: 4 - i });
    expect(await signInAtKeypad(db, '0000', at(4))).toEqual({ status: 'locked', untilMs: at(34).getTime(), waitMs: 30_000 });
    // Locked: even the right PIN is not checked.
    expect(await signInAtKeypad(db, DEMO_PINS.operator, at(20))).toMatchObject({ status: 'locked', waitMs: 14_000 });
    const lockouts = (await db.audit.toArray()).filter((e) => e.action === 'pin.lockout');
    expect(lockouts).toHaveLength(1);
    expect(lockouts[0]!.detail).toMatchObject({ place: 'signin', lockout: 1, seconds: 30 });

    expect(await signInAtKeypad(db, DEMO_PINS.operator, at(34))).toMatchObject({ status: 'ok', who: { role: 'operator' } });
    expect(await pinThrottleState(db, 'signin')).toEqual({ wrongInARow: 0, lockouts: 0, lockedUntilMs: null });
  });

  it('doubles the lock on each further five wrong PINs', async () => {
    const { db } = await freshStore();
    let t = 0;
    const waits: number[] = [];
    for (let lock = 0; lock < 3; lock++) {
      for (let i = 0; i < 5; i++) {
        const answer = await signInAtKeypad(db, '0000', at(t));
        if (answer.status === 'locked') { waits.push(answer.waitMs); t += answer.waitMs / 1000; }
      }
    }
    expect(waits).toEqual([30_000, 60_000, 120_000]);
    expect((await db.audit.toArray()).filter((e) => e.action === 'pin.lockout').map((e) => e.detail.seconds)).toEqual([30, 60, 120]);
  });

  it('keeps the lock in the store: reopening it does not reset the count', async () => {
    const { db, factory } = await freshStore();
    for (let i = 0; i < 5; i++) await signInAtKeypad(db, '0000', at(0));
    db.close();
    const again = await openChinarDb('test', { indexedDB: factory, IDBKeyRange });
    expect(await signInAtKeypad(again, DEMO_PINS.manager, at(10))).toMatchObject({ status: 'locked', waitMs: 20_000 });
  });

  it('counts approvals on their own, and an operator PIN there is wrong', async () => {
    const { db } = await freshStore();
    for (let i = 0; i < 4; i++) expect((await approveAtCounter(db, DEMO_PINS.operator, at(i))).status).toBe('wrong');
    expect((await approveAtCounter(db, '0000', at(5))).status).toBe('locked');
    // The sign-in keypad is not locked by the approval dialog's count.
    expect((await signInAtKeypad(db, DEMO_PINS.operator, at(6))).status).toBe('ok');
    expect((await approveAtCounter(db, DEMO_PINS.manager, at(36))).status).toBe('ok');
  });

  it('counts an artisan’s wrong code or PIN at the sign-in keypad', async () => {
    const { db } = await freshStore();
    const actor = (await signInWithPin(db, DEMO_PINS.manager))!;
    const haleema = (await db.artisans.get({ code: 'DEMO-01' }))!;
    await saveArtisan(db, { ...haleema, pin: '4321' }, { actor, now: NOON_IN_SRINAGAR, newId: sequentialIds('x') });
    for (let i = 0; i < 4; i++) expect((await artisanAtKeypad(db, i % 2 ? 'NOBODY' : 'DEMO-01', '1234', at(i))).status).toBe('wrong');
    expect((await artisanAtKeypad(db, 'DEMO-01', '9999', at(4))).status).toBe('locked');
    expect((await artisanAtKeypad(db, 'DEMO-01', '4321', at(5))).status).toBe('locked');
    expect(await artisanAtKeypad(db, 'DEMO-01', '4321', at(35))).toEqual({ status: 'ok', who: { id: haleema.id, code: 'DEMO-01', name: haleema.name } });
  });
});
