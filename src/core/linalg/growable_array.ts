type NumericArray = Int32Array | Float32Array | Float64Array;

/**
 * An append-only typed array that doubles its buffer when full (initial capacity 1024), so
 * builders that do not know their final size (CSR rows, token streams) avoid `number[]`.
 */
export class GrowableArray<T extends NumericArray> {
  private buffer: T;
  /** Number of values pushed so far. */
  length = 0;

  constructor(
    private readonly allocate: (length: number) => T,
    capacity = 1024,
  ) {
    this.buffer = allocate(Math.max(1, capacity));
  }

  /** Appends one value (converted to the array's element type). */
  push(value: number): void {
    if (this.length === this.buffer.length) {
      const next = this.allocate(this.buffer.length * 2);
      next.set(this.buffer);
      this.buffer = next;
    }
    this.buffer[this.length++] = value;
  }

  /** The value at index i, 0 ≤ i < length. */
  at(i: number): number {
    return this.buffer[i]!;
  }

  /** A view of the pushed values (no copy); invalidated by the next push. */
  view(): T {
    return this.buffer.subarray(0, this.length) as T;
  }

  /** A trimmed copy of the pushed values. */
  toArray(): T {
    return this.buffer.slice(0, this.length) as T;
  }
}
