import { DEFAULT_SEED, yieldToEventLoop, type JobOptions } from '../job';
import type { KnnGraph } from '../knn_graph';
import { mulberry32 } from '../random';
import type { Vectors } from '../vectors';
import { dotRows } from './dot_rows';
import {
  clearHeaps,
  createHeaps,
  heapHas,
  heapPush,
  sortHeapRows,
  type NeighbourHeaps,
} from './neighbour_heaps';
import { rpTreeLeaves } from './rp_tree';

/** Tuning of {@link nnDescent}; every field has a default that suits k = 15 on 10k–200k points. */
export interface NnDescentOptions extends JobOptions {
  /** Random-projection trees whose leaves seed the graph; default 3 + round(√n / 50), at most 12. */
  nTrees?: number;
  /** Most points in a tree leaf; default max(24, k + 1). */
  leafSize?: number;
  /** Most local-join rounds; default max(5, round(log2 n)). */
  maxIterations?: number;
  /** Sample rate ρ: each point joins at most round(ρ·k) new and as many old candidates; default 1. */
  rho?: number;
  /** Stop when a round improves fewer than δ·n·k graph entries; default 0.001. */
  delta?: number;
}

/**
 * Approximate k nearest neighbours by cosine distance (1 − dot) on unit vectors, by NN-descent
 * (Dong, Moses & Li 2011, "Efficient k-nearest neighbor graph construction for generic similarity
 * measures") as PyNNDescent and umap-learn run it: the graph starts from the leaves of a small
 * forest of random-projection trees, then local joins over sampled new/old candidates (forward
 * and reverse) refine it until a round changes fewer than δ·n·k entries. Same output as exactKnn:
 * nearest first, never the point itself, k capped at n − 1; deterministic for a seed. Progress is
 * reported as stage 'neighbours'.
 */
export async function nnDescent(
  vectors: Vectors,
  k: number,
  options: NnDescentOptions = {},
): Promise<KnnGraph> {
  const { n, dim, data } = vectors;
  const kk = Math.max(0, Math.min(Math.floor(k), n - 1));
  if (kk === 0) return { indices: new Int32Array(0), distances: new Float32Array(0), n, k: 0 };
  const rand = mulberry32(options.seed ?? DEFAULT_SEED);
  const pause = pauser(options.signal);
  const report = (fraction: number) => options.onProgress?.(Math.min(1, fraction), 'neighbours');

  const graph = createHeaps(n, kk);
  const nTrees = options.nTrees ?? Math.min(12, 3 + Math.round(Math.sqrt(n) / 50));
  const leafSize = options.leafSize ?? Math.max(24, kk + 1);
  const maxIterations = options.maxIterations ?? Math.max(5, Math.round(Math.log2(n)));
  const candidates = Math.max(1, Math.round((options.rho ?? 1) * kk));
  const delta = options.delta ?? 0.001;
  // Trees are about a fifth of the work at the defaults; the rest is split between rounds.
  const treeShare = 0.2;

  for (let t = 0; t < nTrees; t++) {
    const leaves = await rpTreeLeaves(vectors, leafSize, rand, pause);
    const { order, starts, ends } = leaves;
    for (let leaf = 0; leaf < starts.length; leaf++) {
      for (let p = starts[leaf]!; p < ends[leaf]!; p++) {
        const a = order[p]!;
        for (let q = p + 1; q < ends[leaf]!; q++) {
          const b = order[q]!;
          const d = 1 - dotRows(data, a, b, dim);
          heapPush(graph, a, b, d, 1);
          heapPush(graph, b, a, d, 1);
        }
      }
      if ((leaf & 63) === 63) await pause();
    }
    report((treeShare * (t + 1)) / nTrees);
  }
  fillEmptySlots(graph, vectors, rand);

  const fresh = createHeaps(n, candidates);
  const old = createHeaps(n, candidates);
  for (let round = 0; round < maxIterations; round++) {
    sampleCandidates(graph, fresh, old, rand);
    let updates = 0;
    const fi = fresh.indices;
    const oi = old.indices;
    for (let i = 0; i < n; i++) {
      const base = i * candidates;
      for (let x = 0; x < candidates; x++) {
        const p = fi[base + x]!;
        if (p < 0) continue;
        for (let y = x + 1; y < candidates; y++) {
          const q = fi[base + y]!;
          if (q >= 0) updates += join(graph, data, dim, p, q);
        }
        for (let y = 0; y < candidates; y++) {
          const q = oi[base + y]!;
          if (q >= 0 && q !== p) updates += join(graph, data, dim, p, q);
        }
      }
      if ((i & 255) === 255) await pause();
    }
    report(treeShare + ((1 - treeShare) * (round + 1)) / maxIterations);
    if (updates <= delta * n * kk) break;
  }
  report(1);

  sortHeapRows(graph);
  const distances = new Float32Array(n * kk);
  for (let e = 0; e < n * kk; e++) distances[e] = Math.max(0, graph.keys[e]!);
  return { indices: graph.indices, distances, n, k: kk };
}

/** Tries p and q as each other's neighbours; returns how many of the two heaps changed. */
function join(
  graph: NeighbourHeaps,
  data: Float32Array,
  dim: number,
  p: number,
  q: number,
): number {
  const { keys, size } = graph;
  const limitP = keys[p * size]!;
  const limitQ = keys[q * size]!;
  // The membership scans (k ints each) are cheaper than the dim-long dot product they can save.
  const inP = heapHas(graph, p, q);
  const inQ = heapHas(graph, q, p);
  if (inP && inQ) return 0;
  const d = 1 - dotRows(data, p, q, dim);
  let changed = 0;
  if (!inP && d < limitP && heapPush(graph, p, q, d, 1)) changed++;
  if (!inQ && d < limitQ && heapPush(graph, q, p, d, 1)) changed++;
  return changed;
}

/**
 * Fills each point's candidate heaps for one round (PyNNDescent `new_build_candidates`): every
 * graph edge i→j, with a random priority, goes to i's and j's "new" or "old" list by its flag, so
 * each list is a random sample of at most `size` forward and reverse neighbours. Edges sampled
 * as new are then marked old, so they are joined once.
 */
function sampleCandidates(
  graph: NeighbourHeaps,
  fresh: NeighbourHeaps,
  old: NeighbourHeaps,
  rand: () => number,
): void {
  const { n, size, indices, flags } = graph;
  clearHeaps(fresh);
  clearHeaps(old);
  for (let i = 0; i < n; i++) {
    for (let s = 0; s < size; s++) {
      const j = indices[i * size + s]!;
      if (j < 0) continue;
      const priority = rand();
      const into = flags[i * size + s] === 1 ? fresh : old;
      heapPush(into, i, j, priority, 0);
      heapPush(into, j, i, priority, 0);
    }
  }
  for (let i = 0; i < n; i++) {
    for (let s = 0; s < size; s++) {
      const e = i * size + s;
      if (flags[e] === 1 && heapHas(fresh, i, indices[e]!)) flags[e] = 0;
    }
  }
}

/**
 * Gives slots the forest left empty (a point in small leaves only) random distinct neighbours, so
 * that every point takes part in the joins. Only reached when leaves are smaller than k + 1.
 */
function fillEmptySlots(graph: NeighbourHeaps, vectors: Vectors, rand: () => number): void {
  const { n, size, indices } = graph;
  for (let i = 0; i < n; i++) {
    // Heaps fill root-last, so an empty slot is always at the root.
    for (let tries = 0; indices[i * size]! < 0 && tries < 4 * size; tries++) {
      const j = Math.floor(rand() * n);
      if (j === i) continue;
      heapPush(graph, i, j, 1 - dotRows(vectors.data, i, j, vectors.dim), 1);
    }
    if (indices[i * size]! < 0) {
      // Tiny n with k close to n − 1: take points in order rather than hoping for a random hit.
      for (let j = 0; j < n && indices[i * size]! < 0; j++)
        if (j !== i) heapPush(graph, i, j, 1 - dotRows(vectors.data, i, j, vectors.dim), 1);
    }
  }
}

/**
 * A function to call between batches: throws once `signal` is aborted, and yields to the event
 * loop every ~25 ms of work so that a worker stays responsive to cancellation and progress.
 */
function pauser(signal: AbortSignal | undefined): () => Promise<void> {
  let last = Date.now();
  return async () => {
    signal?.throwIfAborted();
    if (Date.now() - last < 25) return;
    await yieldToEventLoop();
    signal?.throwIfAborted();
    last = Date.now();
  };
}
