import { UMAP } from 'umap-js';
import { mulberry32 } from '../random';
import { yieldToEventLoop, type JobOptions } from '../job';
import type { KnnGraph } from '../knn_graph';
import type { Vectors } from '../vectors';
import { DEFAULT_UMAP_PARAMS, type Layout, type PartialLayoutFn, type UmapParams } from './layout';
import { tinyLayout } from './tiny_layout';

/** How often (in milliseconds of work) the optimiser yields to the event loop and streams. */
const YIELD_EVERY_MS = 50;

/**
 * Projects unit vectors to 2-D with umap-js (PAIR-code/umap-js, after McInnes et al. 2018), fed
 * with papermap's exact kNN graph so its own approximate search is skipped. Deterministic for a
 * given graph and seed. Corpora of fewer than 3 points get a fixed layout (UMAP needs a graph).
 */
export async function umapReference(
  vectors: Vectors,
  graph: KnnGraph,
  params: Partial<UmapParams> = {},
  options: JobOptions & { onPartial?: PartialLayoutFn } = {},
): Promise<Layout> {
  const p = { ...DEFAULT_UMAP_PARAMS, ...params, seed: params.seed ?? options.seed ?? 42 };
  const n = vectors.n;
  const k = Math.min(p.nNeighbors, n - 1, graph.k + 1);
  const id = `umap-js:k=${k};minDist=${p.minDist};epochs=${p.nEpochs};seed=${p.seed}`;
  if (n < 3 || k < 2) return { xy: tinyLayout(n), n, id };

  const umap = new UMAP({
    nNeighbors: k,
    minDist: p.minDist,
    nEpochs: p.nEpochs > 0 ? p.nEpochs : undefined,
    random: mulberry32(p.seed),
  });
  const { knnIndices, knnDistances } = withSelfNeighbour(graph, k);
  umap.setPrecomputedKNN(knnIndices, knnDistances);
  const rows = Array.from({ length: n }, (_, i) =>
    Array.from(vectors.data.subarray(i * vectors.dim, (i + 1) * vectors.dim)),
  );
  const nEpochs = umap.initializeFit(rows);

  let lastYield = Date.now();
  for (let epoch = 0; epoch < nEpochs; epoch++) {
    umap.step();
    if (Date.now() - lastYield > YIELD_EVERY_MS || epoch === nEpochs - 1) {
      options.onProgress?.((epoch + 1) / nEpochs, 'projection');
      if (options.onPartial && epoch < nEpochs - 1)
        options.onPartial(toXy(umap.getEmbedding()), epoch + 1, nEpochs);
      await yieldToEventLoop();
      options.signal?.throwIfAborted();
      lastYield = Date.now();
    }
  }
  return { xy: toXy(umap.getEmbedding()), n, id };
}

/** UMAP counts each point as its own nearest neighbour at distance 0; papermap's graph does not. */
function withSelfNeighbour(
  graph: KnnGraph,
  k: number,
): { knnIndices: number[][]; knnDistances: number[][] } {
  const knnIndices: number[][] = [];
  const knnDistances: number[][] = [];
  for (let i = 0; i < graph.n; i++) {
    const idx = [i];
    const dist = [0];
    for (let j = 0; j < k - 1; j++) {
      idx.push(graph.indices[i * graph.k + j]!);
      dist.push(graph.distances[i * graph.k + j]!);
    }
    knnIndices.push(idx);
    knnDistances.push(dist);
  }
  return { knnIndices, knnDistances };
}

function toXy(embedding: number[][]): Float32Array {
  const xy = new Float32Array(embedding.length * 2);
  embedding.forEach((point, i) => {
    xy[2 * i] = point[0] ?? 0;
    xy[2 * i + 1] = point[1] ?? 0;
  });
  return xy;
}
