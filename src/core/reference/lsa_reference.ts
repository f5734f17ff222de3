import { csrToDense } from '../linalg/csr';
import { jacobiEigen } from '../linalg/jacobi_eigen';
import { fixComponentSigns, truncatedRank } from '../linalg/svd_conventions';
import { buildTfidf, type TfidfOptions } from '../text/tfidf';
import { normaliseRows, type Vectors } from '../vectors';

/** Parameters of lsaReference: the TF-IDF options plus the largest output dimension (default 256). */
export interface LsaReferenceOptions extends TfidfOptions {
  dim?: number;
}

/**
 * The exact LSA embedding in plain TypeScript (no tfjs), to check the GPU embedder against: the
 * same TF-IDF (core/text/tfidf) made dense, the exact truncated SVD X = U·S·Vᵀ from the Jacobi
 * eigen-decomposition of X·Xᵀ = U·S²·Uᵀ in float64, rows U_k·S_k with the same sign convention
 * and dimension rule, L2-normalised. O(n²·vocabulary + n³): for corpora of a few hundred texts.
 */
export async function lsaReference(
  texts: readonly string[],
  options: LsaReferenceOptions = {},
): Promise<Vectors> {
  const n = texts.length;
  if (n <= 1) return { data: new Float32Array(n).fill(1), n, dim: n };
  const tfidf = await buildTfidf(texts, options);
  const vocabulary = tfidf.nCols;
  const dim = truncatedRank(n, vocabulary, options.dim ?? 256);
  const x = csrToDense(tfidf);
  const gram = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let dot = 0;
      for (let t = 0; t < vocabulary; t++) dot += x[i * vocabulary + t]! * x[j * vocabulary + t]!;
      gram[i * n + j] = dot;
      gram[j * n + i] = dot;
    }
  }
  const { values, vectors } = jacobiEigen(gram, n);
  const data = new Float32Array(n * dim);
  for (let j = 0; j < Math.min(dim, n); j++) {
    const sigma = Math.sqrt(Math.max(0, values[j]!));
    for (let i = 0; i < n; i++) data[i * dim + j] = vectors[i * n + j]! * sigma;
  }
  fixComponentSigns(data, n, dim);
  return normaliseRows({ data, n, dim });
}
