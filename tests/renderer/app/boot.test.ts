import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../electron/host';
import type { HostApi } from '../../../shared/contract';
import { bootStation } from '../../../renderer/app/boot';
import { openChinarDb } from '../../../renderer/db';
import { tempDir } from '../../electron/helpers';
import { NOON_IN_SRINAGAR } from '../db/helpers';

/** Resolves once `open()` is called, or after `ms` with `inVain` set (so a serial boot fails instead of hanging). */
function gate(ms = 3_000) {
  let open!: () => void;
  const state = { inVain: false, opened: false };
  const passed = new Promise<void>((resolve) => {
    open = () => { state.opened = true; resolve(); };
    setTimeout(() => { state.inVain = !state.opened; resolve(); }, ms);
  });
  return { open, passed, state };
}

describe('bootStation', () => {
  it('opens the store and asks the host for its settings and its journal at once, not one after another', async () => {
    const host = createHost({ dataDir: await tempDir('chinar-boot-'), transport: 'web' });
    // Each answer waits for the next thing a serial start would only ask after it.
    const statusAsked = gate();
    const api: HostApi = {
      call: (async (method: string, input: unknown) => {
        if (method === 'settings.get') await statusAsked.passed;
        if (method === 'journal.status') statusAsked.open();
        return host.dispatch(method, input);
      }) as HostApi['call'],
      on: () => () => undefined,
    };
    const factory = new IDBFactory();
    const booted = await bootStation(api, () => NOON_IN_SRINAGAR, () => openChinarDb('boot', { indexedDB: factory, IDBKeyRange }));
    expect(statusAsked.state.inVain).toBe(false);
    expect(booted.status).toBe('ready');
    if (booted.status !== 'ready') return;
    // A fresh store beside an empty journal: the demo market, ready to sign in.
    expect(booted.station.demo).toBe(true);
    expect(booted.station.profile.invoiceSeries).toBe('K01');
    expect(await booted.station.db.users.count()).toBe(2);
  });
});
