import type { HostApi } from '../../shared/contract';
import {
  getStoreProfile, getTaxTable, isDemoData, newId, openChinarDb, requestPersistence, seedDemoIfEmpty,
} from '../db';
import { callHost, messageOf } from './outcome';
import type { Station } from './station';

export type BootStep = 'store' | 'settings';

/** Boot failed at a step; the message is the underlying reason, shown under our own words. */
export class BootError extends Error {
  constructor(readonly step: BootStep, message: string) {
    super(message);
  }
}

/**
 * Start of day for the kiosk: open the store, ask the browser to keep it (persistence),
 * seed the demo market on a fresh install, and read the host's machine settings (device
 * id, paper width, cash drawer) that every sale needs.
 */
export async function bootStation(host: HostApi, now: () => Date = () => new Date()): Promise<Station> {
  let station: Omit<Station, 'settings'>;
  try {
    const db = await openChinarDb();
    const persistence = await requestPersistence();
    await seedDemoIfEmpty(db, { now: now(), newId });
    const [profile, taxTable, demo] = await Promise.all([getStoreProfile(db), getTaxTable(db), isDemoData(db)]);
    station = { db, host, profile, taxTable, demo, persistence };
  } catch (error) {
    throw new BootError('store', messageOf(error));
  }
  const settings = await callHost(host, 'settings.get', {});
  if (settings.status !== 'ok') throw new BootError('settings', settings.message);
  return { ...station, settings: settings.value.settings };
}
