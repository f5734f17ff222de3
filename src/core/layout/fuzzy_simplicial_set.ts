import type { KnnGraph } from '../knn_graph';

/** UMAP's graph: symmetric weighted edges in COO form, both directions of every pair present. */
export interface FuzzyGraph {
  heads: Int32Array;
  tails: Int32Array;
  /** Membership strengths in (0, 1]. */
  weights: Float32Array;
  n: number;
}

const SMOOTH_K_TOLERANCE = 1e-5;
const MIN_K_DIST_SCALE = 1e-3;
const BINARY_SEARCH_STEPS = 64;

/**
 * The fuzzy simplicial set of a kNN graph, exactly as UMAP defines it (McInnes et al. 2018,
 * §3; umap-learn `fuzzy_simplicial_set` with local_connectivity 1, bandwidth 1,
 * set_op_mix_ratio 1): per-point ρ and σ by binary search so that Σ exp(−(d − ρ)/σ) = log2 k,
 * then the fuzzy union A + Aᵀ − A∘Aᵀ. `k` counts the point itself, as UMAP's n_neighbors does,
 * so k − 1 neighbours of `graph` are used.
 */
export function fuzzySimplicialSet(graph: KnnGraph, k: number): FuzzyGraph {
  const n = graph.n;
  const m = Math.min(k - 1, graph.k);
  if (n === 0 || m <= 0) return emptyGraph(n);
  const { rhos, sigmas } = smoothKnnDistances(graph, m);
  const strength = directedStrengths(graph, m, rhos, sigmas);

  const heads: number[] = [];
  const tails: number[] = [];
  const weights: number[] = [];
  const weightOf = (i: number, j: number): number => {
    for (let r = 0; r < m; r++)
      if (graph.indices[i * graph.k + r] === j) return strength[i * m + r]!;
    return 0;
  };
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < m; r++) {
      const j = graph.indices[i * graph.k + r]!;
      if (j === i) continue;
      const a = strength[i * m + r]!;
      const b = weightOf(j, i);
      const w = a + b - a * b;
      if (w <= 0) continue;
      heads.push(i);
      tails.push(j);
      weights.push(w);
      // Strengths are never 0, so b = 0 means j does not list i: add the reverse edge here.
      if (b === 0) {
        heads.push(j);
        tails.push(i);
        weights.push(w);
      }
    }
  }
  return {
    heads: Int32Array.from(heads),
    tails: Int32Array.from(tails),
    weights: Float32Array.from(weights),
    n,
  };
}

/** UMAP's smooth_knn_dist: ρ (distance to the nearest neighbour) and σ per point. */
export function smoothKnnDistances(
  graph: KnnGraph,
  m: number,
): { rhos: Float64Array; sigmas: Float64Array } {
  const n = graph.n;
  // UMAP counts the point itself, at distance 0, among its k neighbours.
  const target = Math.log2(m + 1);
  const rhos = new Float64Array(n);
  const sigmas = new Float64Array(n);
  let meanAll = 0;
  for (let i = 0; i < n; i++) meanAll += rowMean(graph, i, m);
  meanAll /= n;

  for (let i = 0; i < n; i++) {
    const off = i * graph.k;
    let rho = 0;
    let nonZeroMax = 0;
    for (let r = 0; r < m; r++) {
      const d = graph.distances[off + r]!;
      if (d > 0) {
        if (rho === 0) rho = d; // the first non-zero distance: local_connectivity = 1
        nonZeroMax = Math.max(nonZeroMax, d);
      }
    }
    rhos[i] = rho || nonZeroMax;
    let lo = 0;
    let hi = Infinity;
    let mid = 1;
    for (let step = 0; step < BINARY_SEARCH_STEPS; step++) {
      let psum = 0;
      for (let r = 0; r < m; r++) {
        const d = graph.distances[off + r]! - rhos[i]!;
        psum += d > 0 ? Math.exp(-(d / mid)) : 1;
      }
      if (Math.abs(psum - target) < SMOOTH_K_TOLERANCE) break;
      if (psum > target) {
        hi = mid;
        mid = (lo + hi) / 2;
      } else {
        lo = mid;
        mid = hi === Infinity ? mid * 2 : (lo + hi) / 2;
      }
    }
    const floor = MIN_K_DIST_SCALE * (rhos[i]! > 0 ? rowMean(graph, i, m) : meanAll);
    sigmas[i] = Math.max(mid, floor);
  }
  return { rhos, sigmas };
}

/** Mean of a point's k distances, counting its own zero distance as UMAP does. */
function rowMean(graph: KnnGraph, i: number, m: number): number {
  let s = 0;
  for (let r = 0; r < m; r++) s += graph.distances[i * graph.k + r]!;
  return s / (m + 1);
}

function directedStrengths(
  graph: KnnGraph,
  m: number,
  rhos: Float64Array,
  sigmas: Float64Array,
): Float64Array {
  const out = new Float64Array(graph.n * m);
  for (let i = 0; i < graph.n; i++) {
    for (let r = 0; r < m; r++) {
      const d = graph.distances[i * graph.k + r]! - rhos[i]!;
      out[i * m + r] = d <= 0 || sigmas[i] === 0 ? 1 : Math.exp(-(d / sigmas[i]!));
    }
  }
  return out;
}

function emptyGraph(n: number): FuzzyGraph {
  return { heads: new Int32Array(0), tails: new Int32Array(0), weights: new Float32Array(0), n };
}
