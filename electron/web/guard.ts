import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ErrorCode } from '../../shared/result';

/**
 * Who may use the loopback host. Any web page the kiosk's browser opens can send requests
 * to 127.0.0.1, so every API request must prove it comes from our own page:
 * - the Host header must be our one address, `127.0.0.1:PORT`, which defeats DNS
 *   rebinding (a hostile name re-pointed at 127.0.0.1 still says its own name in Host);
 * - an Origin, when the browser sends one, must be that same origin;
 * - a random token, one per data folder (token.ts), carried in the launch URL's fragment (fragments are never
 *   sent to a server, so it reaches no log) and sent back as `Authorization: Bearer`.
 *
 * `localhost:PORT` and `[::1]:PORT` reach the same server but are other origins to the
 * browser, each with its own IndexedDB: a page there would start an empty store and
 * reissue invoice numbers. Pages are redirected to the one address; API calls from such
 * a page are refused with a message saying which address to open.
 */

export interface Refusal { kind: 'refuse'; status: number; code: ErrorCode; message: string }
export type Verdict = { kind: 'pass' } | { kind: 'redirect'; location: string } | Refusal;

const PASS: Verdict = { kind: 'pass' };
const FOREIGN_PAGE = 'Requests from other web pages are not accepted.';
/** Other names browsers give this machine's loopback: each is its own origin. */
const LOOPBACK_ALIASES = new Set(['localhost', 'localhost.', '[::1]']);

export interface Guard {
  /** `http://127.0.0.1:PORT`: the one origin whose IndexedDB holds this data folder's store. */
  readonly origin: string;
  /** Any request: is it addressed to us, and by the one name? */
  checkHost(req: IncomingMessage, isApi: boolean): Verdict;
  /** API requests, after checkHost: our own page, with the token. Null when allowed. */
  checkApi(req: IncomingMessage): Refusal | null;
  /**
   * checkApi without the token: not another site's page or fetch. For the sheet PDFs a tab
   * opens (output.ts), which carry a one-file ticket instead of the token.
   */
  checkOrigin(req: IncomingMessage): Refusal | null;
  /**
   * The customer display's stream (display-stream.ts): our own page, with the display
   * token, which is good for that one route and refused by checkApi everywhere else.
   */
  checkDisplay(req: IncomingMessage): Refusal | null;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function openInstead(origin: string): string {
  return `This kiosk's store is at ${origin}/. Open that address (the one the kiosk host printed), not localhost: another address is another browser store, with none of this kiosk's sales.`;
}

const NO_DISPLAY_KEY = 'This customer display has no valid access key. Open the display address the kiosk host printed when it last started (it ends in #display=…).';

export function createGuard(port: number, token: string, displayToken: string): Guard {
  const ownHost = `127.0.0.1:${port}`;
  const origin = `http://${ownHost}`;
  const tokenDigest = digest(token);
  const displayDigest = digest(displayToken);
  if (timingSafeEqual(tokenDigest, displayDigest)) throw new Error('The display token must differ from the API token.');
  const aliasHosts = new Set([...LOOPBACK_ALIASES].map((name) => `${name}:${port}`));
  const aliasOrigins = new Set([...LOOPBACK_ALIASES].map((name) => `http://${name}:${port}`));

  function hasToken(req: IncomingMessage, expected: Buffer = tokenDigest): boolean {
    const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(req.headers.authorization ?? '');
    // Comparing digests keeps the comparison constant-time whatever the length sent.
    return match !== null && timingSafeEqual(digest(match[1]!), expected);
  }

  return {
    origin,
    checkHost(req, isApi) {
      const host = (req.headers.host ?? '').toLowerCase();
      if (host === ownHost) return PASS;
      if (!aliasHosts.has(host)) {
        return { kind: 'refuse', status: 403, code: 'unauthorized', message: 'This address is not served here. Open the address the kiosk host printed.' };
      }
      const path = req.url?.startsWith('/') ? req.url : '/';
      if (!isApi && (req.method === 'GET' || req.method === 'HEAD')) {
        // The browser keeps the fragment (#token=…) across a redirect whose target has none.
        return { kind: 'redirect', location: `${origin}${path}` };
      }
      return { kind: 'refuse', status: 421, code: 'unauthorized', message: openInstead(origin) };
    },
    checkApi(req) {
      return this.checkOrigin(req) ?? (hasToken(req) ? null : {
        kind: 'refuse', status: 401, code: 'unauthorized', message: 'This page has no valid access key. Open the address the kiosk host printed when it started.',
      });
    },
    checkDisplay(req) {
      // The API token is refused here too: the counter has no need of the display's
      // stream, and one credential per route keeps each key's reach exactly what it says.
      return this.checkOrigin(req) ?? (hasToken(req, displayDigest) ? null : {
        kind: 'refuse', status: 401, code: 'unauthorized', message: NO_DISPLAY_KEY,
      });
    },
    checkOrigin(req) {
      const from = req.headers.origin;
      if (from !== undefined && from !== origin) {
        const message = aliasOrigins.has(from.toLowerCase()) ? openInstead(origin) : FOREIGN_PAGE;
        return { kind: 'refuse', status: 403, code: 'unauthorized', message };
      }
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') {
        return { kind: 'refuse', status: 403, code: 'unauthorized', message: FOREIGN_PAGE };
      }
      return null;
    },
  };
}
