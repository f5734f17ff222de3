import type { Vectors } from '../vectors';

/** The leaves of one random-projection tree: `order` is a permutation of 0..n−1 and leaf j is
 * order[starts[j] .. ends[j]). */
export interface RpTreeLeaves {
  order: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

/**
 * One angular random-projection tree (PyNNDescent `make_angular_tree`): each node is split by the
 * hyperplane through the origin normal to the difference of two of its points picked at random,
 * until a node holds at most `leafSize` points. Points on the plane, and nodes the plane fails to
 * split (duplicates), are split at random. `pause` runs between nodes (cancellation, yielding).
 */
export async function rpTreeLeaves(
  vectors: Vectors,
  leafSize: number,
  rand: () => number,
  pause: () => Promise<void>,
): Promise<RpTreeLeaves> {
  const { n, dim, data } = vectors;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const scratch = new Int32Array(n);
  const side = new Uint8Array(n);
  const plane = new Float32Array(dim);
  const starts: number[] = [];
  const ends: number[] = [];
  // Explicit stack of [start, end) ranges: depth can reach log2(n/leafSize) and more on skewed data.
  const stack: number[] = [0, n];
  while (stack.length > 0) {
    const end = stack.pop()!;
    const start = stack.pop()!;
    const size = end - start;
    if (size <= Math.max(1, leafSize)) {
      starts.push(start);
      ends.push(end);
      continue;
    }
    const a = order[start + Math.floor(rand() * size)]!;
    let b = order[start + Math.floor(rand() * (size - 1))]!;
    if (b === a) b = order[end - 1]!;
    let norm = 0;
    for (let j = 0; j < dim; j++) {
      const h = data[a * dim + j]! - data[b * dim + j]!;
      plane[j] = h;
      norm += h * h;
    }
    let left = 0;
    if (norm > 0) {
      for (let p = start; p < end; p++) {
        const i = order[p]!;
        let m = 0;
        for (let j = 0; j < dim; j++) m += plane[j]! * data[i * dim + j]!;
        const s = m > 0 ? 1 : m < 0 ? 0 : rand() < 0.5 ? 1 : 0;
        side[p] = s;
        left += s;
      }
    }
    if (left === 0 || left === size) {
      // No usable plane: halve the node as it stands (its order is already random enough).
      left = size >> 1;
      for (let p = start; p < end; p++) side[p] = p - start < left ? 1 : 0;
    }
    let l = start;
    let r = start + left;
    for (let p = start; p < end; p++) {
      if (side[p] === 1) scratch[l++] = order[p]!;
      else scratch[r++] = order[p]!;
    }
    order.set(scratch.subarray(start, end), start);
    stack.push(start, start + left, start + left, end);
    await pause();
  }
  return { order, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}
