import { describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../shared/audit-chain';
import type { AuditEntry } from '../../shared/entities';
import { auditHash, GENESIS_HASH } from '../../shared/hash';

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const e = { seq, at: `2026-11-22T10:00:${String(seq).padStart(2, '0')}+05:30`, actorId: 'u1', action: 'sale.commit', detail: { total: seq * 100 }, prevHash: out[seq - 2]?.hash ?? GENESIS_HASH };
    out.push({ ...e, hash: auditHash(e) });
  }
  return out;
}

/** Re-chains entries from `from` on with fresh hashes, as a forger with the code would. */
function rehash(entries: AuditEntry[], from: number): AuditEntry[] {
  const out = entries.slice(0, from);
  for (let i = from; i < entries.length; i++) {
    const e = { ...entries[i]!, prevHash: out[i - 1]?.hash ?? GENESIS_HASH };
    out.push({ ...e, hash: auditHash(e) });
  }
  return out;
}

describe('audit chain', () => {
  it('says intact and gives the head hash', () => {
    const log = chain(6);
    expect(verifyAuditLog(log)).toEqual({ status: 'intact', head: log[5]!.hash, count: 6 });
    expect(verifyAuditLog([])).toEqual({ status: 'intact', head: GENESIS_HASH, count: 0 });
  });

  it('names an altered entry', () => {
    const log = chain(6);
    log[3] = { ...log[3]!, detail: { total: 1 } };
    expect(verifyAuditLog(log)).toEqual({ status: 'broken', seq: 4, problem: 'altered' });
    const first = chain(3);
    first[0] = { ...first[0]!, actorId: 'u2' };
    expect(verifyAuditLog(first)).toEqual({ status: 'broken', seq: 1, problem: 'altered' });
  });

  it('names an entry altered and re-hashed, by the next one’s link', () => {
    const log = chain(6);
    const forged = { ...log[2]!, detail: { total: 1 } };
    log[2] = { ...forged, hash: auditHash(forged) };
    expect(verifyAuditLog(log)).toEqual({ status: 'broken', seq: 3, problem: 'altered' });
  });

  it('names a removed entry, in the middle or at the start', () => {
    const log = chain(6);
    expect(verifyAuditLog([...log.slice(0, 2), ...log.slice(3)])).toEqual({ status: 'broken', seq: 3, problem: 'removed' });
    expect(verifyAuditLog(log.slice(1))).toEqual({ status: 'broken', seq: 1, problem: 'removed' });
    // Even re-linked with fresh hashes, the gap in the numbers stays.
    expect(verifyAuditLog(rehash([...log.slice(0, 2), ...log.slice(3)], 2))).toEqual({ status: 'broken', seq: 3, problem: 'removed' });
  });

  it('names an inserted entry, whether squeezed between numbers or with the rest renumbered', () => {
    const log = chain(6);
    const x = { seq: 3.5, at: log[2]!.at, actorId: 'u9', action: 'sale.commit', detail: {}, prevHash: log[2]!.hash };
    expect(verifyAuditLog([...log.slice(0, 3), { ...x, hash: auditHash(x) }, ...log.slice(3)])).toEqual({ status: 'broken', seq: 3.5, problem: 'inserted' });
    const y = { ...x, seq: 4 };
    const renumbered = [...log.slice(0, 3), { ...y, hash: auditHash(y) }, ...log.slice(3).map((e) => ({ ...e, seq: e.seq + 1 }))];
    expect(verifyAuditLog(renumbered)).toEqual({ status: 'broken', seq: 4, problem: 'inserted' });
    const dup = { ...log[2]!, detail: { total: 5 } };
    expect(verifyAuditLog([...log.slice(0, 3), { ...dup, hash: auditHash(dup) }, ...log.slice(3)])).toEqual({ status: 'broken', seq: 3, problem: 'inserted' });
  });
});
