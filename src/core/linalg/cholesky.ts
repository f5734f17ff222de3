/**
 * The Cholesky factor L (lower triangular, row-major n×n, A = L·Lᵀ) of a symmetric positive
 * definite matrix, or null when some pivot is at most minPivotRatio (default 0) times its diagonal
 * entry A[j][j], i.e. when column j is numerically dependent on the ones before it (a ratio, so
 * that the test ignores column scaling). Only the lower triangle of A is read.
 */
export function cholesky(a: Float64Array, n: number, minPivotRatio = 0): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= l[j * n + k]! * l[j * n + k]!;
    if (!(d > minPivotRatio * a[j * n + j]!) || !(d > 0)) return null;
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = s / ljj;
    }
  }
  return l;
}

/**
 * The inverse transpose L⁻ᵀ (upper triangular, row-major n×n) of a lower-triangular matrix with a
 * nonzero diagonal, by back substitution: O(n³/3).
 */
export function inverseTransposeLower(l: Float64Array, n: number): Float64Array {
  // Row i of M = L⁻¹ solves L·M = I by forward substitution; the result stores Mᵀ.
  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    inverse[i * n + i] = 1 / l[i * n + i]!;
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= l[i * n + k]! * inverse[k * n + j]!;
      inverse[i * n + j] = s / l[i * n + i]!;
    }
  }
  const result = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) result[j * n + i] = inverse[i * n + j]!;
  }
  return result;
}
