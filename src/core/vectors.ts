/** n row-major unit vectors of dimension dim: row i is data[i*dim .. (i+1)*dim). */
export interface Vectors {
  data: Float32Array;
  n: number;
  dim: number;
}

/** Returns row i of the vectors as a view (no copy). */
export function row(v: Vectors, i: number): Float32Array {
  return v.data.subarray(i * v.dim, (i + 1) * v.dim);
}

/** Scales every row to unit length in place; all-zero rows stay zero. */
export function normaliseRows(v: Vectors): Vectors {
  const { data, n, dim } = v;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    const off = i * dim;
    for (let j = 0; j < dim; j++) sum += data[off + j]! * data[off + j]!;
    if (sum > 0) {
      const inv = 1 / Math.sqrt(sum);
      for (let j = 0; j < dim; j++) data[off + j]! *= inv;
    }
  }
  return v;
}
