import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostEvents, type HostEvent } from '../../shared/contract';
import type { Host } from '../host';

/**
 * `GET /api/events`: the host's push events as Server-Sent Events, one `event:` per
 * contract event name, the payload as JSON in `data:`. The same events Electron sends on
 * its per-event IPC channels.
 */

const HEARTBEAT_MS = 25_000;
const EVENT_NAMES = Object.keys(hostEvents) as HostEvent[];

export interface EventStreams {
  open(req: IncomingMessage, res: ServerResponse): void;
  /** Ends every open stream, so the server can close. */
  closeAll(): void;
}

export function createEventStreams(host: Host): EventStreams {
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
      const unsubscribers = EVENT_NAMES.map((event) =>
        host.on(event, (payload) => {
          res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
        }));
      // A comment line now and then keeps idle connections from being dropped as dead.
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      const cleanup = (): void => {
        clearInterval(heartbeat);
        for (const off of unsubscribers) off();
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
