import { auditHash, GENESIS_HASH } from '../../shared/hash';
import type { AuditEntry } from '../../shared/entities';
import type { ChinarDb } from './schema';

type NewAuditEntry = { at: string; actorId: string; action: string; detail: Record<string, unknown> };

/** The next chained entry after `last` (undefined: the log is empty). Pure, so hot paths can batch their reads. */
export function nextAuditEntry(last: AuditEntry | undefined, entry: NewAuditEntry): AuditEntry {
  const full = { seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? GENESIS_HASH, ...entry };
  return { ...full, hash: auditHash(full) };
}

export function lastAuditEntry(db: ChinarDb): Promise<AuditEntry | undefined> {
  return db.audit.orderBy('seq').last();
}

/**
 * Appends to the hash-chained audit log. Call it inside the transaction of the change it
 * records (with `audit` in the transaction's tables), so the entry and the change commit
 * together or not at all.
 */
export async function appendAudit(db: ChinarDb, entry: NewAuditEntry): Promise<AuditEntry> {
  const row = nextAuditEntry(await lastAuditEntry(db), entry);
  await db.audit.add(row);
  return row;
}
