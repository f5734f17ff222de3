import { jacobiEigen } from './linalg/jacobi_eigen';
import type { Vectors } from './vectors';

/**
 * An orthonormal projection from an embedder's space (fullDim) onto the dim directions that hold
 * most of a corpus's vectors: row r of `rows` (dim × fullDim, row-major) is the r-th axis.
 * A map bundle stores vectors of more than 256 dimensions projected so (MiniLM's 384 → 256); a
 * query embedded in the full space is projected the same way, and since the corpus vectors lie
 * (nearly) in the span, q·x ≈ (Pq)·(Px): the ranking by cosine is (nearly) the full one. This is
 * PCA without centring (FAISS's PCAMatrix centres; cosines between unit vectors are better kept
 * without), i.e. the top right singular vectors of the data: by Eckart–Young the best rank-dim
 * fit of the inner products.
 */
export interface VectorBasis {
  rows: Float32Array;
  /** The reduced dimension, 1 ≤ dim ≤ fullDim. */
  dim: number;
  /** The embedder's dimension. */
  fullDim: number;
}

/** Rows sampled for the second-moment matrix: enough for 384 dimensions, ~1 s at 100k. */
const MAX_SAMPLE_ROWS = 20_000;

/**
 * The dim principal axes (uncentred) of the vectors, from the second-moment matrix XᵀX of up to
 * 20,000 evenly spaced rows, by Jacobi (src/core/linalg/jacobi_eigen.ts). Deterministic: each
 * axis's sign is fixed so that its largest component is positive.
 */
export function principalBasis(v: Vectors, dim: number): VectorBasis {
  const { n, dim: full, data } = v;
  if (!Number.isInteger(dim) || dim < 1 || dim > full) {
    throw new Error(`principalBasis: dim = ${dim} should be a whole number in [1, ${full}]`);
  }
  const step = Math.max(1, n / MAX_SAMPLE_ROWS);
  const gram = new Float64Array(full * full);
  const row = new Float64Array(full);
  for (let s = 0; s < Math.min(n, MAX_SAMPLE_ROWS); s++) {
    const off = Math.floor(s * step) * full;
    for (let j = 0; j < full; j++) row[j] = data[off + j]!;
    // Upper triangle only; mirrored below.
    for (let a = 0; a < full; a++) {
      const x = row[a]!;
      if (x === 0) continue;
      const base = a * full;
      for (let b = a; b < full; b++) gram[base + b]! += x * row[b]!;
    }
  }
  for (let a = 0; a < full; a++) {
    for (let b = 0; b < a; b++) gram[a * full + b] = gram[b * full + a]!;
  }
  const { vectors } = jacobiEigen(gram, full, { tolerance: 1e-10 });
  const rows = new Float32Array(dim * full);
  for (let r = 0; r < dim; r++) {
    let largest = 0;
    for (let j = 0; j < full; j++) {
      const x = vectors[j * full + r]!;
      if (Math.abs(x) > Math.abs(largest)) largest = x;
    }
    const sign = largest < 0 ? -1 : 1;
    for (let j = 0; j < full; j++) rows[r * full + j] = sign * vectors[j * full + r]!;
  }
  return { rows, dim, fullDim: full };
}

/** Every row of v projected on the basis: n × basis.dim, not renormalised (norms ≤ 1). */
export function projectVectors(v: Vectors, basis: VectorBasis): Vectors {
  const { n, data } = v;
  const { rows, dim, fullDim } = basis;
  if (v.dim !== fullDim) {
    throw new Error(`projectVectors: the vectors have ${v.dim} dimensions, the basis ${fullDim}`);
  }
  const out = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const x = data.subarray(i * fullDim, (i + 1) * fullDim);
    for (let r = 0; r < dim; r++) {
      const axis = r * fullDim;
      let s = 0;
      for (let j = 0; j < fullDim; j++) s += rows[axis + j]! * x[j]!;
      out[i * dim + r] = s;
    }
  }
  return { data: out, n, dim };
}

/** One query (fullDim floats) projected on the basis. */
export function projectQuery(query: Float32Array, basis: VectorBasis): Float32Array {
  return projectVectors({ data: query, n: 1, dim: query.length }, basis).data;
}

/**
 * Why `rows` is not an orthonormal dim × fullDim basis, or null: every entry finite, every row of
 * unit length and every two rows orthogonal, within `tolerance` (default 1e-3: float32 rows).
 */
export function basisProblem(rows: Float32Array, dim: number, fullDim: number, tolerance = 1e-3) {
  if (rows.length !== dim * fullDim) return `it has ${rows.length} entries, expected dim×fullDim`;
  for (let i = 0; i < rows.length; i++) {
    if (!Number.isFinite(rows[i]!)) return `entry ${i} is ${rows[i]}, expected a finite number`;
  }
  for (let a = 0; a < dim; a++) {
    for (let b = a; b < dim; b++) {
      let s = 0;
      for (let j = 0; j < fullDim; j++) s += rows[a * fullDim + j]! * rows[b * fullDim + j]!;
      if (Math.abs(s - (a === b ? 1 : 0)) > tolerance) {
        return a === b
          ? `axis ${a} has length² ${s.toFixed(4)}, expected 1 (the axes should be orthonormal)`
          : `axes ${a} and ${b} have dot product ${s.toFixed(4)}, expected 0 (orthonormal)`;
      }
    }
  }
  return null;
}
