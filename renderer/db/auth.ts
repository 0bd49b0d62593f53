import type { UserEntity } from '../../shared/entities';
import { identifyStaff, PIN_PATTERN } from './pins';
import type { ChinarDb } from './schema';

export { PIN_PATTERN };

/**
 * Who a PIN is (the counter has no keyboard): PINs are unique among active users, so the
 * PIN says who it is. Returns null for a wrong PIN. NOT throttled, so no keypad may use
 * it: the sign-in keypad uses `signInAtKeypad` and every approval dialog (through
 * useManagerApproval) `approveAtCounter` (pins.ts), which count wrong PINs. It is here for
 * tests, benches and tools; `now` only stamps the journal record of a legacy PIN's rehash.
 */
export function signInWithPin(db: ChinarDb, pin: string, now: Date = new Date()): Promise<UserEntity | null> {
  return identifyStaff(db, pin, now);
}
