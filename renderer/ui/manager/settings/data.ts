import { useCallback } from 'react';
import type { HostOutput, HostSettings, PrinterStatus } from '../../../../shared/contract';
import type { PrintDocument } from '../../../../shared/documents';
import type { UserEntity } from '../../../../shared/entities';
import type { StoreProfile } from '../../../../shared/store-profile';
import type { TaxTable } from '../../../../shared/tax';
import {
  exportStoreJson, getStoreProfile, getTaxTable, newId, SettingsError, updateStoreProfile, updateTaxTable,
} from '../../../db';
import { messageOf } from '../../data/boot';
import { printDocument, type PrintOutcome } from '../../data/printing';
import type { Station } from '../../data/station';
import { actorOf, useLoadable, type EditOutcome, type Loadable } from '../data/catalog';
import { readHostRefusal, type Enrolment, type HostRefusal, type PrinterPatch } from './logic/machineForms';

/**
 * The settings screens' only way to the store and the host. Business settings (store
 * profile, tax table) are rows in the store, saved through renderer/db and audited there;
 * machine settings (printer, device, kiosk) belong to the host and go through the
 * contract, which validates them. Nothing here keeps the device key: it is passed
 * straight from the form to `device.enrol`.
 *
 * Every save also tells the kiosk (`StationUpdate`), because the counter reads the
 * profile, the tax table and the machine settings from the Station it started with: a new
 * store name must be on the very next receipt, a new rate in the very next cart.
 */

/** Replaces part of the Station the signed-in screens share (see ManagerScreen, App). */
export type StationUpdate = (update: (station: Station) => Station) => void;

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
  const load = useCallback(async () => {
    const result = await station.host.call('settings.get', {});
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }, [station.host, generation]);
  return useLoadable(load);
}

/** Asks the printer how it is, now (after a save, or when the manager presses "Check again"). */
export function usePrinterCheck(station: Station, generation: number): Loadable<PrinterStatus> {
  const load = useCallback(async () => {
    const result = await station.host.call('printer.status', {});
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }, [station.host, generation]);
  return useLoadable(load);
}

/** Which transport carries the host (Electron or the loopback web host): kiosk mode needs Electron. */
export function useAppInfo(station: Station): Loadable<HostOutput<'app.info'>> {
  const load = useCallback(async () => {
    const result = await station.host.call('app.info', {});
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }, [station.host]);
  return useLoadable(load);
}

async function storeEdit<T>(run: () => Promise<T>): Promise<EditOutcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    // renderer/db says what is wrong in the manager's words; anything else is a failure.
    if (error instanceof SettingsError) return { ok: false, kind: 'refused', message: error.message };
    return { ok: false, kind: 'failed', message: messageOf(error) };
  }
}

export async function saveStoreProfile(station: Station, by: UserEntity, profile: StoreProfile, onStation: StationUpdate): Promise<EditOutcome<StoreProfile>> {
  const outcome = await storeEdit(() => updateStoreProfile(station.db, profile, { actor: actorOf(by), now: new Date() }));
  if (outcome.ok) onStation((s) => ({ ...s, profile: outcome.value }));
  return outcome;
}

export async function saveTaxTable(station: Station, by: UserEntity, table: TaxTable, onStation: StationUpdate): Promise<EditOutcome<TaxTable>> {
  const outcome = await storeEdit(() => updateTaxTable(station.db, table, { actor: actorOf(by), now: new Date() }));
  if (outcome.ok) onStation((s) => ({ ...s, taxTable: outcome.value }));
  return outcome;
}

/** A tax rule's id: unique for good, so the audit log can follow a rule through its changes. */
export function newRuleId(): string {
  return `rule-${newId()}`;
}

export type HostOutcome<T> = { ok: true; value: T } | { ok: false; refusal: HostRefusal };

function refused<T>(method: string, message: string): HostOutcome<T> {
  return { ok: false, refusal: readHostRefusal(method, message) };
}

export async function saveMachineSettings(station: Station, patch: PrinterPatch, onStation: StationUpdate): Promise<HostOutcome<HostSnapshot>> {
  try {
    const result = await station.host.call('settings.update', patch);
    if (!result.ok) return refused('settings.update', result.error.message);
    const settings: HostSettings = result.value.settings;
    onStation((s) => ({ ...s, settings }));
    return { ok: true, value: result.value };
  } catch (error) {
    return refused('settings.update', messageOf(error));
  }
}

/**
 * Enrols the device. The host stores the key and answers with its fingerprint only; the
 * settings are read again for the device id and central address it now uses.
 */
export async function enrolDevice(station: Station, enrolment: Enrolment, onStation: StationUpdate): Promise<HostOutcome<HostSnapshot>> {
  try {
    const result = await station.host.call('device.enrol', enrolment);
    if (!result.ok) return refused('device.enrol', result.error.message);
    const fresh = await station.host.call('settings.get', {});
    // The enrolment is done either way; without a fresh read, what was sent is what the host now holds.
    const settings: HostSettings = fresh.ok
      ? fresh.value.settings
      : { ...station.settings, deviceId: enrolment.deviceId, centralBaseUrl: enrolment.centralBaseUrl };
    onStation((s) => ({ ...s, settings }));
    return { ok: true, value: { settings, deviceKey: result.value } };
  } catch (error) {
    return refused('device.enrol', messageOf(error));
  }
}

export function printTestPage(station: Station, document: PrintDocument): Promise<PrintOutcome> {
  return printDocument(station.host, document, false);
}

export type BackupOutcome = { ok: true; path: string; bytes: number } | { ok: false; message: string };

/** Every table as JSON (one read transaction), written by the host into its backup folder. */
export async function backUpNow(station: Station): Promise<BackupOutcome> {
  let json: string;
  try {
    json = await exportStoreJson(station.db, new Date());
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
  try {
    const result = await station.host.call('backup.write', { json });
    return result.ok ? { ok: true, path: result.value.path, bytes: result.value.bytes } : { ok: false, message: result.error.message };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}
