import { createServer } from 'node:http';
import { build } from 'esbuild';

/** A bench script served on a blank page of a loopback origin: its URL, and close(). */
export interface BenchPage { url: string; close(): void }

/**
 * Bundles `entry` for the browser (esbuild, one IIFE) and serves it on 127.0.0.1 at an
 * ephemeral port: `/` is a blank page that loads it. An origin of its own, so the page's
 * IndexedDB is the bench's, never the app's.
 */
export async function serveBenchPage(entry: string, title: string): Promise<BenchPage> {
  const bundle = await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', conditions: ['browser'] });
  const script = bundle.outputFiles[0]!.text;
  const server = createServer((req, res) => {
    if (req.url === '/page.js') { res.setHeader('content-type', 'text/javascript'); res.end(script); return; }
    res.setHeader('content-type', 'text/html');
    res.end(`<!doctype html><title>${title}</title><script src="/page.js"></script>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, close: () => server.close() };
}
