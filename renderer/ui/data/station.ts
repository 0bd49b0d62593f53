import type { HostApi, HostSettings } from '../../../shared/contract';
import type { StoreProfile } from '../../../shared/store-profile';
import type { TaxTable } from '../../../shared/tax';
import type { ChinarDb, PersistenceState } from '../../db';

/**
 * Everything a signed-in screen needs that does not change during a shift: the store of
 * record, the host, and the settings read once at start.
 */
export interface Station {
  db: ChinarDb;
  host: HostApi;
  profile: StoreProfile;
  taxTable: TaxTable;
  settings: HostSettings;
  /** The demo market seeded on first run is still in use. */
  demo: boolean;
  persistence: PersistenceState;
}
