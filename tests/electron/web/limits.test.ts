import { connect, type Socket } from 'node:net';
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createHost } from '../../../electron/host';
import { busyMessage, createBusyGate } from '../../../electron/host/busy';
import { startWebHost, type WebHost } from '../../../electron/web';
import { DEFAULT_WEB_TIMEOUTS } from '../../../electron/web/server';
import { ok, type HostResult } from '../../../shared/result';
import { backupMeta, fakePrinterFactory, tempDir } from '../helpers';

const hosts: WebHost[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

async function start(timeouts = { headersMs: 300, requestMs: 600 }) {
  const web = await startWebHost({ port: 0, dataDir: await tempDir(), rendererDir: await tempDir('chinar-renderer-'), timeouts });
  hosts.push(web);
  return web;
}

/** A raw connection that writes `first` and then whatever the test trickles; resolves what came back and when it closed. */
function rawClient(port: number, first: string) {
  const socket = connect({ host: '127.0.0.1', port });
  sockets.push(socket);
  const opened = Date.now();
  let received = '';
  socket.on('data', (d: Buffer) => { received += d.toString('utf8'); });
  socket.on('error', () => undefined);
  socket.write(first);
  const closed = new Promise<{ afterMs: number; received: string }>((resolve) => socket.on('close', () => resolve({ afterMs: Date.now() - opened, received })));
  return { socket, closed };
}

describe('the web host\'s own request timeouts (issue 10, item 7)', () => {
  it('has defaults of its own, the request limit above the headers limit', () => {
    expect(DEFAULT_WEB_TIMEOUTS.headersMs).toBeGreaterThan(0);
    expect(DEFAULT_WEB_TIMEOUTS.requestMs).toBeGreaterThan(DEFAULT_WEB_TIMEOUTS.headersMs);
  });

  it('drops a client whose headers never finish', async () => {
    const web = await start();
    const { closed } = rawClient(web.port, `POST /api/call/app.info HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\n`);
    const { afterMs, received } = await closed;
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(afterMs).toBeGreaterThanOrEqual(250);
    expect(afterMs).toBeLessThan(5_000);
  });

  it('drops a client that trickles its body past the request limit', async () => {
    const web = await start();
    const head = `POST /api/call/backup.part HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\nAuthorization: Bearer ${web.token}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`;
    const { socket, closed } = rawClient(web.port, `${head}{"json":"`);
    // A byte every 100 ms: each gap is short, the whole never arrives.
    const drip = setInterval(() => { if (!socket.destroyed) socket.write('x'); }, 100);
    const { afterMs, received } = await closed;
    clearInterval(drip);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(afterMs).toBeGreaterThanOrEqual(500);
    expect(afterMs).toBeLessThan(5_000);
  });

  it('keeps the event stream open past the request limit: only the request is timed', async () => {
    const web = await start();
    const events = await new Promise<{ status: number; closedEarly: () => boolean }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: web.port, path: '/api/events', headers: { host: `127.0.0.1:${web.port}`, authorization: `Bearer ${web.token}` } }, (res) => {
        let closed = false;
        res.on('close', () => { closed = true; });
        res.resume();
        resolve({ status: res.statusCode ?? 0, closedEarly: () => closed });
      });
      req.on('error', reject);
      req.end();
    });
    expect(events.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_200));
    expect(events.closedEarly()).toBe(false);
  });

  it('still answers an ordinary call quickly', async () => {
    const web = await start();
    const reply = await fetch(`http://127.0.0.1:${web.port}/api/call/app.info`, {
      method: 'POST', headers: { authorization: `Bearer ${web.token}`, 'content-type': 'application/json' }, body: '{}',
    });
    expect(await reply.json()).toMatchObject({ ok: true, value: { transport: 'web' } });
  });
});

const card = { code: 'A017', name: 'Shahida Bano', craft: 'Pashmina', cooperative: '', fairWageCertified: true };

describe('heavy calls one at a time', () => {
  it('answers a second label or card sheet while the first runs with busy, and the first still finishes', async () => {
    const host = createHost({ dataDir: await tempDir(), transport: 'web', printerFactory: fakePrinterFactory().factory });
    const sheet = { layout: '2x5', cards: Array.from({ length: 10 }, () => card) };
    const [first, second, labels, secondBegin] = await Promise.all([
      host.dispatch('cards.pdf', sheet),
      host.dispatch('cards.pdf', sheet),
      // A different heavy call has its own slot.
      host.dispatch('labels.pdf', { layout: '3x8', labels: [] }),
      // A backup keeps its own one-at-a-time rule (electron/host/backup.ts), below.
      host.dispatch('backup.begin', { meta: backupMeta('{"sales":[]}') }),
    ]);
    expect(first).toMatchObject({ ok: true });
    expect(second).toEqual({ ok: false, error: { code: 'busy', message: busyMessage('cards.pdf') } });
    expect(labels.ok || labels.error.code !== 'busy').toBe(true);
    expect(secondBegin).toMatchObject({ ok: true });
    expect(await host.dispatch('backup.begin', { meta: backupMeta('{"sales":[]}') })).toMatchObject({ ok: false, error: { code: 'busy', message: expect.stringMatching(/already being made\. Try again in a moment/) } });
    expect(busyMessage('cards.pdf')).toMatch(/already being made\. Try again in a moment/);
    // Once the first is done, the next one runs.
    expect(await host.dispatch('cards.pdf', sheet)).toMatchObject({ ok: true });
    // A call the contract refuses does not take the slot.
    expect(await host.dispatch('cards.pdf', { layout: 'nope' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('frees the slot when the work fails, and never limits other methods', async () => {
    const gate = createBusyGate();
    let release!: () => void;
    const held = gate.run('labels.pdf', () => new Promise<HostResult<number>>((resolve) => { release = () => resolve(ok(1)); }));
    expect(await gate.run('labels.pdf', async () => ok(2))).toMatchObject({ ok: false, error: { code: 'busy' } });
    const printing = await Promise.all([gate.run('printer.print', async () => ok(3)), gate.run('printer.print', async () => ok(4))]);
    expect(printing).toEqual([ok(3), ok(4)]);
    release();
    expect(await held).toEqual(ok(1));
    await expect(gate.run('labels.pdf', async () => { throw new Error('disk'); })).rejects.toThrow('disk');
    expect(await gate.run('labels.pdf', async () => ok(5))).toEqual(ok(5));
  });
});
