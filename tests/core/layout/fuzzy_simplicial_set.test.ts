import { beforeAll, describe, expect, it } from 'vitest';
import { UMAP } from 'umap-js';
import { fuzzySimplicialSet } from '../../../src/core/layout/fuzzy_simplicial_set';
import { exactKnn } from '../../../src/gpu/exact_knn';
import type { KnnGraph } from '../../../src/core/knn_graph';
import { clusteredVectors } from '../../helpers/synthetic';
import { useCpuBackend } from '../../helpers/tf_backends';

/** umap-js's own graph for the same kNN (self first, as UMAP counts it), as "i,j" → weight. */
function umapJsGraph(graph: KnnGraph, k: number): Map<string, number> {
  const umap = new UMAP({ nNeighbors: k });
  const idx: number[][] = [];
  const dist: number[][] = [];
  for (let i = 0; i < graph.n; i++) {
    idx.push([i, ...Array.from(graph.indices.subarray(i * graph.k, i * graph.k + k - 1))]);
    dist.push([0, ...Array.from(graph.distances.subarray(i * graph.k, i * graph.k + k - 1))]);
  }
  umap.setPrecomputedKNN(idx, dist);
  const x = Array.from({ length: graph.n }, () => [0]);
  // fuzzySimplicialSet is private in umap-js's types; it is the reference this test checks against.
  const sparse = (
    umap as unknown as {
      fuzzySimplicialSet(
        x: number[][],
        k: number,
      ): { getAll(): { row: number; col: number; value: number }[] };
    }
  ).fuzzySimplicialSet(x, k);
  const out = new Map<string, number>();
  for (const { row, col, value } of sparse.getAll()) if (value > 0) out.set(`${row},${col}`, value);
  return out;
}

describe('fuzzySimplicialSet', () => {
  beforeAll(useCpuBackend);

  it("has exactly umap-js's edges, with weights within 1e-5", async () => {
    const { vectors } = clusteredVectors(300, 24, 6, 0.9);
    const knn = await exactKnn(vectors, 15);
    for (const k of [15, 5]) {
      const ours = fuzzySimplicialSet(knn, k);
      const theirs = umapJsGraph(knn, k);
      expect(ours.heads.length).toBe(theirs.size);
      for (let e = 0; e < ours.heads.length; e++) {
        const w = theirs.get(`${ours.heads[e]},${ours.tails[e]}`);
        expect(w, `edge ${ours.heads[e]}→${ours.tails[e]}`).toBeDefined();
        expect(Math.abs(ours.weights[e]! - w!)).toBeLessThan(1e-5);
      }
    }
  });

  it('is symmetric: every edge has its reverse with the same weight', async () => {
    const { vectors } = clusteredVectors(150, 16, 3);
    const g = fuzzySimplicialSet(await exactKnn(vectors, 15), 15);
    const map = new Map<string, number>();
    g.heads.forEach((h, e) => map.set(`${h},${g.tails[e]}`, g.weights[e]!));
    for (const [key, w] of map) {
      const [h, t] = key.split(',');
      expect(map.get(`${t},${h}`)).toBe(w);
    }
  });

  it('handles tiny graphs', async () => {
    const { vectors } = clusteredVectors(3, 8, 1);
    const g = fuzzySimplicialSet(await exactKnn(vectors, 15), 15);
    expect(g.heads.length).toBe(6);
    expect(
      fuzzySimplicialSet(await exactKnn({ data: new Float32Array(0), n: 0, dim: 8 }, 15), 15).heads
        .length,
    ).toBe(0);
  });
});
