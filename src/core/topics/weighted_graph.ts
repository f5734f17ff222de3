import type { KnnGraph } from '../knn_graph';
import { fuzzySimplicialSet } from '../layout/fuzzy_simplicial_set';

/**
 * A weighted undirected graph in compressed sparse row form: row i lists i's neighbours at
 * indices[indptr[i] .. indptr[i+1]) with weights > 0; both directions of every edge are present,
 * each pair once per direction, and there are no self-loops.
 */
export interface WeightedGraph {
  n: number;
  indptr: Int32Array;
  indices: Int32Array;
  weights: Float64Array;
}

/** Edges in coordinate form, as fuzzySimplicialSet returns them; either direction or both. */
export interface EdgeList {
  n: number;
  heads: Int32Array;
  tails: Int32Array;
  weights: Float32Array;
}

/**
 * The symmetric CSR graph of an edge list: a pair listed in one direction or both gets weight
 * max(w_ij, w_ji) in both; self-loops, non-finite and non-positive weights are dropped. Throws a
 * RangeError for an endpoint outside [0, n). O(n + edges) with one scratch array of n slots.
 */
export function graphFromEdges(edges: EdgeList): WeightedGraph {
  const { n, heads, tails, weights } = edges;
  const m = Math.min(heads.length, tails.length, weights.length);
  const keep = (e: number): boolean => {
    const i = heads[e]!;
    const j = tails[e]!;
    if (i < 0 || i >= n || j < 0 || j >= n) {
      throw new RangeError(`edge ${e} joins ${i} and ${j}, outside 0..${n - 1}`);
    }
    const w = weights[e]!;
    return i !== j && w > 0 && Number.isFinite(w);
  };
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    if (!keep(e)) continue;
    start[heads[e]! + 1]!++;
    start[tails[e]! + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const next = start.slice(0, n);
  const cols = new Int32Array(start[n]!);
  const ws = new Float64Array(start[n]!);
  for (let e = 0; e < m; e++) {
    if (!keep(e)) continue;
    const i = heads[e]!;
    const j = tails[e]!;
    cols[next[i]!] = j;
    ws[next[i]!++] = weights[e]!;
    cols[next[j]!] = i;
    ws[next[j]!++] = weights[e]!;
  }

  // Duplicates within a row are merged through a slot per column, reset after each row.
  const indptr = new Int32Array(n + 1);
  const indices = new Int32Array(cols.length);
  const out = new Float64Array(cols.length);
  const slot = new Int32Array(n).fill(-1);
  let write = 0;
  for (let i = 0; i < n; i++) {
    const rowStart = write;
    for (let p = start[i]!; p < start[i + 1]!; p++) {
      const j = cols[p]!;
      const s = slot[j]!;
      if (s < 0) {
        slot[j] = write;
        indices[write] = j;
        out[write++] = ws[p]!;
      } else if (ws[p]! > out[s]!) {
        out[s] = ws[p]!;
      }
    }
    for (let p = rowStart; p < write; p++) slot[indices[p]!] = -1;
    indptr[i + 1] = write;
  }
  return { n, indptr, indices: indices.slice(0, write), weights: out.slice(0, write) };
}

/**
 * The graph to cluster a kNN graph on: UMAP's fuzzy simplicial set over all k neighbours, the
 * connectivities Scanpy also hands to Leiden (Wolf et al. 2018, `sc.pp.neighbors`).
 */
export function graphFromKnn(knn: KnnGraph): WeightedGraph {
  return graphFromEdges(fuzzySimplicialSet(knn, knn.k + 1));
}

/** Whether a graph argument is a KnnGraph rather than an edge list. */
export function isKnnGraph(graph: KnnGraph | EdgeList): graph is KnnGraph {
  return 'indices' in graph && 'distances' in graph;
}

/** Each node's weighted degree (strength), Σ_j w_ij. */
export function nodeStrengths(graph: WeightedGraph): Float64Array {
  const strength = new Float64Array(graph.n);
  for (let i = 0; i < graph.n; i++) {
    let s = 0;
    for (let p = graph.indptr[i]!; p < graph.indptr[i + 1]!; p++) s += graph.weights[p]!;
    strength[i] = s;
  }
  return strength;
}

/**
 * The subgraph induced by `nodes` (global ids, distinct), renumbered 0..nodes.length−1 in the
 * order given. `local` is a scratch array of graph.n slots, all −1, and is left that way.
 */
export function inducedSubgraph(
  graph: WeightedGraph,
  nodes: Int32Array,
  local: Int32Array,
): WeightedGraph {
  const m = nodes.length;
  for (let a = 0; a < m; a++) local[nodes[a]!] = a;
  const indptr = new Int32Array(m + 1);
  for (let a = 0; a < m; a++) {
    const v = nodes[a]!;
    let count = 0;
    for (let p = graph.indptr[v]!; p < graph.indptr[v + 1]!; p++) {
      if (local[graph.indices[p]!]! >= 0) count++;
    }
    indptr[a + 1] = indptr[a]! + count;
  }
  const indices = new Int32Array(indptr[m]!);
  const weights = new Float64Array(indptr[m]!);
  for (let a = 0; a < m; a++) {
    const v = nodes[a]!;
    let q = indptr[a]!;
    for (let p = graph.indptr[v]!; p < graph.indptr[v + 1]!; p++) {
      const b = local[graph.indices[p]!]!;
      if (b < 0) continue;
      indices[q] = b;
      weights[q++] = graph.weights[p]!;
    }
  }
  for (let a = 0; a < m; a++) local[nodes[a]!] = -1;
  return { n: m, indptr, indices, weights };
}
