import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderAssets, TRAY_GLYPH_STATES, trayFileNames } from '../../../assets/source/generate-assets.ts';
import { TRAY_STATES } from '../../../src-main/app/tray-state.ts';

const ASSETS = fileURLToPath(new URL('../../../assets/', import.meta.url));

/** Reads back what encodePng writes (8-bit RGBA, filter 0). */
function decodePng(data: Buffer): { width: number; height: number; rgba: Uint8Array } {
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = data.readUInt32BE(16);
  const height = data.readUInt32BE(20);
  expect([data[24], data[25]]).toEqual([8, 6]);
  const idat: Buffer[] = [];
  for (let at = 8; at < data.length;) {
    const length = data.readUInt32BE(at);
    if (data.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(data.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    rgba.set(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return { width, height, rgba };
}

describe('the generated images', () => {
  const generated = renderAssets();

  it('are committed exactly as the generator makes them (run node assets/source/generate-assets.ts)', () => {
    for (const [name, data] of generated)
      expect(readFileSync(`${ASSETS}${name}`).equals(data), name).toBe(true);
  });

  it('cover every tray state the app shows', () => {
    expect([...TRAY_GLYPH_STATES].sort()).toEqual([...TRAY_STATES].sort());
  });

  it('are template images: black with alpha, 16 px and 32 px, a different shape per state', () => {
    const shapes = new Set<string>();
    for (const state of TRAY_GLYPH_STATES) {
      const { x1, x2 } = trayFileNames(state);
      for (const [name, size] of [
        [x1, 16],
        [x2, 32],
      ] as const) {
        const png = decodePng(generated.get(name)!);
        expect([png.width, png.height], name).toEqual([size, size]);
        const alpha = png.rgba.filter((_, i) => i % 4 === 3);
        const colour = png.rgba.filter((_, i) => i % 4 !== 3);
        expect(
          colour.every((c) => c === 0),
          `${name} is black only`,
        ).toBe(true);
        expect(
          alpha.some((a) => a === 255) && alpha.some((a) => a === 0),
          `${name} has ink and background`,
        ).toBe(true);
        if (size === 32) shapes.add(Buffer.from(alpha).toString('base64'));
      }
    }
    expect(shapes.size).toBe(TRAY_GLYPH_STATES.length);
  });

  it('include a 512 px app icon with transparent corners for electron-builder to convert', () => {
    const icon = decodePng(generated.get('icon.png')!);
    expect([icon.width, icon.height]).toEqual([512, 512]);
    expect(icon.rgba[3]).toBe(0);
    expect(icon.rgba[(256 * 512 + 256) * 4 + 3]).toBe(255);
  });
});
