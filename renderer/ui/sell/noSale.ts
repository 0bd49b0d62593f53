/**
 * The reasons for a no-sale drawer open, offered as one tap each. They are stored as
 * these codes, not the words on screen, so the audit reads the same whatever language
 * the counter was in.
 */
export const NO_SALE_REASONS = ['change-for-note', 'count-float', 'other'] as const;
export type NoSaleReason = (typeof NO_SALE_REASONS)[number];

export const NOTE_MAX = 60;

/** What goes into the audit entry: the code, and for "other" the operator's few words if any. */
export function noSaleReasonText(reason: NoSaleReason, note: string): string {
  const words = note.trim().replace(/\s+/g, ' ').slice(0, NOTE_MAX);
  return reason === 'other' && words ? `other: ${words}` : reason;
}
