import { describe, expect, it } from 'vitest';
import { gaussian, mulberry32 } from '../../src/core/random';
import { kernelDensity, type DensityGrid } from '../../src/map/density';
import { densityShading } from '../../src/map/density_shading';

/** n points around each centre, Gaussian with standard deviation `sd`, seeded. */
function blobs(centres: [number, number][], n: number, sd: number, seed = 1): Float32Array {
  const normal = gaussian(mulberry32(seed));
  const xy = new Float32Array(centres.length * n * 2);
  let at = 0;
  for (const [cx, cy] of centres)
    for (let i = 0; i < n; i++) {
      xy[at++] = cx + sd * normal();
      xy[at++] = cy + sd * normal();
    }
  return xy;
}

const mass = (g: DensityGrid) => g.values.reduce((s, v) => s + v, 0) * g.cell * g.cell;

/** Layout coordinates of the grid's densest node. */
function peak(g: DensityGrid): [number, number] {
  let best = 0;
  for (let i = 1; i < g.values.length; i++) if (g.values[i]! > g.values[best]!) best = i;
  return [g.x0 + (best % g.width) * g.cell, g.y0 + Math.floor(best / g.width) * g.cell];
}

describe('kernelDensity', () => {
  it('integrates to one over the grid', () => {
    for (const xy of [
      blobs([[0, 0]], 300, 1),
      blobs(
        [
          [0, 0],
          [20, -5],
        ],
        150,
        2,
      ),
      new Float32Array([3, 4]),
    ]) {
      const grid = kernelDensity(xy)!;
      expect(mass(grid)).toBeCloseTo(1, 4);
    }
  });

  it('peaks where the points are densest', () => {
    // A tight blob of 400 at (10, 10) and a loose one of 100 at (−10, 0).
    const xy = new Float32Array([
      ...blobs([[10, 10]], 400, 0.8, 2),
      ...blobs([[-10, 0]], 100, 3, 3),
    ]);
    const grid = kernelDensity(xy)!;
    const [px, py] = peak(grid);
    expect(Math.hypot(px - 10, py - 10)).toBeLessThan(1);
    const at = (x: number, y: number) =>
      grid.values[
        Math.round((y - grid.y0) / grid.cell) * grid.width + Math.round((x - grid.x0) / grid.cell)
      ]!;
    expect(at(-10, 0)).toBeGreaterThan(at(0, 5) * 5);
    expect(at(-10, 0)).toBeLessThan(grid.max);
  });

  it('takes the bandwidth from Scott rule, scaled by adjust, and keeps the grid bounded', () => {
    const xy = blobs([[0, 0]], 1000, 2, 4);
    const grid = kernelDensity(xy, { adjust: 1, resolution: 128 })!;
    // σ · n^(−1/6) with σ ≈ 2 and n = 1000.
    expect(grid.bandwidth[0]).toBeGreaterThan(2 * 0.9 * 1000 ** (-1 / 6));
    expect(grid.bandwidth[0]).toBeLessThan(2 * 1.1 * 1000 ** (-1 / 6));
    expect(Math.max(grid.width, grid.height)).toBeLessThanOrEqual(128);
    const half = kernelDensity(xy, { resolution: 128 })!;
    expect(half.bandwidth[0]).toBeCloseTo(grid.bandwidth[0] / 2, 6);
    // A narrower kernel gives a higher peak.
    expect(half.max).toBeGreaterThan(grid.max);
  });

  it('matches the exact Gaussian density of one point', () => {
    const grid = kernelDensity(new Float32Array([0, 0]), { resolution: 200 })!;
    const h = grid.bandwidth[0];
    expect(grid.max).toBeCloseTo(1 / (2 * Math.PI * h * h), 1);
    expect(Math.abs(grid.max - 1 / (2 * Math.PI * h * h)) / grid.max).toBeLessThan(0.05);
  });

  it('returns null for no points', () => {
    expect(kernelDensity(new Float32Array(0))).toBeNull();
  });
});

describe('densityShading', () => {
  it('gives each node its fraction of the peak: 1 at the peak, 0 where nothing is', () => {
    const xy = blobs(
      [
        [0, 0],
        [30, 0],
      ],
      200,
      1,
      5,
    );
    const shading = densityShading(xy)!;
    const { fractions, width, height, grid } = shading;
    expect(fractions.length).toBe(width * height);
    const at = (x: number, y: number) =>
      fractions[
        Math.round((y - grid.y0) / grid.cell) * width + Math.round((x - grid.x0) / grid.cell)
      ]!;
    expect(Math.max(...fractions)).toBe(1);
    expect(Math.min(...fractions)).toBeGreaterThanOrEqual(0);
    expect(at(0, 0)).toBeGreaterThan(0.5);
    expect(at(15, 0)).toBeLessThan(0.01);
    expect(fractions[0]).toBeLessThan(0.01);
    // The bounds reach half a cell beyond the outer nodes; top is the smallest y (the map's y
    // points down).
    const [left, bottom, right, top] = shading.bounds;
    expect(right - left).toBeCloseTo(width * grid.cell, 4);
    expect(bottom - top).toBeCloseTo(height * grid.cell, 4);
    expect(left).toBeCloseTo(grid.x0 - grid.cell / 2, 5);
    expect(top).toBeCloseTo(grid.y0 - grid.cell / 2, 5);
  });

  it('is null for an empty layout', () => {
    expect(densityShading(new Float32Array(0))).toBeNull();
  });
});
