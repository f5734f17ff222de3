import { tfidfRowOf, type TfidfVocabulary } from '../text/tfidf_query';
import { normaliseRows, type Vectors } from '../vectors';

/** What projects a new text into a fitted LSA space: the TF-IDF vocabulary and the SVD basis. */
export interface LsaQueryModel extends TfidfVocabulary {
  /** Row-major vocabulary × dim: the right singular vectors V_k = Xᵀ·U_k·S_k⁻¹, signs as the corpus's. */
  basis: Float32Array;
  /** Output dimension: the embedder's dim. */
  dim: number;
}

/**
 * Projects texts into a fitted LSA space as scikit-learn's TruncatedSVD.transform does: the text's
 * TF-IDF row q (tfidfRowOf) times the basis, then L2-normalised like the corpus rows. With basis
 * = V_k, q·V_k is the row q would have had in U_k·S_k, so a corpus text lands on its own vector.
 * Texts with no vocabulary term give zero rows.
 */
export function projectLsaQueries(model: LsaQueryModel, texts: readonly string[]): Vectors {
  const { basis, dim } = model;
  const n = texts.length;
  const data = new Float32Array(n * dim);
  const row = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    const { indices, values } = tfidfRowOf(texts[i]!, model);
    row.fill(0);
    for (let p = 0; p < indices.length; p++) {
      const weight = values[p]!;
      const offset = indices[p]! * dim;
      for (let j = 0; j < dim; j++) row[j]! += weight * basis[offset + j]!;
    }
    data.set(row, i * dim);
  }
  return normaliseRows({ data, n, dim });
}
