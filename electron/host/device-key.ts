import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { HostFailure } from '../../shared/result';
import { writeFileAtomic } from './files';
import { getLogger } from './log';

/**
 * The device key signs uploads to the central system (PROTOCOL.md). It lives only here:
 * the renderer can set it (enrolment) and learn whether one is set and its fingerprint,
 * but no call ever returns the key itself.
 *
 * Storage, best first: encrypted with Electron's safeStorage (the OS keychain / DPAPI /
 * libsecret), or, where that is unavailable (the loopback transport under plain Node, a
 * Linux box with no keyring), a file only the kiosk's user can read, with a warning.
 */

const log = getLogger('device-key');

/** The slice of Electron's `safeStorage` the host uses; injected so Node and tests work. */
export interface SecretStorage {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means a hard-coded password, i.e. no real protection. */
  getSelectedStorageBackend?(): string;
}

export interface DeviceKeyStatus {
  set: boolean;
  /** First 8 hex characters of SHA-256 of the key's 32 bytes; null when no key is set. */
  fingerprint: string | null;
}

export interface DeviceKeyOptions {
  dataDir: string;
  safeStorage?: SecretStorage | undefined;
}

const ENCRYPTED_FILE = 'device-key.enc';
const PLAIN_FILE = 'device-key';
const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function paths(dataDir: string): { encrypted: string; plain: string } {
  return { encrypted: join(dataDir, ENCRYPTED_FILE), plain: join(dataDir, PLAIN_FILE) };
}

function canEncrypt(storage: SecretStorage | undefined): storage is SecretStorage {
  try {
    return storage?.isEncryptionAvailable() ?? false;
  } catch {
    return false;
  }
}

async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The key as typed at enrolment (base64url, 43 characters) decoded to its 32 bytes. */
export function decodeDeviceKey(key: string): Buffer {
  if (!KEY_PATTERN.test(key)) throw new HostFailure('bad-request', 'The device key is 43 characters of letters, digits, - and _ (32 bytes, base64url)');
  return Buffer.from(key, 'base64url');
}

export function keyFingerprint(keyBytes: Uint8Array): string {
  return createHash('sha256').update(keyBytes).digest('hex').slice(0, 8);
}

/**
 * The stored device key's 32 bytes, or null when the device is not enrolled. Internal to
 * the host (the uploader signs with it); never expose it through the contract.
 */
export async function readDeviceKey(options: DeviceKeyOptions): Promise<Buffer | null> {
  const { encrypted, plain } = paths(options.dataDir);
  const sealed = await readIfExists(encrypted);
  if (sealed) {
    if (!canEncrypt(options.safeStorage)) {
      log.warn('The device key is stored encrypted, but the system keyring is not available now; treating the device as not enrolled');
      return null;
    }
    try {
      return decodeDeviceKey(options.safeStorage.decryptString(sealed));
    } catch (error) {
      // Different OS user, or a reset keyring: the key is gone for good. Enrol again.
      log.error('The stored device key cannot be decrypted; enrol the device again', error instanceof Error ? error.message : undefined);
      return null;
    }
  }
  const text = await readIfExists(plain);
  if (!text) return null;
  try {
    return decodeDeviceKey(text.toString('utf8').trim());
  } catch {
    log.error(`${plain} does not hold a valid device key; enrol the device again`);
    return null;
  }
}

export async function deviceKeyStatus(options: DeviceKeyOptions): Promise<DeviceKeyStatus> {
  const key = await readDeviceKey(options);
  return key ? { set: true, fingerprint: keyFingerprint(key) } : { set: false, fingerprint: null };
}

/** Stores a new device key, replacing any earlier one, and returns its status. */
export async function storeDeviceKey(options: DeviceKeyOptions, key: string): Promise<DeviceKeyStatus> {
  const bytes = decodeDeviceKey(key);
  const { encrypted, plain } = paths(options.dataDir);
  if (canEncrypt(options.safeStorage)) {
    if (options.safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      log.warn('No system keyring was found (Linux "basic_text" backend): the device key is only obfuscated. Install gnome-keyring or kwallet for real protection.');
    }
    await writeFileAtomic(encrypted, options.safeStorage.encryptString(key), { mode: 0o600 });
    await rm(plain, { force: true });
  } else {
    log.warn('System encryption is not available: the device key is kept in a file readable only by this user. Run the Electron app for keyring protection.');
    await writeFileAtomic(plain, `${key}\n`, { mode: 0o600 });
    await rm(encrypted, { force: true });
  }
  return { set: true, fingerprint: keyFingerprint(bytes) };
}
