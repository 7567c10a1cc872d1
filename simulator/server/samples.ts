/**
 * Sample photos for my.chooseImage: small PNGs drawn here at start-up (no binary files in the repository,
 * no network). Each is a recognizable picture a tester can tell apart: a work badge, a landscape, a portrait.
 */
import { deflateSync } from 'node:zlib';

export interface SampleImage {
  name: string;
  label: string;
  width: number;
  height: number;
  png: Buffer;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

type Pixel = (x: number, y: number) => [number, number, number];

/** Encodes an RGB image as PNG. */
export function encodePng(width: number, height: number, pixel: Pixel): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const W = 240;
const H = 180;

function badge(x: number, y: number): [number, number, number] {
  const inCard = x > 16 && x < W - 16 && y > 20 && y < H - 20;
  if (!inCard) return [232, 238, 247];
  if (y < 52) return [22, 119, 255];
  const photo = x > 32 && x < 92 && y > 66 && y < 142;
  if (photo) {
    const dx = x - 62;
    const head = dx * dx + (y - 92) ** 2 < 256;
    const body = y > 112 && Math.abs(dx) < 24 - (142 - y) / 3;
    return head || body ? [120, 144, 176] : [214, 226, 243];
  }
  const line = x > 108 && x < 208 && [74, 96, 118].some((top) => y >= top && y < top + 8);
  return line ? [190, 198, 210] : [255, 255, 255];
}

function landscape(x: number, y: number): [number, number, number] {
  const hill = H - 60 + Math.sin(x / 28) * 18;
  const sun = (x - 178) ** 2 + (y - 46) ** 2 < 400;
  if (sun) return [255, 196, 61];
  if (y > hill) return [56, 158 - Math.floor((y - hill) / 2), 86];
  const t = y / H;
  return [Math.round(120 + 100 * t), Math.round(180 + 50 * t), 250];
}

function portrait(x: number, y: number): [number, number, number] {
  const dx = x - W / 2;
  const face = dx * dx + (y - 78) ** 2 < 1600;
  const shoulders = y > 120 && Math.abs(dx) < 70 - (H - y) / 2;
  if (face) return [246, 206, 170];
  if (shoulders) return [38, 70, 120];
  return [255, 240, 230 - Math.floor(y / 4)];
}

let cached: SampleImage[] | null = null;

export function sampleImages(): SampleImage[] {
  if (!cached)
    cached = [
      { name: 'work-badge.png', label: '工牌', width: W, height: H, png: encodePng(W, H, badge) },
      { name: 'landscape.png', label: '风景', width: W, height: H, png: encodePng(W, H, landscape) },
      { name: 'portrait.png', label: '头像', width: W, height: H, png: encodePng(W, H, portrait) },
    ];
  return cached;
}
