import type { HostApi } from '../../../shared/contract';
import type { UserEntity } from '../../../shared/entities';
import { approveAsManager, recordNoSale } from '../../db';
import { messageOf } from './boot';
import type { Station } from './station';

/** A manager's PIN, typed at the counter to approve something: the manager, or null for any other PIN. */
export function checkManagerPin(station: Station, pin: string): Promise<UserEntity | null> {
  return approveAsManager(station.db, pin);
}

export type DrawerOutcome =
  | { status: 'opened'; target: string }
  /** `message` is the host's, in the operator's words ("The receipt printer at … did not answer."). */
  | { status: 'drawer-failed'; message: string };

export type NoSaleResult =
  | DrawerOutcome & { manager: UserEntity }
  /** The PIN is not an active manager's: nothing was recorded or opened. */
  | { status: 'wrong-pin' }
  /** The approval could not be written: the drawer was not asked to open. */
  | { status: 'not-recorded'; message: string };

/**
 * A no-sale drawer open, approved by a manager's PIN. It is written to the audit chain
 * BEFORE the drawer is kicked: cash must never be reachable without a record of who let
 * it be, so a drawer that then fails to open leaves a record too many, never one too few.
 * `reason` is stored as given (a short code, or "other: …" with the operator's words).
 */
export async function openDrawerNoSale(
  station: Station,
  request: { operator: UserEntity; pin: string; reason: string; now?: Date },
): Promise<NoSaleResult> {
  let manager: UserEntity | null;
  try {
    manager = await checkManagerPin(station, request.pin);
    if (!manager) return { status: 'wrong-pin' };
    await recordNoSale(station.db, {
      operatorId: request.operator.id, managerId: manager.id, now: request.now ?? new Date(),
      timeZone: station.profile.timeZone, reason: request.reason,
    });
  } catch (error) {
    return { status: 'not-recorded', message: messageOf(error) };
  }
  return { ...(await kickDrawer(station.host)), manager };
}

/** Sends the drawer kick to the receipt printer. Never throws. Also used to retry after a printer fault. */
export async function kickDrawer(host: HostApi): Promise<DrawerOutcome> {
  try {
    const result = await host.call('drawer.open', {});
    return result.ok ? { status: 'opened', target: result.value.target } : { status: 'drawer-failed', message: result.error.message };
  } catch (error) {
    return { status: 'drawer-failed', message: messageOf(error) };
  }
}

/**
 * The host words its printer faults for receipts ("…, then press Reprint."); at the drawer
 * there is no Reprint button, so that advice is dropped and the screen gives its own.
 */
export function withoutReprintAdvice(message: string): string {
  return message.replace(/[,.]?\s*then press Reprint\.?\s*$/i, '.');
}
