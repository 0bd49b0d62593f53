import { z } from 'zod';
import { DISPLAY_MAX_BODY_BYTES, DisplayStateSchema } from '../display';
import type { MethodSpec } from './spec';

/**
 * The customer display (issue 12): the counter publishes what the tourist may see; the
 * host keeps the last state and sends it to the display window (Electron) or the display
 * page's own event stream (`GET /api/display/events`, loopback host). The display itself
 * calls nothing: it only reads that stream, with a credential of its own.
 */
export const displayMethods = {
  'display.publish': {
    input: z.object({ state: DisplayStateSchema }).strict(),
    output: z.object({}).strict(),
    maxBodyBytes: DISPLAY_MAX_BODY_BYTES,
  },
} as const satisfies Record<string, MethodSpec>;
