import type { DisplayState } from '../../shared/display';
import { getLogger } from './log';

const log = getLogger('display');

export type DisplayListener = (state: DisplayState) => void;

/**
 * The customer display's last state and who is watching it. The host keeps the last one
 * so a display that (re)loads shows the sale at once instead of waiting for the counter's
 * next change; it lives in memory only: after a host restart the counter republishes
 * when it reloads (it keeps its cart in the store).
 */
export interface DisplayFeed {
  /** The last state published, or null before the counter has published any. */
  last(): DisplayState | null;
  /** Called with every state published from now on. Returns the unsubscribe function. */
  on(listener: DisplayListener): () => void;
}

export interface DisplayHub extends DisplayFeed {
  publish(state: DisplayState): void;
}

export function createDisplayHub(): DisplayHub {
  let last: DisplayState | null = null;
  const listeners = new Set<DisplayListener>();
  return {
    publish(state) {
      last = state;
      for (const listener of [...listeners]) {
        try {
          listener(state);
        } catch (error) {
          // A closed window or a dropped stream must not keep the others from the sale.
          log.warn('A display listener failed', error);
        }
      }
    },
    last: () => last,
    on(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
