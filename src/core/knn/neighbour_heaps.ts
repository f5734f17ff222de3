/**
 * n bounded max-heaps of (index, key, flag) in flat typed arrays, one heap per row: the root holds
 * the largest key kept, so a candidate is admitted only when it beats the root. NN-descent keeps
 * each point's current neighbours in one set of these (key = distance, flag = "new") and its
 * sampled join candidates in another (key = a random priority), as PyNNDescent's heaps do.
 */
export interface NeighbourHeaps {
  /** Heaps (rows). */
  n: number;
  /** Entries per heap. */
  size: number;
  /** n×size indices; −1 marks an empty slot. */
  indices: Int32Array;
  /** n×size keys; +Infinity in an empty slot. */
  keys: Float32Array;
  /** n×size flags; NN-descent's "new" mark (1 = not yet joined). */
  flags: Uint8Array;
}

/** Allocates n empty heaps of `size` entries each. */
export function createHeaps(n: number, size: number): NeighbourHeaps {
  return {
    n,
    size,
    indices: new Int32Array(n * size).fill(-1),
    keys: new Float32Array(n * size).fill(Infinity),
    flags: new Uint8Array(n * size),
  };
}

/** Empties every heap (for reuse between iterations without reallocating). */
export function clearHeaps(heaps: NeighbourHeaps): void {
  heaps.indices.fill(-1);
  heaps.keys.fill(Infinity);
  heaps.flags.fill(0);
}

/** Whether heap `row` holds `index`. */
export function heapHas(heaps: NeighbourHeaps, row: number, index: number): boolean {
  const { indices, size } = heaps;
  const base = row * size;
  for (let s = 0; s < size; s++) if (indices[base + s] === index) return true;
  return false;
}

/**
 * Offers (index, key, flag) to heap `row`: it replaces the root when key is smaller than the
 * root's and index is not already there. Returns whether it was admitted.
 */
export function heapPush(
  heaps: NeighbourHeaps,
  row: number,
  index: number,
  key: number,
  flag: number,
): boolean {
  const { indices, keys, flags, size } = heaps;
  const base = row * size;
  if (!(key < keys[base]!)) return false;
  for (let s = 0; s < size; s++) if (indices[base + s] === index) return false;
  // Sift the new entry down from the root.
  let pos = 0;
  for (;;) {
    const left = 2 * pos + 1;
    if (left >= size) break;
    const right = left + 1;
    const child = right < size && keys[base + right]! > keys[base + left]! ? right : left;
    if (keys[base + child]! <= key) break;
    keys[base + pos] = keys[base + child]!;
    indices[base + pos] = indices[base + child]!;
    flags[base + pos] = flags[base + child]!;
    pos = child;
  }
  keys[base + pos] = key;
  indices[base + pos] = index;
  flags[base + pos] = flag;
  return true;
}

/**
 * Sorts every heap row in place by ascending key, ties by ascending index (so the order does not
 * depend on insertion history); empty slots go last. Rows are short (k), so insertion sort.
 */
export function sortHeapRows(heaps: NeighbourHeaps): void {
  const { indices, keys, flags, size, n } = heaps;
  for (let row = 0; row < n; row++) {
    const base = row * size;
    for (let s = 1; s < size; s++) {
      const key = keys[base + s]!;
      const index = indices[base + s]!;
      const flag = flags[base + s]!;
      let p = s;
      while (p > 0) {
        const pk = keys[base + p - 1]!;
        const pi = indices[base + p - 1]!;
        // Unsigned index comparison puts −1 (empty, key +Infinity) after every real index.
        if (pk < key || (pk === key && pi >>> 0 <= index >>> 0)) break;
        keys[base + p] = pk;
        indices[base + p] = pi;
        flags[base + p] = flags[base + p - 1]!;
        p--;
      }
      keys[base + p] = key;
      indices[base + p] = index;
      flags[base + p] = flag;
    }
  }
}
