import { cholesky, inverseTransposeLower } from './cholesky';
import { jacobiEigen } from './jacobi_eigen';

/** A matrix W (row-major l×rank) with Wᵀ·G·W = I for a Gram matrix G = YᵀY, so Y·W is orthonormal. */
export interface Whitening {
  matrix: Float64Array;
  rank: number;
  method: 'cholesky' | 'eigen';
}

/** Options of whitenGram. */
export interface WhiteningOptions {
  /**
   * Cholesky is used while every pivot is at least this fraction of its diagonal entry; default
   * 1e-3, where one Cholesky-QR pass in float32 still keeps orthogonality near 1e-4.
   */
  choleskyMinPivot?: number;
  /** Eigen-directions with λ ≤ dropTolerance·λmax are dropped as rank deficiency; default 1e-6. */
  dropTolerance?: number;
}

/**
 * Whitens a Gram matrix G = YᵀY (row-major l×l, from float32 products): Cholesky-QR's W = L⁻ᵀ when
 * G is well conditioned (cheap, O(l³/3)); otherwise the eigen-decomposition G = V·Λ·Vᵀ by Jacobi,
 * W = V_r·Λ_r^(-1/2) over the r eigenvalues above the drop tolerance, which reveals and removes
 * rank deficiency. Cholesky-QR and its repetition CholeskyQR2: Fukaya, Nakatsukasa, Yanagisawa &
 * Yamamoto (2014), "CholeskyQR2: a simple and communication-avoiding algorithm".
 */
export function whitenGram(
  gram: Float64Array,
  l: number,
  options: WhiteningOptions = {},
): Whitening {
  const minPivot = options.choleskyMinPivot ?? 1e-3;
  const dropTolerance = options.dropTolerance ?? 1e-6;
  let largestDiagonal = 0;
  for (let i = 0; i < l; i++) largestDiagonal = Math.max(largestDiagonal, gram[i * l + i]!);
  if (!(largestDiagonal > 0)) return { matrix: new Float64Array(0), rank: 0, method: 'eigen' };

  const factor = cholesky(gram, l, minPivot);
  if (factor !== null) {
    return { matrix: inverseTransposeLower(factor, l), rank: l, method: 'cholesky' };
  }
  // Float32 products carry about 7 digits; converging further than 1e-10 buys nothing.
  const { values, vectors } = jacobiEigen(gram, l, { tolerance: 1e-10 });
  let rank = 0;
  while (rank < l && values[rank]! > dropTolerance * values[0]!) rank++;
  const matrix = new Float64Array(l * rank);
  for (let j = 0; j < rank; j++) {
    const scale = 1 / Math.sqrt(values[j]!);
    for (let i = 0; i < l; i++) matrix[i * rank + j] = vectors[i * l + j]! * scale;
  }
  return { matrix, rank, method: 'eigen' };
}
