import type { UserEntity } from '../../shared/entities';
import { approveAsManager, DEMO_PINS, signInWithPin } from '../db';
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
