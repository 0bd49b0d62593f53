import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { createHost, type PrinterFactory } from '../host';
import { getLogger } from '../host/log';
import { callPath, handleCall } from './api';
import { createDisplayStreams, DISPLAY_EVENTS_PATH } from './display-stream';
import { createEventStreams } from './events';
import { createGuard, type Guard } from './guard';
import { DISPLAY_LAUNCH_PAGE, removeLaunchPage, writeLaunchPage } from './launch-page';
import { originOf, planPort, rememberOrigin } from './origin';
import { createSheetTickets, outputPath, serveSheet } from './output';
import { refuse } from './reply';
import { serveStatic } from './static';
import { stableToken } from './token';

/**
 * The loopback HTTP transport of the host contract: the guard decides who may ask, the
 * API and the event stream carry the contract, static files serve the renderer. It
 * listens on 127.0.0.1 only, on the one port its data folder remembers (origin.ts).
 */

const log = getLogger('web');

export interface WebHostOptions {
  /**
   * Omitted: the port the data folder remembers, else DEFAULT_WEB_PORT. 0: the
   * remembered port, else any free one. Any other: that port, which must be the
   * remembered one unless `moveOrigin`.
   */
  port?: number | undefined;
  /** Serve this folder on a new port although it remembers another (the old store stays behind). */
  moveOrigin?: boolean | undefined;
  dataDir: string;
  fileDirOverride?: string | undefined;
  /** The built renderer; default `dist/renderer` (defaultRendererDir). */
  rendererDir?: string | undefined;
  /** Tests may inject a printer; production uses the real one from settings. */
  printerFactory?: PrinterFactory | undefined;
  now?: () => Date;
  /** The server's own request timeouts (tests shorten them). */
  timeouts?: Partial<WebTimeouts> | undefined;
}

/**
 * How long a client may take to send its request (issue 10, item 7). The host sets its own
 * rather than trusting Node's defaults (which have changed between versions), so a page
 * or a local process that opens connections and trickles bytes cannot hold the host's
 * sockets and memory. Only the request is timed, not the answer: the event stream
 * (`GET /api/events`) stays open as long as the page does, and a big backup's write is
 * not cut off.
 */
export interface WebTimeouts {
  /** From the connection to the end of the request's headers. */
  headersMs: number;
  /**
   * From the connection to the end of the whole request, body included. A 200 MiB backup
   * crosses loopback in a second or two even on an old kiosk; two minutes is ample.
   */
  requestMs: number;
}

export const DEFAULT_WEB_TIMEOUTS: WebTimeouts = Object.freeze({ headersMs: 15_000, requestMs: 120_000 });

export interface WebHost {
  /** `http://127.0.0.1:PORT/#token=…`: the only place the token is ever shown. */
  url: string;
  port: number;
  token: string;
  /** `<dataDir>/launch.html` (0600), which forwards to `url`: for launchers, see launch-page.ts. */
  launchPage: string;
  /**
   * `http://127.0.0.1:PORT/display.html#display=…`: the customer display, for a second
   * browser window on the second screen. Its token is new at every start and reads the
   * display's events only (guard.checkDisplay); every other route refuses it.
   */
  displayUrl: string;
  displayToken: string;
  /** `<dataDir>/display-launch.html` (0600), which forwards to `displayUrl`. */
  displayLaunchPage: string;
  close(): Promise<void>;
}

/**
 * `dist/renderer`. Bundled (dist/electron/*.cjs), every module's __dirname is the
 * bundle's folder; run from source (tests), it is this file's folder, electron/web.
 */
export function defaultRendererDir(): string {
  const bundled = basename(__dirname) === 'electron' && basename(dirname(__dirname)) === 'dist';
  return bundled ? join(__dirname, '..', 'renderer') : join(__dirname, '..', '..', 'dist', 'renderer');
}

function displayUrlOf(port: number, displayToken: string): string {
  return `${originOf(port)}/display.html#display=${displayToken}`;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { dataDir } = options;
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  const now = options.now ?? (() => new Date());
  // Backups hold sales and PIN hashes; the folder is the kiosk user's alone when we make it.
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const plan = await planPort(dataDir, options.port, options.moveOrigin === true);

  // One per data folder, so a page left open across a host restart keeps working (token.ts).
  const token = await stableToken(dataDir);
  const sheets = createSheetTickets(now);
  const host = createHost({
    dataDir,
    transport: 'web',
    fileDirOverride: options.fileDirOverride,
    now,
    openSheet: sheets.opener,
    ...(options.printerFactory ? { printerFactory: options.printerFactory } : {}),
  });
  const events = createEventStreams(host);
  // Per launch, unlike the API token: a display left open across a restart shows a clear
  // "open the new address" rather than a key that lives as long as the data folder.
  const displayToken = randomBytes(32).toString('base64url');
  const displayStreams = createDisplayStreams(host.display);
  // Set once the port is known; no request is answered before that.
  let guard: Guard | null = null;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!guard) return refuse(res, 503, 'internal', 'The kiosk host is starting. Try again in a moment.');
    const pathname = (req.url ?? '/').split(/[?#]/, 1)[0]!;
    const isApi = pathname === '/api' || pathname.startsWith('/api/');
    const addressed = guard.checkHost(req, isApi);
    if (addressed.kind === 'redirect') {
      res.writeHead(307, { location: addressed.location, 'cache-control': 'no-store', 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Chinar POS is at ${addressed.location}\n`);
      return;
    }
    if (addressed.kind === 'refuse') return refuse(res, addressed.status, addressed.code, addressed.message);
    if (!isApi) return serveStatic(rendererDir, req, res, pathname);

    const sheet = outputPath(pathname);
    if (sheet !== null) {
      const foreign = guard.checkOrigin(req);
      if (foreign) return refuse(res, foreign.status, foreign.code, foreign.message);
      return serveSheet(dataDir, sheets, req, res, sheet);
    }
    if (pathname === DISPLAY_EVENTS_PATH) {
      const shut = guard.checkDisplay(req);
      if (shut) return refuse(res, shut.status, shut.code, shut.message);
      if (req.method !== 'GET') return refuse(res, 405, 'bad-request', `Use GET for ${DISPLAY_EVENTS_PATH}.`, { allow: 'GET' });
      return displayStreams.open(req, res);
    }
    const refusal = guard.checkApi(req);
    if (refusal) return refuse(res, refusal.status, refusal.code, refusal.message);
    if (pathname === '/api/events') {
      if (req.method !== 'GET') return refuse(res, 405, 'bad-request', 'Use GET for /api/events.', { allow: 'GET' });
      return events.open(req, res);
    }
    const method = callPath(pathname);
    if (method === null) return refuse(res, 404, 'not-found', 'No such API endpoint.');
    return handleCall(host, req, res, method);
  }

  const timeouts: WebTimeouts = { ...DEFAULT_WEB_TIMEOUTS, ...options.timeouts };
  const server = createServer({
    headersTimeout: timeouts.headersMs,
    requestTimeout: Math.max(timeouts.requestMs, timeouts.headersMs),
    // How often Node looks for requests past those limits (its default is 30 s).
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(timeouts.headersMs / 4))),
  }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error('Request failed', error);
      if (!res.headersSent) refuse(res, 500, 'internal', 'The kiosk host hit an unexpected error. Try again.');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(error.code === 'EADDRINUSE'
        ? new Error(`Port ${plan.listen} is already in use: stop the other Chinar POS host${plan.remembered === plan.listen ? ` (this data folder's store is at ${originOf(plan.listen)}/, so it must use this port)` : ' or choose another --port'}.`)
        : error);
    };
    server.once('error', onError);
    // Loopback only: nothing on the shop's network can reach the contract.
    server.listen({ port: plan.listen, host: '127.0.0.1' }, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  server.on('error', (error) => log.error('Server error', error));
  const close = (): Promise<void> => new Promise<void>((resolve) => {
    events.closeAll();
    displayStreams.closeAll();
    server.close(() => resolve());
    server.closeAllConnections();
  });

  let launchPage: string;
  let displayLaunchPage: string;
  try {
    if (plan.remembered !== port) {
      await rememberOrigin(dataDir, port, now());
      if (plan.remembered !== null) log.warn(`Moved this data folder from ${originOf(plan.remembered)} to ${originOf(port)}; the browser's store stays with the old address`);
    }
    guard = createGuard(port, token, displayToken);
    launchPage = await writeLaunchPage(dataDir, `${guard.origin}/#token=${token}`);
    displayLaunchPage = await writeLaunchPage(dataDir, displayUrlOf(port, displayToken), DISPLAY_LAUNCH_PAGE);
  } catch (error) {
    await close();
    throw error;
  }
  log.info(`Loopback host listening on ${originOf(port)}, renderer from ${rendererDir}`);

  return {
    url: `${originOf(port)}/#token=${token}`,
    port,
    token,
    launchPage,
    displayUrl: displayUrlOf(port, displayToken),
    displayToken,
    displayLaunchPage,
    close: async () => {
      await close();
      await removeLaunchPage(dataDir);
      await removeLaunchPage(dataDir, DISPLAY_LAUNCH_PAGE);
    },
  };
}
