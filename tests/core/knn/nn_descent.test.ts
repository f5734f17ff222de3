import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCorpusFile } from '../../../src/core/corpus_file';
import { nnDescent } from '../../../src/core/knn/nn_descent';
import type { KnnGraph } from '../../../src/core/knn_graph';
import { paperText } from '../../../src/core/paper';
import { lsaReference } from '../../../src/core/reference/lsa_reference';
import type { Vectors } from '../../../src/core/vectors';
import { bruteForceKnn, clusteredVectors } from '../../helpers/synthetic';

/** Fraction of the brute-force k nearest neighbours that the graph found. */
function recall(graph: KnnGraph, vectors: Vectors): number {
  const truth = bruteForceKnn(vectors, graph.k);
  let found = 0;
  for (let i = 0; i < vectors.n; i++) {
    const got = new Set(graph.indices.subarray(i * graph.k, (i + 1) * graph.k));
    for (const j of truth.indices.subarray(i * graph.k, (i + 1) * graph.k)) if (got.has(j)) found++;
  }
  return found / (vectors.n * graph.k);
}

/** Checks the KnnGraph contract: no self, no repeats, nearest first, distance = 1 − dot. */
function expectWellFormed(graph: KnnGraph, vectors: Vectors): void {
  const { n, k, indices, distances } = graph;
  expect(indices.length).toBe(n * k);
  expect(distances.length).toBe(n * k);
  for (let i = 0; i < n; i++) {
    const row = indices.subarray(i * k, (i + 1) * k);
    expect(new Set(row).size).toBe(k);
    for (let r = 0; r < k; r++) {
      const j = row[r]!;
      expect(j).not.toBe(i);
      expect(j).toBeGreaterThanOrEqual(0);
      expect(j).toBeLessThan(n);
      let dot = 0;
      for (let d = 0; d < vectors.dim; d++)
        dot += vectors.data[i * vectors.dim + d]! * vectors.data[j * vectors.dim + d]!;
      expect(distances[i * k + r]).toBeCloseTo(Math.max(0, 1 - dot), 5);
      if (r > 0) expect(distances[i * k + r]).toBeGreaterThanOrEqual(distances[i * k + r - 1]!);
    }
  }
}

describe('nnDescent', () => {
  it.each([
    { n: 3000, dim: 64 },
    { n: 2500, dim: 256 },
  ])(
    'finds ≥ 95% of the exact 15 neighbours of $n clustered points in d = $dim',
    async ({ n, dim }) => {
      const { vectors } = clusteredVectors(n, dim, 20, 0.35, 11);
      const graph = await nnDescent(vectors, 15, { seed: 3 });
      expect(graph.k).toBe(15);
      expectWellFormed(graph, vectors);
      expect(recall(graph, vectors)).toBeGreaterThanOrEqual(0.95);
    },
  );

  it('finds ≥ 95% of the exact neighbours on the default corpus LSA vectors', async () => {
    const json: unknown = JSON.parse(readFileSync('public/corpus/default.json', 'utf8'));
    const corpus = readCorpusFile(json, 'default.json');
    const vectors = await lsaReference(corpus.papers.map(paperText));
    expect(vectors.n).toBeGreaterThan(200);
    const graph = await nnDescent(vectors, 15, { seed: 1 });
    expectWellFormed(graph, vectors);
    expect(recall(graph, vectors)).toBeGreaterThanOrEqual(0.95);
  });

  it('returns the same graph for the same seed, and a valid one for another seed', async () => {
    const { vectors } = clusteredVectors(1500, 48, 10, 0.35, 5);
    const a = await nnDescent(vectors, 10, { seed: 9 });
    const b = await nnDescent(vectors, 10, { seed: 9 });
    expect(b.indices).toEqual(a.indices);
    expect(b.distances).toEqual(a.distances);
    const c = await nnDescent(vectors, 10, { seed: 10 });
    expectWellFormed(c, vectors);
    expect(recall(c, vectors)).toBeGreaterThanOrEqual(0.95);
  });

  it('lists every other point when k ≥ n − 1, and handles 0, 1 and 2 points', async () => {
    const { vectors } = clusteredVectors(40, 8, 3);
    for (const k of [39, 40, 100]) {
      const graph = await nnDescent(vectors, k);
      expect(graph.k).toBe(39);
      expectWellFormed(graph, vectors);
      expect(recall(graph, vectors)).toBe(1);
    }
    const small = (n: number): Vectors => ({ data: vectors.data.slice(0, n * 8), n, dim: 8 });
    expect(await nnDescent(small(0), 15)).toMatchObject({ n: 0, k: 0 });
    expect(await nnDescent(small(1), 15)).toMatchObject({ n: 1, k: 0 });
    const two = await nnDescent(small(2), 15);
    expect(two.k).toBe(1);
    expect(Array.from(two.indices)).toEqual([1, 0]);
  });

  it('keeps distinct neighbours when many vectors are identical', async () => {
    const { vectors } = clusteredVectors(300, 16, 4);
    // Every third row a copy of row 0: ties everywhere, and tree splits that cannot separate them.
    for (let i = 3; i < 300; i += 3) vectors.data.copyWithin(i * 16, 0, 16);
    const graph = await nnDescent(vectors, 12, { seed: 2 });
    expectWellFormed(graph, vectors);
    expect(graph.distances[0]).toBeCloseTo(0, 5);
  });

  it('reports progress up to 1 under the stage "neighbours"', async () => {
    const { vectors } = clusteredVectors(2000, 32, 8);
    const seen: [number, string][] = [];
    await nnDescent(vectors, 15, { onProgress: (f, stage) => seen.push([f, stage]) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every(([, stage]) => stage === 'neighbours')).toBe(true);
    for (let i = 1; i < seen.length; i++)
      expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
    expect(seen.at(-1)![0]).toBe(1);
  });

  it('stops with the abort reason when cancelled, before or during the run', async () => {
    const { vectors } = clusteredVectors(4000, 64, 10);
    await expect(
      nnDescent(vectors, 15, { signal: AbortSignal.abort(new Error('gone')) }),
    ).rejects.toThrow('gone');
    const controller = new AbortController();
    const run = nnDescent(vectors, 15, {
      signal: controller.signal,
      // Cancel once the first tree has been used: the rest of the run must not complete.
      onProgress: (f) => {
        if (f > 0) controller.abort(new Error('cancelled mid-run'));
      },
    });
    await expect(run).rejects.toThrow('cancelled mid-run');
  });
});
