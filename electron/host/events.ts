import type { HostEvent, HostEventPayload } from '../../shared/contract';
import { getLogger } from './log';

const log = getLogger('events');

export type HostEventListener<E extends HostEvent> = (payload: HostEventPayload<E>) => void;

/** Push events for whichever transport is attached (IPC `webContents.send`, or SSE). */
export interface HostEventBus {
  emit<E extends HostEvent>(event: E, payload: HostEventPayload<E>): void;
  on<E extends HostEvent>(event: E, listener: HostEventListener<E>): () => void;
}

export function createEventBus(): HostEventBus {
  const listeners = new Map<HostEvent, Set<(payload: unknown) => void>>();
  return {
    emit(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          listener(payload);
        } catch (error) {
          // One broken subscriber (a closed window, a dropped stream) must not stop the others.
          log.warn(`A ${event} listener failed`, error);
        }
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
  };
}
