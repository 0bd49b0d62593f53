import type { UserEntity } from '../../shared/entities';
import { identifyStaff, PIN_PATTERN } from './pins';
import type { ChinarDb } from './schema';

export { PIN_PATTERN };

/**
 * Sign-in with a PIN alone (the counter has no keyboard): PINs are unique among active
 * users, so the PIN says who it is. Returns null for a wrong PIN. Not throttled: the
 * keypads use `signInAtKeypad` / `approveAtCounter` (pins.ts), which count wrong PINs.
 */
export function signInWithPin(db: ChinarDb, pin: string): Promise<UserEntity | null> {
  return identifyStaff(db, pin);
}

/** A manager's approval (discounts above the limit, voids, no-sale drawer opens). */
export async function approveAsManager(db: ChinarDb, pin: string): Promise<UserEntity | null> {
  const user = await signInWithPin(db, pin);
  return user?.role === 'manager' ? user : null;
}
