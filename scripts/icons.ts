/**
 * Draws the toolbar icons (public/icon/{16,32,48,128}.png and the queued-* variants) with a
 * tiny PNG encoder, so the icon set is reproducible without an image editor:
 * a white "D" on a rounded green square; the queued variant adds an amber dot.
 * Run: npx tsx scripts/icons.ts
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type Rgba = [number, number, number, number];
const GREEN: Rgba = [47, 93, 80, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const AMBER: Rgba = [242, 177, 52, 255];
const SIZES = [16, 32, 48, 128];
const SAMPLES = 4; // per axis, for anti-aliased edges

function inRoundedSquare(x: number, y: number, inset: number, radius: number): boolean {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset && dx * dx + dy * dy <= radius * radius;
}

/** A "D": a bar plus a half-ellipse bowl, minus the same shape shrunk by the stroke width. */
function inLetterD(x: number, y: number): boolean {
  const dShape = (left: number, top: number, bottom: number, rx: number, ry: number) => {
    if (y < top || y > bottom || x < left) return false;
    const cx = 0.5;
    const cy = (top + bottom) / 2;
    if (x <= cx) return true;
    return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
  };
  const outer = dShape(0.28, 0.22, 0.78, 0.25, 0.28);
  const inner = dShape(0.42, 0.36, 0.64, 0.11, 0.14);
  return outer && !inner;
}

function inDot(x: number, y: number, radius: number): boolean {
  return (x - 0.78) ** 2 + (y - 0.78) ** 2 <= radius * radius;
}

function colourAt(x: number, y: number, queued: boolean): Rgba | null {
  if (queued && inDot(x, y, 0.2)) return AMBER;
  if (queued && inDot(x, y, 0.27)) return null; // a transparent ring separates the dot from the square
  if (!inRoundedSquare(x, y, 0.03, 0.2)) return null;
  return inLetterD(x, y) ? WHITE : GREEN;
}

function drawIcon(size: number, queued: boolean): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = colourAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size, queued);
          if (!colour) continue;
          for (let c = 0; c < 3; c++) sum[c] += colour[c] * colour[3];
          sum[3] += colour[3];
        }
      }
      const offset = (py * size + px) * 4;
      const alpha = sum[3] / (SAMPLES * SAMPLES);
      for (let c = 0; c < 3; c++) pixels[offset + c] = sum[3] ? Math.round(sum[c] / sum[3]) : 0;
      pixels[offset + 3] = Math.round(alpha);
    }
  }
  return encodePng(size, size, pixels);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** 8-bit RGBA, no interlace, filter 0 on every row. */
function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = path.resolve('public/icon');
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  writeFileSync(path.join(outDir, `${size}.png`), drawIcon(size, false));
  writeFileSync(path.join(outDir, `queued-${size}.png`), drawIcon(size, true));
}
console.log(`Wrote ${SIZES.length * 2} icons to ${path.relative(process.cwd(), outDir)}`);
