import { readFile } from 'node:fs/promises';
import { baseUrlProblem, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../shared/protocol/retry';
import { prepareBody, sendAttempt, type AttemptTimeouts } from './attempt';
import { uploadWithRetries } from './loop';

/**
 * `npm run upload -- --base-url URL --device-id ID --key-file FILE [--give-up-after SECONDS] ENVELOPE.json`:
 * one day carried on a USB stick, sent from any machine with a network, with the kiosk's
 * own signing, checks and backoff. Exit codes: 0 delivered (200/201); 2 refused (4xx, or
 * the file is not a valid PROTOCOL.md body, checked before anything is sent); 3 gave up
 * on passing trouble; 1 a usage error.
 */

export const UPLOAD_USAGE = 'usage: npm run upload -- --base-url URL --device-id ID --key-file FILE [--give-up-after SECONDS] ENVELOPE.json';

export const EXIT = { delivered: 0, usage: 1, refused: 2, gaveUp: 3 } as const;

export interface UploadCliOptions {
  baseUrl: string;
  deviceId: string;
  keyFile: string;
  envelopeFile: string;
  /** Seconds of passing trouble before giving up; default one hour. */
  giveUpAfterSeconds: number;
}

export class UploadUsageError extends Error {}

const DEFAULT_GIVE_UP_SECONDS = 3_600;

export function parseUploadArgs(argv: readonly string[]): UploadCliOptions {
  const values = new Map<string, string>();
  const positional: string[] = [];
  const known = new Set(['--base-url', '--device-id', '--key-file', '--give-up-after']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) { positional.push(arg); continue; }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!known.has(name)) throw new UploadUsageError(`unknown option ${name}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UploadUsageError(`${name} needs a value`);
    values.set(name, value);
  }
  const need = (name: string) => {
    const value = values.get(name);
    if (value === undefined) throw new UploadUsageError(`${name} is required`);
    return value;
  };
  const baseUrl = need('--base-url').replace(/\/+$/, '');
  const problem = baseUrlProblem(baseUrl);
  if (problem) throw new UploadUsageError(`--base-url ${baseUrl}: ${problem}`);
  const deviceId = need('--device-id');
  const keyFile = need('--key-file');
  const giveUpText = values.get('--give-up-after') ?? String(DEFAULT_GIVE_UP_SECONDS);
  if (!/^\d+(\.\d+)?$/.test(giveUpText)) throw new UploadUsageError(`--give-up-after takes a number of seconds, not ${giveUpText}`);
  if (positional.length !== 1) throw new UploadUsageError(positional.length === 0 ? 'give the envelope file (ENVELOPE.json)' : `one envelope file at a time, not ${positional.length}`);
  return { baseUrl, deviceId, keyFile, envelopeFile: positional[0]!, giveUpAfterSeconds: Number(giveUpText) };
}

export interface UploadCliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  policy?: RetryPolicy;
  timeouts?: Partial<AttemptTimeouts>;
}

export async function runUpload(options: UploadCliOptions, io: UploadCliIo): Promise<number> {
  let keyText: string;
  let bodyText: string;
  try {
    keyText = (await readFile(options.keyFile, 'utf8')).trim();
  } catch (error) {
    io.err(`upload: cannot read the key file ${options.keyFile}: ${(error as Error).message}`);
    return EXIT.usage;
  }
  if (!/^[A-Za-z0-9_-]{43}$/.test(keyText)) {
    io.err(`upload: ${options.keyFile} must hold the device key: 43 characters of base64url (32 bytes)`);
    return EXIT.usage;
  }
  try {
    bodyText = await readFile(options.envelopeFile, 'utf8');
  } catch (error) {
    io.err(`upload: cannot read ${options.envelopeFile}: ${(error as Error).message}`);
    return EXIT.usage;
  }
  const prepared = prepareBody(bodyText);
  if (!prepared.ok) {
    io.err(`upload: refused before sending: ${prepared.outcome.reason}`);
    return EXIT.refused;
  }
  if (prepared.envelope.deviceId !== options.deviceId) {
    io.err(`upload: refused before sending: the day was closed by ${prepared.envelope.deviceId}, not --device-id ${options.deviceId}`);
    return EXIT.refused;
  }
  const keyBytes = Buffer.from(keyText, 'base64url');
  io.out(`upload: sending ${prepared.idempotencyKey} to ${options.baseUrl}`);
  const result = await uploadWithRetries({
    attempt: () => sendAttempt({
      baseUrl: options.baseUrl, deviceId: options.deviceId, keyBytes, body: prepared.bytes,
      idempotencyKey: prepared.idempotencyKey, ...(io.timeouts ? { timeouts: io.timeouts } : {}),
    }),
    policy: io.policy ?? DEFAULT_RETRY_POLICY,
    giveUpAfterMs: options.giveUpAfterSeconds * 1_000,
    onRetry: (outcome, waitMs, attempt) => io.err(`upload: attempt ${attempt}: ${outcome.reason}${outcome.status === null ? '' : ` (HTTP ${outcome.status})`}; trying again in ${(waitMs / 1_000).toFixed(1)} s`),
  });
  if (result.result === 'gave-up') {
    io.err(`upload: gave up after ${result.attempts} attempts in ${(result.elapsedMs / 1_000).toFixed(1)} s: ${result.last.reason}. The day was not delivered; try again later.`);
    return EXIT.gaveUp;
  }
  const { outcome } = result;
  switch (outcome.outcome) {
    case 'delivered':
      io.out(`upload: delivered ${prepared.idempotencyKey} (${outcome.status === 201 ? '201 stored' : '200 already stored'})`);
      return EXIT.delivered;
    case 'refused':
    case 'conflict':
      io.err(`upload: refused (HTTP ${outcome.status ?? '-'}): ${outcome.reason}`);
      return EXIT.refused;
    case 'unauthorized':
      io.err(`upload: refused (HTTP 401): ${outcome.reason}. Check --device-id, the key file and this computer's clock.`);
      return EXIT.refused;
    case 'not-enrolled':
      io.err(`upload: ${outcome.reason}`);
      return EXIT.refused;
  }
}
