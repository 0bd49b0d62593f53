import { request as httpRequest, type IncomingMessage } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createHost } from '../../../electron/host';
import { startWebHost, type WebHost } from '../../../electron/web';
import { HOST_METHOD_NAMES } from '../../../shared/contract';
import { cartDisplayState, idleDisplayState } from '../../fixtures/display-state';
import { fakePrinterFactory, smallReceipt, tempDir } from '../helpers';

/**
 * The customer display over the loopback host: its own token reads `GET
 * /api/display/events` and nothing else; the API token cannot read that stream.
 */

const hosts: WebHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

async function start() {
  const printer = fakePrinterFactory();
  const web = await startWebHost({ port: 0, dataDir: await tempDir(), rendererDir: await tempDir('chinar-renderer-'), printerFactory: printer.factory });
  hosts.push(web);
  return { web, printer };
}

interface Reply { status: number; body: string }

function send(web: WebHost, path: string, token: string, init: { method?: string; body?: unknown } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1', port: web.port, method: init.method ?? 'POST', path,
      headers: { host: `127.0.0.1:${web.port}`, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(init.body === undefined ? undefined : JSON.stringify(init.body));
  });
}

/** An open display stream: the states it has received so far, parsed. */
function openStream(web: WebHost, token: string, headers: Record<string, string> = {}) {
  const states: unknown[] = [];
  let buffer = '';
  let response: IncomingMessage | null = null;
  const req = httpRequest({
    host: '127.0.0.1', port: web.port, method: 'GET', path: '/api/display/events',
    headers: { host: `127.0.0.1:${web.port}`, authorization: `Bearer ${token}`, accept: 'text/event-stream', ...headers },
  });
  const opened = new Promise<IncomingMessage>((resolve, reject) => {
    req.on('response', (res) => {
      response = res;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event === 'display.state' && data) states.push(JSON.parse(data));
        }
      });
      resolve(res);
    });
    req.on('error', reject);
  });
  req.end();
  return {
    opened,
    states,
    async next(count: number): Promise<unknown[]> {
      for (let i = 0; i < 200 && states.length < count; i++) await new Promise((r) => setTimeout(r, 10));
      return states.slice(0, count);
    },
    close() {
      req.destroy();
      response?.destroy();
    },
  };
}

describe('customer display over the loopback host', () => {
  it('prints its own URL with a per-launch token, different from the API token, in a 0600 launch page', async () => {
    const { web } = await start();
    expect(web.displayUrl).toBe(`http://127.0.0.1:${web.port}/display.html#display=${web.displayToken}`);
    expect(web.displayToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(web.displayToken).not.toBe(web.token);
    expect(await readFile(web.displayLaunchPage, 'utf8')).toContain(`#display=${web.displayToken}`);
    if (process.platform !== 'win32') expect((await stat(web.displayLaunchPage)).mode & 0o777).toBe(0o600);
  });

  it('sends the last state at once to a display that connects, then every new one, live', async () => {
    const { web } = await start();
    expect((await send(web, '/api/call/display.publish', web.token, { body: { state: cartDisplayState } })).body).toBe('{"ok":true,"value":{}}');
    const stream = openStream(web, web.displayToken);
    expect((await stream.opened).statusCode).toBe(200);
    expect(await stream.next(1)).toEqual([cartDisplayState]);
    await send(web, '/api/call/display.publish', web.token, { body: { state: idleDisplayState } });
    expect(await stream.next(2)).toEqual([cartDisplayState, idleDisplayState]);
    stream.close();
    // A display that reloads gets the last one again.
    const again = openStream(web, web.displayToken);
    expect(await again.next(1)).toEqual([idleDisplayState]);
    again.close();
  });

  it('refuses the display token on every other route, and the API token on the display route', async () => {
    const { web, printer } = await start();
    for (const method of HOST_METHOD_NAMES) {
      const reply = await send(web, `/api/call/${method}`, web.displayToken, { body: method === 'printer.print' ? { document: smallReceipt } : {} });
      expect(reply.status, method).toBe(401);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(printer.made.flatMap((p) => p.jobs)).toEqual([]);
    expect((await send(web, '/api/events', web.displayToken, { method: 'GET' })).status).toBe(401);
    expect((await send(web, '/api/call/display.publish', web.displayToken, { body: { state: cartDisplayState } })).status).toBe(401);

    const withApiToken = openStream(web, web.token);
    const refused = await withApiToken.opened;
    expect(refused.statusCode).toBe(401);
    withApiToken.close();
    const foreign = openStream(web, web.displayToken, { origin: 'https://evil.example' });
    expect((await foreign.opened).statusCode).toBe(403);
    foreign.close();
    expect((await send(web, '/api/display/events', web.displayToken, { method: 'POST' })).status).toBe(405);
  });

  it('refuses a display state outside the contract, and keeps the last good one', async () => {
    const { web } = await start();
    await send(web, '/api/call/display.publish', web.token, { body: { state: cartDisplayState } });
    const bad = await send(web, '/api/call/display.publish', web.token, { body: { state: { ...idleDisplayState, pin: '1234' } } });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const huge = await send(web, '/api/call/display.publish', web.token, { body: { state: { ...idleDisplayState, storeName: 'x'.repeat(600 * 1024) } } });
    expect(huge.status).toBe(413);
    const stream = openStream(web, web.displayToken);
    expect(await stream.next(1)).toEqual([cartDisplayState]);
    stream.close();
  });
});

describe('host display feed', () => {
  it('keeps only the last valid state and tells every watcher', async () => {
    const host = createHost({ dataDir: await tempDir(), transport: 'web', printerFactory: fakePrinterFactory().factory });
    expect(host.display.last()).toBeNull();
    const seen: unknown[] = [];
    const off = host.display.on((state) => seen.push(state));
    expect(await host.dispatch('display.publish', { state: cartDisplayState })).toEqual({ ok: true, value: {} });
    expect(await host.dispatch('display.publish', { state: { language: 'fr', storeName: 'x', phase: { kind: 'idle' } } })).toMatchObject({ ok: false });
    off();
    await host.dispatch('display.publish', { state: idleDisplayState });
    expect(seen).toEqual([cartDisplayState]);
    expect(host.display.last()).toEqual(idleDisplayState);
  });
});
