import type { Vectors } from './vectors';

/** Vectors stored as int8 codes with one scale per row: value ≈ code × scale. */
export interface QuantisedVectors {
  codes: Int8Array;
  /** Per-row scale: the row's largest absolute value / 127. */
  scales: Float32Array;
  n: number;
  dim: number;
}

/**
 * Symmetric int8 quantisation per row (max-abs scaling), a quarter of float32's size. For unit
 * vectors of dimension 256 the cosine between a vector and its decoded self stays above 0.9999.
 */
export function quantiseInt8(v: Vectors): QuantisedVectors {
  const { n, dim, data } = v;
  const codes = new Int8Array(n * dim);
  const scales = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const off = i * dim;
    let max = 0;
    for (let j = 0; j < dim; j++) max = Math.max(max, Math.abs(data[off + j]!));
    // Rounded to float32 before use, so decoding and re-encoding give back the same codes.
    const scale = Math.fround(max / 127);
    scales[i] = scale;
    if (scale === 0) continue;
    const inv = 1 / scale;
    for (let j = 0; j < dim; j++) codes[off + j] = Math.round(data[off + j]! * inv);
  }
  return { codes, scales, n, dim };
}

/** Decodes int8 codes back to float32 rows (not renormalised: decoding is exactly repeatable). */
export function dequantiseInt8(q: QuantisedVectors): Vectors {
  const { n, dim, codes, scales } = q;
  const data = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const scale = scales[i]!;
    const off = i * dim;
    for (let j = 0; j < dim; j++) data[off + j] = codes[off + j]! * scale;
  }
  return { data, n, dim };
}

/**
 * The vectors as they will read back from the cache. The map is always built from these, so a
 * map computed now and one rebuilt from the cache later are identical.
 */
export function asStored(v: Vectors): Vectors {
  return dequantiseInt8(quantiseInt8(v));
}
