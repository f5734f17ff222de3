/** One padded batch of token-id rows, ready for the encoder. */
export interface TokenBatch {
  /** Index in the input of each row, so results go back to their original order. */
  rows: number[];
  /** Longest row of the batch: the padded width, in tokens. */
  length: number;
  /** rows.length × length ids, row-major, padded on the right with padId. */
  ids: Int32Array;
  /** rows.length × length: 1 for a real token, 0 for padding. */
  mask: Int32Array;
}

/**
 * Groups token-id rows into batches of at most batchSize rows, shortest rows first so each batch
 * is padded only to its own longest row (ties keep input order, so batching is deterministic).
 */
export function tokenBatches(
  sequences: readonly Int32Array[],
  batchSize: number,
  padId: number,
): TokenBatch[] {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`tokenBatches: batchSize must be a positive integer, got ${batchSize}`);
  }
  const order = sequences.map((_, i) => i);
  order.sort((a, b) => sequences[a]!.length - sequences[b]!.length || a - b);
  const batches: TokenBatch[] = [];
  for (let start = 0; start < order.length; start += batchSize) {
    const rows = order.slice(start, start + batchSize);
    const length = Math.max(...rows.map((r) => sequences[r]!.length));
    const ids = new Int32Array(rows.length * length).fill(padId);
    const mask = new Int32Array(rows.length * length);
    rows.forEach((r, i) => {
      const sequence = sequences[r]!;
      ids.set(sequence, i * length);
      mask.fill(1, i * length, i * length + sequence.length);
    });
    batches.push({ rows, length, ids, mask });
  }
  return batches;
}
