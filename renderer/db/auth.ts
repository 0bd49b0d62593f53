import { hashPin } from '../../shared/hash';
import type { UserEntity } from '../../shared/entities';
import type { ChinarDb } from './schema';

export const PIN_PATTERN = /^\d{4,6}$/;

/**
 * Sign-in with a PIN alone (the counter has no keyboard): PINs are unique among active
 * users, so the PIN says who it is. Returns null for a wrong PIN.
 */
export async function signInWithPin(db: ChinarDb, pin: string): Promise<UserEntity | null> {
  if (!PIN_PATTERN.test(pin)) return null;
  const users = await db.users.toArray();
  return users.find((u) => u.active && u.pinHash === hashPin(u.id, pin)) ?? null;
}

/** A manager's approval (discounts above the limit, voids, no-sale drawer opens). */
export async function approveAsManager(db: ChinarDb, pin: string): Promise<UserEntity | null> {
  const user = await signInWithPin(db, pin);
  return user?.role === 'manager' ? user : null;
}
