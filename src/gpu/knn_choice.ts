import * as tf from '@tensorflow/tfjs-core';
import { nnDescent } from '../core/knn/nn_descent';
import type { JobOptions } from '../core/job';
import type { KnnGraph } from '../core/knn_graph';
import type { Vectors } from '../core/vectors';
import { chosenBackendIsEmulated } from './backend';
import { exactKnn } from './exact_knn';

/** How the kNN graph is built: exact (tfjs matMul + top-k) or approximate (NN-descent, plain TS). */
export type KnnMethod = 'exact' | 'nn-descent';

/**
 * Largest n for which exact kNN is used on a CPU (tfjs cpu/wasm, or a GPU emulated on the CPU).
 * Exact costs O(n²·d): 6.5 s at 20k and about 2.7 min at 100k on wasm on a 2-core machine, where
 * NN-descent takes 4.9 s and 64 s (docs/BENCHMARKS.md, "kNN on the CPU") but finds only 0.66–0.80
 * of the true neighbours at 50k–100k on the benchmark's data. Up to 100k the map's quality wins
 * over a minute or two; beyond, exact runs to ten minutes and more (200k), and NN-descent takes over.
 */
export const CPU_EXACT_MAX_N = 100_000;

/**
 * The kNN method for n points on a backend: exact on a hardware GPU (webgpu/webgl) at any n, and
 * on a CPU backend up to `cpuExactMaxN` points; NN-descent beyond.
 */
export function chooseKnnMethod(
  n: number,
  backend: string,
  emulated: boolean,
  cpuExactMaxN: number = CPU_EXACT_MAX_N,
): KnnMethod {
  const hardwareGpu = (backend === 'webgpu' || backend === 'webgl') && !emulated;
  return hardwareGpu || n <= cpuExactMaxN ? 'exact' : 'nn-descent';
}

/** Progress stage names that say which method built the graph ("Projecting (…) on wasm"). */
export const KNN_STAGE: Record<KnnMethod, string> = {
  exact: 'exact neighbours',
  'nn-descent': 'approximate neighbours, NN-descent',
};

/**
 * The k-nearest-neighbour graph of unit vectors by the method {@link chooseKnnMethod} picks for
 * the current tfjs backend, with progress under that method's {@link KNN_STAGE} name. Both
 * methods are deterministic, so the graph depends only on the vectors, k, the seed and the
 * backend class. `cpuExactMaxN` overrides {@link CPU_EXACT_MAX_N} (tests).
 */
export async function knnGraph(
  vectors: Vectors,
  k: number,
  options: JobOptions & { cpuExactMaxN?: number } = {},
): Promise<{ graph: KnnGraph; method: KnnMethod }> {
  const method = chooseKnnMethod(
    vectors.n,
    tf.getBackend(),
    chosenBackendIsEmulated(),
    options.cpuExactMaxN,
  );
  const job: JobOptions = {
    signal: options.signal,
    seed: options.seed,
    onProgress: (fraction) => options.onProgress?.(fraction, KNN_STAGE[method]),
  };
  const graph =
    method === 'exact' ? await exactKnn(vectors, k, job) : await nnDescent(vectors, k, job);
  return { graph, method };
}
