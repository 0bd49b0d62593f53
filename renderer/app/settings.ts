import { useCallback } from 'react';
import type { HostInput, HostOutput, HostSettings, PrinterStatus } from '../../shared/contract';
import type { UserEntity } from '../../shared/entities';
import type { StoreProfile } from '../../shared/store-profile';
import type { TaxTable } from '../../shared/tax';
import type { TouristCurrencySettings } from '../../shared/tourist-currency';
import { getStoreProfile, getTaxTable, newId, updateStoreProfile, updateTaxTable, updateTouristCurrencies } from '../db';
import { useLoadable, type Loadable } from '../hooks/useLoadable';
import { attempt, callHost, valueOf, type Outcome } from './outcome';

export { backUpNow } from './backup';
import { actorOf, type Station, type StationUpdate } from './station';

/**
 * The settings screens' services. Business settings (store profile, tax table) are rows
 * in the store, saved through renderer/db and audited there; machine settings (printer,
 * device, kiosk) belong to the host and go through the contract, which validates them.
 * Nothing here keeps the device key: it is passed straight from the form to `device.enrol`.
 *
 * Every save also tells the kiosk (`StationUpdate`), because the counter reads the
 * profile, the tax table and the machine settings from the Station it started with: a new
 * store name must be on the very next receipt, a new rate in the very next cart.
 */

export type HostSnapshot = HostOutput<'settings.get'>;

export function useStoreSettings(station: Station, generation: number): Loadable<{ profile: StoreProfile; taxTable: TaxTable }> {
  // `generation` is a dependency on purpose: bumping it reads the store again.
  const load = useCallback(async () => {
    const [profile, taxTable] = await Promise.all([getStoreProfile(station.db), getTaxTable(station.db)]);
    return { profile, taxTable };
  }, [station.db, generation]);
  return useLoadable(load);
}

/** The host's settings and whether a device key is set (never the key). */
export function useHostSettings(station: Station, generation: number): Loadable<HostSnapshot> {
  const load = useCallback(async () => valueOf(await callHost(station.host, 'settings.get', {})), [station.host, generation]);
  return useLoadable(load);
}

/** Asks the printer how it is, now (after a save, or when the manager presses "Check again"). */
export function usePrinterCheck(station: Station, generation: number): Loadable<PrinterStatus> {
  const load = useCallback(async () => valueOf(await callHost(station.host, 'printer.status', {})), [station.host, generation]);
  return useLoadable(load);
}

/** Which transport carries the host (Electron or the loopback web host): kiosk mode needs Electron. */
export function useAppInfo(station: Station): Loadable<HostOutput<'app.info'>> {
  const load = useCallback(async () => valueOf(await callHost(station.host, 'app.info', {})), [station.host]);
  return useLoadable(load);
}

export async function saveStoreProfile(station: Station, by: UserEntity, profile: StoreProfile, onStation: StationUpdate): Promise<Outcome<StoreProfile>> {
  const outcome = await attempt(() => updateStoreProfile(station.db, profile, { actor: actorOf(by), now: new Date() }));
  if (outcome.status === 'ok') onStation((s) => ({ ...s, profile: outcome.value }));
  return outcome;
}

export async function saveTaxTable(station: Station, by: UserEntity, table: TaxTable, onStation: StationUpdate): Promise<Outcome<TaxTable>> {
  const outcome = await attempt(() => updateTaxTable(station.db, table, { actor: actorOf(by), now: new Date() }));
  if (outcome.status === 'ok') onStation((s) => ({ ...s, taxTable: outcome.value }));
  return outcome;
}

export async function saveTouristCurrencies(station: Station, by: UserEntity, settings: TouristCurrencySettings, onStation: StationUpdate): Promise<Outcome<TouristCurrencySettings>> {
  const outcome = await attempt(() => updateTouristCurrencies(station.db, settings, { actor: actorOf(by), now: new Date() }));
  if (outcome.status === 'ok') onStation((s) => ({ ...s, currencies: outcome.value }));
  return outcome;
}

/** A tax rule's id: unique for good, so the audit log can follow a rule through its changes. */
export function newRuleId(): string {
  return `rule-${newId()}`;
}

/** The printer, the paper, the drawer, kiosk mode: saved by the host, which checks each field. */
export async function saveMachineSettings(station: Station, patch: HostInput<'settings.update'>, onStation: StationUpdate): Promise<Outcome<HostSnapshot>> {
  const outcome = await callHost(station.host, 'settings.update', patch);
  if (outcome.status === 'ok') {
    const settings: HostSettings = outcome.value.settings;
    onStation((s) => ({ ...s, settings }));
  }
  return outcome;
}

/**
 * Enrols the device. The host stores the key and answers with its fingerprint only; the
 * settings are read again for the device id and central address it now uses.
 */
export async function enrolDevice(station: Station, enrolment: HostInput<'device.enrol'>, onStation: StationUpdate): Promise<Outcome<HostSnapshot>> {
  const enrolled = await callHost(station.host, 'device.enrol', enrolment);
  if (enrolled.status !== 'ok') return enrolled;
  const fresh = await callHost(station.host, 'settings.get', {});
  // The enrolment is done either way; without a fresh read, what was sent is what the host now holds.
  const settings: HostSettings = fresh.status === 'ok'
    ? fresh.value.settings
    : { ...station.settings, deviceId: enrolment.deviceId, centralBaseUrl: enrolment.centralBaseUrl };
  onStation((s) => ({ ...s, settings }));
  return { status: 'ok', value: { settings, deviceKey: enrolled.value } };
}
