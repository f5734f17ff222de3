import { kernelDensity, type DensityGrid, type DensityOptions } from './density';

/**
 * The density behind the points, ready for the DensityLayer: each grid node's density as a
 * fraction of the peak. The layer turns fractions into the shade and contour lines per pixel.
 */
export interface DensityShading {
  /** Density / peak density per grid node, row-major, row 0 at the smallest y (the map's top). */
  fractions: Float32Array;
  width: number;
  height: number;
  /** Where the shading goes, in layout units: [left, bottom, right, top], half a cell beyond the
   * outer nodes (each node is the centre of one cell). */
  bounds: [number, number, number, number];
  grid: DensityGrid;
}

/** How the density is drawn: a cool slate shade under contour lines. Colours are RGB(A) bytes. */
export const DENSITY_STYLE = {
  /** The shade from pale at low density to deeper where papers crowd. */
  low: [196, 205, 222],
  high: [104, 122, 160],
  /** Opacity of the densest place, 0–255: light enough for points and labels to read on top. */
  maxAlpha: 110,
  /** Contour levels as fractions of the peak density: exactly four. */
  contourLevels: [0.12, 0.3, 0.55, 0.8],
  /** Contour lines, one CSS pixel wide. */
  contourColour: [96, 112, 150, 70],
} as const;

/**
 * The shading of a layout's kernel density (kernelDensity), or null for an empty layout. The
 * fractions are all in [0, 1], with 1 at the peak.
 */
export function densityShading(xy: Float32Array, options?: DensityOptions): DensityShading | null {
  const grid = kernelDensity(xy, options);
  if (!grid || !(grid.max > 0)) return null;
  const { values, width, height, x0, y0, cell, max } = grid;
  const fractions = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) fractions[i] = values[i]! / max;
  const half = cell / 2;
  const bounds: [number, number, number, number] = [
    x0 - half,
    y0 + (height - 0.5) * cell,
    x0 + (width - 0.5) * cell,
    y0 - half,
  ];
  return { fractions, width, height, bounds, grid };
}
