import { request as httpRequest } from 'node:http';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../electron/web';
import { DEFAULT_WEB_PORT, OriginError, planPort } from '../../../electron/web/origin';
import { unusedPort } from '../../fixtures/ports';
import { tempDir } from '../helpers';

/** One data folder, one browser origin: the port a folder remembers, over real HTTP on 127.0.0.1. */

const hosts: WebHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

async function start(dataDir: string, options: { port?: number; moveOrigin?: boolean } = {}): Promise<WebHost> {
  const web = await startWebHost({ dataDir, rendererDir: join(dataDir, 'no-renderer'), ...options });
  hosts.push(web);
  return web;
}

async function stop(web: WebHost): Promise<void> {
  hosts.splice(hosts.indexOf(web), 1);
  await web.close();
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/', headers: { host: `127.0.0.1:${port}` } }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

async function origin(dataDir: string): Promise<{ origin: string; recordedAt: string }> {
  return JSON.parse(await readFile(join(dataDir, 'origin.json'), 'utf8'));
}

describe('web host origin per data folder', () => {
  it('records the origin it got the first time it serves a folder', async () => {
    const dataDir = await tempDir();
    const web = await start(dataDir, { port: 0 });
    const record = await origin(dataDir);
    expect(record).toEqual({ origin: `http://127.0.0.1:${web.port}`, recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(Object.keys(record).sort()).toEqual(['origin', 'recordedAt']);
  });

  it('comes back on the remembered port with --port 0 and with no --port, not on any free one', async () => {
    const dataDir = await tempDir();
    const first = await start(dataDir, { port: 0 });
    const port = first.port;
    await stop(first);
    const again = await start(dataDir, { port: 0 });
    expect(again.port).toBe(port);
    expect(again.url.startsWith(`http://127.0.0.1:${port}/#token=`)).toBe(true);
    await stop(again);
    expect((await start(dataDir)).port).toBe(port);
  });

  it('refuses to serve the folder on another port, says which address holds the store, and does not listen', async () => {
    const dataDir = await tempDir();
    const first = await start(dataDir, { port: 0 });
    const other = await unusedPort();
    const refused = start(dataDir, { port: other });
    await expect(refused).rejects.toThrow(OriginError);
    await expect(refused).rejects.toThrow(`http://127.0.0.1:${first.port}/`);
    await expect(refused).rejects.toThrow(/--move-origin/);
    expect(await answers(other)).toBe(false);
    expect((await origin(dataDir)).origin).toBe(`http://127.0.0.1:${first.port}`);
  });

  it('moves to another port only when told to with --move-origin, and remembers the new one', async () => {
    const dataDir = await tempDir();
    const first = await start(dataDir, { port: 0 });
    const old = first.port;
    await stop(first);
    const other = await unusedPort();
    const moved = await start(dataDir, { port: other, moveOrigin: true });
    expect(moved.port).toBe(other);
    expect((await origin(dataDir)).origin).toBe(`http://127.0.0.1:${other}`);
    await stop(moved);
    await expect(start(dataDir, { port: old })).rejects.toThrow(OriginError);
  });

  it('does not fall back to another port when the remembered one is busy', async () => {
    const dataDir = await tempDir();
    const first = await start(dataDir, { port: 0 });
    // A second host on the same folder: the port is taken by the first.
    await expect(start(dataDir, { port: 0 })).rejects.toThrow(`Port ${first.port} is already in use`);
    await expect(start(dataDir)).rejects.toThrow(`http://127.0.0.1:${first.port}/, so it must use this port`);
  });

  it('refuses a damaged origin.json rather than guess, unless --move-origin', async () => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, 'origin.json'), '{"origin":"http://localhost:5174"}');
    await expect(start(dataDir, { port: 0 })).rejects.toThrow(/origin\.json is damaged/);
    await writeFile(join(dataDir, 'origin.json'), '{"origin":"http://127.0.0.1:99999","recordedAt":"x"}');
    await expect(start(dataDir, { port: 0 })).rejects.toThrow(/origin\.json is damaged/);
    const moved = await start(dataDir, { port: 0, moveOrigin: true });
    expect((await origin(dataDir)).origin).toBe(`http://127.0.0.1:${moved.port}`);
  });

  it('uses the fixed default port for a new folder when no --port is given', async () => {
    expect(DEFAULT_WEB_PORT).toBe(47615);
    // Planned, not bound: other suites on this machine may hold 47615.
    expect(await planPort(await tempDir(), undefined, false)).toEqual({ listen: DEFAULT_WEB_PORT, remembered: null });
    expect(await planPort(await tempDir(), 0, false)).toEqual({ listen: 0, remembered: null });
  });

  it('writes a launch page only the kiosk user can read, forwarding to the URL, and removes it on close', async () => {
    const dataDir = await tempDir();
    const web = await start(dataDir, { port: 0 });
    expect(web.launchPage).toBe(join(dataDir, 'launch.html'));
    expect((await stat(web.launchPage)).mode & 0o777).toBe(0o600);
    const page = await readFile(web.launchPage, 'utf8');
    expect(page).toContain(`<meta http-equiv="refresh" content="0;url=${web.url}">`);
    await stop(web);
    await expect(stat(web.launchPage)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
