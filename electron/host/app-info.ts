import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What people call the app (package.json's `name` is the npm name, chinar-pos). */
export const PRODUCT_NAME = 'Chinar POS';
const PACKAGE_NAME = 'chinar-pos';

/**
 * The app's version from its own package.json, found by walking up from this module:
 * the same code runs from `electron/host/` under tests, from `dist/electron/` as a bundle
 * and from inside app.asar when packaged, at different depths.
 */
export function readAppVersion(startDir: string = __dirname): string {
  let dir = startDir;
  for (let depth = 0; depth < 6; depth++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // No package.json at this level (or not ours): keep walking up.
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return '0.0.0-unknown';
}
