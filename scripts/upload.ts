/**
 * npm run upload -- --base-url URL --device-id ID --key-file FILE [--give-up-after SECONDS] ENVELOPE.json
 *
 * Sends one closed day's envelope (saved from the kiosk) to the central system, signed and
 * retried like the kiosk does. Exit 0 delivered, 2 refused, 3 gave up, 1 usage error.
 */
import { parseUploadArgs, runUpload, UPLOAD_USAGE, UploadUsageError, EXIT } from '../electron/upload/cli';

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseUploadArgs(argv);
  } catch (error) {
    if (!(error instanceof UploadUsageError)) throw error;
    console.error(`upload: ${error.message}\n${UPLOAD_USAGE}`);
    return EXIT.usage;
  }
  return runUpload(options, { out: (line) => console.log(line), err: (line) => console.error(line) });
}

process.exitCode = await main(process.argv.slice(2));
