import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openChinarDb, seedDemoIfEmpty, type ChinarDb } from '../../../renderer/db';

/** Deterministic ids for tests: id-0001, id-0002, … */
export function sequentialIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(4, '0')}`;
}

export const NOON_IN_SRINAGAR = new Date('2026-11-22T06:30:00Z');

/** A fresh IndexedDB (fake-indexeddb) per test, seeded with the demo market. */
export async function freshStore(options: { seed?: boolean } = {}): Promise<{ db: ChinarDb; factory: IDBFactory; newId: () => string }> {
  const factory = new IDBFactory();
  const db = await openChinarDb('test', { indexedDB: factory, IDBKeyRange });
  const newId = sequentialIds();
  if (options.seed ?? true) await seedDemoIfEmpty(db, { now: NOON_IN_SRINAGAR, newId });
  return { db, factory, newId };
}
