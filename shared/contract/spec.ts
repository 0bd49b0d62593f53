import type { z } from 'zod';

/** One method of the host contract: its schemas and its transport facts. */
export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  /**
   * The largest request this method accepts, in bytes of its JSON encoding (UTF-8);
   * `DEFAULT_MAX_BODY_BYTES` when absent. Every transport reads it through
   * `maxBodyBytesOf` (the loopback HTTP host while reading the body, the Electron IPC
   * handler before dispatch), so a call cannot work over one and fail over the other.
   */
  maxBodyBytes?: number;
}

export const MIB = 1024 * 1024;
/** Enough for any document, settings patch or label sheet; a bigger body is a mistake or an attack. */
export const DEFAULT_MAX_BODY_BYTES = MIB;
