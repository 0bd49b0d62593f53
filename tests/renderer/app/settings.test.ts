import { describe, expect, it } from 'vitest';
import { getStoreProfile, getTaxTable, getTouristCurrencies, type ChinarDb } from '../../../renderer/db';
import { enrolDevice, saveMachineSettings, saveStoreProfile, saveTaxTable } from '../../../renderer/app/settings';
import type { Station, StationUpdate } from '../../../renderer/app/station';
import { readHostRefusal } from '../../../renderer/ui/manager/settings/logic/machineForms';
import type { HostApi, HostSettings } from '../../../shared/contract';
import type { UserEntity } from '../../../shared/entities';
import { fail, ok, type HostResult } from '../../../shared/result';
import { DEFAULT_TAX_TABLE, type TaxRule } from '../../../shared/tax';
import { freshStore } from '../db/helpers';
import { createJournalLink } from '../../../renderer/app/journal';

const SETTINGS: HostSettings = {
  deviceId: 'demo-market/K01', marketId: 'demo-market', printer: { kind: 'file' }, paperWidth: 48, cashDrawer: true, kiosk: false, centralBaseUrl: null,
};
const KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';

type Call = { method: string; input: unknown };

function fakeHost(answer: (method: string, input: unknown) => HostResult<unknown>): { host: HostApi; calls: Call[] } {
  const calls: Call[] = [];
  const host = {
    call: (method: string, input: unknown) => {
      calls.push({ method, input });
      return Promise.resolve(answer(method, input));
    },
    on: () => () => undefined,
  } as unknown as HostApi;
  return { host, calls };
}

async function setUp(answer: (method: string, input: unknown) => HostResult<unknown> = () => fail('internal', 'unexpected call')) {
  const { db } = await freshStore();
  const { host, calls } = fakeHost(answer);
  let station: Station = {
    db, host, profile: await getStoreProfile(db), taxTable: await getTaxTable(db), currencies: await getTouristCurrencies(db), demo: true, persistence: 'persisted', journal: createJournalLink(db, host), settings: SETTINGS,
  };
  const onStation: StationUpdate = (update) => { station = update(station); };
  const manager = (await db.users.toArray()).find((u) => u.role === 'manager') as UserEntity;
  return { db, calls, manager, onStation, station: () => station };
}

async function auditActions(db: ChinarDb): Promise<string[]> {
  return (await db.audit.toArray()).map((a) => a.action);
}

describe('settings data: the store', () => {
  it('saves a new rate, tells the counter at once, and audits it', async () => {
    const s = await setUp();
    const textiles = DEFAULT_TAX_TABLE.find((r) => r.id === 'textile-61')!;
    const changed: TaxRule = { ...textiles, slabs: [textiles.slabs[0]!, { upToPaise: null, rateBps: 1200 }] };
    const table = DEFAULT_TAX_TABLE.map((r) => (r.id === changed.id ? changed : r));
    const outcome = await saveTaxTable(s.station(), s.manager, table, s.onStation);
    expect(outcome.status).toBe('ok');
    expect(await getTaxTable(s.db)).toEqual(table);
    expect(s.station().taxTable).toEqual(table);
    expect(await auditActions(s.db)).toContain('settings.tax-table');
  });

  it('passes the store’s refusal on in its own words and changes neither the store nor the counter', async () => {
    const s = await setUp();
    const before = s.station();
    const outcome = await saveTaxTable(before, s.manager, DEFAULT_TAX_TABLE.filter((r) => r.id !== 'default'), s.onStation);
    expect(outcome).toEqual({ status: 'refused', message: expect.stringContaining('Keep a rule for everything else') });
    expect(await getTaxTable(s.db)).toEqual(DEFAULT_TAX_TABLE);
    expect(s.station()).toBe(before);
  });

  it('saves the store profile and the next receipt’s Station carries the new name', async () => {
    const s = await setUp();
    const profile = { ...s.station().profile, name: 'Chinar Crafts, Dal Gate' };
    const outcome = await saveStoreProfile(s.station(), s.manager, profile, s.onStation);
    expect(outcome.status).toBe('ok');
    expect((await getStoreProfile(s.db)).name).toBe('Chinar Crafts, Dal Gate');
    expect(s.station().profile.name).toBe('Chinar Crafts, Dal Gate');
    expect(await auditActions(s.db)).toContain('settings.store-profile');
  });
});

describe('settings data: the host', () => {
  it('sends the printer settings and keeps what the host answers', async () => {
    const saved: HostSettings = { ...SETTINGS, printer: { kind: 'network', host: '192.168.1.50', port: 9100 }, paperWidth: 32 };
    const s = await setUp((method) => (method === 'settings.update' ? ok({ settings: saved, deviceKey: { set: false, fingerprint: null } }) : fail('internal', 'no')));
    const patch = { printer: saved.printer, paperWidth: 32 as const, cashDrawer: true, kiosk: false };
    const outcome = await saveMachineSettings(s.station(), patch, s.onStation);
    expect(outcome.status).toBe('ok');
    expect(s.calls).toEqual([{ method: 'settings.update', input: patch }]);
    expect(s.station().settings).toEqual(saved);
  });

  it('gives the host’s refusal back field by field and leaves the counter as it was', async () => {
    const s = await setUp(() => fail('bad-request', 'settings.update: printer.path: A USB printer device file looks like /dev/usb/lp0'));
    const outcome = await saveMachineSettings(s.station(), { printer: { kind: 'usb-device', path: '/tmp/x' }, paperWidth: 48, cashDrawer: true, kiosk: false }, s.onStation);
    expect(outcome).toEqual({ status: 'refused', message: 'settings.update: printer.path: A USB printer device file looks like /dev/usb/lp0' });
    if (outcome.status === 'ok') return;
    expect(readHostRefusal('settings.update', outcome.message)).toEqual({ text: 'A USB printer device file looks like /dev/usb/lp0', fields: { 'printer.path': 'A USB printer device file looks like /dev/usb/lp0' } });
    expect(s.station().settings).toBe(SETTINGS);
  });

  it('enrols with the key, then reads the settings again; only the fingerprint comes back', async () => {
    const enrolled: HostSettings = { ...SETTINGS, deviceId: 'demo-market/K02', centralBaseUrl: 'https://central.example.org' };
    const s = await setUp((method) => {
      if (method === 'device.enrol') return ok({ set: true, fingerprint: '0a1b2c3d' });
      if (method === 'settings.get') return ok({ settings: enrolled, deviceKey: { set: true, fingerprint: '0a1b2c3d' } });
      return fail('internal', 'no');
    });
    const outcome = await enrolDevice(s.station(), { deviceId: 'demo-market/K02', deviceKey: KEY, centralBaseUrl: 'https://central.example.org' }, s.onStation);
    expect(s.calls.map((c) => c.method)).toEqual(['device.enrol', 'settings.get']);
    expect(s.calls[0]!.input).toEqual({ deviceId: 'demo-market/K02', deviceKey: KEY, centralBaseUrl: 'https://central.example.org' });
    expect(outcome).toEqual({ status: 'ok', value: { settings: enrolled, deviceKey: { set: true, fingerprint: '0a1b2c3d' } } });
    expect(JSON.stringify(outcome)).not.toContain(KEY);
    const { db: _db, host: _host, ...kept } = s.station();
    expect(JSON.stringify(kept)).not.toContain(KEY);
    // Nor does the store of record keep it.
    expect(JSON.stringify([await s.db.settings.toArray(), await s.db.audit.toArray()])).not.toContain(KEY);
    expect(s.station().settings.deviceId).toBe('demo-market/K02');
  });
});
