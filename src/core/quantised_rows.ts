import { quantiseInt8 } from './quantise';
import type { Vectors } from './vectors';

/** One vector stored as int8 codes (length `dim`) and its scale: value ≈ code × scale. */
export interface QuantisedRow {
  codes: Int8Array;
  scale: number;
  dim: number;
}

/**
 * Quantises each row on its own (exactly as quantiseInt8 does, whose scale is per row), each with
 * its own small buffer so a row can be stored without its neighbours.
 */
export function quantiseRows(v: Vectors): QuantisedRow[] {
  const { codes, scales, n, dim } = quantiseInt8(v);
  return Array.from({ length: n }, (_, i) => ({
    codes: codes.slice(i * dim, (i + 1) * dim),
    scale: scales[i]!,
    dim,
  }));
}

/**
 * Decodes rows into one n×dim matrix in the given order, exactly as dequantiseInt8 decodes them,
 * so vectors assembled from rows equal `asStored` of the same vectors. Throws on a row whose
 * dimension differs from the first (rows of two embedders must never be mixed).
 */
export function assembleRows(rows: readonly QuantisedRow[]): Vectors {
  const n = rows.length;
  const dim = rows[0]?.dim ?? 0;
  const data = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const { codes, scale, dim: rowDim } = rows[i]!;
    if (rowDim !== dim || codes.length !== dim) {
      throw new Error(`Row ${i} has dimension ${rowDim}, expected ${dim}`);
    }
    const off = i * dim;
    for (let j = 0; j < dim; j++) data[off + j] = codes[j]! * scale;
  }
  return { data, n, dim };
}
