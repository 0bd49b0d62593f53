import type { ArtisanEntity, UserEntity } from '../../shared/entities';
import { hashPin } from '../../shared/hash';
import {
  afterWrongPin, FRESH_THROTTLE, parseThrottleState, throttleGate, type PinThrottleState,
} from '../../shared/pin-throttle';
import { isoWithOffset } from '../../shared/time';
import { appendAudit } from './audit';
import { queueJournal } from './journal-queue';
import { StoreRefusal } from './refusal';
import type { ChinarDb, SettingRow } from './schema';

/**
 * PINs at rest: PBKDF2-SHA256 through WebCrypto, stored as
 * `pbkdf2-sha256$<iterations>$<salt, base64url>$<hash, hex>`. A PIN has at most a million
 * values, so a fast hash of a copied store is reversed in a second; 150,000 iterations
 * make every guess cost what one sign-in costs.
 *
 * crypto.subtle is asynchronous, and awaiting anything but Dexie inside a Dexie
 * transaction lets IndexedDB commit the transaction half-way: every derivation here
 * happens BEFORE the transaction that stores or compares its result.
 *
 * Every write here (a new salt, a rehash, the wrong-PIN count, a lockout's audit entry)
 * queues its rows for the host's journal in its own transaction (journal-queue.ts), so a
 * store rebuilt from the journal still signs its people in and keeps its locks.
 *
 * The first PINs were SHA-256 of `chinar-pin:${id}:${pin}` (shared/hash.ts hashPin).
 * Dexie version 30 marks them `sha256$<hex>`; they still sign in, and the first right
 * PIN replaces the hash with PBKDF2.
 */
export const PIN_ITERATIONS = 150_000;
export const PIN_PATTERN = /^\d{4,6}$/;

const PBKDF2 = 'pbkdf2-sha256';
const LEGACY = 'sha256';
const STAFF_SALT_KEY = 'pinSalt';

export type StoredPin =
  | { kind: 'pbkdf2'; iterations: number; salt: string; hash: string }
  | { kind: 'legacy'; hex: string }
  | { kind: 'none' };

const HEX64 = /^[0-9a-f]{64}$/;

export function parseStoredPin(stored: string | null | undefined): StoredPin {
  if (!stored) return { kind: 'none' };
  const parts = stored.split('$');
  if (parts[0] === PBKDF2 && parts.length === 4) {
    const iterations = Number(parts[1]);
    if (Number.isSafeInteger(iterations) && iterations > 0 && parts[2] && parts[3]) return { kind: 'pbkdf2', iterations, salt: parts[2], hash: parts[3] };
  }
  if (parts[0] === LEGACY && parts.length === 2 && HEX64.test(parts[1]!)) return { kind: 'legacy', hex: parts[1]! };
  // A bare SHA-256 (a store that has not run the version 30 upgrade yet).
  if (HEX64.test(stored)) return { kind: 'legacy', hex: stored };
  return { kind: 'none' };
}

/** What the version 30 upgrade writes for a bare SHA-256 PIN hash (anything else is left as it is). */
export function markLegacyPin<T extends string | null>(stored: T): T | string {
  return typeof stored === 'string' && HEX64.test(stored) ? `${LEGACY}$${stored}` : stored;
}

export function isLegacyPin(stored: string | null | undefined): boolean {
  return parseStoredPin(stored).kind === 'legacy';
}

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 16 random bytes (crypto.getRandomValues is synchronous: safe anywhere). */
export function newPinSalt(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(16)));
}

/** The stored form of `pin` under `salt`. Asynchronous: never call it inside a transaction. */
export async function derivePin(pin: string, salt: string, iterations = PIN_ITERATIONS): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: new TextEncoder().encode(salt), iterations }, key, 256);
  let hex = '';
  for (const b of new Uint8Array(bits)) hex += b.toString(16).padStart(2, '0');
  return `${PBKDF2}$${iterations}$${salt}$${hex}`;
}

/** Equal strings, in time that does not depend on where they first differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * The store's PIN salt for staff (kept in settings as `pinSalt`). Staff sign in by PIN
 * alone, so the PIN must be checked against every active user: with a salt per user that
 * is one 150,000-round derivation per user (50 users: seconds); with one salt per store it
 * is one derivation per attempt, compared with every hash. Each store still has its own
 * salt, so one table of PIN hashes does not open every kiosk.
 *
 * Reading it writes nothing: a store without one gets a fresh salt here, and the first
 * write that stores a hash under it stores the salt too (`claimStaffSalt`), in the same
 * transaction and the same journal record, so the journal never holds a hash without its salt.
 */
export interface StaffSalt { salt: string; stored: boolean }

export async function staffSaltToUse(db: ChinarDb): Promise<StaffSalt> {
  const row = await db.settings.get(STAFF_SALT_KEY);
  return typeof row?.value === 'string' ? { salt: row.value, stored: true } : { salt: newPinSalt(), stored: false };
}

/** Another write stored a different salt first (two first PINs at once): nothing was saved. */
export class PinSaltChangedError extends StoreRefusal {
  constructor() {
    super('Another PIN was being saved at the same moment. Nothing was saved: save again.');
  }
}

/**
 * Inside the transaction that stores a hash made under `salt` (with settings in its
 * tables): stores the salt if the store has none yet and answers the settings rows to
 * journal with the write ([] when it was there already).
 */
export async function claimStaffSalt(db: ChinarDb, salt: StaffSalt): Promise<SettingRow[]> {
  const now = await db.settings.get(STAFF_SALT_KEY);
  if (typeof now?.value === 'string') {
    if (now.value === salt.salt) return [];
    throw new PinSaltChangedError();
  }
  const row: SettingRow = { key: STAFF_SALT_KEY, value: salt.salt };
  await db.settings.put(row);
  return [row];
}

/** A staff member's new PIN as stored under `salt` (derive outside the transaction that saves it). */
export function hashStaffPin(salt: StaffSalt, pin: string): Promise<string> {
  return derivePin(pin, salt.salt);
}

/** The market's time zone, for the times PIN writes are journaled and audited at (Asia/Kolkata until a profile says otherwise). */
async function marketZone(db: ChinarDb): Promise<string> {
  const zone = (await db.settings.get('storeProfile'))?.value as { timeZone?: unknown } | undefined;
  return typeof zone?.timeZone === 'string' ? zone.timeZone : 'Asia/Kolkata';
}

async function stamp(db: ChinarDb, now: Date): Promise<string> {
  return isoWithOffset(now, await marketZone(db));
}

/** An artisan's new earnings PIN as stored: her own salt (she signs in with code + PIN: one derivation). */
export function hashArtisanPin(pin: string): Promise<string> {
  return derivePin(pin, newPinSalt());
}

/**
 * The derivations of `pin` under every (salt, iterations) the stored hashes use: one for
 * a store whose staff hashes all use its salt. Compare synchronously with `pinMatches`.
 */
export type PinCandidates = ReadonlyMap<string, string>;

const candidateKey = (iterations: number, salt: string) => `${iterations}$${salt}`;

export async function pinCandidates(pin: string, stored: readonly (string | null)[]): Promise<PinCandidates> {
  const wanted = new Map<string, { iterations: number; salt: string }>();
  for (const s of stored) {
    const p = parseStoredPin(s);
    if (p.kind === 'pbkdf2') wanted.set(candidateKey(p.iterations, p.salt), p);
  }
  const out = new Map<string, string>();
  for (const [key, { iterations, salt }] of wanted) out.set(key, await derivePin(pin, salt, iterations));
  return out;
}

/** Whether `stored` (the owner's) is `pin`: synchronous, so it may run inside a transaction. */
export function pinMatches(stored: string | null, ownerId: string, pin: string, candidates: PinCandidates): boolean {
  const p = parseStoredPin(stored);
  if (p.kind === 'pbkdf2') {
    const c = candidates.get(candidateKey(p.iterations, p.salt));
    return c !== undefined && sameText(c, stored!);
  }
  if (p.kind === 'legacy') return sameText(p.hex, hashPin(ownerId, pin));
  return false;
}

/**
 * The active user whose PIN this is, or null. Unthrottled: the keypads go through
 * `signInAtKeypad` / `approveAtCounter`. A legacy hash that matches is replaced with PBKDF2
 * under the store salt (journaled; `now` stamps that record).
 */
export async function identifyStaff(db: ChinarDb, pin: string, now: Date): Promise<UserEntity | null> {
  if (!PIN_PATTERN.test(pin)) return null;
  const active = (await db.users.toArray()).filter((u) => u.active);
  const salt = await staffSaltToUse(db);
  const storeKey = candidateKey(PIN_ITERATIONS, salt.salt);
  const candidates = new Map(await pinCandidates(pin, active.map((u) => u.pinHash)));
  const user = active.find((u) => pinMatches(u.pinHash, u.id, pin, candidates));
  if (!user) return null;
  if (parseStoredPin(user.pinHash).kind !== 'legacy') return user;
  if (!candidates.has(storeKey)) candidates.set(storeKey, await derivePin(pin, salt.salt));
  const pinHash = candidates.get(storeKey)!;
  const at = await stamp(db, now);
  try {
    return await db.transaction('rw', [db.users, db.settings, db.journalQueue], async () => {
      const current = await db.users.get(user.id);
      // Only if nobody changed the PIN meanwhile.
      if (!current || current.pinHash !== user.pinHash) return user;
      const settings = await claimStaffSalt(db, salt);
      const rehashed: UserEntity = { ...current, pinHash };
      await db.users.put(rehashed);
      await queueJournal(db, 'users', at, { users: [rehashed], ...(settings.length > 0 ? { settings } : {}) });
      return rehashed;
    });
  } catch (error) {
    // A salt stored meanwhile: the legacy PIN stays, and the next sign-in rehashes it.
    if (error instanceof PinSaltChangedError) return user;
    throw error;
  }
}

/** Where a PIN is typed: each keypad counts its own wrong PINs. */
export type PinPlace = 'signin' | 'approval';

const throttleKey = (place: PinPlace) => `pinThrottle:${place}`;

export async function pinThrottleState(db: ChinarDb, place: PinPlace): Promise<PinThrottleState> {
  return parseThrottleState((await db.settings.get(throttleKey(place)))?.value);
}

export type PinAnswer<T> =
  | { status: 'ok'; who: T }
  | { status: 'wrong'; triesLeft: number }
  /** Too many wrong PINs: the keypad takes none until `untilMs` (epoch ms). */
  | { status: 'locked'; untilMs: number; waitMs: number };

async function recordWrong(db: ChinarDb, place: PinPlace, now: Date): Promise<PinAnswer<never>> {
  const timeZone = await marketZone(db);
  const at = isoWithOffset(now, timeZone);
  return db.transaction('rw', [db.settings, db.audit, db.journalQueue], async () => {
    const result = afterWrongPin(await pinThrottleState(db, place), now.getTime());
    const row: SettingRow = { key: throttleKey(place), value: result.state };
    await db.settings.put(row);
    if (!result.lock) {
      await queueJournal(db, 'pin', at, { settings: [row] });
      return { status: 'wrong', triesLeft: result.triesLeft };
    }
    const entry = await appendAudit(db, {
      at, actorId: 'system', action: 'pin.lockout',
      detail: { place, lockout: result.lock.nth, seconds: result.lock.durationMs / 1000, until: isoWithOffset(new Date(result.lock.untilMs), timeZone) },
    });
    await queueJournal(db, 'pin', at, { settings: [row], audit: [entry] });
    return { status: 'locked', untilMs: result.lock.untilMs, waitMs: result.lock.durationMs };
  });
}

async function recordRight(db: ChinarDb, place: PinPlace, now: Date): Promise<void> {
  const state = await pinThrottleState(db, place);
  if (state.wrongInARow === 0 && state.lockouts === 0 && state.lockedUntilMs === null) return;
  const at = await stamp(db, now);
  await db.transaction('rw', [db.settings, db.journalQueue], async () => {
    const row: SettingRow = { key: throttleKey(place), value: FRESH_THROTTLE };
    await db.settings.put(row);
    await queueJournal(db, 'pin', at, { settings: [row] });
  });
}

/**
 * A PIN typed at a keypad, throttled: while locked, no PIN is even checked; a PIN that
 * `check` does not accept counts as wrong; an accepted one clears the count.
 */
export async function throttledPin<T>(db: ChinarDb, place: PinPlace, now: Date, check: () => Promise<T | null>): Promise<PinAnswer<T>> {
  const gate = throttleGate(await pinThrottleState(db, place), now.getTime());
  if (gate.status === 'locked') return gate;
  const who = await check();
  if (who === null) return recordWrong(db, place, now);
  await recordRight(db, place, now);
  return { status: 'ok', who };
}

/** Sign-in by PIN at the sign-in keypad. */
export function signInAtKeypad(db: ChinarDb, pin: string, now: Date): Promise<PinAnswer<UserEntity>> {
  return throttledPin(db, 'signin', now, () => identifyStaff(db, pin, now));
}

/** A manager's PIN in an approval dialog: any other PIN (an operator's too) counts as wrong. */
export function approveAtCounter(db: ChinarDb, pin: string, now: Date): Promise<PinAnswer<UserEntity>> {
  return throttledPin(db, 'approval', now, async () => {
    const user = await identifyStaff(db, pin, now);
    return user?.role === 'manager' ? user : null;
  });
}

/** Who signed in to see her earnings: her id is all the earnings service takes. */
export type SignedInArtisan = Pick<ArtisanEntity, 'id' | 'code' | 'name'>;

/**
 * The artisan an entry at the sign-in screen names: her code as printed or scanned
 * ("DEMO-01", any case), or just its number on the on-screen keypad ("1", "01"), when
 * exactly one active artisan's code ends in that number.
 */
export function artisanForCodeEntry<A extends Pick<ArtisanEntity, 'code' | 'active'>>(artisans: readonly A[], entry: string): A | null {
  const typed = entry.trim().toUpperCase();
  if (typed === '') return null;
  const active = artisans.filter((a) => a.active);
  const exact = active.find((a) => a.code.toUpperCase() === typed);
  if (exact) return exact;
  if (!/^\d+$/.test(typed)) return null;
  const n = Number(typed);
  const byNumber = active.filter((a) => {
    const m = /(\d+)$/.exec(a.code);
    return m !== null && Number(m[1]) === n;
  });
  return byNumber.length === 1 ? byNumber[0]! : null;
}

/**
 * The artisan whose code and earnings PIN these are, or null. Unthrottled (see
 * `artisanAtKeypad`). A legacy hash that matches is replaced with PBKDF2 (journaled; `now`
 * stamps that record).
 */
export async function identifyArtisan(db: ChinarDb, codeEntry: string, pin: string, now: Date): Promise<SignedInArtisan | null> {
  if (!PIN_PATTERN.test(pin)) return null;
  const artisan = artisanForCodeEntry(await db.artisans.toArray(), codeEntry);
  if (!artisan?.pinHash) return null;
  const stored = artisan.pinHash;
  const candidates = await pinCandidates(pin, [stored]);
  if (!pinMatches(stored, artisan.id, pin, candidates)) return null;
  if (isLegacyPin(stored)) {
    const pinHash = await hashArtisanPin(pin);
    const at = await stamp(db, now);
    await db.transaction('rw', [db.artisans, db.journalQueue], async () => {
      const current = await db.artisans.get(artisan.id);
      // Only if nobody changed the PIN meanwhile.
      if (!current || current.pinHash !== stored) return;
      const rehashed: ArtisanEntity = { ...current, pinHash };
      await db.artisans.put(rehashed);
      await queueJournal(db, 'catalog', at, { artisans: [rehashed] });
    });
  }
  return { id: artisan.id, code: artisan.code, name: artisan.name };
}

/** An artisan's code + PIN at the sign-in keypad (the same keypad, so the same count of wrong PINs). */
export function artisanAtKeypad(db: ChinarDb, codeEntry: string, pin: string, now: Date): Promise<PinAnswer<SignedInArtisan>> {
  return throttledPin(db, 'signin', now, () => identifyArtisan(db, codeEntry, pin, now));
}
