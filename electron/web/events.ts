import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostEvents, type HostEvent } from '../../shared/contract';
import type { Host } from '../host';

/**
 * Server-Sent Event streams: `GET /api/events` (the host's push events, one `event:` per
 * contract event name, the payload as JSON in `data:`, the same events Electron sends on
 * its per-event IPC channels) and, through `createSseStreams`, the customer display's feed
 * (display-stream.ts).
 */

const HEARTBEAT_MS = 25_000;
const EVENT_NAMES = Object.keys(hostEvents) as HostEvent[];

export interface EventStreams {
  open(req: IncomingMessage, res: ServerResponse): void;
  /** Ends every open stream, so the server can close. */
  closeAll(): void;
}

/** Writes one event to a stream. */
export type SendEvent = (event: string, payload: unknown) => void;

/**
 * Streams that each `subscribe` with their own `send` (and may send at once, e.g. the last
 * state); the returned function unsubscribes when the stream closes.
 */
export function createSseStreams(subscribe: (send: SendEvent) => () => void): EventStreams {
  const streams = new Set<ServerResponse>();
  return {
    open(req, res) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        // Tells any proxy in between not to buffer; events must arrive at once.
        'x-accel-buffering': 'no',
      });
      res.write(': connected\n\n');
      streams.add(res);
      const unsubscribe = subscribe((event, payload) => {
        res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
      });
      // A comment line now and then keeps idle connections from being dropped as dead.
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      const cleanup = (): void => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(res);
      };
      req.on('close', cleanup);
      res.on('close', cleanup);
    },
    closeAll() {
      for (const stream of streams) stream.end();
    },
  };
}

export function createEventStreams(host: Host): EventStreams {
  return createSseStreams((send) => {
    const unsubscribers = EVENT_NAMES.map((event) => host.on(event, (payload) => send(event, payload)));
    return () => { for (const off of unsubscribers) off(); };
  });
}
