import type { HostApi, HostSettings } from '../../shared/contract';
import type { UserEntity } from '../../shared/entities';
import type { StoreProfile } from '../../shared/store-profile';
import type { TaxTable } from '../../shared/tax';
import type { TouristCurrencySettings } from '../../shared/tourist-currency';
import type { Actor, ChinarDb, PersistenceState } from '../db';
import type { JournalLink } from './journal';

/**
 * Everything a signed-in screen needs that does not change during a shift: the store of
 * record, the host, and the settings read once at start.
 */
export interface Station {
  db: ChinarDb;
  host: HostApi;
  profile: StoreProfile;
  taxTable: TaxTable;
  /** Tourist currencies shown beside the INR total (display only). */
  currencies: TouristCurrencySettings;
  settings: HostSettings;
  /** The demo market seeded on first run is still in use. */
  demo: boolean;
  persistence: PersistenceState;
  /** The page's one sender of committed transactions to the host's journal (app/journal.ts). */
  journal: JournalLink;
}

/**
 * Replaces part of the Station the signed-in screens share (App holds it). A settings
 * save calls it, because the counter reads the profile, the tax table and the machine
 * settings from its Station: a new store name must be on the very next receipt.
 */
export type StationUpdate = (update: (station: Station) => Station) => void;

/** The signed-in person as the audit log names them. */
export function actorOf(user: UserEntity): Actor {
  return { id: user.id, name: user.name };
}
