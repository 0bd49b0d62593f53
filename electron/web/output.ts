import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SheetFileNameSchema } from '../../shared/contract';
import { HostFailure } from '../../shared/result';
import { findSheetPdf, type SheetOpener } from '../labels/output';
import { plainText } from './reply';

/**
 * `GET /api/output/<name>?ticket=…`: a sheet PDF for a browser tab, which is how the
 * loopback host answers labels.open (it cannot start a desktop PDF viewer; the browser's
 * own viewer shows and prints it). A tab cannot send the API's `Authorization` header,
 * and the token must never go into a URL (history, the address bar), so labels.open, a
 * call that did carry the token, issues a ticket instead: random, for that one file, good
 * for a few minutes (a reload of the tab still works). The route passes the same Host
 * and Origin checks as the API (guard.ts) before the ticket is even looked at.
 */

const TICKET_TTL_MS = 5 * 60_000;

export interface SheetTickets {
  /** labels.open's opener on this transport: a ticket and the address that carries it. */
  opener: SheetOpener;
  /** Whether `ticket` is live and was issued for `name`. */
  check(name: string, ticket: string): boolean;
}

export function createSheetTickets(now: () => Date): SheetTickets {
  const live = new Map<string, { name: string; expires: number }>();
  const prune = (): void => {
    const at = now().getTime();
    for (const [ticket, entry] of live) if (entry.expires <= at) live.delete(ticket);
  };
  return {
    opener: async (file) => {
      prune();
      const ticket = randomBytes(24).toString('base64url');
      live.set(ticket, { name: file.name, expires: now().getTime() + TICKET_TTL_MS });
      return { kind: 'url', url: `/api/output/${encodeURIComponent(file.name)}?ticket=${ticket}` };
    },
    check(name, ticket) {
      prune();
      return live.get(ticket)?.name === name;
    },
  };
}

/** The file named by `/api/output/<name>`, still URL-encoded, or null when the path is not one. */
export function outputPath(pathname: string): string | null {
  return /^\/api\/output\/([^/]+)$/.exec(pathname)?.[1] ?? null;
}

/**
 * Answers in plain text, not the API's JSON: whoever sees a refusal here is a person
 * looking at a browser tab.
 */
export async function serveSheet(dataDir: string, tickets: SheetTickets, req: IncomingMessage, res: ServerResponse, encodedName: string): Promise<void> {
  const closing = { connection: 'close', 'cache-control': 'no-store' };
  if (req.method !== 'GET' && req.method !== 'HEAD') return plainText(res, 405, 'Use GET to open a PDF.', { allow: 'GET, HEAD' });
  let name: string;
  try {
    name = decodeURIComponent(encodedName);
  } catch {
    name = '';
  }
  if (!SheetFileNameSchema.safeParse(name).success) {
    return plainText(res, 400, 'That is not a PDF this kiosk made. Open sheets from the Labels screen.', closing);
  }
  const ticket = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('ticket') ?? '';
  if (!tickets.check(name, ticket)) {
    return plainText(res, 401, 'This link to the PDF has expired or is not valid. Press Open again on the Labels screen.', closing);
  }
  let pdf: Buffer;
  try {
    pdf = await readFile((await findSheetPdf(dataDir, name)).path);
  } catch (error) {
    if (error instanceof HostFailure) return plainText(res, 404, error.message, { 'cache-control': 'no-store' });
    throw error;
  }
  res.writeHead(200, {
    'content-type': 'application/pdf',
    'content-length': String(pdf.byteLength),
    'content-disposition': `inline; filename="${name}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
  });
  res.end(req.method === 'HEAD' ? undefined : pdf);
}
