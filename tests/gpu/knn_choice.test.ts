import { beforeAll, describe, expect, it } from 'vitest';
import { chooseKnnMethod, CPU_EXACT_MAX_N, KNN_STAGE, knnGraph } from '../../src/gpu/knn_choice';
import { exactKnn } from '../../src/gpu/exact_knn';
import { nnDescent } from '../../src/core/knn/nn_descent';
import { clusteredVectors } from '../helpers/synthetic';
import { useCpuBackend } from '../helpers/tf_backends';

describe('chooseKnnMethod', () => {
  it('uses exact kNN on a hardware GPU at any n', () => {
    for (const backend of ['webgpu', 'webgl'])
      for (const n of [10, CPU_EXACT_MAX_N + 1, 1_000_000])
        expect(chooseKnnMethod(n, backend, false)).toBe('exact');
  });

  it('uses exact kNN on a CPU backend up to the threshold and NN-descent beyond', () => {
    for (const backend of ['wasm', 'cpu']) {
      expect(chooseKnnMethod(CPU_EXACT_MAX_N, backend, false)).toBe('exact');
      expect(chooseKnnMethod(CPU_EXACT_MAX_N + 1, backend, false)).toBe('nn-descent');
      expect(chooseKnnMethod(200_000, backend, false)).toBe('nn-descent');
    }
  });

  it('treats a GPU emulated on the CPU as a CPU', () => {
    expect(chooseKnnMethod(CPU_EXACT_MAX_N + 1, 'webgpu', true)).toBe('nn-descent');
    expect(chooseKnnMethod(100, 'webgpu', true)).toBe('exact');
  });
});

describe('knnGraph on the cpu backend', () => {
  beforeAll(() => useCpuBackend());
  const { vectors } = clusteredVectors(400, 16, 4);

  it('builds the exact graph at or below the threshold and says so in its progress', async () => {
    const stages = new Set<string>();
    const { graph, method } = await knnGraph(vectors, 10, {
      cpuExactMaxN: 400,
      onProgress: (_, stage) => stages.add(stage),
    });
    expect(method).toBe('exact');
    expect(graph.indices).toEqual((await exactKnn(vectors, 10)).indices);
    expect([...stages]).toEqual([KNN_STAGE.exact]);
  });

  it('builds the seeded NN-descent graph above the threshold and says so in its progress', async () => {
    const stages = new Set<string>();
    const { graph, method } = await knnGraph(vectors, 10, {
      cpuExactMaxN: 399,
      seed: 5,
      onProgress: (_, stage) => stages.add(stage),
    });
    expect(method).toBe('nn-descent');
    expect(graph.indices).toEqual((await nnDescent(vectors, 10, { seed: 5 })).indices);
    expect([...stages]).toEqual([KNN_STAGE['nn-descent']]);
  });
});
