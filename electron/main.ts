import { join } from 'node:path';
import { app } from 'electron';
import { startMainProcess } from './main-process';

/**
 * Electron entry (`dist/electron/main.cjs`). The preload and the built renderer sit next
 * to this bundle: dist/electron/preload.cjs and dist/renderer/.
 */
startMainProcess({
  rendererDir: join(__dirname, '..', 'renderer'),
  preloadPath: join(__dirname, 'preload.cjs'),
  displayPreloadPath: join(__dirname, 'preload-display.cjs'),
}).catch((error: unknown) => {
  process.stderr.write(`Chinar POS could not start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  app.exit(1);
});
