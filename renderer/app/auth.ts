import { useLiveQuery } from 'dexie-react-hooks';
import type { UserEntity } from '../../shared/entities';
import { approveAsManager, DEMO_PINS, isDemoData, signInWithPin } from '../db';
import { attempt, type Outcome } from './outcome';
import type { Station } from './station';

export { DEMO_PINS };

/** Signing in at the counter: the person whose PIN it is, or null for a PIN nobody has. */
export function signIn(station: Station, pin: string): Promise<Outcome<UserEntity | null>> {
  return attempt(() => signInWithPin(station.db, pin));
}

/** A manager's PIN, typed at the counter to approve something: the manager, or null for any other PIN. */
export function approveByManager(station: Station, pin: string): Promise<Outcome<UserEntity | null>> {
  return attempt(() => approveAsManager(station.db, pin));
}

/**
 * Whether the demo market is still in use (the sign-in screen then shows the demo PINs),
 * read live from the store: the first real catalog import retires it, and the PINs must go
 * at once, not at the next reload. Until the first read answers, what the Station read at start.
 */
export function useDemoData(station: Station): boolean {
  return useLiveQuery(() => isDemoData(station.db), [station.db], station.demo);
}
