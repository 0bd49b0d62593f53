import { useLiveQuery } from 'dexie-react-hooks';
import type { UserEntity } from '../../shared/entities';
import {
  approveAtCounter, artisanAtKeypad, DEMO_PINS, isDemoData, pinThrottleState, signInAtKeypad, type PinAnswer, type SignedInArtisan,
} from '../db';
import { attempt, type Outcome } from './outcome';
import type { Station } from './station';

export { DEMO_PINS };
export type { PinAnswer, SignedInArtisan };

type Clock = () => Date;
const wallClock: Clock = () => new Date();

/** Signing in at the counter's keypad: the person whose PIN it is, a wrong PIN, or a locked keypad. */
export function signIn(station: Station, pin: string, now: Clock = wallClock): Promise<Outcome<PinAnswer<UserEntity>>> {
  return attempt(() => signInAtKeypad(station.db, pin, now()));
}

/** An artisan's code (typed or scanned from her card) and earnings PIN at the sign-in keypad. */
export function signInArtisan(station: Station, code: string, pin: string, now: Clock = wallClock): Promise<Outcome<PinAnswer<SignedInArtisan>>> {
  return attempt(() => artisanAtKeypad(station.db, code, pin, now()));
}

/** A manager's PIN in an approval dialog, throttled like the sign-in keypad (its own count). */
export function checkManagerPin(station: Station, pin: string, now: Clock = wallClock): Promise<Outcome<PinAnswer<UserEntity>>> {
  return attempt(() => approveAtCounter(station.db, pin, now()));
}

/**
 * A manager's PIN, typed at the counter to approve something: the manager, or null for any
 * other PIN. Throttled (checkManagerPin); a locked keypad is a refusal saying how long.
 */
export async function approveByManager(station: Station, pin: string, now: Clock = wallClock): Promise<Outcome<UserEntity | null>> {
  const outcome = await checkManagerPin(station, pin, now);
  if (outcome.status !== 'ok') return outcome;
  const answer = outcome.value;
  if (answer.status === 'ok') return { status: 'ok', value: answer.who };
  if (answer.status === 'wrong') return { status: 'ok', value: null };
  return { status: 'refused', message: `Too many wrong PINs. Try again in ${Math.ceil(answer.waitMs / 1000)} seconds.` };
}

/** The lock a keypad is under at `now` (a reload keeps it: it is in the store), or null. */
export function keypadLock(station: Station, place: 'signin' | 'approval', now: Clock = wallClock): Promise<Outcome<{ untilMs: number } | null>> {
  return attempt(async () => {
    const state = await pinThrottleState(station.db, place);
    return state.lockedUntilMs !== null && state.lockedUntilMs > now().getTime() ? { untilMs: state.lockedUntilMs } : null;
  });
}

/**
 * Whether the demo market is still in use (the sign-in screen then shows the demo PINs),
 * read live from the store: the first real catalog import retires it, and the PINs must go
 * at once, not at the next reload. Until the first read answers, what the Station read at start.
 */
export function useDemoData(station: Station): boolean {
  return useLiveQuery(() => isDemoData(station.db), [station.db], station.demo);
}
