/**
 * Runs in a blank page of Debian's Chromium (bench/seed-bench.ts puts it there): the year
 * seeder of tests/fixtures/year-store.ts against a fresh demo store in the page's
 * IndexedDB, timed, and the same records made without writing them, so the time splits
 * into making the rows and writing them.
 */
import './zod-jitless';
import { seedDemoIfEmpty } from '../renderer/db/seed';
import { newId } from '../renderer/db/ids';
import { openSeedingDb, seedYearStore, yearBaseOf, yearRecords, type SeededYear, type YearSize } from '../tests/fixtures/year-store';
import { calendarDateIn } from '../shared/time';

const DEVICE_ID = 'demo-market/K01';

/** Makes the year's records and drops them: the building side alone. */
async function makeOnly(name: string, size: YearSize): Promise<{ records: number; rows: number; ms: number }> {
  const db = await openSeedingDb(name);
  try {
    await seedDemoIfEmpty(db, { now: new Date(), newId });
    const base = await yearBaseOf(db, DEVICE_ID);
    const started = performance.now();
    let records = 0;
    let rows = 0;
    for (const record of yearRecords(base, { ...size, today: calendarDateIn(new Date(), base.profile.timeZone), seed: 11 })) {
      records++;
      for (const list of Object.values(record.data)) rows += list.length;
    }
    return { records, rows, ms: Math.round(performance.now() - started) };
  } finally {
    db.close();
  }
}

/** The bench's seeding, into a fresh store named `name`. */
async function seed(name: string, size: YearSize): Promise<SeededYear> {
  const db = await openSeedingDb(name);
  try {
    await seedDemoIfEmpty(db, { now: new Date(), newId });
    return await seedYearStore(db, {
      ...size, now: new Date(), deviceId: DEVICE_ID,
      onProgress: (p) => console.log(`seed: ${p.records} records, ${p.rows} rows written, up to ${p.last.kind} at ${p.last.at}`),
    });
  } finally {
    db.close();
  }
}

const api = { makeOnly, seed };
export type SeedPage = typeof api;
(globalThis as unknown as { chinarSeed: SeedPage }).chinarSeed = api;
