/**
 * npm run central:dev -- --port P --devices FILE --store FILE
 *
 * A reference receiver of PROTOCOL.md on http://127.0.0.1:P for trials: point an enrolled
 * kiosk (central address http://127.0.0.1:P) or `npm run upload` at it. FILE for
 * --devices is {"deviceId": "43-character key", …}; --store is the JSON-lines file the
 * stored days are appended to (read back on start). Stops on Ctrl+C.
 */
import { resolve } from 'node:path';
import { readDevicesFile, startCentralDev } from '../electron/central-dev/server';

const USAGE = 'usage: npm run central:dev -- --port P --devices FILE --store FILE';

function parse(argv: string[]): { port: number; devices: string; store: string } | string {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!['--port', '--devices', '--store'].includes(name)) return `unknown argument ${arg}`;
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') return `${name} needs a value`;
    values.set(name, value);
  }
  const port = values.get('--port') ?? '';
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65_535) return `--port must be 0-65535${port ? `, not ${port}` : ''}`;
  const devices = values.get('--devices');
  const store = values.get('--store');
  if (!devices) return '--devices is required';
  if (!store) return '--store is required';
  return { port: Number(port), devices: resolve(devices), store: resolve(store) };
}

async function main(argv: string[]): Promise<number> {
  const args = parse(argv);
  if (typeof args === 'string') {
    console.error(`central-dev: ${args}\n${USAGE}`);
    return 1;
  }
  let devices: Record<string, string>;
  try {
    devices = await readDevicesFile(args.devices);
  } catch (error) {
    console.error(`central-dev: cannot use ${args.devices}: ${(error as Error).message}`);
    return 1;
  }
  const central = await startCentralDev({ port: args.port, devices, storeFile: args.store, log: (line) => console.log(line) });
  console.log(`central-dev: listening on ${central.url} (${Object.keys(devices).length} devices, ${central.stored().length} days in ${args.store})`);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await central.close();
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
