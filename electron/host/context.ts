import type { HostMethod, HostOutput, HostParsedInput } from '../../shared/contract';
import type { SheetOpener } from '../labels/output';
import type { AttemptTimeouts } from '../upload/attempt';
import type { DeviceKeyOptions } from './device-key';
import type { DisplayHub } from './display';
import type { HostEventBus } from './events';
import type { JournalService } from './journal-service';
import type { PrinterManager } from './printer-manager';
import type { SettingsStore } from './settings';

export type HostTransport = 'electron' | 'web';

/** What every feature's handlers may use; built once per host by createHost. */
export interface HostContext {
  dataDir: string;
  transport: HostTransport;
  appVersion: string;
  settings: SettingsStore;
  printers: PrinterManager;
  deviceKey: DeviceKeyOptions;
  events: HostEventBus;
  journal: JournalService;
  /** The customer display's last state and its watchers (display.ts). */
  display: DisplayHub;
  now: () => Date;
  /** Shows a sheet PDF (labels.open); null when the transport has no way to. */
  openSheet: SheetOpener | null;
  /** Upload attempts' connect/answer timeouts; tests shorten them. */
  uploadTimeouts: Partial<AttemptTimeouts>;
}

export type HostHandler<K extends HostMethod> = (input: HostParsedInput<K>) => Promise<HostOutput<K>>;

/** One handler per contract method; a missing or misspelt one is a type error. */
export type HostHandlers = { [K in HostMethod]: HostHandler<K> };

/** A feature's share of the handler map, e.g. `FeatureHandlers<keyof typeof appMethods>`. */
export type FeatureHandlers<K extends HostMethod> = { [M in K]: HostHandler<M> };
