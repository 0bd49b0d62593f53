import { readAppVersion } from './host/app-info';
import { parseWebArgs, UsageError, WEB_USAGE } from './host/cli';
import { installCrashHandlers } from './host/crash';
import { OriginError } from './web/origin';
import { startWebHost } from './web/server';

/**
 * The loopback HTTP transport's entry (`node dist/electron/web.cjs`, `npm run start:web`):
 * the same contract as Electron's IPC, for Chromium in `--kiosk --app` mode on thin Linux
 * boxes and for tests where no Electron binary exists. The parts live in `web/`: the
 * guard (token, Host, Origin), the API calls, the event stream, the origin a data folder
 * remembers, the launch page, and the server that joins them.
 */

// Other entries (kiosk.ts) import from web/ directly: bundling this file into them would
// bring its `require.main === module` check along, and that is true in any bundle's entry.
export { defaultRendererDir, startWebHost, type WebHost, type WebHostOptions } from './web/server';
export { DEFAULT_WEB_PORT } from './web/origin';

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
  // Launchers and tests read the counter's URL from the first line on stdout; the second
  // is the customer display's, for a browser window on the second screen.
  process.stdout.write(`Chinar POS host ready: ${web.url}\n`);
  process.stdout.write(`Customer display: ${web.displayUrl}\n`);
  const stop = (): void => {
    void web.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Runs only as the bundle's entry (`node dist/electron/web.cjs`), not when imported by tests.
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  runCli(process.argv.slice(2)).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Chinar POS host could not start: ${message}\n`);
    // 3 = refused to serve this folder here: a launcher must not retry on another port.
    process.exit(error instanceof OriginError ? 3 : 1);
  });
}
