import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { HostApi, HostEvent } from '../shared/contract';
import { fail } from '../shared/result';
import { CONTRACT_EVENTS, CONTRACT_METHODS, HOST_CALL_CHANNEL, hostEventChannel } from './ipc';

/**
 * The only bridge between the page and the host: exactly the contract's `call` and `on`.
 * Nothing from Electron (ipcRenderer, events, senders) reaches the page; event listeners
 * get the payload alone. The main process validates everything again, because this file
 * cannot stop a compromised page from crafting its own messages, only from reaching
 * anything but these two functions.
 */

export const chinarHost = {
  call(method, input) {
    if (typeof method !== 'string' || !CONTRACT_METHODS.has(method)) {
      return Promise.resolve(fail('bad-request', `"${String(method).slice(0, 60)}" is not a host method.`));
    }
    return ipcRenderer.invoke(HOST_CALL_CHANNEL, method, input).catch(() =>
      fail('internal', 'Lost contact with the kiosk host. Restart Chinar POS; anything already saved is safe.'));
  },
  on(event, listener) {
    if (typeof event !== 'string' || !CONTRACT_EVENTS.has(event) || typeof listener !== 'function') {
      return () => undefined;
    }
    const channel = hostEventChannel(event as HostEvent);
    const forward = (_event: IpcRendererEvent, payload: unknown): void => {
      (listener as (payload: unknown) => void)(payload);
    };
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
} satisfies HostApi;

contextBridge.exposeInMainWorld('chinarHost', chinarHost);
