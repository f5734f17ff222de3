import { contourSegments } from './contour_lines';
import { kernelDensity, type DensityGrid, type DensityOptions } from './density';

/** The density behind the points as an RGBA image and contour lines, in layout units. */
export interface DensityShading {
  /** RGBA bytes, row-major, row 0 at the smallest y (the top of the map, whose y axis points down). */
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
  /** Where the image goes, as deck.gl's BitmapLayer wants it: [left, bottom, right, top]. */
  bounds: [number, number, number, number];
  /** Contour segments x0, y0, x1, y1 (layout units), all levels together. */
  contours: Float32Array;
  grid: DensityGrid;
}

/** The shade: a cool slate, from pale at low density to deeper where the papers crowd. */
const LOW = [196, 205, 222] as const;
const HIGH = [104, 122, 160] as const;
/** Opacity of the densest cell, 0–255: light enough for points and labels to read on top. */
const MAX_ALPHA = 110;
/** Contour levels as fractions of the largest density. */
export const CONTOUR_LEVELS: readonly number[] = [0.12, 0.3, 0.55, 0.8];

/**
 * The shading of a layout's kernel density (kernelDensity): each cell's colour and opacity grow
 * with density^0.6 (lifting the sparse outskirts a little), fully transparent where there is
 * nothing; plus contour lines at CONTOUR_LEVELS. Null for an empty layout.
 */
export function densityShading(xy: Float32Array, options?: DensityOptions): DensityShading | null {
  const grid = kernelDensity(xy, options);
  if (!grid || !(grid.max > 0)) return null;
  const { values, width, height, x0, y0, cell, max } = grid;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < values.length; i++) {
    const t = Math.pow(values[i]! / max, 0.6);
    rgba[4 * i] = LOW[0] + (HIGH[0] - LOW[0]) * t;
    rgba[4 * i + 1] = LOW[1] + (HIGH[1] - LOW[1]) * t;
    rgba[4 * i + 2] = LOW[2] + (HIGH[2] - LOW[2]) * t;
    // Below 2% of the peak the shade fades to nothing, so the map has no visible rectangle.
    rgba[4 * i + 3] = t < 0.1 ? MAX_ALPHA * t * (t / 0.1) : MAX_ALPHA * t;
  }
  const parts = CONTOUR_LEVELS.map((f) => contourSegments(grid, f * max));
  const contours = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    contours.set(p, at);
    at += p.length;
  }
  // Pixel i is centred on grid node i: the image reaches half a cell beyond the outer nodes.
  const half = cell / 2;
  const bounds: [number, number, number, number] = [
    x0 - half,
    y0 + (height - 0.5) * cell,
    x0 + (width - 0.5) * cell,
    y0 - half,
  ];
  return { rgba, width, height, bounds, contours, grid };
}
