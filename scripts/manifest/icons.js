#!/usr/bin/env node
// Draws the Teams app icons: a checklist clipboard, the supervisor's visit form.
//   color.png   192x192, white clipboard with a gold clip and two ticked rows on the accent colour
//   outline.png  32x32,  white clipboard outline with one tick on a fully transparent background
// Shapes are signed-distance functions sampled 4x4 per pixel, so edges are smooth at both sizes.
// Usage: node scripts/manifest/icons.js <out-dir>
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const ACCENT = [0x1b, 0x6b, 0x5a];
const WHITE = [255, 255, 255];
const GOLD = [0xf2, 0xb1, 0x34];
const LINE = [0x9d, 0xb8, 0xb0];

// Signed distance (negative inside) to a rounded rectangle and to a thick segment, in unit coordinates.
function roundedRect(x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, hx = (x1 - x0) / 2 - r, hy = (y1 - y0) / 2 - r;
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx, qy = Math.abs(y - cy) - hy;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  };
}

function stroke(points, width) {
  return (x, y) => {
    let best = Infinity;
    for (let i = 0; i + 1 < points.length; i++) {
      const [ax, ay] = points[i], [bx, by] = points[i + 1];
      const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
      best = Math.min(best, Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay)));
    }
    return best - width / 2;
  };
}

const ring = (shape, width) => (x, y) => Math.abs(shape(x, y)) - width / 2;

const tick = (x, y, size) => [[x, y], [x + 0.3 * size, y + 0.3 * size], [x + size, y - 0.4 * size]];

const colorLayers = [
  { shape: roundedRect(0.25, 0.2, 0.75, 0.86, 0.05), color: WHITE },
  { shape: roundedRect(0.38, 0.13, 0.62, 0.27, 0.035), color: GOLD },
  ...[0.42, 0.57, 0.72].flatMap((y, row) => [
    ...(row < 2 ? [{ shape: stroke(tick(0.31, y, 0.1), 0.032), color: ACCENT }] : []),
    { shape: stroke([[0.47, y], [0.67, y]], 0.034), color: LINE },
  ]),
];

const outlineLayers = [
  { shape: ring(roundedRect(0.16, 0.12, 0.84, 0.94, 0.1), 0.085), color: WHITE },
  { shape: roundedRect(0.34, 0.03, 0.66, 0.2, 0.05), color: WHITE },
  { shape: stroke(tick(0.32, 0.58, 0.36), 0.11), color: WHITE },
];

// Premultiplied "over" compositing of every layer at every sample, averaged per pixel.
function render(size, background, layers) {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size, y = (py + (sy + 0.5) / samples) / size;
          let rgba = background ? [...background, 1] : [0, 0, 0, 0];
          for (const layer of layers) {
            if (layer.shape(x, y) <= 0) {
              rgba = [...layer.color, 1];
            }
          }
          sum[0] += rgba[0] * rgba[3]; sum[1] += rgba[1] * rgba[3]; sum[2] += rgba[2] * rgba[3]; sum[3] += rgba[3];
        }
      }
      const alpha = sum[3] / (samples * samples);
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        pixels[offset + c] = alpha === 0 ? 0 : Math.round(sum[c] / sum[3]);
      }
      pixels[offset + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

// 8-bit RGBA, every row with filter type 0.
function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function drawIcons(outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'color.png'), png(192, render(192, ACCENT, colorLayers)));
  fs.writeFileSync(path.join(outDir, 'outline.png'), png(32, render(32, null, outlineLayers)));
}

module.exports = { drawIcons, ACCENT };

if (require.main === module) {
  if (process.argv.length !== 3) {
    console.error('usage: icons.js <out-dir>');
    process.exit(2);
  }
  drawIcons(process.argv[2]);
}
