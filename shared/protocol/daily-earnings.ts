import { z } from 'zod';

/**
 * The body of `POST /v1/daily-earnings` (PROTOCOL.md, version 1): one closed business day
 * and what each artisan earned in it. The central system is not ours to change, so this
 * schema follows that page field for field, and `envelopeProblems` checks the same
 * invariants the central system checks. Amounts are integer paise; return lines carry
 * negative quantities and amounts on the day the return was made.
 */

export const DAILY_EARNINGS_SCHEMA = 'chinar.daily-earnings/1';
export const DAILY_EARNINGS_PATH = '/v1/daily-earnings';

const BUSINESS_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** ISO 8601 with an explicit offset (PROTOCOL.md: "instants are ISO 8601 with offset"). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/;

const paiseAmount = z.number().int().refine(Number.isSafeInteger, 'must be a safe integer');
const businessDate = z.string().regex(BUSINESS_DATE, 'must be YYYY-MM-DD');
const instant = z.string().regex(INSTANT, 'must be ISO 8601 with offset');

export const EarningsLineSchema = z.strictObject({
  receiptNo: z.string().min(1).max(16),
  sku: z.string().min(1),
  /** Negative on return lines. */
  qty: z.number().int().refine((q) => q !== 0, 'must not be 0'),
  gross: paiseAmount,
  tax: paiseAmount,
  commission: paiseAmount,
  net: paiseAmount,
});

export const ArtisanEarningsSchema = z.strictObject({
  artisanCode: z.string().min(1),
  name: z.string(),
  fairWageCertified: z.boolean(),
  itemsSold: z.number().int(),
  /** Sum of the artisan's sale lines' gross. */
  gross: paiseAmount,
  /** Minus the sum of the artisan's return lines' gross (so positive). */
  returns: paiseAmount,
  tax: paiseAmount,
  commission: paiseAmount,
  net: paiseAmount,
  lines: z.array(EarningsLineSchema),
});

export const DailyEarningsSchema = z.strictObject({
  schema: z.literal(DAILY_EARNINGS_SCHEMA),
  deviceId: z.string().min(1),
  marketId: z.string().min(1),
  businessDate,
  zNumber: z.number().int().positive(),
  openedAt: instant,
  closedAt: instant,
  currency: z.literal('INR'),
  totals: z.strictObject({
    saleCount: z.number().int().nonnegative(),
    returnCount: z.number().int().nonnegative(),
    sales: paiseAmount,
    discounts: paiseAmount,
    returns: paiseAmount,
    roundOff: paiseAmount,
    tax: paiseAmount,
    commission: paiseAmount,
    artisanNet: paiseAmount,
    tenders: z.strictObject({ cash: paiseAmount, card: paiseAmount, upi: paiseAmount }),
    /** Never reset, like fiscal memory. */
    grandTotal: paiseAmount,
  }),
  cash: z.strictObject({
    openingFloat: paiseAmount,
    expected: paiseAmount,
    counted: paiseAmount,
    overShort: paiseAmount,
  }),
  artisans: z.array(ArtisanEarningsSchema),
});

export type EarningsLine = z.infer<typeof EarningsLineSchema>;
export type ArtisanEarnings = z.infer<typeof ArtisanEarningsSchema>;
export type DailyEarnings = z.infer<typeof DailyEarningsSchema>;

/** `{deviceId}:{businessDate}:{zNumber}`: the same on every retry of one day. */
export function idempotencyKey(envelope: Pick<DailyEarnings, 'deviceId' | 'businessDate' | 'zNumber'>): string {
  return `${envelope.deviceId}:${envelope.businessDate}:${envelope.zNumber}`;
}

function sum<T>(items: readonly T[], pick: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += pick(item);
  return total;
}

/**
 * Every invariant PROTOCOL.md says the central system checks, as sentences naming the
 * figure that is off; an empty list means the day would be accepted. Runs on data that
 * already passed `DailyEarningsSchema`.
 */
export function envelopeProblems(envelope: DailyEarnings): string[] {
  const problems: string[] = [];
  const expect = (what: string, actual: number, wanted: number): void => {
    if (actual !== wanted) problems.push(`${what} is ${actual} but should be ${wanted}`);
  };
  const { totals, cash } = envelope;
  const seenCodes = new Set<string>();
  for (const a of envelope.artisans) {
    const who = `artisan ${a.artisanCode}`;
    if (seenCodes.has(a.artisanCode)) problems.push(`${who} appears more than once`);
    seenCodes.add(a.artisanCode);
    const sales = a.lines.filter((l) => l.qty > 0);
    const returns = a.lines.filter((l) => l.qty < 0);
    expect(`${who} gross`, a.gross, sum(sales, (l) => l.gross));
    expect(`${who} returns`, a.returns, -sum(returns, (l) => l.gross));
    expect(`${who} tax`, a.tax, sum(a.lines, (l) => l.tax));
    expect(`${who} commission`, a.commission, sum(a.lines, (l) => l.commission));
    expect(`${who} net`, a.net, sum(a.lines, (l) => l.net));
    expect(`${who} net (gross − returns − tax − commission)`, a.net, a.gross - a.returns - a.tax - a.commission);
    a.lines.forEach((l, i) => expect(`${who} line ${i + 1} net (gross − tax − commission)`, l.net, l.gross - l.tax - l.commission));
  }
  expect('totals.sales', totals.sales, sum(envelope.artisans, (a) => a.gross));
  expect('totals.returns', totals.returns, sum(envelope.artisans, (a) => a.returns));
  expect('totals.tax', totals.tax, sum(envelope.artisans, (a) => a.tax));
  expect('totals.commission', totals.commission, sum(envelope.artisans, (a) => a.commission));
  expect('totals.artisanNet', totals.artisanNet, sum(envelope.artisans, (a) => a.net));
  expect(
    'totals.tenders (cash + card + upi)',
    totals.tenders.cash + totals.tenders.card + totals.tenders.upi,
    totals.sales - totals.returns + totals.roundOff,
  );
  expect('cash.overShort', cash.overShort, cash.counted - cash.expected);
  return problems;
}

/**
 * DailyEarningsSchema's checks of every value, by hand, for a body the kiosk has just built
 * itself (shared/envelope.ts buildEnvelope, whose object literals give exactly the schema's
 * keys, in its order): the Z close of a busy day lists thousands of lines, and zod without
 * its compiler (the app's CSP allows no eval) took most of a second's tenth over them. Empty
 * when zod would accept the body: tests/shared/protocol/daily-earnings.test.ts holds the
 * two to the same verdict. Whatever crosses to the host or the central system is still
 * parsed there with the schema itself.
 */
export function builtEnvelopeShapeProblems(e: DailyEarnings): string[] {
  const problems: string[] = [];
  const isInt = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v);
  const amount = (path: string, v: unknown) => { if (!isInt(v)) problems.push(`${path}: must be a safe integer number of paise`); };
  const text = (path: string, v: unknown, min: number, max = Infinity) => {
    if (typeof v !== 'string' || v.length < min || v.length > max) problems.push(`${path}: must be a string of ${min}${max === Infinity ? ' or more' : `–${max}`} characters`);
  };
  const matches = (path: string, v: unknown, pattern: RegExp, what: string) => { if (typeof v !== 'string' || !pattern.test(v)) problems.push(`${path}: must be ${what}`); };
  if (e.schema !== DAILY_EARNINGS_SCHEMA) problems.push(`schema: must be ${DAILY_EARNINGS_SCHEMA}`);
  text('deviceId', e.deviceId, 1);
  text('marketId', e.marketId, 1);
  matches('businessDate', e.businessDate, BUSINESS_DATE, 'YYYY-MM-DD');
  if (!isInt(e.zNumber) || e.zNumber <= 0) problems.push('zNumber: must be a positive integer');
  matches('openedAt', e.openedAt, INSTANT, 'ISO 8601 with offset');
  matches('closedAt', e.closedAt, INSTANT, 'ISO 8601 with offset');
  if (e.currency !== 'INR') problems.push('currency: must be INR');
  const t = e.totals;
  for (const [key, v] of [['saleCount', t.saleCount], ['returnCount', t.returnCount]] as const) {
    if (!isInt(v) || v < 0) problems.push(`totals.${key}: must be a whole number, 0 or more`);
  }
  for (const key of ['sales', 'discounts', 'returns', 'roundOff', 'tax', 'commission', 'artisanNet', 'grandTotal'] as const) amount(`totals.${key}`, t[key]);
  for (const key of ['cash', 'card', 'upi'] as const) amount(`totals.tenders.${key}`, t.tenders[key]);
  for (const key of ['openingFloat', 'expected', 'counted', 'overShort'] as const) amount(`cash.${key}`, e.cash[key]);
  e.artisans.forEach((a, i) => {
    const at = `artisans.${i}`;
    text(`${at}.artisanCode`, a.artisanCode, 1);
    text(`${at}.name`, a.name, 0);
    if (typeof a.fairWageCertified !== 'boolean') problems.push(`${at}.fairWageCertified: must be true or false`);
    if (!isInt(a.itemsSold)) problems.push(`${at}.itemsSold: must be a whole number`);
    for (const key of ['gross', 'returns', 'tax', 'commission', 'net'] as const) amount(`${at}.${key}`, a[key]);
    a.lines.forEach((l, k) => {
      const line = `${at}.lines.${k}`;
      text(`${line}.receiptNo`, l.receiptNo, 1, 16);
      text(`${line}.sku`, l.sku, 1);
      if (!isInt(l.qty) || l.qty === 0) problems.push(`${line}.qty: must be a whole number, not 0`);
      amount(`${line}.gross`, l.gross); amount(`${line}.tax`, l.tax); amount(`${line}.commission`, l.commission); amount(`${line}.net`, l.net);
    });
  });
  return problems;
}

export type EnvelopeCheck = { ok: true; envelope: DailyEarnings } | { ok: false; problems: string[] };

/** Schema first, then the invariants: what the central system would say of this body. */
export function checkEnvelope(body: unknown): EnvelopeCheck {
  const parsed = DailyEarningsSchema.safeParse(body);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`) };
  }
  const problems = envelopeProblems(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, envelope: parsed.data };
}
