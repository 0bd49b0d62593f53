/**
 * The browser's storage guarantees. Persistence keeps Chromium from evicting the store
 * under disk pressure; the free-space check stops new sales before a write can fail.
 */
export type PersistenceState = 'persisted' | 'refused' | 'unsupported';

export async function requestPersistence(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<PersistenceState> {
  if (!storage?.persist) return 'unsupported';
  if (await storage.persisted()) return 'persisted';
  return (await storage.persist()) ? 'persisted' : 'refused';
}

/** Below this much free quota the counter stops taking new sales. */
export const MIN_FREE_BYTES = 50 * 1024 * 1024;

export type SpaceState = { state: 'ok' | 'low'; freeBytes: number } | { state: 'unknown' };

export async function checkSpace(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<SpaceState> {
  if (!storage?.estimate) return { state: 'unknown' };
  const { usage = 0, quota } = await storage.estimate();
  if (quota === undefined) return { state: 'unknown' };
  const freeBytes = quota - usage;
  return { state: freeBytes < MIN_FREE_BYTES ? 'low' : 'ok', freeBytes };
}

/** What a sale or return refused for lack of space says on screen, after "NOT recorded:". */
export const DISK_FULL_MESSAGE = 'This kiosk\'s disk is full. Ask the market manager to free some disk space.';

/**
 * A write the browser refused for lack of space: IndexedDB's QuotaExceededError, as Dexie
 * hands it on (Dexie.QuotaExceededError itself, or as the `inner` error of the abort of the
 * transaction that hit the quota at commit, which is how Chromium reports it).
 */
export function isQuotaExceeded(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 3; depth++) {
    if ((current as { name?: unknown }).name === 'QuotaExceededError') return true;
    current = (current as { inner?: unknown }).inner;
  }
  return false;
}
