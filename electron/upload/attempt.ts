import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { UploadOutcome } from '../../shared/contract/upload';
import { UNAUTHORIZED_REASON } from '../../shared/contract/upload';
import { checkEnvelope, DAILY_EARNINGS_PATH, idempotencyKey, type DailyEarnings } from '../../shared/protocol/daily-earnings';
import { parseRetryAfter, uploadPath } from '../../shared/protocol/retry';
import { signedHeaders } from './sign';

/**
 * One attempt to hand one day to the central system: sign, POST over node's http/https,
 * and read the answer as one of PROTOCOL.md's outcomes. No retrying here: the caller (the
 * renderer's outbox loop through `upload.send`, or `npm run upload`) decides when to try
 * again, so a restart at any moment loses no state the outbox does not hold.
 */

export interface AttemptTimeouts {
  /** How long the TCP (and TLS) connection may take to open. */
  connectMs: number;
  /** How long the central system may take to answer once connected. */
  responseMs: number;
}

export const DEFAULT_ATTEMPT_TIMEOUTS: AttemptTimeouts = Object.freeze({ connectMs: 10_000, responseMs: 30_000 });

/** An answer's body is read only for its `error` text; more than this is not an error message. */
const MAX_ANSWER_BYTES = 64 * 1024;

export type PreparedBody =
  | { ok: true; bytes: Buffer; envelope: DailyEarnings; idempotencyKey: string }
  | { ok: false; outcome: UploadOutcome & { outcome: 'refused' } };

/**
 * Checks the exact text the outbox holds before anything is sent: a body the central
 * system would refuse is refused here (status null), so the manager hears why at once.
 * The bytes sent are the text's UTF-8 bytes, unchanged: never re-serialised.
 */
export function prepareBody(text: string): PreparedBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, outcome: { outcome: 'refused', status: null, reason: 'The day\'s upload is not valid JSON' } };
  }
  const check = checkEnvelope(parsed);
  if (!check.ok) {
    const shown = check.problems.slice(0, 5).join('; ');
    const more = check.problems.length > 5 ? `; and ${check.problems.length - 5} more` : '';
    return { ok: false, outcome: { outcome: 'refused', status: null, reason: `The day's figures do not add up, so it was not sent: ${shown}${more}` } };
  }
  return { ok: true, bytes: Buffer.from(text, 'utf8'), envelope: check.envelope, idempotencyKey: idempotencyKey(check.envelope) };
}

export interface AttemptRequest {
  baseUrl: string;
  deviceId: string;
  keyBytes: Uint8Array;
  /** The exact body bytes; identical on every retry. */
  body: Uint8Array;
  idempotencyKey: string;
  now?: () => Date;
  timeouts?: Partial<AttemptTimeouts>;
  /** Tests of https against a self-signed receiver; production uses the system's CAs. */
  ca?: string | Buffer;
}

/** Sends once. Never throws: every failure is an outcome. */
export function sendAttempt(request: AttemptRequest): Promise<UploadOutcome> {
  const now = request.now ?? (() => new Date());
  const t: AttemptTimeouts = { ...DEFAULT_ATTEMPT_TIMEOUTS, ...request.timeouts };
  const base = new URL(request.baseUrl);
  const path = uploadPath(request.baseUrl, DAILY_EARNINGS_PATH);
  const headers = {
    ...signedHeaders({ keyBytes: request.keyBytes, deviceId: request.deviceId, idempotencyKey: request.idempotencyKey, path, body: request.body, now: now() }),
    'Content-Length': String(request.body.byteLength),
  };
  const secure = base.protocol === 'https:';

  return new Promise<UploadOutcome>((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (outcome: UploadOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(outcome);
    };
    const arm = (ms: number, what: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => finish({ outcome: 'retry', status: null, reason: `${what} within ${ms >= 1_000 ? Math.round(ms / 1_000) : (ms / 1_000).toFixed(1)} s`, retryAfterMs: null }), ms);
    };

    const options: https.RequestOptions = {
      method: 'POST',
      protocol: base.protocol,
      hostname: base.hostname.replace(/^\[|\]$/g, ''),
      port: base.port || (secure ? 443 : 80),
      path,
      headers,
      // A fresh connection per attempt: a pooled socket the server already closed would
      // fail the attempt, and the connect timeout would not apply to it.
      agent: false,
      ...(request.ca === undefined ? {} : { ca: request.ca }),
    };
    const req = (secure ? https : http).request(options, (res) => {
      const status = res.statusCode ?? 0;
      // 200/201 mean stored, whatever happens to the rest of the answer.
      if (status === 200 || status === 201) {
        finish({ outcome: 'delivered', status });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
      });
      const classifyNow = () => finish(classifyAnswer(status, res.headers, Buffer.concat(chunks).toString('utf8'), now().getTime()));
      res.on('end', classifyNow);
      // The status line is what counts; a body cut short only loses the error text.
      res.on('error', classifyNow);
      res.on('aborted', classifyNow);
    });
    req.on('socket', (socket) => {
      arm(t.connectMs, 'The central system could not be reached');
      socket.once(secure ? 'secureConnect' : 'connect', () => arm(t.responseMs, 'The central system did not answer'));
    });
    req.on('error', (error) => finish({ outcome: 'retry', status: null, reason: connectionProblem(error), retryAfterMs: null }));
    req.end(request.body);
  });
}

/** PROTOCOL.md's table of answers. */
export function classifyAnswer(status: number, headers: IncomingHttpHeaders, text: string, nowMs: number): UploadOutcome {
  const said = errorText(text);
  if (status === 200 || status === 201) return { outcome: 'delivered', status };
  if (status === 401) return { outcome: 'unauthorized', status, reason: UNAUTHORIZED_REASON };
  if (status === 409) return { outcome: 'conflict', status, reason: said ?? 'The central system already holds this day with different figures' };
  if (status === 429 || status === 408 || status >= 500) {
    const retryAfter = headers['retry-after'];
    return {
      outcome: 'retry',
      status,
      reason: said ?? (status === 429 ? 'The central system asked the kiosk to wait' : `The central system had a problem (HTTP ${status})`),
      retryAfterMs: parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, nowMs),
    };
  }
  if (status >= 400) return { outcome: 'refused', status, reason: said ?? `The central system refused the day (HTTP ${status})` };
  // 1xx/3xx/other 2xx are not in PROTOCOL.md: not "stored", so try again later.
  return { outcome: 'retry', status, reason: `The central system gave an unexpected answer (HTTP ${status})`, retryAfterMs: null };
}

/** The central system's `{ "error": "..." }`, cut to a readable length. */
function errorText(text: string): string | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && 'error' in parsed && typeof parsed.error === 'string' && parsed.error.trim()) {
      return parsed.error.trim().slice(0, 500);
    }
  } catch {
    // not JSON: no reason to show
  }
  return null;
}

function connectionProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  switch (code) {
    case 'ECONNREFUSED': return 'The central system refused the connection';
    case 'ECONNRESET':
    case 'EPIPE': return 'The connection to the central system was cut';
    case 'ENOTFOUND':
    case 'EAI_AGAIN': return 'The central system\'s address could not be found (no network?)';
    case 'ENETUNREACH':
    case 'EHOSTUNREACH': return 'No network route to the central system';
    default: return `Could not talk to the central system (${code || (error instanceof Error ? error.message : String(error))})`;
  }
}
