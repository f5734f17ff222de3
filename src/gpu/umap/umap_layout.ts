import * as tf from '@tensorflow/tfjs-core';

import type { JobOptions } from '../../core/job';
import type { KnnGraph } from '../../core/knn_graph';
import { defaultEpochs, edgeSchedule } from '../../core/layout/epoch_schedule';
import { findAbParams } from '../../core/layout/ab_params';
import { fuzzySimplicialSet } from '../../core/layout/fuzzy_simplicial_set';
import {
  DEFAULT_UMAP_PARAMS,
  type Layout,
  type PartialLayoutFn,
  type UmapParams,
} from '../../core/layout/layout';
import { pcaInit } from '../../core/layout/pca_init';
import { tinyLayout } from '../../core/layout/tiny_layout';
import { optimiseLayoutCpu, type SgdParams } from '../../core/layout/umap_sgd';
import type { Vectors } from '../../core/vectors';
import { chosenBackendIsEmulated } from '../backend';
import { optimiseLayoutTensor } from './tensor_optimiser';

/** Which optimiser ran: tensor ops on a GPU backend, or UMAP's exact sequential SGD on the CPU. */
export type LayoutOptimiser = 'gpu' | 'cpu';

/**
 * The optimiser for the current tfjs backend: tensors on a real GPU (webgpu/webgl), the CPU path
 * otherwise, including a GPU emulated in software, where thousands of small dispatches per run
 * cost minutes (SwiftShader) against seconds for the CPU path.
 */
export function optimiserForBackend(
  backend: string,
  emulated = chosenBackendIsEmulated(),
): LayoutOptimiser {
  return (backend === 'webgpu' || backend === 'webgl') && !emulated ? 'gpu' : 'cpu';
}

/**
 * papermap's UMAP: UMAP's fuzzy simplicial set of the exact kNN graph, a PCA initialisation, and
 * UMAP's optimisation, on the GPU as tensor operations or on the CPU as UMAP's own sequential SGD
 * (bit-identical across machines: the reproducible path). Deterministic for a seed on a given
 * backend. Corpora of fewer than 3 points get a fixed layout.
 */
export async function umapLayout(
  vectors: Vectors,
  knn: KnnGraph,
  params: Partial<UmapParams> = {},
  options: JobOptions & { onPartial?: PartialLayoutFn; optimiser?: LayoutOptimiser } = {},
): Promise<Layout> {
  const p = { ...DEFAULT_UMAP_PARAMS, ...params, seed: params.seed ?? options.seed ?? 42 };
  const n = vectors.n;
  const k = Math.min(p.nNeighbors, n - 1, knn.k + 1);
  const optimiser = options.optimiser ?? optimiserForBackend(tf.getBackend());
  const nEpochs = p.nEpochs > 0 ? p.nEpochs : defaultEpochs(n);
  const id = `umap-papermap-v1:k=${k};minDist=${p.minDist};epochs=${nEpochs};seed=${p.seed};init=pca;optimiser=${optimiser}`;
  if (n < 3 || k < 2) return { xy: tinyLayout(n), n, id };

  options.onProgress?.(0, 'graph');
  const schedule = edgeSchedule(fuzzySimplicialSet(knn, k), nEpochs);
  const xy = pcaInit(vectors, p.seed);
  options.signal?.throwIfAborted();
  const { a, b } = findAbParams(1, p.minDist);
  const sgd: SgdParams = { a, b, gamma: 1, learningRate: 1, negativeSampleRate: 5, seed: p.seed };
  const run = optimiser === 'gpu' ? optimiseLayoutTensor : optimiseLayoutCpu;
  await run(xy, schedule, sgd, options);
  return { xy, n, id };
}
