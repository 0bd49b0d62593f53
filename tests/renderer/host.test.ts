import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrinterStatus } from '../../shared/contract';
import { startWebHost, type WebHost } from '../../electron/web';
import { createHttpHost, type HttpHost } from '../../renderer/host';
import { smallReceipt, tempDir } from '../electron/helpers';
import { unusedPort } from '../fixtures/ports';

/**
 * The browser side of the loopback transport against a real host. Node 20 has fetch and
 * streams; location, sessionStorage and history are the only browser globals stubbed.
 */

const hosts: WebHost[] = [];
const clients: HttpHost[] = [];

async function startHost(): Promise<{ web: WebHost; origin: string; dataDir: string }> {
  const dataDir = await tempDir();
  const rendererDir = join(await tempDir('chinar-renderer-'), 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Chinar POS</title>');
  const web = await startWebHost({ port: 0, dataDir, rendererDir });
  hosts.push(web);
  return { web, origin: `http://127.0.0.1:${web.port}`, dataDir };
}

function client(options: Parameters<typeof createHttpHost>[0]): HttpHost {
  const c = createHttpHost(options);
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await Promise.all(hosts.splice(0).map((h) => h.close()));
  vi.unstubAllGlobals();
});

describe('renderer host client over loopback HTTP', () => {
  it('calls the host with the token and gets its result', async () => {
    const { web, origin } = await startHost();
    const host = client({ baseUrl: origin, token: web.token });
    expect(await host.call('app.info', {})).toMatchObject({ ok: true, value: { name: 'Chinar POS', transport: 'web' } });
    expect(await host.call('settings.update', { paperWidth: 32 })).toMatchObject({ ok: true, value: { settings: { paperWidth: 32 } } });
  });

  it('passes the host\'s bad-request through, naming the field', async () => {
    const { web, origin } = await startHost();
    const host = client({ baseUrl: origin, token: web.token });
    // A cast, as an untyped caller would send it.
    const result = await host.call('settings.update', { paperWidth: 'wide' } as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('paperWidth') } });
  });

  it('says what to do when the token is wrong or missing', async () => {
    const { origin } = await startHost();
    const wrong = client({ baseUrl: origin, token: 'x'.repeat(43) });
    expect(await wrong.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringContaining('address the host printed') } });
    const none = client({ baseUrl: origin, token: null });
    expect(await none.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringContaining('#token=') } });
  });

  it('refuses names outside the contract without a request', async () => {
    const fetchSpy = vi.fn(fetch);
    const host = client({ baseUrl: 'http://127.0.0.1:9', token: 't', fetch: fetchSpy });
    expect(await host.call('shell.exec' as never, {} as never)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('returns "Lost contact" instead of throwing when the host is gone', async () => {
    const host = client({ baseUrl: `http://127.0.0.1:${await unusedPort()}`, token: 'abc', retryDelaysMs: [10, 10] });
    const result = await host.call('printer.status', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^Lost contact with the kiosk host\. /) } });
  });

  it('rides out a host restart: the same page\'s token still works, and an append sent meanwhile lands once', async () => {
    const { web, origin, dataDir } = await startHost();
    const host = client({ baseUrl: origin, token: web.token, retryDelaysMs: [100, 200, 400, 800, 1600, 1600] });
    const record = { id: 'rec-restart-1', kind: 'sale', at: '2026-11-22T12:00:00+05:30', data: { audit: [{ seq: 1, action: 'x' }] } };
    expect(await host.call('journal.append', { records: [record] })).toMatchObject({ ok: true, value: { appended: 1 } });
    await web.close();
    hosts.splice(hosts.indexOf(web), 1);
    // Sent while the host is down: it waits and goes through once the host is back.
    const during = host.call('journal.append', { records: [record, { ...record, id: 'rec-restart-2' }] });
    const status = host.call('journal.status', {});
    await new Promise((r) => setTimeout(r, 300));
    const rendererDir = join(await tempDir('chinar-renderer-'), 'renderer');
    await mkdir(rendererDir, { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Chinar POS</title>');
    const again = await startWebHost({ port: web.port, dataDir, rendererDir });
    hosts.push(again);
    expect(await during).toMatchObject({ ok: true, value: { appended: 1, entries: [{ status: 'already' }, { status: 'appended' }] } });
    expect(await status).toMatchObject({ ok: true });
    expect(await host.call('journal.status', {})).toMatchObject({ ok: true, value: { count: 2 } });
    // A print is not sent again by itself: the host may have printed before it went away.
    await again.close();
    hosts.splice(hosts.indexOf(again), 1);
    const started = Date.now();
    expect(await host.call('printer.print', { document: smallReceipt, openDrawer: false })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(Date.now() - started).toBeLessThan(90);
  });

  it('receives printer.status events over the stream, and stops listening on unsubscribe', async () => {
    const { web, origin } = await startHost();
    const host = client({ baseUrl: origin, token: web.token });
    const received: PrinterStatus[] = [];
    const off = host.on('printer.status', (status) => received.push(status));
    // The stream connects in the background: print until its first event arrives.
    await vi.waitFor(async () => {
      await host.call('printer.print', { document: smallReceipt });
      expect(received.length).toBeGreaterThan(0);
    }, { timeout: 5_000, interval: 50 });
    expect(received[0]).toEqual({ state: 'ready', target: expect.stringContaining('File printer'), message: '' });

    off();
    const count = received.length;
    await host.call('printer.print', { document: smallReceipt });
    await new Promise((r) => setTimeout(r, 150));
    expect(received).toHaveLength(count);
  });

  it('reconnects the event stream after it drops', async () => {
    const { web, origin } = await startHost();
    let eventRequests = 0;
    // The first two stream connections fail as if the host were restarting.
    const flaky: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/api/events') && ++eventRequests <= 2) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    const host = client({ baseUrl: origin, token: web.token, fetch: flaky, reconnect: { initialMs: 10, maxMs: 40 } });
    const received = vi.fn();
    host.on('printer.status', received);
    await vi.waitFor(async () => {
      await host.call('drawer.open', {});
      expect(received).toHaveBeenCalled();
    }, { timeout: 5_000, interval: 50 });
    expect(eventRequests).toBeGreaterThanOrEqual(3);
  });
});

describe('getHost', () => {
  const storage = new Map<string, string>();
  const sessionStorageStub = {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
  };

  beforeEach(() => {
    storage.clear();
    vi.resetModules();
  });

  function stubPage(origin: string, hash: string) {
    const history = { state: null, replaceState: vi.fn() };
    vi.stubGlobal('location', { origin, hash, pathname: '/', search: '' });
    vi.stubGlobal('history', history);
    vi.stubGlobal('sessionStorage', sessionStorageStub);
    return history;
  }

  it('takes the token from #token=, keeps it for reloads and removes it from the address bar', async () => {
    const { web, origin } = await startHost();
    const history = stubPage(origin, `#token=${web.token}`);
    const { getHost } = await import('../../renderer/host');
    const host = getHost();
    expect(getHost()).toBe(host);
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/');
    expect(storage.get('chinar.hostToken')).toBe(web.token);
    expect(await host.call('app.info', {})).toMatchObject({ ok: true });

    // A reload: fresh module, no fragment any more, the token comes from sessionStorage.
    vi.resetModules();
    stubPage(origin, '');
    const reloaded = (await import('../../renderer/host')).getHost();
    expect(await reloaded.call('app.info', {})).toMatchObject({ ok: true });
  });

  it('keeps the rest of the fragment when removing the token', async () => {
    const history = stubPage('http://127.0.0.1:1', '#token=abc&screen=sales');
    (await import('../../renderer/host')).getHost();
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/#screen=sales');
  });

  it('uses the preload bridge when Electron provides one', async () => {
    const bridge = { call: vi.fn(), on: vi.fn() };
    vi.stubGlobal('window', { chinarHost: bridge });
    stubPage('app://chinar', '');
    expect((await import('../../renderer/host')).getHost()).toBe(bridge);
  });
});
