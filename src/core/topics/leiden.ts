import { DEFAULT_SEED } from '../job';
import { mulberry32 } from '../random';
import {
  aggregateGraph,
  randomPermutation,
  refinePartition,
  renumber,
  type NodeWeightedGraph,
} from './leiden_refine';
import { nodeStrengths, type WeightedGraph } from './weighted_graph';

/** Parameters of leiden(); every field is optional. */
export interface LeidenOptions {
  /** Modularity resolution γ ≥ 0: higher gives more, smaller clusters; default 1. */
  resolution?: number;
  /** Seed of the node orders and refinement choices; default 42. */
  seed?: number;
  /** At most this many Leiden iterations, stopping early once one changes nothing; default 10. */
  maxIterations?: number;
  /** Refinement randomness θ > 0 (the paper's and CWTS's default 0.01). */
  randomness?: number;
  /**
   * Node weights replacing the degrees, e.g. summed degrees of an aggregated graph, so that the
   * quality stays the modularity of the original graph; default: nodeStrengths(graph).
   */
  nodeWeights?: Float64Array;
}

/** A partition: cluster of each node, 0..count−1, numbered by size (largest first, ties by first node). */
export interface Partition {
  membership: Int32Array;
  count: number;
}

/**
 * Clusters a weighted undirected graph with the Leiden algorithm (Traag, Waltman & van Eck 2019,
 * "From Louvain to Leiden: guaranteeing well-connected communities"), following the authors'
 * reference implementation (CWTS networkanalysis `LeidenAlgorithm`): fast local moving with a
 * queue, refinement, aggregation on the refined partition with the unrefined one as the start,
 * repeated until an iteration changes nothing. The quality function is modularity with
 * resolution γ, optimised as CPM with node weights = degrees and resolution γ / 2m (the
 * equivalence the reference implementation uses). Deterministic for a seed.
 */
export function leiden(graph: WeightedGraph, options: LeidenOptions = {}): Partition {
  const n = graph.n;
  const nodeWeights = options.nodeWeights ?? nodeStrengths(graph);
  let total = 0;
  for (let v = 0; v < n; v++) total += nodeWeights[v]!;
  const membership = new Int32Array(n);
  for (let v = 0; v < n; v++) membership[v] = v;
  if (n === 0 || total <= 0) return sortBySize(membership);
  const resolution = (options.resolution ?? 1) / total;
  const randomness = options.randomness ?? 0.01;
  const rand = mulberry32(options.seed ?? DEFAULT_SEED);
  const network = { graph, nodeWeights };
  const maxIterations = options.maxIterations ?? 10;
  for (let it = 0; it < maxIterations; it++) {
    if (!improve(network, membership, resolution, randomness, rand)) break;
  }
  return sortBySize(membership);
}

/** One Leiden iteration on `network` from `membership` (changed in place); whether anything moved. */
function improve(
  network: NodeWeightedGraph,
  membership: Int32Array,
  resolution: number,
  randomness: number,
  rand: () => number,
): boolean {
  let changed = fastLocalMove(network, membership, resolution, rand);
  const count = renumber(membership);
  if (count === network.graph.n) return changed;
  let { refined, count: nRefined } = refinePartition(
    network,
    membership,
    count,
    resolution,
    randomness,
    rand,
  );
  // A refinement that merged nothing would aggregate to the same graph: aggregate the
  // unrefined partition instead (a Louvain step) so the recursion always shrinks the graph.
  if (nRefined === network.graph.n) {
    refined = membership.slice();
    nRefined = count;
  }
  const reduced = aggregateGraph(network, refined, nRefined);
  const reducedMembership = new Int32Array(nRefined);
  for (let v = 0; v < membership.length; v++) reducedMembership[refined[v]!] = membership[v]!;
  changed = improve(reduced, reducedMembership, resolution, randomness, rand) || changed;
  for (let v = 0; v < membership.length; v++) membership[v] = reducedMembership[refined[v]!]!;
  return changed;
}

/**
 * Leiden's fast local moving (Alg. A.2 MoveNodesFast; CWTS `FastLocalMovingAlgorithm`): nodes
 * are visited from a queue in random order, each moves to the neighbouring (or an empty) cluster
 * of largest gain, and a move re-queues the neighbours outside the new cluster. Labels stay in
 * [0, n); returns whether any node moved.
 */
function fastLocalMove(
  { graph, nodeWeights }: NodeWeightedGraph,
  membership: Int32Array,
  resolution: number,
  rand: () => number,
): boolean {
  const { n, indptr, indices, weights } = graph;
  const clusterWeight = new Float64Array(n);
  const clusterSize = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    clusterWeight[membership[v]!]! += nodeWeights[v]!;
    clusterSize[membership[v]!]!++;
  }
  const unused = new Int32Array(n);
  let nUnused = 0;
  for (let c = n - 1; c >= 0; c--) if (clusterSize[c] === 0) unused[nUnused++] = c;

  const queue = randomPermutation(n, rand);
  const stable = new Uint8Array(n);
  const edgeWeightTo = new Float64Array(n);
  const candidates = new Int32Array(n + 1);
  let nUnstable = n;
  let i = 0;
  let changed = false;
  // Every move strictly raises the quality, so the queue empties; the cap guards rounding loops.
  for (let steps = 0; nUnstable > 0 && steps < 1000 * n; steps++) {
    const j = queue[i]!;
    const current = membership[j]!;
    const wj = nodeWeights[j]!;
    clusterWeight[current]! -= wj;
    if (--clusterSize[current]! === 0) unused[nUnused++] = current;

    candidates[0] = unused[nUnused - 1]!;
    let nCandidates = 1;
    for (let p = indptr[j]!; p < indptr[j + 1]!; p++) {
      const l = membership[indices[p]!]!;
      if (edgeWeightTo[l] === 0) candidates[nCandidates++] = l;
      edgeWeightTo[l]! += weights[p]!;
    }
    let best = current;
    let bestGain = edgeWeightTo[current]! - wj * clusterWeight[current]! * resolution;
    for (let k = 0; k < nCandidates; k++) {
      const l = candidates[k]!;
      const gain = edgeWeightTo[l]! - wj * clusterWeight[l]! * resolution;
      if (gain > bestGain) {
        best = l;
        bestGain = gain;
      }
      edgeWeightTo[l] = 0;
    }
    edgeWeightTo[current] = 0;

    clusterWeight[best]! += wj;
    clusterSize[best]!++;
    if (nUnused > 0 && best === unused[nUnused - 1]) nUnused--;
    stable[j] = 1;
    nUnstable--;
    if (best !== current) {
      membership[j] = best;
      changed = true;
      for (let p = indptr[j]!; p < indptr[j + 1]!; p++) {
        const u = indices[p]!;
        if (stable[u] && membership[u] !== best) {
          stable[u] = 0;
          nUnstable++;
          queue[(i + nUnstable) % n] = u;
        }
      }
    }
    i = (i + 1) % n;
  }
  return changed;
}

/** Renumbers a partition by cluster size, largest first, ties by smallest node. */
export function sortBySize(membership: Int32Array): Partition {
  const count = renumber(membership);
  const size = new Int32Array(count);
  for (let v = 0; v < membership.length; v++) size[membership[v]!]!++;
  // renumber() numbered clusters by first node, so a stable sort on size breaks ties by it.
  const order = Array.from({ length: count }, (_, c) => c).sort((a, b) => size[b]! - size[a]!);
  const rank = new Int32Array(count);
  order.forEach((c, r) => (rank[c] = r));
  for (let v = 0; v < membership.length; v++) membership[v] = rank[membership[v]!]!;
  return { membership, count };
}
