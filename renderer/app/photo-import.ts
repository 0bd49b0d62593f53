import {
  fitWithin, JPEG_QUALITIES, PHOTO_LIMITS, precheckPhoto, type PhotoRefusal,
} from '../../shared/artisan-photo';
import { sha256HexOfBytes } from '../../shared/hash';

/**
 * A picture file made ready to store as an artisan's photo: checked from its header
 * (shared/artisan-photo.ts), decoded by the browser, drawn into 800 × 800 at most on a
 * canvas and re-encoded as JPEG, lowering the quality until it is 200 KB or less.
 *
 * The decoding and drawing need a real browser (happy-dom has no canvas), so Chromium
 * tests this module in the e2e suite; the rules it applies are unit-tested in shared/.
 */
export interface PreparedPhoto {
  file: string;
  jpeg: Uint8Array;
  width: number;
  height: number;
  sha256: string;
}

export type PreparedOrRefused = { ok: true; photo: PreparedPhoto } | { ok: false; refusal: PhotoRefusal };

interface Surface {
  draw(bitmap: ImageBitmap, width: number, height: number): void;
  jpeg(quality: number): Promise<Blob>;
}

/** An OffscreenCanvas where the browser has one (off the main thread's layout), else a canvas element. */
function surface(width: number, height: number): Surface {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw pictures (no 2D canvas).');
    return {
      draw: (bitmap, w, h) => { ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, w, h); ctx.drawImage(bitmap, 0, 0, w, h); },
      jpeg: (quality) => canvas.convertToBlob({ type: 'image/jpeg', quality }),
    };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw pictures (no 2D canvas).');
  return {
    // A white ground: a PNG's transparent parts would turn black in a JPEG.
    draw: (bitmap, w, h) => { ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, w, h); ctx.drawImage(bitmap, 0, 0, w, h); },
    jpeg: (quality) => new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The picture could not be encoded.'))), 'image/jpeg', quality)),
  };
}

async function encode(bitmap: ImageBitmap, width: number, height: number): Promise<{ jpeg: Uint8Array; width: number; height: number } | null> {
  // If even the lowest quality is too big (a very busy picture), try again smaller.
  for (const side of [PHOTO_LIMITS.maxSide, Math.round(PHOTO_LIMITS.maxSide * 0.75), PHOTO_LIMITS.maxSide / 2]) {
    const size = fitWithin(width, height, side);
    const canvas = surface(size.width, size.height);
    canvas.draw(bitmap, size.width, size.height);
    for (const quality of JPEG_QUALITIES) {
      const blob = await canvas.jpeg(quality);
      if (blob.size <= PHOTO_LIMITS.maxStoredBytes) return { jpeg: new Uint8Array(await blob.arrayBuffer()), ...size };
    }
  }
  return null;
}

/** Reads, checks, decodes, resizes and re-encodes one picture file. Never throws for a bad picture. */
export async function preparePhoto(file: File): Promise<PreparedOrRefused> {
  const refuse = (reason: PhotoRefusal['reason']): PreparedOrRefused => ({ ok: false, refusal: { file: file.name, reason } });
  if (file.size > PHOTO_LIMITS.maxFileBytes) return refuse('too-big-file');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const early = precheckPhoto(file.name, bytes);
  if (early) return { ok: false, refusal: early };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes]));
  } catch {
    return refuse('not-image');
  }
  try {
    const encoded = await encode(bitmap, bitmap.width, bitmap.height);
    if (encoded === null) return refuse('too-big-after');
    return { ok: true, photo: { file: file.name, ...encoded, sha256: sha256HexOfBytes(encoded.jpeg) } };
  } finally {
    bitmap.close();
  }
}

/**
 * A stored photo made small enough for the customer display's thank-you (a data: URL of at
 * most `maxChars`, e.g. 160 px a side): the display's state goes through the host on every
 * change, so it carries thumbnails, never the 200 KB originals. Null where the browser
 * cannot draw (happy-dom) or no quality fits.
 */
export async function thumbnailDataUrl(jpeg: Uint8Array, side: number, maxChars: number): Promise<string | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([jpeg as BlobPart], { type: 'image/jpeg' }));
  } catch {
    return null;
  }
  try {
    const size = fitWithin(bitmap.width, bitmap.height, side);
    const canvas = surface(size.width, size.height);
    canvas.draw(bitmap, size.width, size.height);
    for (const quality of JPEG_QUALITIES) {
      const bytes = new Uint8Array(await (await canvas.jpeg(quality)).arrayBuffer());
      const url = `data:image/jpeg;base64,${base64Of(bytes)}`;
      if (url.length <= maxChars) return url;
    }
    return null;
  } catch {
    return null;
  } finally {
    bitmap.close();
  }
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
