import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * The `electron` a preload sees, for `vi.mock('electron', …)`: a contextBridge that records
 * what is exposed, and an ipcRenderer whose listeners live on a real EventEmitter (`bus`),
 * so that an unsubscribe is really tested. `invoke` answers `invokeAnswer` unless a test
 * says otherwise. Loaded inside `vi.hoisted` (the mock is set up before any import).
 */
export function fakePreloadElectron(invokeAnswer: unknown) {
  const bus = new EventEmitter();
  return {
    bus,
    electron: {
      contextBridge: { exposeInMainWorld: vi.fn() },
      ipcRenderer: {
        invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => invokeAnswer),
        on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => bus.on(channel, listener)),
        removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => bus.removeListener(channel, listener)),
      },
    },
  };
}
