import { count } from './map_bundle';

/**
 * Checks on the values of typed sections, shared by the writer (never write what cannot be read)
 * and the reader (never trust a file). Each returns null, or why the section is wrong.
 */

/** Every entry is a whole number in [0, limit): neighbour indices, cluster ids. */
export function outOfRange(values: Int32Array, limit: number, what: string): string | null {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < 0 || v >= limit) {
      return `entry ${count(i)} is ${count(v)}, expected ${what} in [0, ${count(limit)})`;
    }
  }
  return null;
}

/** Every entry is finite: coordinates, distances. */
export function notFinite(values: Float32Array): string | null {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]!)) {
      return `entry ${count(i)} is ${values[i]}, expected a finite number`;
    }
  }
  return null;
}

/** Every entry is finite and ≥ 0: int8 scales. */
export function notFiniteOrNegative(values: Float32Array): string | null {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v) || v < 0) {
      return `entry ${count(i)} is ${v}, expected a finite number ≥ 0`;
    }
  }
  return null;
}
