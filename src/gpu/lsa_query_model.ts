import * as tf from '@tensorflow/tfjs-core';
import type { JobOptions } from '../core/job';
import { transposeCsr } from '../core/linalg/csr';
import { createJobPacer } from '../core/linalg/job_pacer';
import type { LsaQueryModel } from '../core/search/lsa_projection';
import type { TfidfMatrix } from '../core/text/tfidf';
import { vocabularyColumns } from '../core/text/tfidf_query';
import { TiledSparseMatrix } from './sparse_matmul';

/** What an LSA fit leaves behind for query projection, before it is turned into a basis. */
export interface LsaFit {
  tfidf: TfidfMatrix;
  /** Row-major n × dim document coordinates U_k·S_k with the component signs fixed, not normalised. */
  coordinates: Float32Array;
  /** The dim singular values, descending. */
  singularValues: Float64Array;
  dim: number;
  ngramMax: 1 | 2;
}

/**
 * The query model of an LSA fit: vocabulary, idf and the basis V_k = Xᵀ·(U_k·S_k)·S_k⁻² (vocabulary
 * × dim), one sparse-dense product on the current tfjs backend (TiledSparseMatrix), so V_k need not
 * come out of the SVD. Components with σ = 0 get zero columns. Progress as stage 'search model'.
 */
export async function lsaQueryModel(
  fit: LsaFit,
  job: Pick<JobOptions, 'onProgress' | 'signal'> = {},
): Promise<LsaQueryModel> {
  const { tfidf, coordinates, singularValues, dim } = fit;
  const n = tfidf.nRows;
  const pace = createJobPacer('search model', job);
  job.signal?.throwIfAborted();
  const scaled = new Float32Array(n * dim);
  for (let j = 0; j < dim; j++) {
    const sigma = singularValues[j]!;
    // A zero singular value has no direction in term space worth projecting onto.
    const inverse = sigma > 0 ? 1 / (sigma * sigma) : 0;
    for (let i = 0; i < n; i++) scaled[i * dim + j] = coordinates[i * dim + j]! * inverse;
  }
  const transposed = new TiledSparseMatrix(transposeCsr(tfidf), Math.max(1, dim));
  const dense = tf.tensor2d(scaled, [n, dim]);
  let product: tf.Tensor2D | null = null;
  try {
    product = await transposed.matMul(dense, (done, total) => pace(done / total));
    const basis = (await product.data()) as Float32Array;
    job.onProgress?.(1, 'search model');
    return {
      columns: vocabularyColumns(tfidf),
      idf: tfidf.idf,
      ngramMax: fit.ngramMax,
      basis,
      dim,
    };
  } finally {
    product?.dispose();
    dense.dispose();
    transposed.dispose();
  }
}
