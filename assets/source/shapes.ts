// Shapes as "is this point inside" predicates in a unit design space, rasterised with 4x4
// supersampling so edges are anti-aliased at 16, 32 and 512 pixels alike.

export type Shape = (x: number, y: number) => boolean;

export const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

export const ring = (cx: number, cy: number, outer: number, inner: number): Shape =>
  difference(circle(cx, cy, outer), circle(cx, cy, inner));

export function polygon(points: readonly [number, number][]): Shape {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i]!;
      const [xj, yj] = points[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

export function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

/** The points of `shape` whose angle around (cx, cy) is outside [from, to] degrees (0 = right, clockwise). */
export function withGap(shape: Shape, cx: number, cy: number, from: number, to: number): Shape {
  return (x, y) => {
    const deg = ((Math.atan2(y - cy, x - cx) * 180) / Math.PI + 360) % 360;
    return shape(x, y) && !(deg >= from && deg <= to);
  };
}

export const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));

export const difference =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);

export interface Layer {
  shape: Shape;
  rgb: readonly [number, number, number];
}

/** Paints layers (later ones on top) designed on a `design`-unit square into `size` pixels of RGBA. */
export function rasterize(layers: readonly Layer[], design: number, size: number): Uint8Array {
  const samples = 4;
  const out = new Uint8Array(size * size * 4);
  const scale = design / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const layer of layers) {
        let hits = 0;
        for (let sy = 0; sy < samples; sy++)
          for (let sx = 0; sx < samples; sx++)
            if (layer.shape((px + (sx + 0.5) / samples) * scale, (py + (sy + 0.5) / samples) * scale)) hits++;
        const coverage = hits / (samples * samples);
        // "over" compositing, straight (non-premultiplied) alpha
        const outA = coverage + a * (1 - coverage);
        if (outA > 0) {
          r = (layer.rgb[0] * coverage + r * a * (1 - coverage)) / outA;
          g = (layer.rgb[1] * coverage + g * a * (1 - coverage)) / outA;
          b = (layer.rgb[2] * coverage + b * a * (1 - coverage)) / outA;
        }
        a = outA;
      }
      out.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], (py * size + px) * 4);
    }
  }
  return out;
}
