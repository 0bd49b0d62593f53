import type { UserEntity } from '../../../shared/entities';
import { DEMO_PINS, signInWithPin } from '../../db';
import type { Station } from './station';

export { DEMO_PINS };

export function signIn(station: Station, pin: string): Promise<UserEntity | null> {
  return signInWithPin(station.db, pin);
}
