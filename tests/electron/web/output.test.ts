import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../electron/web';
import { tempDir } from '../helpers';

interface Reply { status: number; headers: IncomingHttpHeaders; body: Buffer }

function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const hosts: WebHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

const CARDS = { layout: '2x5', cards: [{ code: 'A017', name: 'Shahida Bano', craft: 'Pashmina', cooperative: '', fairWageCertified: true }] };

/** A web host with one card sheet made, opened through labels.open as the page does. */
async function startWithSheet(options: { now?: () => Date } = {}) {
  const dataDir = await tempDir();
  const web = await startWebHost({ port: 0, dataDir, rendererDir: await tempDir(), ...options });
  hosts.push(web);
  const api = async (method: string, input: unknown) => {
    const reply = await send(web.port, {
      method: 'POST', path: `/api/call/${method}`, body: JSON.stringify(input),
      headers: { authorization: `Bearer ${web.token}`, 'content-type': 'application/json' },
    });
    return JSON.parse(reply.body.toString('utf8')) as { ok: boolean; value?: Record<string, string>; error?: { code: string; message: string } };
  };
  const made = await api('cards.pdf', CARDS);
  if (!made.ok) throw new Error(made.error!.message);
  const name = made.value!.name!;
  const opened = await api('labels.open', { name });
  if (!opened.ok || opened.value?.kind !== 'url') throw new Error(`labels.open answered ${JSON.stringify(opened)}`);
  return { web, dataDir, api, name, path: made.value!.path!, url: opened.value.url! };
}

describe('sheet PDFs over the loopback host', () => {
  it('answers labels.open with an address on its own origin that serves the PDF to a tab', async () => {
    const { web, name, url } = await startWithSheet();
    expect(url).toMatch(new RegExp(`^/api/output/${name.replace(/\./g, '\\.')}\\?ticket=[A-Za-z0-9_-]{32}$`));
    expect(url).not.toContain(web.token);
    // A tab opened by our page: no Authorization header, Sec-Fetch-Site same-origin.
    const reply = await send(web.port, { path: url, headers: { 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'document' } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/pdf');
    expect(reply.headers['content-disposition']).toBe(`inline; filename="${name}"`);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Number(reply.headers['content-length'])).toBe(reply.body.byteLength);
    // A reload of the tab still works while the ticket lives.
    expect((await send(web.port, { path: url })).status).toBe(200);
  });

  it('refuses the address without its ticket, with a wrong one, or with another file\'s', async () => {
    const { web, api, name, url } = await startWithSheet();
    const ticket = new URL(url, 'http://x').searchParams.get('ticket')!;
    for (const path of [`/api/output/${name}`, `/api/output/${name}?ticket=`, `/api/output/${name}?ticket=${'A'.repeat(32)}`]) {
      const reply = await send(web.port, { path });
      expect(reply.status, path).toBe(401);
      expect(reply.body.toString('utf8'), path).toContain('Press Open again');
    }
    // The API's own token is no ticket, in the URL or as a header.
    expect((await send(web.port, { path: `/api/output/${name}?ticket=${web.token}` })).status).toBe(401);
    expect((await send(web.port, { path: `/api/output/${name}`, headers: { authorization: `Bearer ${web.token}` } })).status).toBe(401);
    const other = await api('cards.pdf', CARDS);
    expect(other.value!.name).not.toBe(name);
    expect((await send(web.port, { path: `/api/output/${other.value!.name}?ticket=${ticket}` })).status).toBe(401);
  });

  it('refuses names that are not its sheets (folders, dots, other files) before looking at the ticket', async () => {
    const { web, url } = await startWithSheet();
    const ticket = new URL(url, 'http://x').searchParams.get('ticket')!;
    for (const name of ['..%2Fsettings.json', '%2E%2E%2Fweb-token', 'web-token', 'settings.json', 'cards-20260401-093000-a1b2c3.pdf%2F..', '%E0%A4%A']) {
      const reply = await send(web.port, { path: `/api/output/${name}?ticket=${ticket}` });
      expect(reply.status, name).toBe(400);
      expect(reply.body.toString('utf8'), name).toContain('not a PDF this kiosk made');
      expect(reply.body.subarray(0, 5).toString('latin1')).not.toBe('%PDF-');
    }
    // With a slash the path is no output address at all, so it needs the API's token.
    expect((await send(web.port, { path: `/api/output/../settings.json?ticket=${ticket}` })).status).toBe(401);
    expect((await send(web.port, { path: `/api/output/labels/x.pdf?ticket=${ticket}` })).status).toBe(401);
  });

  it('applies the API\'s Host and Origin guard: other sites and other host names get nothing', async () => {
    const { web, url } = await startWithSheet();
    const refused: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
      { host: 'evil.example' },
      { host: `localhost:${web.port}` },
    ];
    for (const headers of refused) {
      const reply = await send(web.port, { path: url, headers });
      expect([403, 421], JSON.stringify(headers)).toContain(reply.status);
      expect(reply.body.subarray(0, 5).toString('latin1')).not.toBe('%PDF-');
    }
    expect((await send(web.port, { path: url, headers: { 'sec-fetch-site': 'none' } })).status).toBe(200);
  });

  it('lets a ticket expire after a few minutes, and says when the file has gone', async () => {
    let at = new Date('2026-04-01T09:30:00Z').getTime();
    const { web, path, url, api, name } = await startWithSheet({ now: () => new Date(at) });
    at += 4 * 60_000;
    expect((await send(web.port, { path: url })).status).toBe(200);
    at += 2 * 60_000;
    expect((await send(web.port, { path: url })).status).toBe(401);

    const again = await api('labels.open', { name });
    await rm(path);
    const gone = await send(web.port, { path: again.value!.url! });
    expect(gone.status).toBe(404);
    expect(gone.body.toString('utf8')).toContain('Make the sheet again');
  });

  it('takes only GET and HEAD', async () => {
    const { web, url } = await startWithSheet();
    expect((await send(web.port, { path: url, method: 'POST', body: '{}' })).status).toBe(405);
    const head = await send(web.port, { path: url, method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.byteLength).toBe(0);
  });
});
