/** Items grouped by cluster: cluster c's items are items[start[c] .. start[c+1]), ascending. */
export interface ClusterMembers {
  start: Int32Array;
  items: Int32Array;
}

/** Groups items 0..n−1 by their cluster label in [0, count) with a counting sort, O(n + count). */
export function membersOf(membership: Int32Array, count: number): ClusterMembers {
  const start = new Int32Array(count + 1);
  for (let v = 0; v < membership.length; v++) start[membership[v]! + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  const next = start.slice(0, count);
  const items = new Int32Array(membership.length);
  for (let v = 0; v < membership.length; v++) items[next[membership[v]!]!++] = v;
  return { start, items };
}
