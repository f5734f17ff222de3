import * as tf from '@tensorflow/tfjs-core';
import { DEFAULT_SEED, type JobOptions } from '../core/job';
import { transposeCsr, type CsrMatrix } from '../core/linalg/csr';
import { jacobiEigen } from '../core/linalg/jacobi_eigen';
import { createJobPacer } from '../core/linalg/job_pacer';
import { gaussian, mulberry32 } from '../core/random';
import { orthonormalise } from './orthonormalise';
import { TiledSparseMatrix, type SparseKernel } from './sparse_matmul';

/** Parameters of randomizedSvd. */
export interface RandomizedSvdOptions extends Pick<JobOptions, 'onProgress' | 'signal'> {
  /** Components wanted, 1 ≤ rank ≤ min(nRows, nCols). */
  rank: number;
  /** Extra sketch columns beyond rank; default 10. */
  oversampling?: number;
  /** Power (subspace) iterations; default 2. */
  powerIterations?: number;
  /** Seed of the Gaussian test matrix; default DEFAULT_SEED (42). */
  seed?: number;
  /** Float budget of one sparse-product tile; default DEFAULT_TILE_BUDGET. */
  tileBudget?: number;
  /** Sparse product kernel; default 'auto' (see SparseKernel). */
  kernel?: SparseKernel;
}

/** The top singular triplets of X as the document coordinates U_k·S_k (= X·V_k). */
export interface TruncatedSvd {
  /** Row-major nRows × rank: U_k·S_k, components by descending singular value, signs not fixed. */
  embedding: Float32Array;
  /** The rank singular values, descending (zeros past the numerical rank). */
  singularValues: Float64Array;
}

/**
 * Truncated SVD of a sparse matrix on the current tfjs backend by the randomised range finder
 * with subspace iteration (Halko, Martinsson & Tropp 2011, "Finding structure with randomness",
 * Algorithms 4.3/4.4 and 5.1): Q = orth((X·Xᵀ)^q·X·Ω) with a seeded Gaussian Ω (nCols × l,
 * l = rank + oversampling, capped at nRows and nCols), re-orthonormalised after every iteration
 * (orthonormalise; twice, CholeskyQR2, the last time). Then B = Qᵀ·X, whose SVD comes from the
 * eigen-decomposition (CPU Jacobi) of the small l × l matrix B·Bᵀ = Zᵀ·Z with Z = Xᵀ·Q, and the
 * embedding is Q·U_B·S. When l reaches nRows, Q = I: the range is all of R^nRows and the result
 * is exact; when l reaches nCols, Ω = I, also exact. Sparse products run through
 * TiledSparseMatrix, dense ones as tfjs matMuls. Progress is reported as stage "svd".
 */
export async function randomizedSvd(
  x: CsrMatrix,
  options: RandomizedSvdOptions,
): Promise<TruncatedSvd> {
  const { nRows: n, nCols: vocabulary } = x;
  const rank = options.rank;
  const embedding = new Float32Array(n * rank);
  const singularValues = new Float64Array(rank);
  options.signal?.throwIfAborted();
  if (n === 0 || vocabulary === 0 || rank === 0 || x.indptr[n] === 0) {
    return { embedding, singularValues };
  }
  const l = Math.min(rank + (options.oversampling ?? 10), n, vocabulary);
  const fullRange = l >= n;
  const fullSketch = !fullRange && l >= vocabulary;
  const iterations = fullRange || fullSketch ? 0 : (options.powerIterations ?? 2);
  const products = (fullRange ? 0 : 1 + 2 * iterations) + (n < vocabulary ? 2 : 1);
  const pace = createJobPacer('svd', options);
  let productsDone = 0;
  const onTile = (done: number, total: number) => pace((productsDone + done / total) / products);

  const sparseOptions = { tileBudget: options.tileBudget, kernel: options.kernel };
  const xGpu = new TiledSparseMatrix(x, l, sparseOptions);
  const xtGpu = new TiledSparseMatrix(transposeCsr(x), l, sparseOptions);
  const owned = new Set<tf.Tensor>();
  const own = <T extends tf.Tensor>(t: T): T => {
    owned.add(t);
    return t;
  };
  const drop = (t: tf.Tensor) => {
    owned.delete(t);
    t.dispose();
  };
  const product = async (m: TiledSparseMatrix, dense: tf.Tensor2D) => {
    const result = own(await m.matMul(dense, onTile));
    productsDone++;
    return result;
  };
  const orth = async (y: tf.Tensor2D, passes: 1 | 2) => {
    const q = own(await orthonormalise(y, { passes, signal: options.signal }));
    drop(y);
    return q;
  };
  try {
    let q: tf.Tensor2D;
    if (fullRange) {
      q = own(tf.eye(n));
    } else {
      const omega = own(
        fullSketch ? tf.eye(vocabulary) : gaussianMatrix(vocabulary, l, options.seed),
      );
      const y = await product(xGpu, omega);
      drop(omega);
      q = await orth(y, iterations === 0 ? 2 : 1);
      for (let i = 0; i < iterations; i++) {
        const z = await product(xtGpu, q);
        drop(q);
        const y2 = await product(xGpu, z);
        drop(z);
        q = await orth(y2, i === iterations - 1 ? 2 : 1);
      }
    }
    const r = q.shape[1];
    if (r === 0) return { embedding, singularValues };
    // B·Bᵀ = Qᵀ·X·Xᵀ·Q: as Zᵀ·Z (vocabulary·l² flops) or, when documents are fewer than
    // terms, as Qᵀ·(X·Z) (n·l² flops plus one sparse product), whichever is cheaper.
    const z = await product(xtGpu, q);
    let gram: tf.Tensor2D;
    if (n < vocabulary) {
      const xz = await product(xGpu, z);
      drop(z);
      gram = own(tf.matMul(q, xz, true, false));
      drop(xz);
    } else {
      gram = own(tf.matMul(z, z, true, false));
      drop(z);
    }
    const bbt = Float64Array.from((await gram.data()) as Float32Array);
    drop(gram);
    options.signal?.throwIfAborted();

    // B·Bᵀ = U·S²·Uᵀ; the embedding Q·U_k·S_k is one more matMul on the backend.
    const { values, vectors } = jacobiEigen(bbt, r, { tolerance: 1e-10 });
    const kept = Math.min(rank, r);
    const weights = new Float32Array(r * kept);
    for (let j = 0; j < kept; j++) {
      singularValues[j] = Math.sqrt(Math.max(0, values[j]!));
      for (let i = 0; i < r; i++) weights[i * kept + j] = vectors[i * r + j]! * singularValues[j]!;
    }
    const coordinates = own(tf.tidy(() => tf.matMul(q, tf.tensor2d(weights, [r, kept]))));
    drop(q);
    const data = (await coordinates.data()) as Float32Array;
    drop(coordinates);
    for (let i = 0; i < n; i++) embedding.set(data.subarray(i * kept, (i + 1) * kept), i * rank);
    options.onProgress?.(1, 'svd');
    return { embedding, singularValues };
  } finally {
    for (const t of owned) t.dispose();
    xGpu.dispose();
    xtGpu.dispose();
  }
}

/** A rows × columns matrix of independent standard normals from mulberry32(seed), as a tensor. */
function gaussianMatrix(rows: number, columns: number, seed: number = DEFAULT_SEED): tf.Tensor2D {
  const normal = gaussian(mulberry32(seed));
  const values = new Float32Array(rows * columns);
  for (let i = 0; i < values.length; i++) values[i] = normal();
  return tf.tensor2d(values, [rows, columns]);
}
