// Bundles the host side with esbuild: Electron's main process, the preload, and the
// loopback web host. `vite build` builds the renderer separately (npm run build runs both).
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

function fail(message) {
  process.stderr.write(`build-host: ${message}\n`);
  process.exit(1);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'electron');

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  // Main and web run in full Node: npm packages stay in node_modules (electron-builder
  // packs the production ones), which keeps native modules like serialport loadable.
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: join(out, 'main.cjs'),
    platform: 'node',
    target: 'node20',
    packages: 'external',
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: ['electron/web.ts'],
    outfile: join(out, 'web.cjs'),
    platform: 'node',
    target: 'node20',
    packages: 'external',
  }),
  // The browser kiosk launcher: the web host in-process plus Chromium (npm run kiosk).
  build({
    ...common,
    entryPoints: ['electron/kiosk.ts'],
    outfile: join(out, 'kiosk.cjs'),
    platform: 'node',
    target: 'node20',
    packages: 'external',
  }),
  // A sandboxed preload can require only `electron` (and a few polyfilled modules), so
  // everything else, zod and the contract included, is bundled in.
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: join(out, 'preload.cjs'),
    platform: 'browser',
    target: 'chrome120',
    external: ['electron'],
  }),
  // The customer display window's preload: onDisplayState only.
  build({
    ...common,
    entryPoints: ['electron/preload-display.ts'],
    outfile: join(out, 'preload-display.cjs'),
    platform: 'browser',
    target: 'chrome120',
    external: ['electron'],
  }),
]);

for (const name of ['preload.cjs', 'preload-display.cjs']) {
  // Fail the build, not the first launch, if a preload picked up anything it cannot load.
  const preload = await readFile(join(out, name), 'utf8');
  const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  const stray = required.filter((module) => module !== 'electron');
  if (stray.length > 0) {
    fail(`${name} requires ${stray.join(', ')}; a sandboxed preload may only require "electron".`);
  }
  // A preload loads with every page: keep the contract's zod schemas out of it (see electron/ipc.ts).
  if (preload.length > 50_000) {
    fail(`${name} is ${Math.round(preload.length / 1000)} kB; something heavy (zod?) was bundled into it.`);
  }
}
// Without its entry check, `node dist/electron/web.cjs` would load and silently do nothing;
// with two (web.ts bundled into kiosk.cjs), one process would start two hosts.
for (const entry of ['web.cjs', 'kiosk.cjs']) {
  const checks = (await readFile(join(out, entry), 'utf8')).split('require.main === module').length - 1;
  if (checks !== 1) fail(`${entry} has ${checks} CLI entry checks; it needs exactly one.`);
}
