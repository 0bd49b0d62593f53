import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { HOST_METHOD_NAMES, hostEvents, type HostEvent } from '../shared/contract';
import type { ErrorCode } from '../shared/result';
import { createHost, type PrinterFactory } from './host';
import { readAppVersion } from './host/app-info';
import { parseWebArgs, UsageError, WEB_USAGE } from './host/cli';
import { installCrashHandlers } from './host/crash';
import { RENDERER_SECURITY_HEADERS } from './host/csp';
import { getLogger } from './host/log';
import { lookupStaticFile, NOT_BUILT_PAGE } from './host/static-files';

/**
 * The loopback HTTP transport: the same contract as Electron's IPC, for Chromium in
 * `--kiosk --app` mode on thin Linux boxes and for tests where no Electron binary exists.
 *
 * Any web page the kiosk's browser opens can send requests to 127.0.0.1, so every API
 * request must prove it comes from our own page:
 * - a per-launch random token, carried in the launch URL's fragment (fragments are never
 *   sent to a server, so it reaches no log) and sent back as `Authorization: Bearer`;
 * - the Host header must be our loopback address and port, which defeats DNS rebinding
 *   (a hostile name re-pointed at 127.0.0.1 still says its own name in Host);
 * - an Origin, when the browser sends one, must be ours;
 * - bodies are size-limited.
 * The static renderer files are public (they hold no secret and never include the token).
 */

const log = getLogger('web');

const MAX_BODY = 1024 * 1024;
/** backup.write carries the whole store as JSON. */
const MAX_BACKUP_BODY = 64 * 1024 * 1024;
const HEARTBEAT_MS = 25_000;
const METHOD_NAMES: ReadonlySet<string> = new Set(HOST_METHOD_NAMES);
const EVENT_NAMES = Object.keys(hostEvents) as HostEvent[];

export interface WebHostOptions {
  /** 0 picks any free port. */
  port: number;
  dataDir: string;
  fileDirOverride?: string | undefined;
  /** The built renderer; default `dist/renderer` next to this bundle's folder. */
  rendererDir?: string | undefined;
  /** Tests may inject a printer; production uses the real one from settings. */
  printerFactory?: PrinterFactory | undefined;
}

export interface WebHost {
  /** `http://127.0.0.1:PORT/#token=…`: the only place the token is ever shown. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** `dist/renderer` seen from the bundle (`dist/electron/web.cjs`) or from the source tree. */
export function defaultRendererDir(): string {
  return basename(dirname(__dirname)) === 'dist' ? join(__dirname, '..', 'renderer') : join(__dirname, '..', 'dist', 'renderer');
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(32).toString('base64url');
  const tokenDigest = digest(token);
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  const host = createHost({
    dataDir: options.dataDir,
    transport: 'web',
    fileDirOverride: options.fileDirOverride,
    ...(options.printerFactory ? { printerFactory: options.printerFactory } : {}),
  });
  const streams = new Set<ServerResponse>();
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  function hasToken(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header);
    // Comparing digests keeps the comparison constant-time whatever the length sent.
    return match !== null && timingSafeEqual(digest(match[1]!), tokenDigest);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      return refuse(res, 403, 'unauthorized', 'This address is not served here. Open the address the kiosk host printed.');
    }
    const rawUrl = req.url ?? '/';
    const pathname = rawUrl.split(/[?#]/, 1)[0]!;
    if (pathname === '/api' || pathname.startsWith('/api/')) return handleApi(req, res, pathname);
    return serveStatic(req, res, pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      return refuse(res, 403, 'unauthorized', 'Requests from other web pages are not accepted.');
    }
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      return refuse(res, 403, 'unauthorized', 'Requests from other web pages are not accepted.');
    }
    if (!hasToken(req)) {
      return refuse(res, 401, 'unauthorized', 'This page has no valid access key. Open the address the kiosk host printed when it started.');
    }

    if (pathname === '/api/events') {
      if (req.method !== 'GET') return refuse(res, 405, 'bad-request', 'Use GET for /api/events.', { allow: 'GET' });
      return openEventStream(req, res);
    }
    const call = /^\/api\/call\/([^/]+)$/.exec(pathname);
    if (!call) return refuse(res, 404, 'not-found', 'No such API endpoint.');
    if (req.method !== 'POST') return refuse(res, 405, 'bad-request', 'Use POST to call a host method.', { allow: 'POST' });
    let method: string;
    try {
      method = decodeURIComponent(call[1]!);
    } catch {
      return refuse(res, 400, 'bad-request', 'The method name is not valid.');
    }
    const contentType = req.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(contentType)) {
      return refuse(res, 400, 'bad-request', 'Send the call as JSON (Content-Type: application/json).');
    }
    const limit = method === 'backup.write' ? MAX_BACKUP_BODY : MAX_BODY;
    const body = await readBody(req, limit);
    if (body === 'too-large') {
      return refuse(res, 413, 'bad-request', `The request is larger than ${limit / (1024 * 1024)} MiB.`);
    }
    let input: unknown;
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      return refuse(res, 400, 'bad-request', 'The request body is not valid JSON.');
    }
    // Unknown names go to dispatch too, which answers with the contract's own bad-request.
    if (!METHOD_NAMES.has(method)) log.warn(`Call to unknown method ${JSON.stringify(method.slice(0, 60))}`);
    const result = await host.dispatch(method, input);
    sendJson(res, 200, result);
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // Tells any proxy in between not to buffer; events must arrive at once.
      'x-accel-buffering': 'no',
    });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribers = EVENT_NAMES.map((event) =>
      host.on(event, (payload) => {
        res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
      }));
    // A comment line now and then keeps idle connections from being dropped as dead.
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const cleanup = (): void => {
      clearInterval(heartbeat);
      for (const off of unsubscribers) off();
      streams.delete(res);
    };
    req.on('close', cleanup);
    res.on('close', cleanup);
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed\n');
      return;
    }
    const found = await lookupStaticFile(rendererDir, pathname);
    switch (found.status) {
      case 'forbidden':
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Forbidden\n');
        return;
      case 'not-found':
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Not found\n');
        return;
      case 'not-built':
        res.writeHead(503, { ...RENDERER_SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(NOT_BUILT_PAGE);
        return;
      case 'found':
        res.writeHead(200, {
          ...RENDERER_SECURITY_HEADERS,
          'content-type': found.contentType,
          // index.html names the hashed bundles, so it must be fetched fresh after an update.
          'cache-control': found.isIndex ? 'no-store' : 'no-cache',
        });
        if (req.method === 'HEAD') {
          res.end();
          return;
        }
        createReadStream(found.path)
          .on('error', (error) => {
            log.warn(`Could not read ${found.path}`, error);
            res.destroy();
          })
          .pipe(res);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error('Request failed', error);
      if (!res.headersSent) refuse(res, 500, 'internal', 'The kiosk host hit an unexpected error. Try again.');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(error.code === 'EADDRINUSE'
        ? new Error(`Port ${options.port} is already in use: stop the other Chinar POS host or choose another --port.`)
        : error);
    };
    server.once('error', onError);
    // Loopback only: nothing on the shop's network can reach the contract.
    server.listen({ port: options.port, host: '127.0.0.1' }, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  server.on('error', (error) => log.error('Server error', error));
  log.info(`Loopback host listening on 127.0.0.1:${port}, renderer from ${rendererDir}`);

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () => new Promise<void>((resolve) => {
      for (const stream of streams) stream.end();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    // Answer at once; Node discards the rest of the body after the response is sent.
    return Promise.resolve('too-large');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.byteLength;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  res.end(text);
}

/** Refusals carry the contract's failure shape so the client can treat every answer alike. */
function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string, extra: Record<string, string> = {}): void {
  // An unauthorised sender gets no keep-alive: it should not be able to pump a body in.
  const close: Record<string, string> = status === 401 || status === 403 ? { connection: 'close' } : {};
  sendJson(res, status, { ok: false, error: { code, message } }, { ...close, ...extra });
}

async function runCli(argv: readonly string[]): Promise<void> {
  let options;
  try {
    options = parseWebArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${WEB_USAGE}\n`);
      process.exit(2);
    }
    throw error;
  }
  installCrashHandlers({ dataDir: options.dataDir, appVersion: readAppVersion() });
  const web = await startWebHost(options);
  // The one line on stdout: launchers and tests read the URL from it.
  process.stdout.write(`Chinar POS host ready: ${web.url}\n`);
  const stop = (): void => {
    void web.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Runs only as the bundle's entry (`node dist/electron/web.cjs`), not when imported by tests.
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  runCli(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`Chinar POS host could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
