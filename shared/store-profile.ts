import { z } from 'zod';
import { SERIES_PATTERN } from './invoice';
import { VPA_PATTERN } from './upi';
import { webShopPatternProblem } from './maker-story';

/** GSTIN: 2-digit state code, PAN, entity number, "Z", checksum character. */
export const GSTIN_PATTERN = /^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;

/**
 * The market as it appears on receipts and uploads: business data kept in the store
 * (renderer/db settings), editable by the manager.
 */
export const StoreProfileSchema = z.object({
  marketId: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.string().min(1).max(60),
  addressLines: z.array(z.string().max(60)).min(1).max(4),
  phone: z.string().max(30),
  gstin: z.string().regex(GSTIN_PATTERN, 'GSTIN is 15 characters, e.g. 01ABCDE1234F1Z5'),
  /** This device's invoice series, e.g. "K01" (GST rule 46: one series per device). */
  invoiceSeries: z.string().regex(SERIES_PATTERN),
  upiVpa: z.string().regex(VPA_PATTERN, 'A UPI id looks like name@bank'),
  upiPayeeName: z.string().min(1).max(50),
  /** Round all-cash totals to the rupee with a round-off line. */
  cashRounding: z.boolean(),
  /** Discounts above this percentage of a line need a manager's PIN. */
  discountLimitPct: z.number().int().min(0).max(100),
  /**
   * Selling more pieces than the stock count needs the operator's confirmation; more than
   * this many beyond the count needs a manager's PIN (see shared/stock.ts). Stores saved
   * before this field existed get the default.
   */
  overStockManagerPieces: z.number().int().min(0).max(1000).default(2),
  /**
   * Minutes without a touch or a key after which the kiosk signs whoever is in out (a
   * counter left signed in lets anyone sell or approve). Stores saved before this field
   * existed get the default.
   */
  idleSignOutMinutes: z.number().int().min(1).max(240).default(5),
  timeZone: z.string().min(1),
  /** Base URL of artisans' story pages for label QR codes; empty: no QR. */
  storyBaseUrl: z.string().max(200),
  footer: z.string().max(200),
  // The artisans' stories (issue 12). Stores saved before these fields existed get the defaults.
  /**
   * The web shop's page of an artisan, `https://…{code}…` (shared/maker-story.ts); empty:
   * no web shop, so receipts carry no maker QR codes and the web-shop feed no story URLs.
   */
  webShopStoryPattern: z.string().max(200)
    .refine((p) => webShopPatternProblem(p) === null, 'A web-shop story address starts https:// and contains {code}')
    .default(''),
  /** Receipts: a QR code per artisan, or one for the whole sale. */
  receiptMakerQr: z.enum(['per-artisan', 'sale']).default('per-artisan'),
  /** Seconds without a touch on the sign-in screen before the artisans' spotlights show; 0: never. */
  attractAfterSeconds: z.number().int().min(0).max(3600).default(90),
});
export type StoreProfile = z.infer<typeof StoreProfileSchema>;
