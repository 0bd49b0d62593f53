import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web';
import { BACKUP_PART_MAX_BODY_BYTES, BACKUP_PART_MAX_BYTES } from '../../shared/contract';
import type { HostResult } from '../../shared/result';
import { smallReceipt, tempDir, writeBackupVia } from './helpers';

interface Reply { status: number; headers: IncomingHttpHeaders; body: string }

/** A raw request, so tests control every header (fetch would not let them set Host). */
function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const hosts: WebHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

async function start(withRenderer = true) {
  const dataDir = await tempDir();
  const rendererDir = join(await tempDir('chinar-renderer-'), 'renderer');
  if (withRenderer) {
    await mkdir(join(rendererDir, 'assets'), { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body></body></html>');
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("chinar")');
    await writeFile(join(rendererDir, '..', 'secret.txt'), 'outside the renderer');
  }
  const web = await startWebHost({ port: 0, dataDir, rendererDir });
  hosts.push(web);
  const api = (method: string, body: unknown, headers: Record<string, string> = {}) => send(web.port, {
    method: 'POST',
    path: `/api/call/${method}`,
    headers: { host: `127.0.0.1:${web.port}`, authorization: `Bearer ${web.token}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { web, dataDir, rendererDir, api };
}

describe('loopback web host', () => {
  it('listens on 127.0.0.1 and puts the token only in the URL fragment', async () => {
    const { web } = await start();
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/#token=${web.token}`);
    expect(web.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await startWebHost({ port: 0, dataDir: await tempDir() });
    hosts.push(other);
    expect(other.token).not.toBe(web.token);
  });

  it('keeps its token per data folder (0600), so a page open across a restart keeps working', async () => {
    const { web, dataDir } = await start();
    const file = join(dataDir, 'web-token');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(web.token);
    const port = web.port;
    await web.close();
    hosts.splice(hosts.indexOf(web), 1);
    const again = await startWebHost({ port, dataDir, rendererDir: await tempDir() });
    hosts.push(again);
    expect(again.token).toBe(web.token);
    const reply = await send(port, {
      method: 'POST', path: '/api/call/app.info', body: '{}',
      headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${web.token}`, 'content-type': 'application/json' },
    });
    expect(reply.status).toBe(200);
    // A file others could read is not trusted: a new token replaces it.
    await again.close();
    hosts.splice(hosts.indexOf(again), 1);
    await chmod(file, 0o644);
    const third = await startWebHost({ port, dataDir, rendererDir: await tempDir() });
    hosts.push(third);
    expect(third.token).not.toBe(web.token);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('refuses a call without the token (401) and changes nothing on disk', async () => {
    const { web, dataDir, api } = await start();
    const none = await api('settings.update', { kiosk: true }, { authorization: '' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await api('settings.update', { kiosk: true }, { authorization: `Bearer ${'x'.repeat(43)}` });
    expect(wrong.status).toBe(401);
    const basic = await api('settings.update', { kiosk: true }, { authorization: `Basic ${web.token}` });
    expect(basic.status).toBe(401);
    expect(await readdir(dataDir)).not.toContain('settings.json');

    const good = await api('settings.update', { kiosk: true });
    expect(good.status).toBe(200);
    expect(JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')).kiosk).toBe(true);
  });

  it('refuses a Host header other than its own loopback address and port (DNS rebinding)', async () => {
    const { web, api } = await start();
    for (const host of ['evil.example', `evil.example:${web.port}`, '127.0.0.1', `127.0.0.1:${web.port + 1}`, `0.0.0.0:${web.port}`]) {
      expect((await api('app.info', {}, { host })).status, host).toBe(403);
    }
    expect((await send(web.port, { path: '/', headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('refuses API calls addressed to localhost or [::1], another browser origin with another store, naming the one address', async () => {
    const { web, api, dataDir } = await start();
    for (const host of [`localhost:${web.port}`, `LocalHost:${web.port}`, `[::1]:${web.port}`, `localhost.:${web.port}`]) {
      const reply = await api('settings.update', { kiosk: true }, { host });
      expect(reply.status, host).toBe(421);
      expect(JSON.parse(reply.body), host).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringContaining(`http://127.0.0.1:${web.port}/`) } });
    }
    // A page already open on localhost calls 127.0.0.1 cross-origin: refused the same way.
    const crossOrigin = await api('settings.update', { kiosk: true }, { origin: `http://localhost:${web.port}` });
    expect(crossOrigin.status).toBe(403);
    expect(JSON.parse(crossOrigin.body).error.message).toContain(`http://127.0.0.1:${web.port}/`);
    expect(await readdir(dataDir)).not.toContain('settings.json');
  });

  it('redirects pages asked for by localhost or [::1] to 127.0.0.1, keeping path and query', async () => {
    const { web } = await start();
    for (const [host, path] of [[`localhost:${web.port}`, '/'], [`[::1]:${web.port}`, '/assets/app.js?v=2'], [`localhost:${web.port}`, '//evil.example/x']] as const) {
      const reply = await send(web.port, { path, headers: { host } });
      expect(reply.status, host).toBe(307);
      expect(reply.headers.location).toBe(`http://127.0.0.1:${web.port}${path}`);
      expect(reply.headers['cache-control']).toBe('no-store');
    }
    expect((await send(web.port, { method: 'HEAD', path: '/', headers: { host: `localhost:${web.port}` } })).status).toBe(307);
    expect((await send(web.port, { method: 'POST', path: '/', headers: { host: `localhost:${web.port}` } })).status).toBe(421);
    // Another port on localhost is not ours to redirect.
    expect((await send(web.port, { path: '/', headers: { host: `localhost:${web.port + 1}` } })).status).toBe(403);
  });

  it('refuses a foreign Origin and cross-site fetches, accepts its own', async () => {
    const { web, api } = await start();
    expect((await api('app.info', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('app.info', {}, { origin: 'null' })).status).toBe(403);
    expect((await api('app.info', {}, { origin: `http://127.0.0.1:${web.port + 1}` })).status).toBe(403);
    expect((await api('app.info', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await api('app.info', {}, { origin: `http://127.0.0.1:${web.port}`, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('refuses a body over 1 MiB with 413, but lets a backup\'s part of 8 MiB (base64) through', async () => {
    const { api, dataDir } = await start();
    const big = JSON.stringify({ kiosk: true, pad: 'x'.repeat(2 * 1024 * 1024) });
    const tooBig = await api('settings.update', big);
    expect(tooBig.status).toBe(413);
    expect(JSON.parse(tooBig.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await readdir(dataDir)).not.toContain('settings.json');

    expect(JSON.parse(tooBig.body).error.message).toContain('larger than 1 MiB');

    // Two full parts and a bit over HTTP, as the page sends them.
    const content = Buffer.alloc(2 * BACKUP_PART_MAX_BYTES + 10, 0x79);
    const dispatch = async (method: string, input: unknown) => {
      const reply = await api(method, input);
      expect(reply.status, method).toBe(200);
      return JSON.parse(reply.body) as HostResult<unknown>;
    };
    const written = await writeBackupVia(dispatch, content);
    if (!written.ok) throw new Error(written.error.message);
    expect(written.value.bytes).toBeGreaterThan(content.byteLength);
  });

  it('refuses a backup part whose declared size is over the contract\'s limit before reading it', async () => {
    const { web } = await start();
    const reply = await send(web.port, {
      method: 'POST',
      path: '/api/call/backup.part',
      headers: { host: `127.0.0.1:${web.port}`, authorization: `Bearer ${web.token}`, 'content-type': 'application/json', 'content-length': String(BACKUP_PART_MAX_BODY_BYTES + 1) },
    }).catch((error: NodeJS.ErrnoException) => ({ status: -1, body: error.code ?? '' }));
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error.message).toContain('larger than');
  });

  it('answers non-JSON with 400, and a payload that breaks the contract with a bad-request naming the field', async () => {
    const { api } = await start();
    const notJson = await api('settings.update', '{kiosk: yes');
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect((await api('settings.update', 'kiosk=true', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(400);

    const bad = await api('settings.update', { printer: { kind: 'usb-device', path: '/etc/passwd' } });
    expect(bad.status).toBe(200);
    const result = JSON.parse(bad.body);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(result.error.message).toContain('printer.path');
  });

  it('prints a small document with the file printer: a .bin and a .txt appear', async () => {
    const { api, dataDir } = await start();
    const reply = await api('printer.print', { document: smallReceipt });
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.body);
    expect(result).toMatchObject({ ok: true, value: { bytes: expect.any(Number) } });
    expect(result.value.bytes).toBeGreaterThan(0);
    const out = await readdir(join(dataDir, 'printer-out'));
    const bin = out.find((n) => n.endsWith('.bin'));
    const txt = out.find((n) => n.endsWith('.txt'));
    expect(bin && txt).toBeTruthy();
    expect((await readFile(join(dataDir, 'printer-out', bin!))).byteLength).toBe(result.value.bytes);
    expect(await readFile(join(dataDir, 'printer-out', txt!), 'utf8')).toContain('Pashmina stole');
  });

  it('serves index.html at / with the CSP and never the token', async () => {
    const { web } = await start();
    const page = await send(web.port, { path: '/', headers: { host: `127.0.0.1:${web.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.body).toContain('assets/app.js');
    const asset = await send(web.port, { path: '/assets/app.js', headers: { host: `127.0.0.1:${web.port}` } });
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    for (const reply of [page, asset]) {
      expect(reply.body).not.toContain(web.token);
      expect(JSON.stringify(reply.headers)).not.toContain(web.token);
    }
  });

  it('refuses path traversal', async () => {
    const { web } = await start();
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const reply = await send(web.port, { path, headers: { host: `127.0.0.1:${web.port}` } });
      expect(reply.status, path).toBe(403);
      expect(reply.body).not.toContain('outside the renderer');
    }
  });

  it('says clearly when the renderer has not been built', async () => {
    const { web } = await start(false);
    const reply = await send(web.port, { path: '/', headers: { host: `127.0.0.1:${web.port}` } });
    expect(reply.status).toBe(503);
    expect(reply.body).toContain('renderer not built: run <code>npm run build</code>');
  });

  it('streams a printer.status event after a print, only to a client with the token', async () => {
    const { web, api } = await start();
    const refused = await send(web.port, { path: '/api/events', headers: { host: `127.0.0.1:${web.port}` } });
    expect(refused.status).toBe(401);

    const received = new Promise<{ type: string | undefined; text: string }>((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port: web.port,
        path: '/api/events',
        headers: { authorization: `Bearer ${web.token}`, accept: 'text/event-stream' },
      }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          // Print only once the stream is open, so the event cannot be missed.
          if (text.startsWith(': connected') && !text.includes('printer.print sent')) {
            text += '\n<!-- printer.print sent -->';
            void api('printer.print', { document: smallReceipt });
          }
          if (text.includes('event: printer.status\ndata: ')) {
            resolve({ type: res.headers['content-type'], text });
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    const { type, text } = await received;
    expect(type).toBe('text/event-stream; charset=utf-8');
    const data = /event: printer\.status\ndata: (.*)\n\n/.exec(text)?.[1];
    expect(JSON.parse(data!)).toMatchObject({ state: 'ready', target: expect.stringContaining('File printer'), message: '' });
  });

  it('answers unknown API paths and wrong verbs without running anything', async () => {
    const { web, api } = await start();
    const headers = { host: `127.0.0.1:${web.port}`, authorization: `Bearer ${web.token}` };
    expect((await send(web.port, { path: '/api/call/app.info', headers })).status).toBe(405);
    expect((await send(web.port, { path: '/api/nothing', headers })).status).toBe(404);
    expect(JSON.parse((await api('printer.explode', {})).body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
