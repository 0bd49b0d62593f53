import { z } from 'zod';

/**
 * One upload attempt of one closed day (PROTOCOL.md). The renderer's outbox loop owns the
 * queue, the order and the waiting (shared/protocol/retry.ts); the host owns the device
 * key, signs, sends once and says how it went, as one of PROTOCOL.md's answers.
 */

/** PROTOCOL.md's words for a 401, which the manager sees. */
export const UNAUTHORIZED_REASON = 'device not enrolled or clock wrong';

/**
 * The host's words when the kiosk has no device key or central address yet: the renderer
 * knows them, so the Sync list can say the same in the manager's language.
 */
export const NOT_ENROLLED_REASON = 'This kiosk is not enrolled with the central system yet. Enrol it in Settings → Device; the day waits in the queue.';

const reason = z.string().max(2_000);

export const UploadOutcomeSchema = z.discriminatedUnion('outcome', [
  /** 201 stored now, or 200 stored before with the same body: mark the row delivered. */
  z.object({ outcome: z.literal('delivered'), status: z.union([z.literal(200), z.literal(201)]) }),
  /**
   * 400/422 (or another 4xx): the body breaks the schema or an invariant, in the central
   * system's words. `status` is null when the kiosk refused it itself and sent nothing.
   */
  z.object({ outcome: z.literal('refused'), status: z.number().int().nullable(), reason }),
  /** 401: unknown device, bad signature or clock more than 300 s off. Stop retrying. */
  z.object({ outcome: z.literal('unauthorized'), status: z.literal(401), reason }),
  /** 409: this day was stored before with a different body. Stop retrying; show it. */
  z.object({ outcome: z.literal('conflict'), status: z.literal(409), reason }),
  /**
   * Passing trouble (429, 5xx, timeout, refused or reset connection): try again later,
   * not before `retryAfterMs` when the central system said so. `status` is null when no
   * answer arrived.
   */
  z.object({ outcome: z.literal('retry'), status: z.number().int().nullable(), reason, retryAfterMs: z.number().int().nonnegative().nullable() }),
  /** Nothing was sent: the device has no key or no central address yet. Keep the day queued. */
  z.object({ outcome: z.literal('not-enrolled'), reason }),
]);
export type UploadOutcome = z.infer<typeof UploadOutcomeSchema>;

export const SavedEnvelopeSchema = z.object({
  /** Where the host wrote it: `<dataDir>/envelopes/<deviceId>-<date>-Z<n>.json` (the id's "/" as "_"). */
  path: z.string(),
  fileName: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type SavedEnvelope = z.infer<typeof SavedEnvelopeSchema>;

export const uploadMethods = {
  /**
   * Signs and sends one day once. `body` is the exact JSON text stored in the outbox: the
   * same bytes go out on every retry, so a repeat is recognised (200) and never stored twice.
   */
  'upload.send': {
    input: z.object({ body: z.string().min(2).max(900 * 1024) }).strict(),
    output: UploadOutcomeSchema,
  },
  /**
   * "Save to file": the same body text, checked with PROTOCOL.md's validator, written
   * owner-only into the host's `envelopes/` folder for `npm run upload … FILE` from a USB
   * stick. The date and Z number must be the body's own (a row mixed up with another
   * day's body is refused). Returns where it went; no path comes from the renderer.
   */
  'upload.saveEnvelope': {
    input: z.object({
      body: z.string().min(2).max(900 * 1024),
      businessDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      zNumber: z.number().int().positive(),
    }).strict(),
    output: SavedEnvelopeSchema,
  },
} as const;
