import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { EMPTY_CASH_COUNT } from '../../../shared/cash-count';
import { DEMO_PINS, openBusinessDay, openChinarDb, seedDemoIfEmpty, signInWithPin, type ChinarDb } from '../../../renderer/db';

/** Deterministic ids for tests: id-0001, id-0002, … */
export function sequentialIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(4, '0')}`;
}

export const NOON_IN_SRINAGAR = new Date('2026-11-22T06:30:00Z');

/**
 * A fresh IndexedDB (fake-indexeddb) per test, seeded with the demo market and, like a
 * counter ready to sell, with a day opened by the demo manager (no float) at
 * NOON_IN_SRINAGAR. `openDay: false` leaves the day for the test to open.
 */
export async function freshStore(options: { seed?: boolean; openDay?: boolean } = {}): Promise<{ db: ChinarDb; factory: IDBFactory; newId: () => string }> {
  const factory = new IDBFactory();
  const db = await openChinarDb('test', { indexedDB: factory, IDBKeyRange });
  const newId = sequentialIds();
  const seed = options.seed ?? true;
  if (seed) await seedDemoIfEmpty(db, { now: NOON_IN_SRINAGAR, newId });
  if (seed && (options.openDay ?? true)) await openTestDay(db, newId);
  return { db, factory, newId };
}

/** Opens a day as the demo manager with `float` paise in coins (the counter's "day open"). */
export async function openTestDay(db: ChinarDb, newId: () => string, now = NOON_IN_SRINAGAR, float = 0) {
  const manager = (await signInWithPin(db, DEMO_PINS.manager))!;
  return openBusinessDay(db, {
    managerId: manager.id, count: { ...EMPTY_CASH_COUNT, coins: float as typeof EMPTY_CASH_COUNT.coins }, deviceId: 'demo-market/K01',
    now, timeZone: 'Asia/Kolkata', newId,
  });
}
