import type { DayFigures } from './day-report';
import { builtEnvelopeShapeProblems, checkEnvelope, DAILY_EARNINGS_SCHEMA, envelopeProblems, type DailyEarnings } from './protocol/daily-earnings';

/**
 * The PROTOCOL.md `DailyEarnings` body of a closed day, from its Z figures, and its bytes.
 * The close stores the serialized text in the outbox once; every retry sends those same
 * bytes, so the central system's idempotency check (same key, same body) holds.
 */
export interface EnvelopeIds {
  deviceId: string;
  marketId: string;
}

export function buildEnvelope(z: DayFigures, ids: EnvelopeIds): DailyEarnings {
  if (z.status !== 'closed' || z.closedAt === null) throw new RangeError(`Day ${z.businessDate} is not closed: only a Z goes upstream`);
  if (z.cash.counted === null || z.cash.overShort === null) throw new RangeError(`Day ${z.businessDate} has no cash count`);
  if (z.deviceId !== ids.deviceId) throw new RangeError(`Day ${z.businessDate} was traded on ${z.deviceId}, not ${ids.deviceId}`);
  const artisans = z.artisans.map((a) => ({
    artisanCode: a.artisanCode, name: a.name, fairWageCertified: a.fairWageCertified, itemsSold: a.itemsSold,
    gross: a.gross, returns: a.returns, tax: a.tax, commission: a.commission, net: a.net,
    lines: a.lines.map((l) => ({ receiptNo: l.receiptNo, sku: l.sku, qty: l.qty, gross: l.gross, tax: l.tax, commission: l.commission, net: l.net })),
  }));
  let tax = 0, commission = 0, net = 0;
  for (const a of artisans) { tax += a.tax; commission += a.commission; net += a.net; }
  return {
    schema: DAILY_EARNINGS_SCHEMA, deviceId: ids.deviceId, marketId: ids.marketId, businessDate: z.businessDate,
    zNumber: z.zNumber, openedAt: z.openedAt, closedAt: z.closedAt, currency: 'INR',
    totals: {
      saleCount: z.saleCount, returnCount: z.returnCount, sales: z.sales, discounts: z.discounts, returns: z.returns,
      roundOff: z.roundOff, tax, commission, artisanNet: net,
      tenders: { cash: z.tenders.cash, card: z.tenders.card, upi: z.tenders.upi }, grandTotal: z.grandTotal,
    },
    cash: { openingFloat: z.cash.openingFloat, expected: z.cash.expected, counted: z.cash.counted, overShort: z.cash.overShort },
    artisans,
  };
}

/**
 * The exact body text: keys in PROTOCOL.md's order, no whitespace. Refuses a body the
 * central system would refuse (400/422 is final: better to stop the close and say why).
 */
export function serializeEnvelope(envelope: DailyEarnings): string {
  const check = checkEnvelope(envelope);
  if (!check.ok) throw new RangeError(`The day's upload would be refused: ${check.problems.join('; ')}`);
  return JSON.stringify(check.envelope);
}

/**
 * serializeEnvelope for a body buildEnvelope has just made: the same verdict and the same
 * bytes (buildEnvelope writes the schema's keys in its order, so zod's copy would be the
 * same object), with the schema's checks done by hand (builtEnvelopeShapeProblems), since
 * zod without its compiler is the slowest part of a busy day's close.
 */
export function serializeBuiltEnvelope(envelope: DailyEarnings): string {
  const shape = builtEnvelopeShapeProblems(envelope);
  const problems = shape.length > 0 ? shape : envelopeProblems(envelope);
  if (problems.length > 0) throw new RangeError(`The day's upload would be refused: ${problems.join('; ')}`);
  return JSON.stringify(envelope);
}
