import { DEFAULT_SEED, type JobOptions } from '../job';
import { createJobPacer } from '../linalg/job_pacer';
import { membersOf } from './cluster_members';
import { leiden, type Partition } from './leiden';
import { aggregateGraph } from './leiden_refine';
import { mergeSmallClusters } from './merge_small_clusters';
import { inducedSubgraph, nodeStrengths, type WeightedGraph } from './weighted_graph';

/** One level of a cluster hierarchy: each node's cluster, and each cluster's parent one level up. */
export interface ClusterLevel {
  /** Node → cluster, 0..count−1; clusters are ordered by parent, then size (largest first). */
  assignment: Int32Array;
  count: number;
  /** Cluster → its parent's index at the level above, −1 at level 0. */
  parent: Int32Array;
}

/** Parameters of clusterHierarchy(); every field is optional. */
export interface ClusterHierarchyOptions extends JobOptions {
  /** Modularity resolution γ of every Leiden run that is not a region search; default 1. */
  resolution?: number;
  /** Clusters of fewer nodes are merged into a neighbour; default 3. */
  minTopicSize?: number;
  /** Clusters of more nodes are subdivided at the next level; default 50. */
  maxTopicSize?: number;
  /** At most this many levels; default 5. */
  maxLevels?: number;
  /** How many clusters level 0 aims at; default regionTarget(n), 4 to 12. */
  regions?: number;
}

/** The number of broad regions level 0 aims at: round(2 log10 n), clamped to 4..12. */
export function regionTarget(n: number): number {
  return Math.min(12, Math.max(4, Math.round(2 * Math.log10(Math.max(1, n)))));
}

/**
 * A nested hierarchy of Leiden clusterings. Leiden at γ = resolution on the whole graph gives
 * the base clusters (fragments under minTopicSize merged into a neighbour); when there are more
 * of them than the region target, level 0 is a Leiden clustering of their aggregate graph, with γ
 * found by bisection in log space so the count comes closest to the target (aggregating keeps
 * the quality the modularity of the full graph), and the base clusters become level 1. Every
 * further level runs Leiden on the induced subgraph of each cluster larger than maxTopicSize,
 * so children nest in their parent by construction; smaller clusters carry over as one child.
 * Stops at maxLevels or when no cluster splits. Deterministic for options.seed.
 */
export async function clusterHierarchy(
  graph: WeightedGraph,
  options: ClusterHierarchyOptions = {},
): Promise<ClusterLevel[]> {
  const n = graph.n;
  const seed = options.seed ?? DEFAULT_SEED;
  const resolution = options.resolution ?? 1;
  const minSize = options.minTopicSize ?? 3;
  const maxLevels = Math.max(1, options.maxLevels ?? 5);
  const pace = createJobPacer('topics', options);
  await pace(0);
  if (n === 0) return [];

  const base = mergeSmallClusters(graph, leiden(graph, { resolution, seed }), minSize);
  await pace(0.3);
  const target = options.regions ?? regionTarget(n);
  const partitions: Partition[] = [];
  if (base.count > target) {
    const strengths = nodeStrengths(graph);
    const reduced = aggregateGraph({ graph, nodeWeights: strengths }, base.membership, base.count);
    const regionOfBase = searchResolution(
      reduced.graph,
      reduced.nodeWeights,
      target,
      resolution,
      seed,
    );
    const membership = new Int32Array(n);
    for (let v = 0; v < n; v++) membership[v] = regionOfBase.membership[base.membership[v]!]!;
    // A few points cut off from the rest of the graph would otherwise be a whole region.
    const minRegion = Math.max(minSize, Math.ceil(n / (20 * target)));
    const regions = mergeSmallClusters(graph, { membership, count: regionOfBase.count }, minRegion);
    partitions.push(regions);
    if (base.count > regions.count) partitions.push(base);
  } else {
    partitions.push(base);
  }
  const levels: ClusterLevel[] = [];
  for (const p of partitions.slice(0, maxLevels)) levels.push(nestLevel(p, levels.at(-1)));
  await pace(0.4);

  const local = new Int32Array(n).fill(-1);
  while (levels.length < maxLevels) {
    const above = levels.at(-1)!;
    const members = membersOf(above.assignment, above.count);
    const assignment = new Int32Array(n);
    let count = 0;
    let split = false;
    for (let c = 0; c < above.count; c++) {
      const nodes = members.items.subarray(members.start[c], members.start[c + 1]);
      let part: Partition = { membership: new Int32Array(nodes.length), count: 1 };
      if (nodes.length > (options.maxTopicSize ?? 50)) {
        const sub = inducedSubgraph(graph, nodes, local);
        const subSeed = mixSeed(seed, levels.length, c);
        part = mergeSmallClusters(sub, leiden(sub, { resolution, seed: subSeed }), minSize);
      }
      if (part.count > 1) split = true;
      for (let a = 0; a < nodes.length; a++) assignment[nodes[a]!] = count + part.membership[a]!;
      count += part.count;
      await pace(0.4 + (0.6 * (levels.length + c / above.count)) / maxLevels);
    }
    if (!split) break;
    levels.push(nestLevel({ membership: assignment, count }, above));
  }
  options.onProgress?.(1, 'topics');
  return levels;
}

/**
 * Leiden on an aggregate graph at the resolution in [1e-4 γ, γ] whose cluster count comes
 * closest to target: 16 bisection steps on log γ, since the count grows with γ.
 */
function searchResolution(
  graph: WeightedGraph,
  nodeWeights: Float64Array,
  target: number,
  resolution: number,
  seed: number,
): Partition {
  let lo = Math.log(resolution * 1e-4);
  let hi = Math.log(resolution);
  let best: Partition | null = null;
  for (let step = 0; step < 16; step++) {
    const gamma = Math.exp((lo + hi) / 2);
    const p = leiden(graph, { resolution: gamma, nodeWeights, seed });
    if (best === null || Math.abs(p.count - target) < Math.abs(best.count - target)) best = p;
    if (p.count === target) break;
    if (p.count > target) hi = (lo + hi) / 2;
    else lo = (lo + hi) / 2;
  }
  return best!;
}

/**
 * A partition as a level under `above`: each cluster's parent is its first node's cluster
 * above, and clusters are renumbered by (parent, size descending, first node).
 */
function nestLevel(p: Partition, above: ClusterLevel | undefined): ClusterLevel {
  const { membership, count } = p;
  const size = new Int32Array(count);
  const first = new Int32Array(count).fill(-1);
  for (let v = 0; v < membership.length; v++) {
    const c = membership[v]!;
    size[c]!++;
    if (first[c]! < 0) first[c] = v;
  }
  const parentOf = (c: number): number => (above ? above.assignment[first[c]!]! : -1);
  const order = Array.from({ length: count }, (_, c) => c).sort(
    (a, b) => parentOf(a) - parentOf(b) || size[b]! - size[a]! || first[a]! - first[b]!,
  );
  const rank = new Int32Array(count);
  const parent = new Int32Array(count);
  order.forEach((c, r) => {
    rank[c] = r;
    parent[r] = parentOf(c);
  });
  const assignment = new Int32Array(membership.length);
  for (let v = 0; v < membership.length; v++) assignment[v] = rank[membership[v]!]!;
  return { assignment, count, parent };
}

/** A 32-bit seed derived from a seed and two indices (a murmur3-style mix), so runs stay independent. */
function mixSeed(seed: number, a: number, b: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(a + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13), 0x27d4eb2f) ^ Math.imul(b + 1, 0x165667b1);
  return (h ^ (h >>> 16)) >>> 0;
}
