import type { DisplayFeed } from '../host/display';
import { createSseStreams, type EventStreams } from './events';

/**
 * `GET /api/display/events`: the customer display's state as Server-Sent Events
 * (`event: display.state`, the state as JSON in `data:`), the last one first, so a display
 * page that (re)connects shows the sale at once. Authorised by the display token alone
 * (guard.checkDisplay); it carries nothing but display states.
 */

export const DISPLAY_EVENTS_PATH = '/api/display/events';
export const DISPLAY_STATE_EVENT = 'display.state';

export type DisplayStreams = EventStreams;

export function createDisplayStreams(feed: DisplayFeed): DisplayStreams {
  return createSseStreams((send) => {
    const last = feed.last();
    if (last) send(DISPLAY_STATE_EVENT, last);
    return feed.on((state) => send(DISPLAY_STATE_EVENT, state));
  });
}
