import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RENDERER_SECURITY_HEADERS } from '../host/csp';
import { getLogger } from '../host/log';
import { lookupStaticFile, NOT_BUILT_PAGE } from '../host/static-files';
import { plainText } from './reply';

/** The built renderer's files. They are public: they hold no secret and never the token. */

const log = getLogger('web');

export async function serveStatic(rendererDir: string, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return plainText(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
  const found = await lookupStaticFile(rendererDir, pathname);
  switch (found.status) {
    case 'forbidden': return plainText(res, 403, 'Forbidden');
    case 'not-found': return plainText(res, 404, 'Not found');
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
