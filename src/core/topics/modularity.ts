import { nodeStrengths, type WeightedGraph } from './weighted_graph';

/**
 * The modularity of a partition with resolution γ (Newman & Girvan 2004; Reichardt & Bornholdt
 * 2006): Σ_c [in_c / 2m − γ (K_c / 2m)²], where in_c sums the weights of the edges inside c over
 * both directions and K_c the degrees of its nodes; in [−1/2, 1) for γ = 1, 0 for an empty graph.
 */
export function modularity(graph: WeightedGraph, membership: Int32Array, resolution = 1): number {
  const strength = nodeStrengths(graph);
  let count = 0;
  for (let v = 0; v < graph.n; v++) count = Math.max(count, membership[v]! + 1);
  const inside = new Float64Array(count);
  const degree = new Float64Array(count);
  let twoM = 0;
  for (let v = 0; v < graph.n; v++) {
    const c = membership[v]!;
    degree[c]! += strength[v]!;
    twoM += strength[v]!;
    for (let p = graph.indptr[v]!; p < graph.indptr[v + 1]!; p++) {
      if (membership[graph.indices[p]!] === c) inside[c]! += graph.weights[p]!;
    }
  }
  if (twoM === 0) return 0;
  let q = 0;
  for (let c = 0; c < count; c++) {
    const share = degree[c]! / twoM;
    q += inside[c]! / twoM - resolution * share * share;
  }
  return q;
}
