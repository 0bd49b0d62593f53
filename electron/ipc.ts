import type { HostEvent, HostMethod } from '../shared/contract';

/**
 * What the preload needs to know about the contract, and the IPC channel names shared by
 * main and the preload.
 *
 * The name tables are written out rather than taken from `hostMethods`, because the
 * sandboxed preload is bundled whole and importing the contract would pull all of zod
 * (about 450 kB) into every page load. `Record<HostMethod, true>` keeps them honest: a
 * method added to or removed from the contract is a type error here until the table
 * matches (and tests/electron/preload.test.ts compares them at run time too).
 */
const METHOD_TABLE: Record<HostMethod, true> = {
  'app.info': true,
  'backup.begin': true,
  'backup.part': true,
  'backup.finish': true,
  'backup.abort': true,
  'backup.list': true,
  'backup.read': true,
  'printer.print': true,
  'printer.status': true,
  'drawer.open': true,
  'settings.get': true,
  'settings.update': true,
  'device.enrol': true,
  'labels.pdf': true,
  'cards.pdf': true,
  'labels.open': true,
  'upload.send': true,
  'upload.saveEnvelope': true,
  'journal.append': true,
  'journal.status': true,
  'journal.read': true,
  'journal.importFiles': true,
  'journal.checkImport': true,
  'journal.import': true,
  'display.publish': true,
};
const EVENT_TABLE: Record<HostEvent, true> = {
  'printer.status': true,
  'settings.changed': true,
};

export const CONTRACT_METHODS: ReadonlySet<string> = new Set(Object.keys(METHOD_TABLE));
export const CONTRACT_EVENTS: ReadonlySet<string> = new Set(Object.keys(EVENT_TABLE));

export const HOST_CALL_CHANNEL = 'host:call';

/** Each event gets its own channel, so a page can only ever listen to contract events. */
export function hostEventChannel(event: HostEvent): string {
  return `host:event:${event}`;
}

/** Main → display window: each new customer display state. */
export const DISPLAY_STATE_CHANNEL = 'display:state';
/** Display window → main: "what is on the display now?" (a display that (re)loads). */
export const DISPLAY_LAST_CHANNEL = 'display:last';
