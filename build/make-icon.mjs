// Draws build/icon.png (512×512): a golden chinar leaf on a deep red tile. The chinar
// (Platanus orientalis) is Kashmir's tree; its five-lobed leaf is the app's mark.
// Run `node build/make-icon.mjs` after changing it; the PNG is committed.
import { writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { URL } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // 4×4 supersampling for smooth edges
const RED = [139, 26, 26];
const RED_DARK = [96, 14, 18];
const GOLD = [242, 183, 64];

const deg = Math.PI / 180;

/** Rounded-square tile with a corner radius of 96 px. */
function inTile(x, y) {
  const r = 96;
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

// Lobe tips: angle from straight up, and length. Five lobes, the middle one longest,
// like the real leaf; the base between the lowest lobes is where the stem starts.
const LOBES = [
  [0, 1.0], [-52, 0.9], [52, 0.9], [-108, 0.7], [108, 0.7],
];
const CENTER = [256, 282];
const R = 190;

/** Distance of the leaf edge from the centre in the direction `theta` (0 = up). */
function leafRadius(theta) {
  let best = 0.2; // the rounded base around the stem
  for (const [angle, length] of LOBES) {
    const d = Math.abs(theta - angle * deg);
    // Each lobe is a pointed tent: full length at its tip, falling linearly to its sides.
    const reach = length * Math.max(0, 1 - d / (36 * deg));
    best = Math.max(best, 0.3 + 0.7 * reach ** 1.1 * length);
  }
  return best * R;
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** 'leaf', 'vein' or null for a point of the picture. */
function leafAt(x, y) {
  const [cx, cy] = CENTER;
  const dx = x - cx;
  const dy = y - cy;
  // Stem: a short thick line down and slightly to the right.
  if (distanceToSegment(x, y, cx, cy, cx + 22, cy + 170) < 8) return 'leaf';
  const r = Math.hypot(dx, dy);
  const theta = Math.atan2(dx, -dy);
  if (r > leafRadius(theta)) return null;
  for (const [angle, length] of LOBES) {
    const tipR = R * (0.3 + 0.7 * length) * length * 0.85;
    const tx = cx + Math.sin(angle * deg) * tipR;
    const ty = cy - Math.cos(angle * deg) * tipR;
    if (distanceToSegment(x, y, cx, cy, tx, ty) < 3.2) return 'vein';
  }
  return 'leaf';
}

const pixels = Buffer.alloc(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    let tile = 0;
    let gold = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        if (!inTile(px, py)) continue;
        tile++;
        if (leafAt(px, py) === 'leaf') gold++;
      }
    }
    const n = SAMPLES * SAMPLES;
    // A soft vertical shade on the tile so the flat red does not look like a placeholder.
    const shade = y / SIZE;
    const bg = RED.map((c, i) => c + (RED_DARK[i] - c) * shade);
    const mix = tile ? gold / tile : 0;
    const o = (y * SIZE + x) * 4;
    for (let i = 0; i < 3; i++) pixels[o + i] = Math.round(bg[i] + (GOLD[i] - bg[i]) * mix);
    pixels[o + 3] = Math.round((255 * tile) / n);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
// Each scanline starts with filter type 0 (none); deflate does the compressing.
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) pixels.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
