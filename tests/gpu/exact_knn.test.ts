import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { exactKnn } from '../../src/gpu/exact_knn';
import { bruteForceKnn, clusteredVectors } from '../helpers/synthetic';
import { nodeBackends, useBackend } from '../helpers/tf_backends';

const BACKENDS = await nodeBackends();

describe.each(BACKENDS)('exactKnn on the %s backend', (backend) => {
  beforeAll(() => useBackend(backend));

  it('finds exactly the brute-force neighbours (recall 1) with cosine distances', async () => {
    const { vectors } = clusteredVectors(300, 24, 5, 0.8);
    const graph = await exactKnn(vectors, 15);
    const truth = bruteForceKnn(vectors, 15);
    expect(graph.k).toBe(15);
    for (let i = 0; i < vectors.n; i++) {
      const got = new Set(graph.indices.subarray(i * 15, (i + 1) * 15));
      const want = truth.indices.subarray(i * 15, (i + 1) * 15);
      for (const j of want) expect(got.has(j)).toBe(true);
      expect(got.has(i)).toBe(false);
      for (let r = 0; r < 15; r++) {
        expect(graph.distances[i * 15 + r]).toBeCloseTo(1 - truth.sims[i * 15 + r]!, 5);
      }
    }
  });

  it('lists neighbours nearest first', async () => {
    const { vectors } = clusteredVectors(120, 16, 3);
    const graph = await exactKnn(vectors, 10);
    for (let i = 0; i < vectors.n; i++)
      for (let r = 1; r < 10; r++)
        expect(graph.distances[i * 10 + r]).toBeGreaterThanOrEqual(
          graph.distances[i * 10 + r - 1]! - 1e-6,
        );
  });

  it('caps k at n − 1 and handles corpora of 0, 1 and 2 papers', async () => {
    const { vectors } = clusteredVectors(5, 8, 2);
    expect((await exactKnn(vectors, 15)).k).toBe(4);
    expect((await exactKnn({ data: new Float32Array(0), n: 0, dim: 8 }, 15)).k).toBe(0);
    expect((await exactKnn({ data: vectors.data.subarray(0, 8), n: 1, dim: 8 }, 15)).k).toBe(0);
    const two = await exactKnn({ data: vectors.data.subarray(0, 16), n: 2, dim: 8 }, 15);
    expect(Array.from(two.indices)).toEqual([1, 0]);
  });

  it('skips the point itself even when duplicates tie with it', async () => {
    const row = clusteredVectors(1, 8, 1).vectors.data;
    const data = new Float32Array(4 * 8);
    for (let i = 0; i < 4; i++) data.set(row, i * 8);
    const graph = await exactKnn({ data, n: 4, dim: 8 }, 3);
    for (let i = 0; i < 4; i++) {
      const list = Array.from(graph.indices.subarray(i * 3, i * 3 + 3));
      expect(list).not.toContain(i);
      expect(new Set(list).size).toBe(3);
    }
  });

  it('leaves no tensor behind', async () => {
    const { vectors } = clusteredVectors(80, 16, 3);
    const before = tf.memory().numTensors;
    await exactKnn(vectors, 15);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops when cancelled', async () => {
    const { vectors } = clusteredVectors(80, 16, 3);
    const controller = new AbortController();
    controller.abort();
    await expect(exactKnn(vectors, 15, { signal: controller.signal })).rejects.toThrow();
  });
});
