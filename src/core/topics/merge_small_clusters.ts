import { sortBySize, type Partition } from './leiden';
import { membersOf } from './cluster_members';
import type { WeightedGraph } from './weighted_graph';

/**
 * Merges every cluster of fewer than minSize nodes (default 3) into the cluster it shares the
 * most edge weight with (ties: the larger), or, when it has no edge out, into the largest other
 * cluster; smallest clusters first, in rounds until none is left or only one cluster remains, so
 * no topic is a fragment or an isolated point. Returns a new partition numbered by size.
 */
export function mergeSmallClusters(
  graph: WeightedGraph,
  partition: Partition,
  minSize = 3,
): Partition {
  const membership = partition.membership.slice();
  const count = partition.count;
  const size = new Int32Array(count);
  for (let v = 0; v < graph.n; v++) size[membership[v]!]!++;
  const connection = new Float64Array(count);
  const touched = new Int32Array(count);
  for (let round = 0; round < 64; round++) {
    const small: number[] = [];
    let largest = -1;
    let nonEmpty = 0;
    for (let c = 0; c < count; c++) {
      if (size[c] === 0) continue;
      nonEmpty++;
      if (size[c]! < minSize) small.push(c);
      if (largest < 0 || size[c]! > size[largest]!) largest = c;
    }
    if (small.length === 0 || nonEmpty <= 1) break;
    small.sort((a, b) => size[a]! - size[b]! || a - b);
    const members = membersOf(membership, count);
    const received = new Uint8Array(count);
    let merged = false;
    for (const c of small) {
      // A cluster that grew this round has members the lists miss: it waits for the next round.
      if (received[c] || size[c] === 0) continue;
      let nTouched = 0;
      for (let q = members.start[c]!; q < members.start[c + 1]!; q++) {
        const v = members.items[q]!;
        for (let p = graph.indptr[v]!; p < graph.indptr[v + 1]!; p++) {
          const d = membership[graph.indices[p]!]!;
          if (d === c) continue;
          if (connection[d] === 0) touched[nTouched++] = d;
          connection[d]! += graph.weights[p]!;
        }
      }
      let target = -1;
      for (let t = 0; t < nTouched; t++) {
        const d = touched[t]!;
        if (
          target < 0 ||
          connection[d]! > connection[target]! ||
          (connection[d] === connection[target] && size[d]! > size[target]!)
        ) {
          target = d;
        }
        connection[d] = 0;
      }
      if (target < 0) target = c === largest ? largestOther(size, c) : largest;
      if (target < 0) continue;
      for (let q = members.start[c]!; q < members.start[c + 1]!; q++) {
        membership[members.items[q]!] = target;
      }
      size[target]! += size[c]!;
      size[c] = 0;
      received[target] = 1;
      if (size[target]! > size[largest]!) largest = target;
      merged = true;
    }
    if (!merged) break;
  }
  return sortBySize(membership);
}

/** The largest non-empty cluster other than c, or −1. */
function largestOther(size: Int32Array, c: number): number {
  let best = -1;
  for (let d = 0; d < size.length; d++) {
    if (d !== c && size[d]! > 0 && (best < 0 || size[d]! > size[best]!)) best = d;
  }
  return best;
}
