/**
 * Number of components of a truncated SVD of an nRows×nCols matrix: min(nRows − 1, nCols,
 * maxRank) (truncated means fewer components than rows, as scikit-learn's TruncatedSVD), at
 * least 1 so a lone document or a corpus without vocabulary still gets a dimension; 0 if nRows is 0.
 */
export function truncatedRank(nRows: number, nCols: number, maxRank: number): number {
  if (nRows <= 0) return 0;
  return Math.max(1, Math.min(nRows - 1, nCols, maxRank));
}

/** Relative tolerance under which two magnitudes count as tied when choosing a sign. */
const SIGN_TIE_TOLERANCE = 1e-4;

/**
 * Fixes the sign of every component (column) of a row-major n×dim matrix in place: flipped so that
 * its entry of largest magnitude is positive, ties (within 1e-4 relative) going to the first row,
 * as scikit-learn's `svd_flip` does. Singular vectors are defined only up to sign, so without this
 * two runs, or two backends, could disagree.
 */
export function fixComponentSigns(data: Float32Array | Float64Array, n: number, dim: number): void {
  for (let j = 0; j < dim; j++) {
    let largest = 0;
    for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(data[i * dim + j]!));
    if (largest === 0) continue;
    let pivot = 0;
    for (let i = 0; i < n; i++) {
      if (Math.abs(data[i * dim + j]!) >= largest * (1 - SIGN_TIE_TOLERANCE)) {
        pivot = data[i * dim + j]!;
        break;
      }
    }
    // 0 − x rather than −x, so that zero entries stay +0.
    if (pivot < 0) for (let i = 0; i < n; i++) data[i * dim + j] = 0 - data[i * dim + j]!;
  }
}
