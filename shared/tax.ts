import { z } from 'zod';
import { divideRoundHalfUp, type Paise } from './money';

/**
 * GST rates come from an editable tax table (settings data, not code): rates change by
 * notification. Rates are in basis points (500 = 5%) so every rate is an integer.
 *
 * A rule matches a product by HSN prefix and, optionally, the handmade flag; its slabs
 * are decided on the per-piece value after discount and BEFORE GST (GST notifications set
 * thresholds on the "sale value" per piece, e.g. textiles at ₹2,500 a piece, and the CBIC
 * rate FAQs read "sale value" as the transaction value, which excludes the GST itself).
 */
export const TaxSlabSchema = z.object({
  /**
   * Applies while the per-piece value before GST (paise, after discount, GST excluded) is
   * at most this; null = no upper bound.
   */
  upToPaise: z.number().int().positive().nullable(),
  rateBps: z.number().int().min(0).max(10_000),
});

export const TaxRuleSchema = z.object({
  id: z.string().min(1),
  /** Digits of the HSN code this rule covers, e.g. "57" or "6214"; "" matches every code. */
  hsnPrefix: z.string().regex(/^\d{0,8}$/, 'HSN prefix must be digits'),
  /** true: handmade goods only; false: machine-made only; null: either. */
  handmade: z.boolean().nullable(),
  label: z.string(),
  /** Ordered by upToPaise ascending; the last slab has upToPaise null. */
  slabs: z.array(TaxSlabSchema).min(1),
});

export type TaxSlab = z.infer<typeof TaxSlabSchema>;
export type TaxRule = z.infer<typeof TaxRuleSchema>;
export const TaxTableSchema = z.array(TaxRuleSchema);
export type TaxTable = readonly TaxRule[];

const HANDMADE_5 = ['57', '5805', '5810', '6117', '6214', '6304', '4420', '4421', '4602', '4823', '7418'];

/**
 * The starting table from DESIGN.md, as it stands after the GST rate rationalisation in
 * force from 22 September 2025: handicrafts of the listed headings at 5%; other textiles
 * (chapters 50–63) at 5% up to ₹2,500 a piece and 18% above; anything else 18%.
 */
export const DEFAULT_TAX_TABLE: TaxTable = [
  ...HANDMADE_5.map((hsnPrefix): TaxRule => ({
    id: `handmade-${hsnPrefix}`, hsnPrefix, handmade: true,
    label: `Handmade, HSN ${hsnPrefix}`, slabs: [{ upToPaise: null, rateBps: 500 }],
  })),
  ...Array.from({ length: 14 }, (_, i): TaxRule => {
    const chapter = String(50 + i);
    return {
      id: `textile-${chapter}`, hsnPrefix: chapter, handmade: null,
      label: `Textiles, chapter ${chapter}`,
      slabs: [{ upToPaise: 250_000, rateBps: 500 }, { upToPaise: null, rateBps: 1800 }],
    };
  }),
  { id: 'default', hsnPrefix: '', handmade: null, label: 'Everything else', slabs: [{ upToPaise: null, rateBps: 1800 }] },
];

export interface TaxSubject {
  hsn: string;
  handmade: boolean;
  /** A product's own rate, overriding the table. */
  gstRateBpsOverride: number | null;
}

/**
 * The most specific matching rule wins: the longest HSN prefix, then a rule that names
 * the handmade flag over one that does not. Returns null when nothing matches.
 */
export function findTaxRule(table: TaxTable, hsn: string, handmade: boolean): TaxRule | null {
  let best: TaxRule | null = null;
  for (const rule of table) {
    if (!hsn.startsWith(rule.hsnPrefix)) continue;
    if (rule.handmade !== null && rule.handmade !== handmade) continue;
    if (
      best === null ||
      rule.hsnPrefix.length > best.hsnPrefix.length ||
      (rule.hsnPrefix.length === best.hsnPrefix.length && best.handmade === null && rule.handmade !== null)
    ) best = rule;
  }
  return best;
}

/**
 * The GST rate for `pieces` pieces that together cost `inclusive` paise (GST-inclusive,
 * after discount): a label price with one piece, or a cart line.
 *
 * The slab threshold is on the transaction value, i.e. the value before GST (CBIC, GST
 * rates FAQ of 27 July 2017, Q33 on readymade garments: "sale value" is the transaction
 * value, not the retail price; CGST Act s.15 leaves the tax itself out of that value). Our
 * prices include GST, so the value depends on the rate it is meant to decide. The rule:
 * try the slabs from the lowest; a slab applies when the value before GST at THAT slab's
 * rate is within its bound. So a textile piece takes 5% while price − GST at 5% ≤ ₹2,500,
 * i.e. an inclusive price up to ₹2,625.00; from ₹2,625.01 its value cannot be ₹2,500 or
 * less at 5%, and it takes 18% (never a lower rate than the value supports). The line's
 * value is compared with bound × pieces, so rounding a per-piece share never moves a slab.
 */
export function gstRateBps(table: TaxTable, subject: TaxSubject, inclusive: Paise, pieces = 1): number {
  if (subject.gstRateBpsOverride !== null) return subject.gstRateBpsOverride;
  if (!Number.isSafeInteger(pieces) || pieces < 1) throw new RangeError(`A slab needs a whole number of pieces, not ${pieces}`);
  const rule = findTaxRule(table, subject.hsn, subject.handmade);
  if (!rule) return 1800;
  for (const slab of rule.slabs) {
    if (slab.upToPaise === null || valueBeforeGst(inclusive, slab.rateBps) <= slab.upToPaise * pieces) return slab.rateBps;
  }
  return rule.slabs[rule.slabs.length - 1]!.rateBps;
}

/** The transaction value inside a GST-inclusive amount at `rateBps`: amount − GST, as a line computes it. */
export function valueBeforeGst(inclusive: Paise, rateBps: number): Paise {
  return (inclusive - taxInside(inclusive, rateBps)) as Paise;
}

/** GST inside a GST-inclusive amount: round(gross × rate / (100 + rate)), half up. */
export function taxInside(gross: Paise, rateBps: number): Paise {
  return divideRoundHalfUp(gross * rateBps, 10_000 + rateBps) as Paise;
}

/** Intra-state split: SGST = ⌊tax / 2⌋ and CGST takes the rest, so they always add up. */
export function splitCgstSgst(tax: Paise): { cgst: Paise; sgst: Paise } {
  const sgst = Math.floor(tax / 2);
  return { cgst: (tax - sgst) as Paise, sgst: sgst as Paise };
}

/** "5%" or "2.5%" for documents. */
export function formatRate(rateBps: number): string {
  const whole = Math.floor(rateBps / 100);
  const fraction = rateBps % 100;
  return fraction === 0 ? `${whole}%` : `${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')}%`;
}
