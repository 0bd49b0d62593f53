import type { HostApi } from '../../shared/contract';
import type { JournalStatus } from '../../shared/contract/journal';
import { GENESIS_HEAD } from '../../shared/journal';
import {
  getStoreProfile, getTaxTable, getTouristCurrencies, isDemoData, journalHeadOf, newId, openChinarDb, pendingJournalIds, requestPersistence,
  seedDemoIfEmpty, storeIsEmpty, type ChinarDb,
} from '../db';
import { createJournalLink, rebuildFromJournal, type RebuildPlan } from './journal';
import { callHost, messageOf } from './outcome';
import type { Station } from './station';

export type BootStep = 'store' | 'settings' | 'journal';

/** Boot failed at a step; the message is the underlying reason, shown under our own words. */
export class BootError extends Error {
  constructor(readonly step: BootStep, message: string) {
    super(message);
  }
}

/** What a Station is made from before the store's own rows (profile, tax table) can be read. */
export type StationBase = Pick<Station, 'db' | 'host' | 'persistence' | 'settings' | 'journal'>;

/**
 * A started kiosk, or one whose store must first be rebuilt from the journal before anyone
 * may sign in (then `loadStation(base)` once it is).
 */
export type Booted =
  | { status: 'ready'; station: Station }
  | { status: 'recover'; base: StationBase; plan: RebuildPlan; journal: JournalStatus };

/**
 * Start of day for the kiosk: open the store, ask the browser to keep it (persistence),
 * read the host's journal status and machine settings, and decide whether the store must
 * first be rebuilt from the journal: it is missing (a fresh or wiped profile) while the
 * journal holds records, or it is behind (the journal goes past the last record this
 * store caught up with). The demo market is seeded only when both are empty: seeding over
 * a journal that has records would issue its invoice numbers again.
 */
export async function bootStation(host: HostApi, now: () => Date = () => new Date(), openDb: () => Promise<ChinarDb> = () => openChinarDb()): Promise<Booted> {
  // The store, the browser's persistence answer and the host's two answers do not depend
  // on each other: asked at once, the start waits for the slowest, not for their sum.
  const openStore = async () => {
    try {
      return await Promise.all([openDb(), requestPersistence()]);
    } catch (error) {
      throw new BootError('store', messageOf(error));
    }
  };
  const [[db, persistence], settings, status] = await Promise.all([
    openStore(), callHost(host, 'settings.get', {}), callHost(host, 'journal.status', {}),
  ]);
  if (settings.status !== 'ok') throw new BootError('settings', settings.message);
  const journal = status.status === 'ok' ? status.value : null;

  let recovery: RebuildPlan | null = null;
  try {
    const [empty, head] = await Promise.all([storeIsEmpty(db), journalHeadOf(db)]);
    if (empty && status.status !== 'ok') {
      // A fresh store that cannot see the journal must not seed: it might reissue numbers.
      throw new BootError('journal', status.message);
    }
    if (journal && empty && journal.lastSeq > 0) {
      recovery = { from: GENESIS_HEAD, skipIds: [], clear: true };
    } else if (journal && !empty && journal.lastSeq > head.seq) {
      recovery = { from: head, skipIds: await pendingJournalIds(db), clear: false };
      // Most often the journal is ahead only by our own records whose answer was lost
      // (the page died between the host's fsync and the acknowledgement): catch up
      // quietly; only records this store never had need the recovery screen.
      if (await onlyOurs(host, recovery)) {
        const quiet = await rebuildFromJournal(db, host, recovery);
        if (quiet.status === 'ok') recovery = null;
      }
    }
    if (!recovery && empty) await seedDemoIfEmpty(db, { now: now(), newId });
  } catch (error) {
    if (error instanceof BootError) throw error;
    throw new BootError('store', messageOf(error));
  }
  const link = createJournalLink(db, host);
  if (journal) link.setFloor(journal.highestNumbers);
  const base: StationBase = { db, host, persistence, settings: settings.value.settings, journal: link };
  if (recovery && journal) return { status: 'recover', base, plan: recovery, journal };
  // The store was just found filled, or seeded: no need to ask again before reading it.
  return { status: 'ready', station: await readStation(base) };
}

/** True when every record after the plan's head is one of this store's own queued ones. */
async function onlyOurs(host: HostApi, plan: RebuildPlan): Promise<boolean> {
  if (plan.skipIds.length === 0) return false;
  const page = await callHost(host, 'journal.read', { afterSeq: plan.from.seq, limit: 500 });
  if (page.status !== 'ok' || !page.value.done) return false;
  const ours = new Set(plan.skipIds);
  return page.value.records.every((r) => ours.has(r.id));
}

/** The Station's store-held parts, read again (after a rebuild they came from the journal). */
export async function loadStation(base: StationBase): Promise<Station> {
  try {
    if (await storeIsEmpty(base.db)) await seedDemoIfEmpty(base.db, { now: new Date(), newId });
  } catch (error) {
    throw new BootError('store', messageOf(error));
  }
  return readStation(base);
}

async function readStation(base: StationBase): Promise<Station> {
  try {
    const { db } = base;
    const [profile, taxTable, currencies, demo] = await Promise.all([getStoreProfile(db), getTaxTable(db), getTouristCurrencies(db), isDemoData(db)]);
    return { ...base, profile, taxTable, currencies, demo };
  } catch (error) {
    throw new BootError('store', messageOf(error));
  }
}
