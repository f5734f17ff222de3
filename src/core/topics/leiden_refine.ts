import { GrowableArray } from '../linalg/growable_array';
import { membersOf } from './cluster_members';
import type { WeightedGraph } from './weighted_graph';

/** A graph with a weight per node: the node's degree in the original graph, summed when aggregated. */
export interface NodeWeightedGraph {
  graph: WeightedGraph;
  nodeWeights: Float64Array;
}

/** A uniformly random permutation of 0..n−1 (Fisher–Yates) drawn from rand. */
export function randomPermutation(n: number, rand: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/** Renumbers cluster labels (any values in [0, n)) to 0..count−1 by first appearance; returns count. */
export function renumber(membership: Int32Array): number {
  const map = new Int32Array(membership.length).fill(-1);
  let count = 0;
  for (let v = 0; v < membership.length; v++) {
    const c = membership[v]!;
    if (map[c]! < 0) map[c] = count++;
    membership[v] = map[c]!;
  }
  return count;
}

/**
 * Leiden's refinement phase (Traag, Waltman & van Eck 2019, Alg. A.2 RefinePartition and
 * MergeNodesSubset), ported from the authors' CWTS networkanalysis `LocalMergingAlgorithm`: inside
 * each cluster of `membership`, starting from singletons, every still-singleton node that is well
 * connected to its cluster joins a well-connected refined cluster chosen at random with
 * probability ∝ exp(gain / randomness) among non-negative gains. Quality is CPM with node weights
 * at `resolution` (modularity when node weights are degrees and resolution is γ / 2m). Returns
 * the refined labels, renumbered 0..count−1; every refined cluster lies inside one cluster.
 */
export function refinePartition(
  { graph, nodeWeights }: NodeWeightedGraph,
  membership: Int32Array,
  nClusters: number,
  resolution: number,
  randomness: number,
  rand: () => number,
): { refined: Int32Array; count: number } {
  const { n, indptr, indices, weights } = graph;
  const refined = new Int32Array(n);
  for (let v = 0; v < n; v++) refined[v] = v;
  const clusterTotal = new Float64Array(nClusters);
  for (let v = 0; v < n; v++) clusterTotal[membership[v]!]! += nodeWeights[v]!;
  const refinedWeight = Float64Array.from(nodeWeights);
  // Weight of the edges from a refined cluster to the rest of its cluster.
  const external = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    for (let p = indptr[v]!; p < indptr[v + 1]!; p++) {
      if (membership[indices[p]!] === membership[v]) external[v]! += weights[p]!;
    }
  }
  const singleton = new Uint8Array(n).fill(1);
  const edgeWeightTo = new Float64Array(n);
  const candidates = new Int32Array(n);
  const cumulative = new Float64Array(n);
  // Clusters never interact here, so one global random order equals one order per cluster.
  const order = randomPermutation(n, rand);
  for (let o = 0; o < n; o++) {
    const j = order[o]!;
    const c = membership[j]!;
    const total = clusterTotal[c]!;
    if (!singleton[j]) continue;
    if (external[j]! < refinedWeight[j]! * (total - refinedWeight[j]!) * resolution) continue;
    refinedWeight[j] = 0;
    external[j] = 0;
    candidates[0] = j;
    let nCandidates = 1;
    for (let p = indptr[j]!; p < indptr[j + 1]!; p++) {
      const u = indices[p]!;
      if (membership[u] !== c) continue;
      const l = refined[u]!;
      if (edgeWeightTo[l] === 0) candidates[nCandidates++] = l;
      edgeWeightTo[l]! += weights[p]!;
    }
    let best = j;
    let bestGain = 0;
    let sum = 0;
    for (let k = 0; k < nCandidates; k++) {
      const l = candidates[k]!;
      const w = refinedWeight[l]!;
      if (external[l]! >= w * (total - w) * resolution) {
        const gain = edgeWeightTo[l]! - nodeWeights[j]! * w * resolution;
        if (gain > bestGain) {
          best = l;
          bestGain = gain;
        }
        if (gain >= 0) sum += Math.exp(gain / randomness);
      }
      cumulative[k] = sum;
      edgeWeightTo[l] = 0;
    }
    let chosen = best;
    if (sum < Infinity) {
      // The first candidate whose cumulative weight reaches r (binary search).
      const r = sum * rand();
      let lo = -1;
      let hi = nCandidates - 1;
      while (lo < hi - 1) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! >= r) hi = mid;
        else lo = mid;
      }
      chosen = candidates[hi]!;
    }
    refinedWeight[chosen]! += nodeWeights[j]!;
    for (let p = indptr[j]!; p < indptr[j + 1]!; p++) {
      const u = indices[p]!;
      if (membership[u] !== c) continue;
      if (refined[u] === chosen) external[chosen]! -= weights[p]!;
      else external[chosen]! += weights[p]!;
    }
    if (chosen !== j) {
      refined[j] = chosen;
      singleton[chosen] = 0;
    }
  }
  const count = renumber(refined);
  return { refined, count };
}

/**
 * The aggregate graph of a partition (labels 0..count−1): one node per cluster weighing the sum
 * of its nodes' weights, edge weights summed between clusters, internal edges dropped (a
 * self-loop never changes a move's gain, since node weights carry the degrees).
 */
export function aggregateGraph(
  { graph, nodeWeights }: NodeWeightedGraph,
  membership: Int32Array,
  count: number,
): NodeWeightedGraph {
  const { indptr, indices, weights } = graph;
  const { start, items: members } = membersOf(membership, count);

  const aggregatedWeights = new Float64Array(count);
  const outIndptr = new Int32Array(count + 1);
  const outIndices = new GrowableArray((length) => new Int32Array(length));
  const outWeights = new GrowableArray((length) => new Float64Array(length));
  const sum = new Float64Array(count);
  const touched = new Int32Array(count);
  for (let c = 0; c < count; c++) {
    let nTouched = 0;
    for (let q = start[c]!; q < start[c + 1]!; q++) {
      const v = members[q]!;
      aggregatedWeights[c]! += nodeWeights[v]!;
      for (let p = indptr[v]!; p < indptr[v + 1]!; p++) {
        const d = membership[indices[p]!]!;
        if (d === c) continue;
        if (sum[d] === 0) touched[nTouched++] = d;
        sum[d]! += weights[p]!;
      }
    }
    for (let t = 0; t < nTouched; t++) {
      const d = touched[t]!;
      outIndices.push(d);
      outWeights.push(sum[d]!);
      sum[d] = 0;
    }
    outIndptr[c + 1] = outIndices.length;
  }
  return {
    graph: {
      n: count,
      indptr: outIndptr,
      indices: outIndices.toArray(),
      weights: outWeights.toArray(),
    },
    nodeWeights: aggregatedWeights,
  };
}
