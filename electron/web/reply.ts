import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '../../shared/result';

/** Answers in JSON, never cached, never sniffed as anything else. */
export function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  res.end(text);
}

/** Refusals carry the contract's failure shape so the client can treat every answer alike. */
export function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string, extra: Record<string, string> = {}): void {
  // An unauthorised sender gets no keep-alive: it should not be able to pump a body in.
  const close: Record<string, string> = status === 401 || status === 403 || status === 421 ? { connection: 'close' } : {};
  sendJson(res, status, { ok: false, error: { code, message } }, { ...close, ...extra });
}

export function plainText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', ...extra });
  res.end(`${text}\n`);
}
