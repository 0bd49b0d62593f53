/**
 * Bytes as the host contract carries them (JSON has no bytes): base64, for a backup's
 * parts both ways. Chromium has Uint8Array.prototype.toBase64 / Uint8Array.fromBase64
 * (native, fast on 8 MiB parts); elsewhere (Node in tests, an older Electron) btoa/atob
 * over binary strings, 32 KiB at a time so no call gets too many arguments.
 */

interface NativeBase64 {
  toBase64?: (this: Uint8Array) => string;
}
interface NativeFromBase64 {
  fromBase64?: (text: string) => Uint8Array;
}

const STEP = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  const native = (Uint8Array.prototype as NativeBase64).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += STEP) binary += String.fromCharCode(...bytes.subarray(i, i + STEP));
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const native = (Uint8Array as NativeFromBase64).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
