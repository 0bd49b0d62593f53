import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DisplayBridge } from '../shared/display';
import { DISPLAY_LAST_CHANNEL, DISPLAY_STATE_CHANNEL } from './ipc';

/**
 * The customer display window's whole bridge: `onDisplayState`, nothing else. No host
 * call reaches main from this window (it has no `call`, and main's host:call handler
 * answers only the counter's window), so a tourist who somehow got at this page could
 * read what the display shows and no more.
 */

export const chinarDisplay = {
  onDisplayState(listener) {
    if (typeof listener !== 'function') return () => undefined;
    const forward = (_event: IpcRendererEvent, state: unknown): void => {
      listener(state);
    };
    ipcRenderer.on(DISPLAY_STATE_CHANNEL, forward);
    // Asked after subscribing: anything published meanwhile is newer and arrives after
    // this answer on the same ordered channel, so the display never steps back.
    ipcRenderer.invoke(DISPLAY_LAST_CHANNEL).then((state: unknown) => {
      if (state !== null && state !== undefined) listener(state);
    }).catch(() => undefined);
    return () => {
      ipcRenderer.removeListener(DISPLAY_STATE_CHANNEL, forward);
    };
  },
} satisfies DisplayBridge;

contextBridge.exposeInMainWorld('chinarDisplay', chinarDisplay);
