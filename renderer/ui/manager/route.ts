import type { UserEntity } from '../../../shared/entities';
import type { Station } from '../../app/station';

/** The manager's pages; the shell keeps none of this, so leaving the area starts at home again. */
export type ManagerPage = 'home' | 'day' | 'products' | 'artisans' | 'users' | 'catalogFiles' | 'labels' | 'lowStock' | 'settings' | 'earnings' | 'gst' | 'audit';

/** What every manager page gets. */
export interface ManagerPageProps {
  station: Station;
  /** The signed-in manager: the actor of every change, in the audit log. */
  user: UserEntity;
  onHome: () => void;
  /** Another manager page (e.g. from a finished import to Labels). */
  onOpen: (page: ManagerPage) => void;
}

/** Low stock starts at this many pieces or fewer (issue 3: "default 2"). */
export const DEFAULT_LOW_STOCK = 2;
