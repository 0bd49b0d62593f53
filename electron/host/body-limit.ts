import { bodyTooLargeMessage, maxBodyBytesOf } from '../../shared/contract';
import { fail, type HostResult } from '../../shared/result';

/**
 * The contract's body limit for a payload that arrived already decoded (Electron IPC).
 * It is measured as the loopback HTTP transport measures it, in UTF-8 bytes of the JSON
 * encoding, so one number means the same thing on both. Returns the refusal, or null
 * when the payload is within the limit.
 */
export function refuseOversizeInput(method: string, input: unknown): HostResult<never> | null {
  const limit = maxBodyBytesOf(method);
  let json: string | undefined;
  try {
    json = JSON.stringify(input ?? {});
  } catch {
    json = undefined;
  }
  // Structured clone lets cycles and BigInts through IPC; JSON (and the contract) cannot carry them.
  if (json === undefined) return fail('bad-request', `${method.slice(0, 60)}: the input cannot be read as JSON.`);
  // A UTF-8 byte is at least one UTF-16 unit's worth, so the string's length is a cheap
  // lower bound that refuses most oversize payloads without counting.
  if (json.length > limit || Buffer.byteLength(json, 'utf8') > limit) {
    return fail('bad-request', bodyTooLargeMessage(method, limit));
  }
  return null;
}
