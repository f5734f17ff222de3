import type { FuzzyGraph } from './fuzzy_simplicial_set';

/** The edges UMAP optimises and how often each is sampled. */
export interface EdgeSchedule {
  heads: Int32Array;
  tails: Int32Array;
  /** Epochs between two samples of an edge: max weight / weight (≥ 1). */
  epochsPerSample: Float32Array;
  nEpochs: number;
}

/** UMAP's epoch count: 500 up to 10,000 points, 200 beyond (umap-learn's rule). */
export function defaultEpochs(n: number): number {
  return n <= 10_000 ? 500 : 200;
}

/**
 * UMAP's edge sampling schedule (umap-learn `make_epochs_per_sample`): edges lighter than
 * max/nEpochs are dropped, as umap-learn does, and each remaining edge is sampled in proportion
 * to its weight: every (max weight / weight) epochs.
 */
export function edgeSchedule(graph: FuzzyGraph, nEpochs: number): EdgeSchedule {
  let max = 0;
  for (const w of graph.weights) max = Math.max(max, w);
  const floor = max / nEpochs;
  const keep: number[] = [];
  graph.weights.forEach((w, e) => {
    if (w >= floor && w > 0) keep.push(e);
  });
  const heads = new Int32Array(keep.length);
  const tails = new Int32Array(keep.length);
  const epochsPerSample = new Float32Array(keep.length);
  keep.forEach((e, t) => {
    heads[t] = graph.heads[e]!;
    tails[t] = graph.tails[e]!;
    epochsPerSample[t] = max / graph.weights[e]!;
  });
  return { heads, tails, epochsPerSample, nEpochs };
}
