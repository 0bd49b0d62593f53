import { z } from 'zod';
import type { MethodSpec } from './spec';

/** A backup carries the whole store as one JSON string; a busy year of sales stays well under this. */
export const BACKUP_MAX_BODY_BYTES = 200 * 1024 * 1024;

export const appMethods = {
  'app.info': {
    input: z.object({}),
    output: z.object({
      name: z.string(),
      version: z.string(),
      transport: z.enum(['electron', 'web']),
      platform: z.string(),
    }),
  },
  /** Writes a JSON export of the store into the host's backup folder. */
  'backup.write': {
    // No z.string().max() here: the body limit is the one number, and it already bounds
    // the string (a JSON body of N bytes cannot hold a longer one).
    input: z.object({ json: z.string() }).strict(),
    output: z.object({ path: z.string(), bytes: z.number().int() }),
    maxBodyBytes: BACKUP_MAX_BODY_BYTES,
  },
} as const satisfies Record<string, MethodSpec>;
