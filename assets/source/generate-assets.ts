// Generates the app's images from drawn shapes: one menu-bar template image per fleet state (black
// on transparent, @1x 16 px and @2x 32 px; macOS tints templates for light and dark menu bars) and
// the 512 px app icon (electron-builder turns icon.png into the .icns). The shapes match the
// popover's glyphs (● ▲ ■ ↻ ○). Run `node assets/source/generate-assets.ts` after changing a shape;
// test/unit/app/assets.test.ts fails while the committed PNGs differ from what this produces.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png-encode.ts';
import {
  circle,
  polygon,
  rasterize,
  ring,
  roundedRect,
  union,
  withGap,
  type Layer,
  type Shape,
} from './shapes.ts';

export const TRAY_GLYPH_STATES = ['healthy', 'degraded', 'down', 'crash-loop', 'stopped'] as const;
export type TrayGlyphState = (typeof TRAY_GLYPH_STATES)[number];

const BLACK = [0, 0, 0] as const;

/** Designed on a 16-point square (the menu bar's icon size). */
const TRAY_GLYPHS: Record<TrayGlyphState, Shape> = {
  healthy: circle(8, 8, 5.5),
  degraded: polygon([
    [8, 1.75],
    [14.75, 13.75],
    [1.25, 13.75],
  ]),
  down: roundedRect(2.75, 2.75, 13.25, 13.25, 1.5),
  // A ring open at the top right, with an arrowhead at the open end: "restarting again and again".
  'crash-loop': union(
    withGap(ring(8, 8.75, 5.75, 3.75), 8, 8.75, 280, 345),
    polygon([
      [7.75, 0.75],
      [7.75, 7.25],
      [11.75, 4],
    ]),
  ),
  stopped: ring(8, 8, 6, 4.5),
};

const ICON_BACKGROUND: readonly [number, number, number] = [15, 76, 92];
const ICON_DOT: readonly [number, number, number] = [240, 249, 255];
const ICON_HEALTHY: readonly [number, number, number] = [74, 222, 128];

/** Designed on a 1024 square: the macOS icon grid's 824-unit body, three gateways, one of them lit. */
const ICON_LAYERS: Layer[] = [
  { shape: roundedRect(100, 100, 924, 924, 185), rgb: ICON_BACKGROUND },
  { shape: circle(512, 350, 110), rgb: ICON_HEALTHY },
  { shape: union(circle(340, 650, 110), circle(684, 650, 110)), rgb: ICON_DOT },
];

export function trayFileNames(state: TrayGlyphState): { x1: string; x2: string } {
  return { x1: `tray-${state}Template.png`, x2: `tray-${state}Template@2x.png` };
}

/** Every generated file, by name under assets/. */
export function renderAssets(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const state of TRAY_GLYPH_STATES) {
    const layer: Layer[] = [{ shape: TRAY_GLYPHS[state], rgb: BLACK }];
    const names = trayFileNames(state);
    files.set(names.x1, encodePng(16, 16, rasterize(layer, 16, 16)));
    files.set(names.x2, encodePng(32, 32, rasterize(layer, 16, 32)));
  }
  files.set('icon.png', encodePng(512, 512, rasterize(ICON_LAYERS, 1024, 512)));
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL('..', import.meta.url));
  for (const [name, data] of renderAssets()) {
    writeFileSync(`${dir}${name}`, data);
    console.log(`wrote assets/${name} (${data.length} bytes)`);
  }
}
