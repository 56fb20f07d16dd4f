// Draws the add-in's ribbon and store icons (a bar chart on Đoàn blue) as PNGs, with no image library:
// run `npx tsx scripts/make-icons.ts` after changing the drawing; the PNGs are committed.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

type RGBA = [number, number, number, number];
const BLUE: RGBA = [0x0b, 0x4f, 0x9c, 255];
const RED: RGBA = [0xd7, 0x26, 0x2e, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const CLEAR: RGBA = [0, 0, 0, 0];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => RGBA): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    sig,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function icon(size: number): Buffer {
  const r = size * 0.18;
  return png(size, (x, y) => {
    const u = (x + 0.5) / size;
    const v = (y + 0.5) / size;
    // rounded square
    const dx = Math.max(r / size - u, 0, u - (1 - r / size));
    const dy = Math.max(r / size - v, 0, v - (1 - r / size));
    if (dx * dx + dy * dy > (r / size) ** 2) return CLEAR;
    // three bars rising left to right, the last one red like the Đoàn flag
    const bars: [number, number, RGBA][] = [
      [0.2, 0.55, WHITE],
      [0.42, 0.38, WHITE],
      [0.64, 0.22, RED],
    ];
    for (const [left, top, colour] of bars)
      if (u >= left && u < left + 0.16 && v >= top && v < 0.8) return colour;
    return BLUE;
  });
}

for (const size of [16, 32, 64, 80, 128]) writeFileSync(`addin/assets/icon-${size}.png`, icon(size));
console.log("icons written to addin/assets/");
