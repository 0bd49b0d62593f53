import { auditHash, GENESIS_HASH } from '../../shared/hash';
import type { AuditEntry } from '../../shared/entities';
import type { ChinarDb } from './schema';

/**
 * Appends to the hash-chained audit log. Call it inside the transaction of the change it
 * records (with `audit` in the transaction's tables), so the entry and the change commit
 * together or not at all.
 */
export async function appendAudit(
  db: ChinarDb,
  entry: { at: string; actorId: string; action: string; detail: Record<string, unknown> },
): Promise<AuditEntry> {
  const last = await db.audit.orderBy('seq').last();
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const full = { seq, prevHash, ...entry };
  const row: AuditEntry = { ...full, hash: auditHash(full) };
  await db.audit.add(row);
  return row;
}
