import { describe, expect, it } from 'vitest';
import { knn2d } from '../../../src/core/metrics/knn_2d';
import { layoutQuality } from '../../../src/core/metrics/layout_quality';
import { mulberry32 } from '../../../src/core/random';
import { normaliseRows, type Vectors } from '../../../src/core/vectors';
import type { KnnGraph } from '../../../src/core/knn_graph';
import { bruteForceKnn, clusteredVectors } from '../../helpers/synthetic';

function randomXy(n: number, seed: number, grid = 0): Float32Array {
  const rand = mulberry32(seed);
  // With `grid`, coordinates snap to a lattice, so many distances tie.
  return Float32Array.from({ length: 2 * n }, () =>
    grid ? Math.round(rand() * grid) : rand() * 10,
  );
}

function graphOf(v: Vectors, k: number): KnnGraph {
  const { indices, sims } = bruteForceKnn(v, k);
  return { indices, distances: sims.map((s) => 1 - s), n: v.n, k };
}

/** Trustworthiness straight from its definition, with full rank tables: the check for the fast one. */
function trustworthinessByDefinition(v: Vectors, xy: Float32Array, k: number): number {
  const n = v.n;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const high = Array.from({ length: n }, (_, j) => j)
      .filter((j) => j !== i)
      .map((j) => {
        let s = 0;
        for (let d = 0; d < v.dim; d++) s += v.data[i * v.dim + d]! * v.data[j * v.dim + d]!;
        return [s, j] as const;
      })
      .sort((a, b) => b[0] - a[0]);
    const rank = new Map(high.map(([, j], r) => [j, r + 1]));
    const low = Array.from({ length: n }, (_, j) => j)
      .filter((j) => j !== i)
      .sort(
        (a, b) =>
          (xy[2 * a]! - xy[2 * i]!) ** 2 +
          (xy[2 * a + 1]! - xy[2 * i + 1]!) ** 2 -
          ((xy[2 * b]! - xy[2 * i]!) ** 2 + (xy[2 * b + 1]! - xy[2 * i + 1]!) ** 2),
      )
      .slice(0, k);
    for (const j of low) sum += Math.max(0, rank.get(j)! - k);
  }
  return 1 - (2 / (n * k * (2 * n - 3 * k - 1))) * sum;
}

describe('knn2d', () => {
  it('matches brute force, nearest first, also with many ties and duplicate points', () => {
    for (const [n, grid] of [
      [300, 0],
      [200, 6],
      [50, 1],
    ] as const) {
      const xy = randomXy(n, n + grid, grid);
      const got = knn2d(xy, 10);
      for (let i = 0; i < n; i++) {
        const d = (j: number) =>
          (xy[2 * j]! - xy[2 * i]!) ** 2 + (xy[2 * j + 1]! - xy[2 * i + 1]!) ** 2;
        const want = Array.from({ length: n }, (_, j) => j)
          .filter((j) => j !== i)
          .sort((a, b) => d(a) - d(b) || a - b)
          .slice(0, 10);
        expect(Array.from(got.subarray(i * 10, i * 10 + 10)).map(d)).toEqual(want.map(d));
      }
    }
  });

  it('caps k at n − 1', () => {
    expect(knn2d(new Float32Array([0, 0, 1, 1]), 15)).toEqual(Int32Array.from([1, 0]));
    expect(knn2d(new Float32Array(0), 15).length).toBe(0);
  });
});

describe('layoutQuality', () => {
  it('agrees with the definition of trustworthiness', () => {
    const { vectors } = clusteredVectors(120, 16, 4, 0.8);
    const xy = randomXy(120, 3);
    for (let i = 0; i < 60; i++) xy[i] = xy[i]! * 0.1; // a partly structured layout
    const q = layoutQuality(vectors, graphOf(vectors, 15), xy, 15);
    expect(q.trustworthiness).toBeCloseTo(trustworthinessByDefinition(vectors, xy, 15), 10);
    expect(q.evaluated).toBe(120);
  });

  it('scores a layout that keeps every neighbourhood at 1, and a random one near chance', () => {
    const n = 200;
    const xy = randomXy(n, 9);
    // Lift the 2-D points onto the unit sphere near one pole: cosine order = Euclidean order.
    const lifted = normaliseRows({
      data: Float32Array.from({ length: 3 * n }, (_, t) =>
        t % 3 === 2 ? 1000 : xy[2 * Math.floor(t / 3) + (t % 3)]!,
      ),
      n,
      dim: 3,
    });
    const faithful = layoutQuality(lifted, graphOf(lifted, 15), xy);
    expect(faithful.trustworthiness).toBeGreaterThan(0.999);
    expect(faithful.knnPreservation).toBeGreaterThan(0.97);
    const shuffled = layoutQuality(lifted, graphOf(lifted, 15), randomXy(n, 10));
    expect(shuffled.trustworthiness).toBeLessThan(0.65);
    expect(shuffled.knnPreservation).toBeLessThan(0.2);
  });
});
