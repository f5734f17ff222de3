import type { TfidfMatrix } from './tfidf';
import { ENGLISH_STOP_WORDS } from './stop_words';
import { termsOf, tokenize } from './tokenize';

/** One sparse TF-IDF row: columns ascending, values L2-normalised (empty when no term is known). */
export interface SparseRow {
  indices: Int32Array;
  values: Float32Array;
}

/** What weighting a new text needs from a fitted TF-IDF matrix. */
export interface TfidfVocabulary {
  /** Term → column, as TfidfMatrix.vocabulary spells the terms. */
  columns: ReadonlyMap<string, number>;
  /** Each column's idf (TfidfMatrix.idf). */
  idf: Float32Array;
  /** 1 or 2, as the matrix was built. */
  ngramMax: 1 | 2;
  /** The stop words the matrix was built with; default ENGLISH_STOP_WORDS. */
  stopWords?: ReadonlySet<string>;
}

/** The term → column map of a fitted TF-IDF matrix. */
export function vocabularyColumns(tfidf: Pick<TfidfMatrix, 'vocabulary'>): Map<string, number> {
  return new Map(tfidf.vocabulary.map((term, column) => [term, column]));
}

/**
 * The TF-IDF row a new text would have had in the fitted matrix: the same tokens and n-grams,
 * sublinear tf (1 + ln count) times the fitted idf, L2-normalised, as buildTfidf (and
 * scikit-learn's TfidfVectorizer.transform) weighs them; terms outside the vocabulary are dropped.
 */
export function tfidfRowOf(text: string, vocabulary: TfidfVocabulary): SparseRow {
  const counts = new Map<number, number>();
  const tokens = tokenize(text, vocabulary.stopWords ?? ENGLISH_STOP_WORDS);
  for (const term of termsOf(tokens, vocabulary.ngramMax)) {
    const column = vocabulary.columns.get(term);
    if (column !== undefined) counts.set(column, (counts.get(column) ?? 0) + 1);
  }
  const indices = Int32Array.from(counts.keys()).sort();
  const weights = new Float64Array(indices.length);
  let sumSquares = 0;
  indices.forEach((column, i) => {
    weights[i] = (1 + Math.log(counts.get(column)!)) * vocabulary.idf[column]!;
    sumSquares += weights[i]! * weights[i]!;
  });
  const inverseNorm = sumSquares > 0 ? 1 / Math.sqrt(sumSquares) : 0;
  return { indices, values: Float32Array.from(weights, (w) => w * inverseNorm) };
}
