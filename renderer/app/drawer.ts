import type { HostApi } from '../../shared/contract';
import type { UserEntity } from '../../shared/entities';
import { recordNoSale } from '../db';
import { attempt, callHost, type Outcome } from './outcome';
import type { Station } from './station';

/** The drawer kick, sent to the receipt printer; a failure's `message` is the host's ("The receipt printer at … did not answer."). */
export type DrawerKick = Outcome<{ target: string }>;

/**
 * A no-sale drawer open, approved by a manager (useManagerApproval has checked their
 * PIN). It is written to the audit chain BEFORE the drawer is kicked: cash must never be
 * reachable without a record of who let it be, so a drawer that then fails to open leaves
 * a record too many, never one too few. Not ok: nothing was recorded and the drawer was
 * not asked to open. `reason` is stored as given (a short code, or "other: …").
 */
export async function openDrawerNoSale(
  station: Station,
  request: { operator: UserEntity; manager: UserEntity; reason: string; now?: Date },
): Promise<Outcome<DrawerKick>> {
  const recorded = await attempt(() => recordNoSale(station.db, {
    operatorId: request.operator.id, managerId: request.manager.id, now: request.now ?? new Date(),
    timeZone: station.profile.timeZone, reason: request.reason,
  }));
  if (recorded.status !== 'ok') return recorded;
  return { status: 'ok', value: await kickDrawer(station.host) };
}

/** Sends the drawer kick to the receipt printer. Never throws. Also used to retry after a printer fault. */
export function kickDrawer(host: HostApi): Promise<DrawerKick> {
  return callHost(host, 'drawer.open', {});
}

/**
 * The host words its printer faults for receipts ("…, then press Reprint."); at the drawer
 * there is no Reprint button, so that advice is dropped and the screen gives its own.
 */
export function withoutReprintAdvice(message: string): string {
  return message.replace(/[,.]?\s*then press Reprint\.?\s*$/i, '.');
}
