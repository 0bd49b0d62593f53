import { join } from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../electron/web';
import { connectStream, statesInBlock, type FeedStatus } from '../../../renderer/display/feed';
import type { DisplayState } from '../../../shared/display';
import { tempDir } from '../../electron/helpers';
import { cartDisplayState, idleDisplayState } from '../../fixtures/display-state';

/** The display page's feed against a real loopback host (Node's fetch and streams). */

const hosts: WebHost[] = [];
const stops: (() => void)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

async function start(): Promise<WebHost> {
  const rendererDir = join(await tempDir('chinar-renderer-'), 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html>');
  const web = await startWebHost({ port: 0, dataDir: await tempDir(), rendererDir });
  hosts.push(web);
  return web;
}

function publish(web: WebHost, state: unknown): Promise<Response> {
  return fetch(`http://127.0.0.1:${web.port}/api/call/display.publish`, {
    method: 'POST', headers: { authorization: `Bearer ${web.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ state }),
  });
}

function listen(web: WebHost, token: string) {
  const states: DisplayState[] = [];
  const statuses: FeedStatus[] = [];
  stops.push(connectStream({ baseUrl: `http://127.0.0.1:${web.port}`, token, reconnect: { initialMs: 20, maxMs: 50 } }, {
    onState: (s) => states.push(s),
    onStatus: (s) => statuses.push(s),
  }));
  return { states, statuses };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe('display feed over the loopback host', () => {
  it('shows the last state at once, then each new one, and drops what is not a display state', async () => {
    const web = await start();
    await publish(web, cartDisplayState);
    const feed = listen(web, web.displayToken);
    await until(() => feed.states.length === 1);
    expect(feed.states[0]).toEqual(cartDisplayState);
    expect(feed.statuses).toContain('live');
    await publish(web, idleDisplayState);
    await until(() => feed.states.length === 2);
    expect(feed.states[1]).toEqual(idleDisplayState);
    expect(statesInBlock('event: printer.status\ndata: {"state":"ready"}')).toEqual([]);
    expect(statesInBlock('event: display.state\ndata: {broken')).toEqual([]);
  });

  it('stops with "no key" for a wrong token (the API token included), and for none', async () => {
    const web = await start();
    const wrong = listen(web, web.token);
    await until(() => wrong.statuses.includes('no-key'));
    expect(wrong.states).toEqual([]);
    const none: FeedStatus[] = [];
    connectStream({ baseUrl: `http://127.0.0.1:${web.port}`, token: null }, { onState: () => undefined, onStatus: (s) => none.push(s) });
    expect(none).toEqual(['no-key']);
  });
});
