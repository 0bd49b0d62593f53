import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * PROTOCOL.md's request signature. `stringToSign` is `v1`, the method, the path exactly
 * as sent, the unix-seconds timestamp, the nonce and the lowercase hex SHA-256 of the
 * exact body bytes, joined by "\n"; the signature is `v1=` and the hex HMAC-SHA256 of it
 * under the device key's 32 bytes. The kiosk signs with it and central-dev checks with it,
 * so both ends read the same lines.
 */

export const SIGNATURE_VERSION = 'v1';

export interface SignedParts {
  method: string;
  path: string;
  /** Unix seconds. */
  timestamp: number;
  nonce: string;
  body: Uint8Array;
}

export function bodySha256(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

export function stringToSign(parts: SignedParts): string {
  return [SIGNATURE_VERSION, parts.method, parts.path, String(parts.timestamp), parts.nonce, bodySha256(parts.body)].join('\n');
}

/** `v1=<hex HMAC-SHA256(key, stringToSign)>`. */
export function signature(keyBytes: Uint8Array, parts: SignedParts): string {
  return `${SIGNATURE_VERSION}=${createHmac('sha256', keyBytes).update(stringToSign(parts)).digest('hex')}`;
}

/** 16 random bytes (PROTOCOL.md asks for 16 or more), base64url: new for every attempt. */
export function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** Compares in constant time, so a forger learns nothing from how fast a guess fails. */
export function signatureMatches(keyBytes: Uint8Array, parts: SignedParts, presented: string): boolean {
  const wanted = Buffer.from(signature(keyBytes, parts));
  const given = Buffer.from(presented);
  return wanted.length === given.length && timingSafeEqual(wanted, given);
}

export interface SignedHeaders {
  'Content-Type': 'application/json';
  'Idempotency-Key': string;
  'X-Chinar-Device': string;
  'X-Chinar-Timestamp': string;
  'X-Chinar-Nonce': string;
  'X-Chinar-Signature': string;
}

/** The headers of one attempt: a fresh timestamp, nonce and signature over the same bytes. */
export function signedHeaders(options: {
  keyBytes: Uint8Array;
  deviceId: string;
  idempotencyKey: string;
  path: string;
  body: Uint8Array;
  now: Date;
  nonce?: string;
}): SignedHeaders {
  const timestamp = Math.floor(options.now.getTime() / 1_000);
  const nonce = options.nonce ?? newNonce();
  return {
    'Content-Type': 'application/json',
    'Idempotency-Key': options.idempotencyKey,
    'X-Chinar-Device': options.deviceId,
    'X-Chinar-Timestamp': String(timestamp),
    'X-Chinar-Nonce': nonce,
    'X-Chinar-Signature': signature(options.keyBytes, { method: 'POST', path: options.path, timestamp, nonce, body: options.body }),
  };
}
