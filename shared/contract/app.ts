import { z } from 'zod';

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
    input: z.object({ json: z.string().max(200 * 1024 * 1024) }).strict(),
    output: z.object({ path: z.string(), bytes: z.number().int() }),
  },
} as const;
