import { z } from 'zod';
import type { Cart } from './cart';
import { cartTotals } from './cart';
import type { SaleLineEntity } from './entities';
import { sumPaise, type Paise } from './money';
import type { TaxTable } from './tax';
import { TOURIST_CURRENCIES, type TouristAmount } from './tourist-currency';

/**
 * The customer display's view model (issue 12, item 1): what the tourist across the
 * counter may see, and nothing else. The counter builds it from the cart, the pay dialog
 * and the finished sale, and publishes it to the host (`display.publish`); the host keeps
 * the last one and sends it to the display window or page. By construction it holds no
 * PIN, no operator or manager name, no approval and no screen of the operator's: only
 * pieces, makers, amounts, the UPI request and the artisans' shares.
 *
 * Sizes are limited here so a state stays small (a cart of 40 lines with photos is well
 * under DISPLAY_MAX_BODY_BYTES); a longer cart shows its last DISPLAY_MAX_LINES lines and
 * says how many more there are.
 */

export const DISPLAY_MAX_LINES = 40;
export const DISPLAY_MAX_ARTISANS = 24;
/** A small photo as a data: URL (the `stories` photos are resized on import). */
export const DISPLAY_MAX_PHOTO_CHARS = 12_000;
export const DISPLAY_MAX_BODY_BYTES = 512 * 1024;

const Amount = z.number().int().min(-1e13).max(1e13);
const Name = z.string().max(80);
const Id = z.string().min(1).max(64);
const PhotoUrl = z.string().max(DISPLAY_MAX_PHOTO_CHARS).regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/, 'A photo is a small data: URL (png, jpeg or webp)');

export const DisplayLineSchema = z.object({
  productId: Id,
  name: Name,
  makerName: Name,
  artisanId: Id,
  qty: z.number().int().min(-9999).max(9999),
  /** The line's price after its discount, GST inclusive, paise. */
  amount: Amount,
}).strict();
export type DisplayLine = z.infer<typeof DisplayLineSchema>;

export const DisplayTouristAmountSchema = z.object({
  code: z.enum(TOURIST_CURRENCIES),
  cents: Amount,
  paisePerUnit: z.number().int().min(1),
  rateDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  stale: z.boolean(),
}).strict();

const CartFigures = {
  lines: z.array(DisplayLineSchema).max(DISPLAY_MAX_LINES),
  /** Lines beyond the ones shown (the oldest), 0 for most carts. */
  moreLines: z.number().int().min(0).max(100_000),
  itemCount: z.number().int().min(-100_000).max(100_000),
  total: Amount,
  tourist: z.array(DisplayTouristAmountSchema).max(TOURIST_CURRENCIES.length),
};

export const DisplayArtisanSchema = z.object({
  artisanId: Id,
  name: Name,
  /** What of this sale goes to her: the lines' taxable value less the market's commission (shared/earnings). */
  share: Amount,
  /** Her photo, when the store has one; the display draws her initials otherwise. */
  photoUrl: PhotoUrl.optional(),
}).strict();
export type DisplayArtisan = z.infer<typeof DisplayArtisanSchema>;

export const DisplayPhaseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('idle') }).strict(),
  z.object({ kind: z.literal('cart'), ...CartFigures }).strict(),
  z.object({
    kind: z.literal('paying'),
    ...CartFigures,
    /** The UPI request on the pay screen now, or null while paying another way. */
    upi: z.object({ uri: z.string().max(600).startsWith('upi://pay?'), amount: Amount }).strict().nullable(),
  }).strict(),
  z.object({
    kind: z.literal('thanks'),
    total: Amount,
    tourist: z.array(DisplayTouristAmountSchema).max(TOURIST_CURRENCIES.length),
    artisans: z.array(DisplayArtisanSchema).max(DISPLAY_MAX_ARTISANS),
    /** The share of the whole sale that goes to the artisans. */
    artisansShare: Amount,
  }).strict(),
]);
export type DisplayPhase = z.infer<typeof DisplayPhaseSchema>;

export const DisplayStateSchema = z.object({
  /** The counter's UI language: the display follows it. */
  language: z.enum(['en', 'hi', 'ur']),
  storeName: Name,
  phase: DisplayPhaseSchema,
}).strict();
export type DisplayState = z.infer<typeof DisplayStateSchema>;
export type DisplayLanguage = DisplayState['language'];

/** The cart figures of the display, from the counter's cart. */
export function displayCart(cart: Cart, table: TaxTable, tourist: readonly TouristAmount[]) {
  const totals = cartTotals(cart, table);
  const all = cart.items.map((item): DisplayLine => ({
    productId: item.productId,
    name: item.name.slice(0, 80),
    makerName: item.artisanName.slice(0, 80),
    artisanId: item.artisanId,
    qty: item.qty,
    amount: item.unitPrice * item.qty - item.discount,
  }));
  const lines = all.slice(-DISPLAY_MAX_LINES);
  return { lines, moreLines: all.length - lines.length, itemCount: totals.itemCount, total: totals.gross as number, tourist: [...tourist] };
}

/**
 * The thank-you: each artisan of the sale with her share (the sum of her lines'
 * `artisanNet`, the same figure her earnings report counts), in the order her first
 * piece was rung up. `photos` maps an artisan id to her photo's data: URL, when known.
 */
export function displayThanks(
  sale: { total: Paise | number; lines: readonly Pick<SaleLineEntity, 'artisanId' | 'artisanName' | 'artisanNet' | 'lineNo'>[] },
  tourist: readonly TouristAmount[],
  photos: ReadonlyMap<string, string> = new Map(),
): Extract<DisplayPhase, { kind: 'thanks' }> {
  const byArtisan = new Map<string, DisplayArtisan>();
  for (const line of [...sale.lines].sort((a, b) => a.lineNo - b.lineNo)) {
    const entry = byArtisan.get(line.artisanId) ?? { artisanId: line.artisanId, name: line.artisanName.slice(0, 80), share: 0 };
    entry.share += line.artisanNet;
    byArtisan.set(line.artisanId, entry);
  }
  const artisans = [...byArtisan.values()].slice(0, DISPLAY_MAX_ARTISANS).map((a) => {
    const photo = photos.get(a.artisanId);
    return photo !== undefined && PhotoUrl.safeParse(photo).success ? { ...a, photoUrl: photo } : a;
  });
  return {
    kind: 'thanks',
    total: sale.total,
    tourist: [...tourist],
    artisans,
    artisansShare: sumPaise(sale.lines, (l) => l.artisanNet),
  };
}

/**
 * What the display window's preload puts on its page (`window.chinarDisplay`): the
 * display's states and nothing else. States arrive unchecked (the sandboxed preload
 * carries no zod); the page checks each against DisplayStateSchema.
 */
export interface DisplayBridge {
  /** Calls `listener` with the last state at once (when there is one) and with every new one. */
  onDisplayState(listener: (state: unknown) => void): () => void;
}
