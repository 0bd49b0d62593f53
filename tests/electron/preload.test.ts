import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_METHOD_NAMES, hostEvents } from '../../shared/contract';

/** A stand-in ipcRenderer with real listener bookkeeping, so unsubscribe is really tested. */
const fake = await vi.hoisted(async () => (await import('./fake-preload-electron')).fakePreloadElectron({ ok: true, value: 'from main' }));
vi.mock('electron', () => fake.electron);

await import('../../electron/preload');
const { contextBridge, ipcRenderer } = fake.electron;
const [[worldKey, api]] = contextBridge.exposeInMainWorld.mock.calls as [[string, Record<string, (...args: unknown[]) => unknown>]];
const { CONTRACT_EVENTS, CONTRACT_METHODS } = await import('../../electron/ipc');

beforeEach(() => {
  ipcRenderer.invoke.mockClear();
  ipcRenderer.on.mockClear();
});

describe('preload bridge', () => {
  it('exposes exactly call and on as window.chinarHost', () => {
    expect(worldKey).toBe('chinarHost');
    expect(Object.keys(api).sort()).toEqual(['call', 'on']);
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
  });

  it('knows exactly the contract\'s methods and events', () => {
    expect([...CONTRACT_METHODS].sort()).toEqual([...HOST_METHOD_NAMES].sort());
    expect([...CONTRACT_EVENTS].sort()).toEqual(Object.keys(hostEvents).sort());
  });

  it('sends a contract call over host:call and returns main\'s answer', async () => {
    expect(await api.call!('settings.get', {})).toEqual({ ok: true, value: 'from main' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('host:call', 'settings.get', {});
  });

  it('rejects unknown method names without touching IPC', async () => {
    for (const name of ['shell.openExternal', '__proto__', 'toString', 42, undefined]) {
      expect(await api.call!(name, {})).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('turns a failed IPC round trip into a failure result, never a throw', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('Render frame was disposed'));
    expect(await api.call!('app.info', {})).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^Lost contact/) } });
  });

  it('delivers only the payload of an event, and stops after unsubscribe', () => {
    const listener = vi.fn();
    const off = api.on!('printer.status', listener) as () => void;
    const payload = { state: 'offline', target: 'Network printer 192.168.1.50:9100', message: 'Check the cable.' };
    fake.bus.emit('host:event:printer.status', { sender: 'the raw IpcRendererEvent' }, payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([payload]);

    off();
    fake.bus.emit('host:event:printer.status', {}, payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(fake.bus.listenerCount('host:event:printer.status')).toBe(0);
  });

  it('will not subscribe to channels outside the contract', () => {
    const off = api.on!('host:call', vi.fn());
    expect(typeof off).toBe('function');
    api.on!('printer.status', 'not a function');
    expect(ipcRenderer.on).not.toHaveBeenCalled();
  });
});
