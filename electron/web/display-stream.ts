import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DisplayFeed } from '../host/display';

/**
 * `GET /api/display/events`: the customer display's state as Server-Sent Events
 * (`event: display.state`, the state as JSON in `data:`), the last one first, so a display
 * page that (re)connects shows the sale at once. Authorised by the display token alone
 * (guard.checkDisplay); it carries nothing but display states.
 */

export const DISPLAY_EVENTS_PATH = '/api/display/events';
export const DISPLAY_STATE_EVENT = 'display.state';
const HEARTBEAT_MS = 25_000;

export interface DisplayStreams {
  open(req: IncomingMessage, res: ServerResponse): void;
  closeAll(): void;
}

export function createDisplayStreams(feed: DisplayFeed): DisplayStreams {
  const streams = new Set<ServerResponse>();
  return {
    open(req, res) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'x-accel-buffering': 'no',
      });
      res.write(': connected\n\n');
      const send = (state: unknown): void => {
        res.write(`event: ${DISPLAY_STATE_EVENT}\ndata: ${JSON.stringify(state)}\n\n`);
      };
      const last = feed.last();
      if (last) send(last);
      streams.add(res);
      const off = feed.on(send);
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      const cleanup = (): void => {
        clearInterval(heartbeat);
        off();
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
