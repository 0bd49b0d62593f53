import { createHash, createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startCentralDev } from '../../../electron/central-dev/server';
import { prepareBody, sendAttempt, type AttemptRequest } from '../../../electron/upload/attempt';
import { signedHeaders } from '../../../electron/upload/sign';
import { idempotencyKey } from '../../../shared/protocol/daily-earnings';
import { dayBody, dayEnvelope, DEVICE_ID, KEY, OTHER_KEY, startTestCentral } from './fixtures';

const KEY_BYTES = Buffer.from(KEY, 'base64url');
const closers: (() => Promise<void>)[] = [];
afterEach(async () => { await Promise.all(closers.splice(0).map((close) => close())); });

async function central(options: Parameters<typeof startTestCentral>[0] = {}) {
  const c = await startTestCentral(options);
  closers.push(() => c.close());
  return c;
}

function attempt(baseUrl: string, body: string, extra: Partial<AttemptRequest> = {}) {
  const prepared = prepareBody(body);
  if (!prepared.ok) throw new Error(prepared.outcome.reason);
  return sendAttempt({ baseUrl, deviceId: DEVICE_ID, keyBytes: KEY_BYTES, body: prepared.bytes, idempotencyKey: prepared.idempotencyKey, timeouts: { connectMs: 1_000, responseMs: 300 }, ...extra });
}

/** A plain server that records what arrives and answers 201. */
async function recorder() {
  const seen: { url: string; headers: IncomingHttpHeaders; body: Buffer }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => { seen.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) }); res.writeHead(201).end('{}'); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** Sends prepared headers and body as they are, to forge, alter or replay a request. */
function raw(url: string, headers: Record<string, string>, body: string | Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/v1/daily-earnings`, { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('signing (PROTOCOL.md v1)', () => {
  it('signs v1, method, path, timestamp, nonce and the body\'s SHA-256 with the key bytes', async () => {
    const body = Buffer.from(dayBody(0));
    const headers = signedHeaders({ keyBytes: KEY_BYTES, deviceId: DEVICE_ID, idempotencyKey: 'k', path: '/v1/daily-earnings', body, now: new Date('2026-11-22T12:46:40Z'), nonce: 'AAAAAAAAAAAAAAAAAAAAAA' });
    const sha = createHash('sha256').update(body).digest('hex');
    const expected = createHmac('sha256', KEY_BYTES).update(`v1\nPOST\n/v1/daily-earnings\n1795351600\nAAAAAAAAAAAAAAAAAAAAAA\n${sha}`).digest('hex');
    expect(headers).toEqual({
      'Content-Type': 'application/json', 'Idempotency-Key': 'k', 'X-Chinar-Device': DEVICE_ID,
      'X-Chinar-Timestamp': '1795351600', 'X-Chinar-Nonce': 'AAAAAAAAAAAAAAAAAAAAAA', 'X-Chinar-Signature': `v1=${expected}`,
    });
  });

  it('sends the same bytes and Idempotency-Key on every attempt, with a fresh nonce and signature', async () => {
    const server = await recorder();
    const body = `${dayBody(3)}\n`; // a trailing newline is part of the exact bytes
    let clock = Date.parse('2026-11-22T12:00:00Z');
    const now = () => new Date((clock += 1_500));
    expect(await attempt(server.url, body, { now })).toEqual({ outcome: 'delivered', status: 201 });
    expect(await attempt(server.url, body, { now })).toEqual({ outcome: 'delivered', status: 201 });
    const [a, b] = server.seen;
    expect(a!.body.equals(Buffer.from(body))).toBe(true);
    expect(b!.body.equals(a!.body)).toBe(true);
    expect(a!.headers['idempotency-key']).toBe(`${DEVICE_ID}:2026-11-04:103`);
    expect(b!.headers['idempotency-key']).toBe(a!.headers['idempotency-key']);
    expect(a!.url).toBe('/v1/daily-earnings');
    expect(b!.headers['x-chinar-nonce']).not.toBe(a!.headers['x-chinar-nonce']);
    expect(Buffer.from(String(a!.headers['x-chinar-nonce']), 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(b!.headers['x-chinar-signature']).not.toBe(a!.headers['x-chinar-signature']);
    expect(Number(b!.headers['x-chinar-timestamp'])).toBeGreaterThan(Number(a!.headers['x-chinar-timestamp']));
  });
});

describe('one attempt against central-dev: each answer of the table', () => {
  it('201 stored, then 200 for the same body, 409 for a changed one', async () => {
    const c = await central();
    expect(await attempt(c.url, dayBody(0))).toEqual({ outcome: 'delivered', status: 201 });
    expect(await attempt(c.url, dayBody(0))).toEqual({ outcome: 'delivered', status: 200 });
    const changed = dayEnvelope(0);
    changed.cash = { ...changed.cash, counted: 450000, overShort: 0 };
    const conflict = await attempt(c.url, JSON.stringify(changed));
    expect(conflict).toMatchObject({ outcome: 'conflict', status: 409 });
    expect(c.stored()).toHaveLength(1);
  });

  it('400 and 422 are refused with the central system\'s reason', async () => {
    const c = await central();
    const broken = dayEnvelope(1);
    broken.totals.sales += 1; // breaks totals.sales = sum of artisans' gross
    const body = Buffer.from(JSON.stringify(broken));
    // sendAttempt itself does not check: this is what a kiosk would hear from the server.
    const refused = await sendAttempt({ baseUrl: c.url, deviceId: DEVICE_ID, keyBytes: KEY_BYTES, body, idempotencyKey: idempotencyKey(broken) });
    expect(refused).toMatchObject({ outcome: 'refused', status: 422, reason: expect.stringContaining('totals.sales') });
    const notJson = await sendAttempt({ baseUrl: c.url, deviceId: DEVICE_ID, keyBytes: KEY_BYTES, body: Buffer.from('{"schema":'), idempotencyKey: 'x' });
    expect(notJson).toEqual({ outcome: 'refused', status: 400, reason: 'the body is not JSON' });
    expect(c.stored()).toHaveLength(0);
  });

  it('a wrong key is 401: unauthorized, "device not enrolled or clock wrong"', async () => {
    const c = await central();
    const outcome = await attempt(c.url, dayBody(0), { keyBytes: Buffer.from(OTHER_KEY, 'base64url') });
    expect(outcome).toEqual({ outcome: 'unauthorized', status: 401, reason: 'device not enrolled or clock wrong' });
    const unknown = await attempt(c.url, JSON.stringify({ ...dayEnvelope(0), deviceId: 'srinagar-polo-view/K09' }), { deviceId: 'srinagar-polo-view/K09' });
    expect(unknown.outcome).toBe('unauthorized');
  });

  it('a clock more than 300 s off is 401; 299 s is fine', async () => {
    const c = await central();
    expect((await attempt(c.url, dayBody(0), { now: () => new Date(Date.now() + 301_000) })).outcome).toBe('unauthorized');
    expect((await attempt(c.url, dayBody(0), { now: () => new Date(Date.now() - 299_000) })).outcome).toBe('delivered');
  });

  it('a body altered after signing is 401, and nothing is stored', async () => {
    const c = await central();
    const body = Buffer.from(dayBody(0));
    const headers = signedHeaders({ keyBytes: KEY_BYTES, deviceId: DEVICE_ID, idempotencyKey: idempotencyKey(dayEnvelope(0)), path: '/v1/daily-earnings', body, now: new Date() });
    const altered = dayBody(0).replace('"counted":449000', '"counted":449001').replace('"overShort":-1000', '"overShort":-999');
    expect(altered).not.toBe(dayBody(0));
    expect(await raw(c.url, { ...headers }, altered)).toEqual({ status: 401, text: JSON.stringify({ error: 'bad signature' }) });
    expect(c.stored()).toHaveLength(0);
  });

  it('a replayed nonce is 401 even with a valid signature', async () => {
    const c = await central();
    const body = Buffer.from(dayBody(0));
    const headers = signedHeaders({ keyBytes: KEY_BYTES, deviceId: DEVICE_ID, idempotencyKey: idempotencyKey(dayEnvelope(0)), path: '/v1/daily-earnings', body, now: new Date() });
    expect((await raw(c.url, { ...headers }, body)).status).toBe(201);
    expect(await raw(c.url, { ...headers }, body)).toEqual({ status: 401, text: JSON.stringify({ error: 'nonce already used' }) });
  });

  it('429 and 5xx are passing trouble, with Retry-After as seconds or an HTTP-date', async () => {
    const c = await central();
    c.failNext(1, { kind: 'status', status: 429, retryAfter: '7' });
    expect(await attempt(c.url, dayBody(0))).toEqual({ outcome: 'retry', status: 429, reason: 'injected 429', retryAfterMs: 7_000 });
    const at = new Date(Math.ceil(Date.now() / 1_000) * 1_000 + 60_000);
    c.failNext(1, { kind: 'status', status: 503, retryAfter: at.toUTCString() });
    const later = await attempt(c.url, dayBody(0));
    expect(later).toMatchObject({ outcome: 'retry', status: 503 });
    expect(later.outcome === 'retry' && later.retryAfterMs).toBeGreaterThan(55_000);
    c.failNext(1, { kind: 'status', status: 500 });
    expect(await attempt(c.url, dayBody(0))).toEqual({ outcome: 'retry', status: 500, reason: 'injected 500', retryAfterMs: null });
    expect(await attempt(c.url, dayBody(0))).toEqual({ outcome: 'delivered', status: 201 });
  });

  it('a server that never answers times out as passing trouble', async () => {
    const c = await central();
    c.failNext(1, { kind: 'hang' });
    const started = performance.now();
    expect(await attempt(c.url, dayBody(0))).toEqual({ outcome: 'retry', status: null, reason: 'The central system did not answer within 0.3 s', retryAfterMs: null });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('a reset or refused connection is passing trouble', async () => {
    const c = await central();
    c.failNext(1, { kind: 'reset' });
    expect(await attempt(c.url, dayBody(0))).toMatchObject({ outcome: 'retry', status: null, reason: 'The connection to the central system was cut' });
    const url = c.url;
    await c.close();
    closers.pop();
    expect(await attempt(url, dayBody(0))).toMatchObject({ outcome: 'retry', status: null, reason: 'The central system refused the connection' });
  });

  it('a day stored whose answer is lost: the retry gets 200 and the day is stored once', async () => {
    const c = await central();
    c.failNext(1, { kind: 'drop-answer' });
    expect((await attempt(c.url, dayBody(0))).outcome).toBe('retry');
    expect(c.stored()).toHaveLength(1);
    expect(await attempt(c.url, dayBody(0))).toEqual({ outcome: 'delivered', status: 200 });
    expect((await readFile(c.storeFile, 'utf8')).trim().split('\n')).toHaveLength(1);
  });

  it('central-dev reads its store back on start, so a repeat after its restart is still 200', async () => {
    const first = await central();
    expect((await attempt(first.url, dayBody(0))).outcome).toBe('delivered');
    await first.close();
    closers.pop();
    const again = await startCentralDev({ devices: { [DEVICE_ID]: KEY }, storeFile: first.storeFile });
    closers.push(() => again.close());
    expect(await attempt(again.url, dayBody(0))).toEqual({ outcome: 'delivered', status: 200 });
    expect(again.stored()).toHaveLength(1);
  });
});

describe('prepareBody', () => {
  it('refuses, before sending, text that is not a valid PROTOCOL.md body', () => {
    expect(prepareBody('not json')).toEqual({ ok: false, outcome: { outcome: 'refused', status: null, reason: 'The day\'s upload is not valid JSON' } });
    const broken = dayEnvelope(0);
    broken.cash.overShort = 0;
    const refused = prepareBody(JSON.stringify(broken));
    expect(refused.ok === false && refused.outcome.reason).toMatch(/cash\.overShort/);
  });
});
