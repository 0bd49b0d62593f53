import { describe, expect, it } from 'vitest';
import { serializeBuiltEnvelope, serializeEnvelope } from '../../../shared/envelope';
import {
  builtEnvelopeShapeProblems, checkEnvelope, DailyEarningsSchema, idempotencyKey, type DailyEarnings,
} from '../../../shared/protocol/daily-earnings';
import { protocolExample } from './example';

/** The example with one return line of a different piece by the same artisan. */
function withReturn(): DailyEarnings {
  const e = protocolExample();
  const a = e.artisans[0]!;
  a.lines.push({ receiptNo: 'K01/CN/2627/0001', sku: 'PSH-0099', qty: -1, gross: -105000, tax: -5000, commission: -15000, net: -85000 });
  a.returns = 105000; a.tax = 6905; a.commission = 20714; a.net = 117381;
  e.totals = { ...e.totals, returnCount: 1, returns: 105000, tax: 6905, commission: 20714, artisanNet: 117381, tenders: { cash: 145000, card: 0, upi: 0 } };
  return e;
}

describe('daily-earnings envelope', () => {
  it('accepts the example body of PROTOCOL.md', () => {
    expect(checkEnvelope(protocolExample())).toEqual({ ok: true, envelope: protocolExample() });
  });

  it('accepts a day with a return line and a day with no sales', () => {
    expect(checkEnvelope(withReturn()).ok).toBe(true);
    const empty = protocolExample();
    empty.artisans = [];
    empty.totals = { ...empty.totals, saleCount: 0, sales: 0, tax: 0, commission: 0, artisanNet: 0, tenders: { cash: 0, card: 0, upi: 0 } };
    expect(checkEnvelope(empty).ok).toBe(true);
  });

  it('keys a day by device, date and Z number', () => {
    expect(idempotencyKey(protocolExample())).toBe('srinagar-polo-view/K01:2026-11-22:17');
  });

  it('refuses fractions of a paisa, unknown fields and dates of the wrong shape', () => {
    const fraction = protocolExample();
    fraction.totals.tax = 11905.5;
    const extra = { ...protocolExample(), note: 'hi' };
    const date = { ...protocolExample(), businessDate: '22/11/2026' };
    for (const body of [fraction, extra, date]) expect(checkEnvelope(body).ok).toBe(false);
  });

  const broken: [string, (e: DailyEarnings) => void, string][] = [
    ['an artisan gross that is not the sum of her sale lines', (e) => { e.artisans[0]!.gross += 1; }, 'artisan A-014 gross'],
    ['returns that are not minus the return lines', (e) => { e.artisans[0]!.returns -= 1; e.artisans[0]!.net += 1; }, 'artisan A-014 returns'],
    ['a line whose net is not gross − tax − commission', (e) => { e.artisans[0]!.lines[0]!.net -= 1; }, 'line 1 net'],
    ['totals.sales off by a paisa', (e) => { e.totals.sales += 1; }, 'totals.sales'],
    ['totals.tax off by a paisa', (e) => { e.totals.tax -= 1; }, 'totals.tax'],
    ['tenders that do not add up to sales − returns + roundOff', (e) => { e.totals.tenders.card = 1; }, 'totals.tenders'],
    ['over/short that is not counted − expected', (e) => { e.cash.overShort = 0; }, 'cash.overShort'],
    ['an artisan listed twice', (e) => { e.artisans.push(structuredClone(e.artisans[0]!)); }, 'appears more than once'],
  ];
  it.each(broken)('refuses %s, naming the figure', (_, breakIt, named) => {
    const e = withReturn();
    breakIt(e);
    const result = checkEnvelope(e);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.join('\n')).toContain(named);
  });
});

describe("the close's own check of a body it built (builtEnvelopeShapeProblems)", () => {
  type Body = Record<string, unknown> & DailyEarnings;
  /** One value made wrong in one place: each is something DailyEarningsSchema refuses. */
  const spoilt: [string, (e: Body) => void][] = [
    ['a fraction of a paisa in a line', (e) => { e.artisans[0]!.lines[0]!.tax = 0.5; }],
    ['an unsafe integer in the totals', (e) => { e.totals.grandTotal = 2 ** 53; }],
    ['a string for an amount', (e) => { (e.cash as Record<string, unknown>).counted = '0'; }],
    ['a receipt number of 17 characters', (e) => { e.artisans[0]!.lines[0]!.receiptNo = 'K01/2627/00000001'; }],
    ['an empty receipt number', (e) => { e.artisans[0]!.lines[0]!.receiptNo = ''; }],
    ['an empty SKU', (e) => { e.artisans[0]!.lines[0]!.sku = ''; }],
    ['a line of no pieces', (e) => { e.artisans[0]!.lines[0]!.qty = 0; }],
    ['half a piece', (e) => { e.artisans[0]!.itemsSold = 1.5; }],
    ['an empty artisan code', (e) => { e.artisans[0]!.artisanCode = ''; }],
    ['a name that is not a string', (e) => { (e.artisans[0] as Record<string, unknown>).name = null; }],
    ['a certificate that is not a boolean', (e) => { (e.artisans[0] as Record<string, unknown>).fairWageCertified = 'yes'; }],
    ['a Z number of 0', (e) => { e.zNumber = 0; }],
    ['a negative sale count', (e) => { e.totals.saleCount = -1; }],
    ['a date of the wrong shape', (e) => { e.businessDate = '2026-13-01'; }],
    ['an instant with no offset', (e) => { e.closedAt = '2026-11-22T21:04:11'; }],
    ['another currency', (e) => { (e as Record<string, unknown>).currency = 'USD'; }],
    ['another schema', (e) => { (e as Record<string, unknown>).schema = 'chinar.daily-earnings/2'; }],
    ['an empty device id', (e) => { e.deviceId = ''; }],
    ['an empty market id', (e) => { e.marketId = ''; }],
  ];

  it('accepts what zod accepts, and serializes to the same bytes', () => {
    for (const body of [protocolExample(), withReturn()]) {
      expect(builtEnvelopeShapeProblems(body)).toEqual([]);
      expect(serializeBuiltEnvelope(body)).toBe(serializeEnvelope(body));
    }
  });

  it.each(spoilt)('refuses %s, as zod does', (_, spoil) => {
    const body = withReturn() as Body;
    spoil(body);
    expect(DailyEarningsSchema.safeParse(body).success).toBe(false);
    expect(builtEnvelopeShapeProblems(body)).not.toEqual([]);
    expect(() => serializeBuiltEnvelope(body)).toThrow(/would be refused/);
  });

  it('refuses a body whose figures do not add up, naming the figure, as serializeEnvelope does', () => {
    const body = withReturn();
    body.totals.tax += 1;
    expect(() => serializeBuiltEnvelope(body)).toThrow(/totals.tax/);
    expect(() => serializeEnvelope(body)).toThrow(/totals.tax/);
  });
});
