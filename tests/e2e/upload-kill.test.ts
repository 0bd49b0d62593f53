import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentralDev, type CentralDev, type StoredDay } from '../../electron/central-dev/server';
import { DEMO_PINS } from '../../renderer/db/demo-data';
import { callHost, errorsOf, launchChromium, MANAGER_PIN, openKiosk, openManagerTile, signIn, spawnHost } from './helpers';

/**
 * Issue 10, end to end: a day closed in the UI goes to central:dev through a proxy that
 * lets the first upload be stored and then holds its answer. While the kiosk waits for
 * that answer (the Sync list says "sending"), the host process is SIGKILLed, then started
 * again on the same data folder, port and token. The page carries on by itself: the day
 * is sent again, central:dev answers 200 to the repeat, the Sync list says delivered, and
 * the store file holds the day once.
 */

const DEVICE_ID = 'demo-market/K01';
const KEY = 'q3S0l1_yN8w-ZrFh2kP9aXcVbM4uT7eJdG6oLiWn5sE';

/**
 * Forwards to central:dev; the first POST's answer is read from central:dev (so the day is
 * stored) and then never passed on: the kiosk hears nothing until its side goes away.
 */
interface HoldingProxy {
  url: string;
  /** Resolves with central:dev's status for the held request, once it has answered. */
  held: Promise<number>;
  /** POSTs seen, and the statuses passed back for the others. */
  posts(): number;
  passed(): number[];
  close(): Promise<void>;
}

async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  let posts = 0;
  const passed: number[] = [];
  let heldStatus!: (status: number) => void;
  const held = new Promise<number>((resolve) => { heldStatus = resolve; });
  const forward = (req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const upstream = http.request(`${target}${req.url ?? '/'}`, { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      upstream.on('error', reject);
      upstream.end(body);
    });
  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const first = req.method === 'POST' && ++posts === 1;
      forward(req, Buffer.concat(chunks)).then((answer) => {
        if (first) {
          heldStatus(answer.status);
          return; // Stored at central:dev; the answer is kept back.
        }
        passed.push(answer.status);
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      }, () => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held,
    posts: () => posts,
    passed: () => [...passed],
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The store file as it is on disk, one parsed line per stored day. */
async function storedLines(file: string): Promise<StoredDay[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as StoredDay);
}

function sigkill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) { resolve(); return; }
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}


describe('a closed day survives the host being killed mid-upload (real host process, central:dev, Chromium)', () => {
  let root: string;
  let central: CentralDev;
  let proxy: HoldingProxy;
  let browser: Browser;
  let host: ChildProcess | undefined;
  let storeFile: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'chinar-upload-kill-'));
    storeFile = join(root, 'days.jsonl');
    await mkdir(join(root, 'printer'));
    central = await startCentralDev({ devices: { [DEVICE_ID]: KEY }, storeFile });
    proxy = await startHoldingProxy(central.url);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (host) await sigkill(host);
    await proxy?.close();
    await central?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('is stored exactly once and shown delivered after a SIGKILL while its answer was awaited', async () => {
    const started = Date.now();
    const dataDir = join(root, 'data');
    const printerDir = join(root, 'printer');
    const first = await spawnHost(dataDir, printerDir);
    host = first.child;
    const token = /#token=([A-Za-z0-9_-]+)/.exec(first.url)![1]!;
    const page = await openKiosk(browser, first.url, { width: 1024, height: 768 });
    expect(await callHost(page, token, 'device.enrol', { deviceId: DEVICE_ID, marketId: 'demo-market', deviceKey: KEY, centralBaseUrl: proxy.url })).toMatchObject({ ok: true });

    // Open the day (no float) and close it at once, counting no cash.
    await signIn(page, DEMO_PINS.manager);
    await openManagerTile(page, 'day');
    await page.locator('[data-testid="day-screen"][data-day="open"]').waitFor();
    await page.getByTestId('day-close').click();
    const closeDialog = page.getByTestId('close-day-dialog');
    await closeDialog.waitFor();
    await page.getByTestId('close-count-500').fill('0');
    await page.getByTestId('close-day-pin-input').fill(MANAGER_PIN);
    await page.getByTestId('close-day-confirm').click();
    await page.getByTestId('z-report-dialog').waitFor({ timeout: 30_000 });
    await page.getByTestId('z-report-dialog').getByRole('button', { name: 'Done' }).click();

    // Mid-upload: central:dev has stored the day, the kiosk is still waiting for the answer.
    expect(await Promise.race([proxy.held, new Promise<number>((r) => setTimeout(() => r(-1), 60_000))]), 'central:dev stored the held request').toBe(201);
    await page.locator('[data-testid="sync-row"][data-state="sending"]').waitFor({ timeout: 30_000 });
    expect((await storedLines(storeFile)).length).toBe(1);

    await sigkill(host);
    const killedAt = Date.now();
    const second = await spawnHost(dataDir, printerDir);
    host = second.child;
    expect(second.url, 'same port and token after the restart').toBe(first.url);

    // The page, never reloaded, sends the day again through the restarted host.
    await page.locator('[data-testid="sync-row"][data-state="delivered"]').waitFor({ timeout: 90_000 });
    const recoveredMs = Date.now() - killedAt;
    await page.getByTestId('sync-state').filter({ hasText: 'Delivered' }).waitFor();

    const lines = await storedLines(storeFile);
    expect(lines.map((d) => [d.idempotencyKey, d.day.zNumber])).toEqual([[expect.any(String), 1]]);
    expect(central.stored()).toHaveLength(1);
    expect(new Set(lines.map((d) => d.day.businessDate)).size).toBe(1);
    // The repeat met "already stored" (200), never a second 201 and never a conflict.
    expect(proxy.passed()).toEqual([200]);
    expect(central.stats().answers).toEqual({ 201: 1, 200: 1 });
    expect(await page.getByTestId('sync-row').count()).toBe(1);
    expect(errorsOf(page)).toEqual([]);
    console.log(`upload-kill: killed mid-upload, delivered ${Math.round(recoveredMs / 100) / 10} s after the kill, ${proxy.posts()} posts, in ${Math.round((Date.now() - started) / 1000)} s`);
  }, 180_000);
});
