import { describe, expect, it } from 'vitest';
import {
  graphFromEdges,
  graphFromKnn,
  inducedSubgraph,
} from '../../../src/core/topics/weighted_graph';

const edges = (n: number, list: [number, number, number][]) => ({
  n,
  heads: Int32Array.from(list.map((e) => e[0])),
  tails: Int32Array.from(list.map((e) => e[1])),
  weights: Float32Array.from(list.map((e) => e[2])),
});

describe('graphFromEdges', () => {
  it('symmetrises with the larger weight and drops self-loops and non-positive weights', () => {
    const g = graphFromEdges(
      edges(3, [
        [0, 1, 0.5],
        [1, 0, 0.25],
        [1, 1, 1],
        [1, 2, 0],
        [2, 0, 0.75],
      ]),
    );
    const row = (i: number) =>
      Array.from(g.indices.subarray(g.indptr[i], g.indptr[i + 1]), (j, q) => [
        j,
        g.weights[g.indptr[i]! + q],
      ]).sort((a, b) => a[0]! - b[0]!);
    expect(row(0)).toEqual([
      [1, 0.5],
      [2, 0.75],
    ]);
    expect(row(1)).toEqual([[0, 0.5]]);
    expect(row(2)).toEqual([[0, 0.75]]);
  });

  it('rejects an endpoint outside the graph', () => {
    expect(() => graphFromEdges(edges(2, [[0, 2, 1]]))).toThrow(RangeError);
  });
});

describe('graphFromKnn and inducedSubgraph', () => {
  it('gives a symmetric graph and subgraphs that keep only inner edges', () => {
    const knn = {
      n: 4,
      k: 2,
      indices: Int32Array.from([1, 2, 0, 2, 1, 3, 2, 1]),
      distances: Float32Array.from([0.1, 0.3, 0.1, 0.2, 0.2, 0.4, 0.4, 0.5]),
    };
    const g = graphFromKnn(knn);
    for (let i = 0; i < 4; i++) {
      for (let p = g.indptr[i]!; p < g.indptr[i + 1]!; p++) {
        const j = g.indices[p]!;
        const back = Array.from(g.indices.subarray(g.indptr[j], g.indptr[j + 1])).indexOf(i);
        expect(back).toBeGreaterThanOrEqual(0);
        expect(g.weights[g.indptr[j]! + back]).toBeCloseTo(g.weights[p]!, 6);
      }
    }
    const local = new Int32Array(4).fill(-1);
    const sub = inducedSubgraph(g, Int32Array.from([2, 3]), local);
    expect(sub.n).toBe(2);
    expect(Array.from(sub.indices)).toEqual([1, 0]);
    expect(Array.from(local)).toEqual([-1, -1, -1, -1]);
  });
});
