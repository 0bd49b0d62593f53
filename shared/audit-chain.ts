import type { AuditEntry } from './entities';
import { auditHash, GENESIS_HASH } from './hash';

/**
 * Verifies the hash-chained audit log (shared/hash.ts `auditHash`, which renderer/db/audit.ts
 * uses to append). Each entry's hash covers its sequence number, content and the previous
 * hash, so an edit breaks that entry's own hash, a deletion leaves a gap or a dangling
 * link, and an insertion is an entry the next one's link skips over.
 */
export type AuditChainStatus =
  | { status: 'intact'; head: string; count: number }
  | { status: 'broken'; seq: number; problem: 'altered' | 'removed' | 'inserted' };

type Entry = Pick<AuditEntry, 'seq' | 'at' | 'actorId' | 'action' | 'detail' | 'prevHash' | 'hash'>;

/** `entries` is the whole log in stored order (by seq, from 1). The head is the last hash (genesis for an empty log). */
export function verifyAuditLog(entries: readonly Entry[]): AuditChainStatus {
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  // The hash the entry before the previous one had: an inserted entry sits between it and its successor.
  let beforePrevHash: string | null = null;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const skipsPrevious = i > 0 && e.prevHash === beforePrevHash;
    if (!Number.isSafeInteger(e.seq) || e.seq <= prevSeq) return { status: 'broken', seq: e.seq, problem: 'inserted' };
    if (auditHash(e) !== e.hash) {
      // Renumbering after an insertion changes every later seq, so their hashes fail too;
      // the link still names the entry before the inserted one.
      if (skipsPrevious) return { status: 'broken', seq: entries[i - 1]!.seq, problem: 'inserted' };
      return { status: 'broken', seq: e.seq, problem: 'altered' };
    }
    if (e.prevHash !== prevHash) {
      if (skipsPrevious) return { status: 'broken', seq: entries[i - 1]!.seq, problem: 'inserted' };
      if (e.seq > prevSeq + 1) return { status: 'broken', seq: prevSeq + 1, problem: 'removed' };
      if (i === 0) return { status: 'broken', seq: e.seq, problem: 'altered' };
      // Contiguous numbers, both hashes self-consistent, link wrong: the previous entry was
      // rewritten and re-hashed.
      return { status: 'broken', seq: prevSeq, problem: 'altered' };
    }
    if (e.seq !== prevSeq + 1) return { status: 'broken', seq: prevSeq + 1, problem: 'removed' };
    beforePrevHash = prevHash;
    prevHash = e.hash;
    prevSeq = e.seq;
  }
  return { status: 'intact', head: prevHash, count: entries.length };
}
