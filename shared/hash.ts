import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * Synchronous SHA-256 (pure JS). It must be synchronous: awaiting crypto.subtle inside a
 * Dexie transaction lets IndexedDB auto-commit the transaction half-way.
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** SHA-256 of bytes (a photo's JPEG), as hex. */
export function sha256HexOfBytes(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** A PIN is stored only as a salted hash; the salt is the owner's id or code. */
export function hashPin(salt: string, pin: string): string {
  return sha256Hex(`chinar-pin:${salt}:${pin}`);
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Audit chain: each entry's hash covers its content and the previous entry's hash,
 * so editing or removing an entry breaks every hash after it.
 */
export function auditHash(entry: { seq: number; at: string; actorId: string; action: string; detail: unknown; prevHash: string }): string {
  return sha256Hex(JSON.stringify([entry.seq, entry.at, entry.actorId, entry.action, entry.detail, entry.prevHash]));
}

/** Index of the first entry whose hash or link is wrong, or -1 when the chain is intact. */
export function verifyAuditChain(entries: readonly { seq: number; at: string; actorId: string; action: string; detail: unknown; prevHash: string; hash: string }[]): number {
  let prev = entries[0]?.seq === 1 ? GENESIS_HASH : entries[0]?.prevHash ?? GENESIS_HASH;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.prevHash !== prev || auditHash(e) !== e.hash) return i;
    prev = e.hash;
  }
  return -1;
}
