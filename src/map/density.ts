/**
 * A kernel density estimate of the layout on a regular grid: points are linearly binned onto the
 * grid nodes, then blurred by a separable Gaussian (Wand & Jones, "Kernel Smoothing", 1995, §4.2:
 * binned KDE). Bandwidth per axis from Scott's rule for two dimensions, h = σ · n^(−1/6), times
 * `adjust`: UMAP layouts are strongly clustered and the normal-reference rule oversmooths
 * multimodal data, so the default halves it. O(n + cells · kernel), independent of n beyond the
 * binning, so a 100k-paper layout costs a few milliseconds.
 */

/** A density on a grid of square cells; node (i, j) sits at (x0 + i·cell, y0 + j·cell). */
export interface DensityGrid {
  /** Density per unit area (layout units²), row-major, width × height; sums to 1 / cell². */
  values: Float32Array;
  width: number;
  height: number;
  x0: number;
  y0: number;
  /** Grid spacing in layout units. */
  cell: number;
  /** Gaussian bandwidth (standard deviation) per axis in layout units. */
  bandwidth: [number, number];
  /** The largest value of `values`. */
  max: number;
}

/** Options of kernelDensity. */
export interface DensityOptions {
  /** Grid nodes along the longer side of the padded bounds; default 256. */
  resolution?: number;
  /** Factor on Scott's bandwidth; default 0.5. */
  adjust?: number;
}

/** Mean and standard deviation of one coordinate (axis 0 = x, 1 = y) of n points. */
function spread(
  xy: Float32Array,
  n: number,
  axis: number,
): { min: number; max: number; sd: number } {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = xy[2 * i + axis]!;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (xy[2 * i + axis]! - mean) ** 2;
  return { min, max, sd: Math.sqrt(sq / Math.max(1, n - 1)) };
}

/** Normalised Gaussian weights for offsets −r..r with standard deviation `sigma` (in cells). */
function gaussianKernel(sigma: number): Float32Array {
  const r = Math.max(1, Math.ceil(3 * sigma));
  const k = new Float32Array(2 * r + 1);
  let total = 0;
  for (let d = -r; d <= r; d++) total += k[d + r] = Math.exp((-0.5 * d * d) / (sigma * sigma));
  for (let d = 0; d < k.length; d++) k[d]! /= total;
  return k;
}

/** Convolves each row (`stride` 1) or column (`stride` width) of `src` with `k` into `dst`. */
function blur(
  src: Float32Array,
  dst: Float32Array,
  k: Float32Array,
  lines: number,
  length: number,
  step: number,
  lineStep: number,
): void {
  const r = (k.length - 1) / 2;
  for (let line = 0; line < lines; line++) {
    const base = line * lineStep;
    for (let i = 0; i < length; i++) {
      let acc = 0;
      const from = Math.max(0, i - r);
      const to = Math.min(length - 1, i + r);
      for (let j = from; j <= to; j++) acc += src[base + j * step]! * k[j - i + r]!;
      dst[base + i * step] = acc;
    }
  }
}

/**
 * The kernel density of n points (xy, n×2 layout units) on a grid padded by 3 bandwidths (plus
 * two cells) on each side, so no kernel mass falls off the grid; null for no points.
 */
export function kernelDensity(xy: Float32Array, options: DensityOptions = {}): DensityGrid | null {
  const n = Math.floor(xy.length / 2);
  if (n === 0) return null;
  const resolution = Math.max(8, Math.round(options.resolution ?? 256));
  const adjust = options.adjust ?? 0.5;
  const sx = spread(xy, n, 0);
  const sy = spread(xy, n, 1);
  const factor = adjust * n ** (-1 / 6);
  // A degenerate axis (one point, a line) borrows the other axis's scale, or 1 unit.
  const fallback = Math.max(sx.sd, sy.sd) || 1;
  const hx = (sx.sd || fallback) * factor;
  const hy = (sy.sd || fallback) * factor;
  const spanX = sx.max - sx.min + 6 * hx;
  const spanY = sy.max - sy.min + 6 * hy;
  const cell = Math.max(spanX, spanY) / (resolution - 5);
  const x0 = sx.min - 3 * hx - 2 * cell;
  const y0 = sy.min - 3 * hy - 2 * cell;
  const width = Math.ceil(spanX / cell) + 5;
  const height = Math.ceil(spanY / cell) + 5;

  // Linear binning: each point's unit mass is shared by the four surrounding nodes.
  const binned = new Float32Array(width * height);
  for (let i = 0; i < n; i++) {
    const gx = (xy[2 * i]! - x0) / cell;
    const gy = (xy[2 * i + 1]! - y0) / cell;
    if (!Number.isFinite(gx) || !Number.isFinite(gy)) continue;
    const ix = Math.floor(gx);
    const iy = Math.floor(gy);
    const fx = gx - ix;
    const fy = gy - iy;
    const at = iy * width + ix;
    binned[at]! += (1 - fx) * (1 - fy);
    binned[at + 1]! += fx * (1 - fy);
    binned[at + width]! += (1 - fx) * fy;
    binned[at + width + 1]! += fx * fy;
  }
  const rows = new Float32Array(width * height);
  blur(binned, rows, gaussianKernel(hx / cell), height, width, 1, width);
  const values = binned;
  blur(rows, values, gaussianKernel(hy / cell), width, height, width, 1);
  const scale = 1 / (n * cell * cell);
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = (values[i]! *= scale);
    if (v > max) max = v;
  }
  return { values, width, height, x0, y0, cell, bandwidth: [hx, hy], max };
}
