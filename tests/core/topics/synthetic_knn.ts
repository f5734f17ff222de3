import type { KnnGraph } from '../../../src/core/knn_graph';
import { mulberry32 } from '../../../src/core/random';

/**
 * A seeded kNN graph with planted nested structure: nodes sit in leaves of `leafSize` inside
 * groups of `groupLeaves` leaves; each neighbour is from the same leaf (70%), the same group
 * (25%) or anywhere (5%), nearest first by a random distance that grows with that distance.
 */
export function nestedKnn(
  n: number,
  k: number,
  leafSize = 30,
  groupLeaves = 20,
  seed = 3,
): KnnGraph {
  const rand = mulberry32(seed);
  const indices = new Int32Array(n * k);
  const distances = new Float32Array(n * k);
  const groupSize = leafSize * groupLeaves;
  const pick = (base: number, span: number) => Math.min(n - 1, base + Math.floor(rand() * span));
  const row: { j: number; d: number }[] = [];
  for (let i = 0; i < n; i++) {
    row.length = 0;
    const seen = new Set<number>([i]);
    while (row.length < k) {
      const r = rand();
      const j =
        r < 0.7
          ? pick(i - (i % leafSize), leafSize)
          : r < 0.95
            ? pick(i - (i % groupSize), groupSize)
            : Math.floor(rand() * n);
      if (seen.has(j)) continue;
      seen.add(j);
      row.push({ j, d: (r < 0.7 ? 0.2 : r < 0.95 ? 0.4 : 0.6) + 0.2 * rand() });
    }
    row.sort((a, b) => a.d - b.d);
    row.forEach(({ j, d }, r) => {
      indices[i * k + r] = j;
      distances[i * k + r] = d;
    });
  }
  return { indices, distances, n, k };
}
