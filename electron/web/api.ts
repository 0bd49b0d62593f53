import type { IncomingMessage, ServerResponse } from 'node:http';
import { bodyTooLargeMessage, HOST_METHOD_NAMES, maxBodyBytesOf } from '../../shared/contract';
import type { Host } from '../host';
import { getLogger } from '../host/log';
import { refuse, sendJson } from './reply';

/**
 * `POST /api/call/<method>` with the input as JSON: the contract over HTTP. The body is
 * read only up to the method's contract limit (`maxBodyBytes`), the same number the
 * Electron IPC handler enforces; the host then validates the input as for IPC.
 */

const log = getLogger('web');
const METHOD_NAMES: ReadonlySet<string> = new Set(HOST_METHOD_NAMES);

/** The method named by `/api/call/<method>`, or null when the path is no call. */
export function callPath(pathname: string): string | null {
  return /^\/api\/call\/([^/]+)$/.exec(pathname)?.[1] ?? null;
}

export async function handleCall(host: Host, req: IncomingMessage, res: ServerResponse, encodedMethod: string): Promise<void> {
  if (req.method !== 'POST') return refuse(res, 405, 'bad-request', 'Use POST to call a host method.', { allow: 'POST' });
  let method: string;
  try {
    method = decodeURIComponent(encodedMethod);
  } catch {
    return refuse(res, 400, 'bad-request', 'The method name is not valid.');
  }
  const contentType = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    return refuse(res, 400, 'bad-request', 'Send the call as JSON (Content-Type: application/json).');
  }
  const limit = maxBodyBytesOf(method);
  const body = await readBody(req, limit);
  if (body === 'too-large') return refuse(res, 413, 'bad-request', bodyTooLargeMessage(method, limit));
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    return refuse(res, 400, 'bad-request', 'The request body is not valid JSON.');
  }
  // Unknown names go to dispatch too, which answers with the contract's own bad-request.
  if (!METHOD_NAMES.has(method)) log.warn(`Call to unknown method ${JSON.stringify(method.slice(0, 60))}`);
  sendJson(res, 200, await host.dispatch(method, input));
}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    // Answer at once; Node discards the rest of the body after the response is sent.
    return Promise.resolve('too-large');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.byteLength;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}
