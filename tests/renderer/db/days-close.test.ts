import type { DBCore, DBCoreTable } from 'dexie';
import { describe, expect, it } from 'vitest';
import { dayReport, type ChinarDb } from '../../../renderer/db';
import { buildEnvelope, serializeEnvelope } from '../../../shared/envelope';
import { seeded } from '../../fixtures/random';
import { counterWithFloat, nextDay, randomEvent, type Counter } from './random-counter';

/**
 * The Z close's quick path (issue 11): with the day's summary at hand the close reads the
 * day's sales, lines and cash movements but not its payments, and its upload body must be
 * byte for byte the one every row gives (the day's figures folded from all its rows, as
 * the close did before, and zod's serializeEnvelope).
 */

/**
 * The tables each read of `db` touches from now on, in order (a Dexie middleware: the reads
 * as IndexedDB gets them). Dexie builds its middleware stack when it opens, so it reopens.
 */
async function watchReads(db: ChinarDb): Promise<string[]> {
  const reads: string[] = [];
  db.close();
  db.use({
    stack: 'dbcore', name: 'watch-reads',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name: string): DBCoreTable {
        const table = down.table(name);
        return {
          ...table,
          get: (req) => { reads.push(name); return table.get(req); },
          getMany: (req) => { reads.push(name); return table.getMany(req); },
          query: (req) => { reads.push(name); return table.query(req); },
          openCursor: (req) => { reads.push(name); return table.openCursor(req); },
        };
      },
    }),
  });
  await db.open();
  return reads;
}

/** The body every row of the closed day gives, the way the close built it before it trusted the summary. */
async function bodyFromEveryRow(c: Counter, dayId: string): Promise<string> {
  const { figures } = await dayReport(c.db, dayId);
  return serializeEnvelope(buildEnvelope(figures, { deviceId: 'demo-market/K01', marketId: 'demo-market' }));
}

async function outboxBody(c: Counter, dayId: string): Promise<string> {
  const row = await c.db.outbox.where('dayId').equals(dayId).first();
  if (!row) throw new Error(`no outbox row for ${dayId}`);
  return row.body;
}

describe('the Z close of a day with its summary', () => {
  it('uploads exactly the bytes every row of the day gives, over random days (returns, voids, split tenders, paid-ins, payouts)', async () => {
    for (const seed of [3, 17, 2026]) {
      const c = await counterWithFloat();
      const next = seeded(seed);
      for (let d = 0; d < 3; d++) {
        for (let i = 0; i < 25; i++) await randomEvent(c, next);
        const dayId = c.dayId;
        await nextDay(c);
        expect(await outboxBody(c, dayId)).toBe(await bodyFromEveryRow(c, dayId));
      }
    }
  });

  it('reads no payment when the summary is current, and every row when the day has none (restored, or from before v40)', async () => {
    const c = await counterWithFloat();
    const next = seeded(41);
    for (let i = 0; i < 15; i++) await randomEvent(c, next);
    const reads = await watchReads(c.db);
    let dayId = c.dayId;
    await nextDay(c);
    expect(reads).toContain('saleLines');
    expect(reads).not.toContain('payments');
    expect(await outboxBody(c, dayId)).toBe(await bodyFromEveryRow(c, dayId));

    for (let i = 0; i < 15; i++) await randomEvent(c, next);
    await c.db.daySummaries.delete(c.dayId);
    reads.length = 0;
    dayId = c.dayId;
    await nextDay(c);
    expect(reads).toContain('payments');
    expect(await outboxBody(c, dayId)).toBe(await bodyFromEveryRow(c, dayId));
  });

  it('folds every row when the summary does not match them: the rows are the truth, and the body is still theirs', async () => {
    const c = await counterWithFloat();
    const next = seeded(7);
    for (let i = 0; i < 20; i++) await randomEvent(c, next);
    const summary = (await c.db.daySummaries.get(c.dayId))!;
    // A summary one piece and a rupee off the rows (as a bug or a half-restored store might leave it).
    await c.db.daySummaries.put({ ...summary, tally: { ...summary.tally, itemsSold: summary.tally.itemsSold + 1, salesGross: summary.tally.salesGross + 100 } });
    const reads = await watchReads(c.db);
    const dayId = c.dayId;
    await nextDay(c);
    expect(reads).toContain('payments');
    expect(await outboxBody(c, dayId)).toBe(await bodyFromEveryRow(c, dayId));
    // The Z reprint reads the summary the close wrote: the rows' figures, not the bad ones.
    expect((await c.db.daySummaries.get(dayId))!.tally.itemsSold).toBe(summary.tally.itemsSold);
  });
});
