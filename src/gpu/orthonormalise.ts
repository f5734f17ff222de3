import * as tf from '@tensorflow/tfjs-core';
import { whitenGram, type WhiteningOptions } from '../core/linalg/gram_whitening';

/** Options of orthonormalise. */
export interface OrthonormaliseOptions extends WhiteningOptions {
  /**
   * Whitening passes: 1 gives a well-conditioned basis of the range (enough between power
   * iterations); 2 (default) repeats it on the result, CholeskyQR2, for orthonormality to float32
   * precision.
   */
  passes?: 1 | 2;
  /** Aborts between passes. */
  signal?: AbortSignal;
}

/**
 * An orthonormal basis Q (n × r, r ≤ l, a new tensor the caller owns) of the range of a tall n × l
 * matrix Y on the current backend, without tf.linalg.qr (Gram–Schmidt, one op per column: slow on
 * GPUs): the small Gram matrix YᵀY is a single matMul on the backend, is whitened on the CPU
 * (core/linalg/gram_whitening: Cholesky, or Jacobi eigen with rank-deficient directions dropped),
 * and Q = Y·W is a second matMul. Y is not disposed; r is 0 only for an all-zero Y.
 */
export async function orthonormalise(
  y: tf.Tensor2D,
  options: OrthonormaliseOptions = {},
): Promise<tf.Tensor2D> {
  const passes = options.passes ?? 2;
  let q = y;
  try {
    for (let pass = 0; pass < passes; pass++) {
      options.signal?.throwIfAborted();
      const l = q.shape[1];
      const gram = tf.matMul(q, q, true, false);
      let gramValues: Float32Array;
      try {
        gramValues = (await gram.data()) as Float32Array;
      } finally {
        gram.dispose();
      }
      const whitening = whitenGram(Float64Array.from(gramValues), l, options);
      const next = tf.tidy((): tf.Tensor2D =>
        whitening.rank === 0
          ? tf.zeros<tf.Rank.R2>([q.shape[0], 0])
          : tf.matMul(q, tf.tensor2d(Float32Array.from(whitening.matrix), [l, whitening.rank])),
      );
      if (q !== y) q.dispose();
      q = next;
    }
  } catch (error) {
    if (q !== y) q.dispose();
    throw error;
  }
  // passes ≥ 1, so q is never y here unless passes was 0, in which case hand back a copy.
  return q === y ? tf.clone(y) : q;
}
