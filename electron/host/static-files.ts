import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * Maps a request path onto a file inside the built renderer folder, for both the
 * loopback server and Electron's app:// protocol. Anything that could step outside the
 * folder (`..`, encoded slashes, NUL, symlinks pointing out) is refused, not normalised
 * away, so a probe gets a plain "no".
 */

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export type StaticLookup =
  | { status: 'found'; path: string; contentType: string; isIndex: boolean }
  | { status: 'forbidden' }
  | { status: 'not-found' }
  | { status: 'not-built' };

/** `pathname` is the raw, still percent-encoded path of the request (no query). */
export async function lookupStaticFile(rootDir: string, pathname: string): Promise<StaticLookup> {
  if (!pathname.startsWith('/')) return { status: 'forbidden' };
  const segments: string[] = [];
  for (const raw of pathname.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { status: 'forbidden' };
    }
    if (segment === '..' || segment === '.' || /[\\/\0:]/.test(segment)) return { status: 'forbidden' };
    // Dotfiles are never part of a Vite build; refusing them keeps editor or VCS leftovers private.
    if (segment.startsWith('.')) return { status: 'not-found' };
    if (segment !== '') segments.push(segment);
  }
  const root = resolve(rootDir);
  const realRoot = await realpath(root).catch(() => null);
  if (!realRoot || !(await isFile(join(realRoot, 'index.html')))) return { status: 'not-built' };

  const wantsIndex = segments.length === 0 || pathname.endsWith('/');
  const candidate = wantsIndex ? join(root, ...segments, 'index.html') : join(root, ...segments);
  const real = await realpath(candidate).catch(() => null);
  if (!real) return { status: 'not-found' };
  const rel = relative(realRoot, real);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return { status: 'forbidden' };
  if (!(await isFile(real))) return { status: 'not-found' };
  const ext = extname(real).toLowerCase();
  return {
    status: 'found',
    path: real,
    contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream',
    isIndex: ext === '.html',
  };
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

/** Shown instead of the app when `dist/renderer` is missing (the host was built alone). */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Chinar POS: renderer not built</title></head>
<body><h1>Renderer not built</h1>
<p>renderer not built: run <code>npm run build</code>, then start the host again.</p></body></html>
`;
