import type { StationUpdate } from '../../../app/station';
import type { ManagerPageProps } from '../route';

/** The settings' sections, in the order the settings home lists them. */
export const SETTINGS_SECTIONS = ['store', 'tax', 'currency', 'printer', 'device', 'backup', 'journal'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/** What every settings section gets. */
export interface SectionProps extends ManagerPageProps {
  /** Back to the settings home. */
  onBack: () => void;
  /** A save that the counter must see at once (a new store name on the next receipt). */
  onStationChange: StationUpdate;
}
