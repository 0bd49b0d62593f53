import { describe, expect, it, vi } from 'vitest';

/** The display window's preload against a stand-in ipcRenderer with real listener bookkeeping. */
const fake = await vi.hoisted(async () => (await import('./fake-preload-electron')).fakePreloadElectron({ phase: 'last one' }));
vi.mock('electron', () => fake.electron);

await import('../../electron/preload-display');
const [[worldKey, api]] = fake.electron.contextBridge.exposeInMainWorld.mock.calls as [[string, Record<string, (...args: unknown[]) => unknown>]];

describe('customer display preload', () => {
  it('exposes onDisplayState alone, as window.chinarDisplay', () => {
    expect(worldKey).toBe('chinarDisplay');
    expect(Object.keys(api)).toEqual(['onDisplayState']);
  });

  it('gives the last state, then live ones (payload only), until unsubscribed', async () => {
    const seen: unknown[] = [];
    const off = api.onDisplayState!((state: unknown) => seen.push(state)) as () => void;
    expect(fake.electron.ipcRenderer.invoke).toHaveBeenCalledWith('display:last');
    await vi.waitFor(() => expect(seen).toEqual([{ phase: 'last one' }]));
    fake.bus.emit('display:state', { sender: 'not for the page' }, { phase: 'live' });
    expect(seen).toEqual([{ phase: 'last one' }, { phase: 'live' }]);
    off();
    fake.bus.emit('display:state', {}, { phase: 'after' });
    expect(seen).toHaveLength(2);
    expect(fake.bus.listenerCount('display:state')).toBe(0);
  });
});
