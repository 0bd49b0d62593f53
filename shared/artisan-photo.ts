/**
 * The rules for artisans' photos (issue 12), pure so they are tested without a canvas:
 * which file belongs to which artisan, what is refused before any decoding, and the size
 * a photo is brought down to. The decoding and resizing itself is the browser's
 * (renderer/app/photo-import.ts).
 */

export const PHOTO_LIMITS = {
  /** A file bigger than this is refused unread: no phone photo of a face needs it. */
  maxFileBytes: 10 * 1024 * 1024,
  /** Refused from the header, before decoding: a 40-megapixel bitmap is 160 MB of memory. */
  maxPixels: 40_000_000,
  /** Stored photos fit in this square; the attract screen shows them at most this big. */
  maxSide: 800,
  /** A stored photo's JPEG is at most this many bytes (quality is lowered to get there). */
  maxStoredBytes: 200 * 1024,
} as const;

/** The JPEG qualities tried in turn until the photo fits maxStoredBytes. */
export const JPEG_QUALITIES = [0.85, 0.75, 0.65, 0.55, 0.45] as const;

export type PhotoRefusalReason =
  /** The name is not an artisan code with .jpg, .jpeg, .png or .webp. */
  | 'bad-name'
  /** No artisan has the code the name gives. */
  | 'unknown-code'
  | 'too-big-file'
  | 'too-many-pixels'
  /** Not a JPEG, PNG or WebP, or one the browser could not decode. */
  | 'not-image'
  /** Even at the lowest quality it stays above maxStoredBytes. */
  | 'too-big-after';

export interface PhotoRefusal {
  file: string;
  reason: PhotoRefusalReason;
}

const PHOTO_NAME = /^([A-Za-z0-9-]{1,20})\.(jpe?g|png|webp)$/i;

/** "photos/A-014.JPG" → "A-014"; null when the name is not a code and a picture extension. */
export function photoCodeFromFileName(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? '';
  return PHOTO_NAME.exec(base)?.[1] ?? null;
}

/**
 * The artisan a photo file is for. Codes are matched ignoring letter case, as a camera or
 * a file manager may write "a-014.jpg" for A-014.
 */
export function artisanCodeForPhoto(name: string, knownCodes: Iterable<string>): { ok: true; code: string } | { ok: false; reason: 'bad-name' | 'unknown-code' } {
  const code = photoCodeFromFileName(name);
  if (code === null) return { ok: false, reason: 'bad-name' };
  const lower = code.toLowerCase();
  for (const known of knownCodes) if (known.toLowerCase() === lower) return { ok: true, code: known };
  return { ok: false, reason: 'unknown-code' };
}

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The picture type from the file's first bytes (never from its name, which may lie). */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const at = (i: number) => bytes[i] ?? -1;
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/**
 * Width and height from the header of a JPEG (its SOF segment), PNG (IHDR) or WebP
 * (VP8, VP8L or VP8X chunk), read without decoding; null when the header is not there.
 */
export function imageHeaderSize(bytes: Uint8Array): { width: number; height: number } | null {
  const type = sniffImageType(bytes);
  const u8 = (i: number) => bytes[i] ?? 0;
  const be16 = (i: number) => (u8(i) << 8) | u8(i + 1);
  const le16 = (i: number) => u8(i) | (u8(i + 1) << 8);
  const le24 = (i: number) => le16(i) | (u8(i + 2) << 16);
  const be32 = (i: number) => be16(i) * 65536 + be16(i + 2);
  if (type === 'image/png') return bytes.length >= 24 ? { width: be32(16), height: be32(20) } : null;
  if (type === 'image/webp') {
    const chunk = String.fromCharCode(...bytes.subarray(12, 16));
    if (chunk === 'VP8X' && bytes.length >= 30) return { width: le24(24) + 1, height: le24(27) + 1 };
    if (chunk === 'VP8 ' && bytes.length >= 30) return { width: le16(26) & 0x3fff, height: le16(28) & 0x3fff };
    if (chunk === 'VP8L' && bytes.length >= 25) {
      const bits = u8(21) | (u8(22) << 8) | (u8(23) << 16) | (u8(24) << 24);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    return null;
  }
  if (type === 'image/jpeg') {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (u8(i) !== 0xff) return null;
      const marker = u8(i + 1);
      if (marker === 0xff) { i++; continue; } // fill bytes
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: be16(i + 7), height: be16(i + 5) };
      }
      if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { i += 2; continue; }
      i += 2 + be16(i + 2);
    }
    return null;
  }
  return null;
}

/** What is refused before decoding: the file's size, its type and its header's pixel count. */
export function precheckPhoto(name: string, bytes: Uint8Array): PhotoRefusal | null {
  if (bytes.length > PHOTO_LIMITS.maxFileBytes) return { file: name, reason: 'too-big-file' };
  const size = imageHeaderSize(bytes);
  if (size === null || size.width === 0 || size.height === 0) return { file: name, reason: 'not-image' };
  if (size.width * size.height > PHOTO_LIMITS.maxPixels) return { file: name, reason: 'too-many-pixels' };
  return null;
}

/** The size a photo is drawn at: inside maxSide × maxSide, never enlarged, aspect kept. */
export function fitWithin(width: number, height: number, maxSide: number = PHOTO_LIMITS.maxSide): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
