import { open, readFile, type FileHandle } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkEnvelope, DAILY_EARNINGS_PATH, DailyEarningsSchema, idempotencyKey, type DailyEarnings } from '../../shared/protocol/daily-earnings';
import { bodySha256, signatureMatches } from '../upload/sign';

/**
 * A reference receiver of PROTOCOL.md for trials and tests: `npm run central:dev`, or
 * `startCentralDev()` in-process. It checks what the central system checks (known device,
 * signature over the exact bytes, timestamp window, nonce replay, schema, invariants,
 * idempotency) and appends each stored day to a JSON-lines file, fsynced, that it reads
 * back on start. It listens on 127.0.0.1 only. Faults can be injected for tests.
 */

/** PROTOCOL.md: timestamps more than 300 s from the server clock are refused, and nonces are remembered that long. */
export const CLOCK_WINDOW_SECONDS = 300;
const MAX_BODY = 2 * 1024 * 1024;
const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type Fault =
  /** Answer with this status (and Retry-After) without looking at the request. */
  | { kind: 'status'; status: number; retryAfter?: string }
  /** Never answer: the client's timeout must end the attempt. */
  | { kind: 'hang' }
  /** Cut the connection before answering (the day is not stored). */
  | { kind: 'reset' }
  /** Check and store the day as usual, then cut the connection instead of answering. */
  | { kind: 'drop-answer' };

/** One line of the store file. */
export interface StoredDay {
  idempotencyKey: string;
  /** SHA-256 of the exact body bytes, for telling a repeat (200) from a changed day (409). */
  bodySha256: string;
  receivedAt: string;
  day: DailyEarnings;
}

export interface CentralDevOptions {
  /** 0 (the default) = any free port. */
  port?: number;
  /** deviceId → device key (base64url of 32 bytes), as the central system issued them. */
  devices: Readonly<Record<string, string>>;
  storeFile: string;
  now?: () => Date;
  /** Asked for every request that no `failNext` fault takes; null = no fault. */
  faultPolicy?: ((requestNumber: number) => Fault | null) | null;
  log?: (line: string) => void;
}

export interface CentralDev {
  url: string;
  port: number;
  /** The next `count` requests meet `fault`. */
  failNext(count: number, fault: Fault): void;
  setFaultPolicy(policy: ((requestNumber: number) => Fault | null) | null): void;
  /** Every day stored, oldest first, including those read back from the file. */
  stored(): readonly StoredDay[];
  /** How many requests arrived, and each answer given, by status ("reset", "hang" for the others). */
  stats(): { requests: number; answers: Record<string, number> };
  close(): Promise<void>;
}

/** Reads the devices file: `{ "srinagar-polo-view/K01": "<43-character key>" }`. */
export async function readDevicesFile(file: string): Promise<Record<string, string>> {
  const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${file} must hold {"deviceId": "key", …}`);
  const devices: Record<string, string> = {};
  for (const [id, key] of Object.entries(parsed)) {
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) throw new Error(`${file}: the key of ${id} is not 43 characters of base64url (32 bytes)`);
    devices[id] = key;
  }
  return devices;
}

async function loadStore(file: string, log: (line: string) => void): Promise<StoredDay[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const days: StoredDay[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const day = JSON.parse(line) as StoredDay;
      if (typeof day.idempotencyKey !== 'string' || typeof day.bodySha256 !== 'string') throw new Error('not a stored day');
      days.push(day);
    } catch {
      // Only a last line torn by a crash mid-append can be bad; it was never answered 201.
      log(`${file}:${i + 1}: unreadable line skipped`);
    }
  });
  return days;
}

export async function startCentralDev(options: CentralDevOptions): Promise<CentralDev> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const keys = new Map(Object.entries(options.devices).map(([id, key]) => [id, Buffer.from(key, 'base64url')]));
  const days = await loadStore(options.storeFile, log);
  const byKey = new Map(days.map((d) => [d.idempotencyKey, d]));
  const store: FileHandle = await open(options.storeFile, 'a', 0o600);
  /** nonce → unix seconds when it was first seen. */
  const nonces = new Map<string, number>();
  const queued: Fault[] = [];
  let policy = options.faultPolicy ?? null;
  let requests = 0;
  const answers: Record<string, number> = {};
  // Check-then-append runs one request at a time, so two copies of a day racing in
  // cannot both be stored.
  let serial: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(task: () => Promise<T>): Promise<T> => {
    const run = serial.then(task, task);
    serial = run.catch(() => undefined);
    return run;
  };

  const count = (what: string) => { answers[what] = (answers[what] ?? 0) + 1; };
  const answer = (res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}) => {
    count(String(status));
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), ...headers });
    res.end(text);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestNumber = ++requests;
    const fault = queued.shift() ?? policy?.(requestNumber) ?? null;
    if (fault?.kind === 'hang') { count('hang'); return; }
    if (fault?.kind === 'reset') { count('reset'); req.socket.destroy(); return; }
    if (fault?.kind === 'status') {
      await readBody(req);
      answer(res, fault.status, { error: `injected ${fault.status}` }, fault.retryAfter === undefined ? {} : { 'Retry-After': fault.retryAfter });
      return;
    }
    const path = req.url ?? '';
    if (req.method !== 'POST' || path !== DAILY_EARNINGS_PATH) { answer(res, 404, { error: `no such endpoint: ${req.method} ${path}` }); return; }
    const body = await readBody(req);
    if (body === 'too-large') { answer(res, 413, { error: `the body is larger than ${MAX_BODY} bytes` }); return; }

    const result = await inOrder(() => receive(req, path, body));
    log(`POST ${path} ${String(req.headers['idempotency-key'] ?? '-')} → ${result.status}${'error' in result.body ? ` ${String(result.body.error)}` : ''}`);
    if (fault?.kind === 'drop-answer') { count('dropped'); req.socket.destroy(); return; }
    answer(res, result.status, result.body);
  }

  async function receive(req: IncomingMessage, path: string, body: Buffer): Promise<{ status: number; body: Record<string, unknown> }> {
    const refuse = (status: number, error: string) => ({ status, body: { error } });
    const header = (name: string) => { const v = req.headers[name]; return typeof v === 'string' ? v : undefined; };
    const deviceId = header('x-chinar-device');
    const timestampText = header('x-chinar-timestamp');
    const nonce = header('x-chinar-nonce');
    const presented = header('x-chinar-signature');
    if (!deviceId || !timestampText || !nonce || !presented) return refuse(401, 'missing X-Chinar-Device, -Timestamp, -Nonce or -Signature');
    const key = keys.get(deviceId);
    if (!key) return refuse(401, `unknown device ${deviceId}`);
    const nowSeconds = Math.floor(now().getTime() / 1_000);
    const timestamp = /^\d{1,12}$/.test(timestampText) ? Number(timestampText) : NaN;
    if (!(Math.abs(nowSeconds - timestamp) <= CLOCK_WINDOW_SECONDS)) return refuse(401, `timestamp ${timestampText} is more than ${CLOCK_WINDOW_SECONDS} s from the server clock (${nowSeconds})`);
    if (!/^[A-Za-z0-9_-]+$/.test(nonce) || Buffer.from(nonce, 'base64url').length < 16) return refuse(401, 'the nonce must be 16 or more random bytes, base64url');
    if (!signatureMatches(key, { method: 'POST', path, timestamp, nonce, body }, presented)) return refuse(401, 'bad signature');
    for (const [seen, at] of nonces) if (nowSeconds - at > CLOCK_WINDOW_SECONDS) nonces.delete(seen);
    if (nonces.has(nonce)) return refuse(401, 'nonce already used');
    nonces.set(nonce, nowSeconds);

    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return refuse(400, 'the body is not JSON');
    }
    const schema = DailyEarningsSchema.safeParse(parsed);
    if (!schema.success) return refuse(400, schema.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
    const check = checkEnvelope(parsed);
    if (!check.ok) return refuse(422, check.problems.slice(0, 5).join('; '));
    const day = check.envelope;
    if (day.deviceId !== deviceId) return refuse(422, `deviceId ${day.deviceId} in the body is not the signing device ${deviceId}`);
    const dayKey = idempotencyKey(day);
    if (header('idempotency-key') !== dayKey) return refuse(400, `Idempotency-Key must be ${dayKey}`);

    const sha = bodySha256(body);
    const earlier = byKey.get(dayKey);
    if (earlier) {
      return earlier.bodySha256 === sha
        ? { status: 200, body: { stored: dayKey, receivedAt: earlier.receivedAt } }
        : refuse(409, `${dayKey} was stored before with a different body`);
    }
    const stored: StoredDay = { idempotencyKey: dayKey, bodySha256: sha, receivedAt: now().toISOString(), day };
    // Durable before the 201: a kiosk that hears "stored" deletes its copy.
    await store.write(`${JSON.stringify(stored)}\n`);
    await store.sync();
    days.push(stored);
    byKey.set(dayKey, stored);
    return { status: 201, body: { stored: dayKey, receivedAt: stored.receivedAt } };
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`internal error: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) answer(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    failNext(n, fault) { for (let i = 0; i < n; i++) queued.push(fault); },
    setFaultPolicy(next) { policy = next; },
    stored: () => days,
    stats: () => ({ requests, answers: { ...answers } }),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await serial;
      await store.close();
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
