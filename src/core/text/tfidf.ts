import type { JobOptions } from '../job';
import type { CsrMatrix } from '../linalg/csr';
import { GrowableArray } from '../linalg/growable_array';
import { createJobPacer } from '../linalg/job_pacer';
import { ENGLISH_STOP_WORDS } from './stop_words';
import { NGRAM_SEPARATOR, tokenize } from './tokenize';

/** Parameters of the TF-IDF matrix; every field has the default in TFIDF_DEFAULTS. */
export interface TfidfOptions {
  /** A term is kept when it occurs in at least this many documents; default 2 (see effectiveMinDf). */
  minDf?: number;
  /** Corpora with fewer documents than this keep every term (minDf 1); default 20. */
  smallCorpus?: number;
  /** At most this many terms, the most frequent by document frequency; default 2^18. */
  maxFeatures?: number;
  /** 1: single words; 2: words and pairs of consecutive words; default 2. */
  ngramMax?: 1 | 2;
  /** Words never counted; default ENGLISH_STOP_WORDS. */
  stopWords?: ReadonlySet<string>;
}

/** The defaults of TfidfOptions: minDf 2, smallCorpus 20, maxFeatures 262144, ngramMax 2. */
export const TFIDF_DEFAULTS = {
  minDf: 2,
  smallCorpus: 20,
  maxFeatures: 2 ** 18,
  ngramMax: 2,
} as const;

/**
 * A TF-IDF matrix, documents × terms, rows L2-normalised (empty documents give empty rows), with
 * its vocabulary in code-unit order, each term's document frequency and its idf.
 */
export interface TfidfMatrix extends CsrMatrix {
  vocabulary: string[];
  documentFrequency: Int32Array;
  idf: Float32Array;
}

/**
 * The document-frequency floor actually applied: minDf, except 1 for corpora of fewer than
 * smallCorpus documents, where requiring two documents would leave almost no vocabulary.
 */
export function effectiveMinDf(
  nDocs: number,
  minDf: number = TFIDF_DEFAULTS.minDf,
  smallCorpus: number = TFIDF_DEFAULTS.smallCorpus,
): number {
  return nDocs < smallCorpus ? 1 : Math.max(1, minDf);
}

/** Smooth inverse document frequency, ln((1 + n) / (1 + df)) + 1, as scikit-learn computes it. */
export function smoothIdf(nDocs: number, df: number): number {
  return Math.log((1 + nDocs) / (1 + df)) + 1;
}

/** A candidate term: a unigram id below the unigram count, else the count plus a bigram index. */
interface Candidate {
  source: number;
  df: number;
}

/** A candidate with its term spelled out. */
interface Term extends Candidate {
  term: string;
}

/**
 * Builds the TF-IDF matrix of the texts as scikit-learn's TfidfVectorizer(sublinear_tf=True,
 * ngram_range=(1, 2), smooth_idf=True, norm='l2') would, except that maxFeatures ranks terms by
 * document frequency (ties alphabetically): tf weight 1 + ln(count), idf smoothIdf. Never dense:
 * tokens are interned once, and bigrams are counted by sorting numeric pair keys, only for pairs
 * whose two words pass minDf (a bigram is never in more documents than either of its words).
 * Reports progress as stage "tf-idf" and honours job.signal.
 */
export async function buildTfidf(
  texts: readonly string[],
  options: TfidfOptions = {},
  job: Pick<JobOptions, 'onProgress' | 'signal'> = {},
): Promise<TfidfMatrix> {
  const n = texts.length;
  const minDf = effectiveMinDf(n, options.minDf, options.smallCorpus);
  const maxFeatures = options.maxFeatures ?? TFIDF_DEFAULTS.maxFeatures;
  const ngramMax = options.ngramMax ?? TFIDF_DEFAULTS.ngramMax;
  const stopWords = options.stopWords ?? ENGLISH_STOP_WORDS;
  const pace = createJobPacer('tf-idf', job);
  job.signal?.throwIfAborted();

  // Pass 1: every document as a run of unigram ids; unigram document frequencies.
  const unigramIds = new Map<string, number>();
  const unigrams: string[] = [];
  const unigramDf: number[] = [];
  const lastDoc: number[] = [];
  const tokenBuffer = new GrowableArray((length) => new Int32Array(length));
  const docStart = new Int32Array(n + 1);
  for (let d = 0; d < n; d++) {
    for (const token of tokenize(texts[d]!, stopWords)) {
      let id = unigramIds.get(token);
      if (id === undefined) {
        id = unigrams.length;
        unigramIds.set(token, id);
        unigrams.push(token);
        unigramDf.push(0);
        lastDoc.push(-1);
      }
      tokenBuffer.push(id);
      if (lastDoc[id] !== d) {
        lastDoc[id] = d;
        unigramDf[id]!++;
      }
    }
    docStart[d + 1] = tokenBuffer.length;
    await pace((0.6 * (d + 1)) / n);
  }
  const tokens = tokenBuffer.view();
  const nUnigrams = unigrams.length;
  const frequent = (id: number) => unigramDf[id]! >= minDf;

  // Pass 2: document frequencies of bigrams of frequent words, by sorting per-document unique keys.
  const bigramKeys = new GrowableArray((length) => new Float64Array(length));
  const bigramDf = new GrowableArray((length) => new Int32Array(length));
  if (ngramMax === 2) {
    const docKeys: number[] = [];
    const allKeys = new GrowableArray((length) => new Float64Array(length));
    for (let d = 0; d < n; d++) {
      docKeys.length = 0;
      for (let i = docStart[d]! + 1; i < docStart[d + 1]!; i++) {
        const a = tokens[i - 1]!;
        const b = tokens[i]!;
        if (frequent(a) && frequent(b)) docKeys.push(a * nUnigrams + b);
      }
      docKeys.sort((x, y) => x - y);
      for (let i = 0; i < docKeys.length; i++) {
        if (i === 0 || docKeys[i] !== docKeys[i - 1]) allKeys.push(docKeys[i]!);
      }
      await pace(0.6 + (0.2 * (d + 1)) / n);
    }
    const sorted = allKeys.view().sort();
    for (let start = 0; start < sorted.length;) {
      let end = start + 1;
      while (end < sorted.length && sorted[end] === sorted[start]) end++;
      if (end - start >= minDf) {
        bigramKeys.push(sorted[start]!);
        bigramDf.push(end - start);
      }
      start = end;
    }
  }

  const termOf = (source: number): string => {
    if (source < nUnigrams) return unigrams[source]!;
    const key = bigramKeys.at(source - nUnigrams);
    const first = Math.floor(key / nUnigrams);
    return unigrams[first]! + NGRAM_SEPARATOR + unigrams[key - first * nUnigrams]!;
  };
  const candidates: Candidate[] = [];
  for (let u = 0; u < nUnigrams; u++)
    if (frequent(u)) candidates.push({ source: u, df: unigramDf[u]! });
  for (let j = 0; j < bigramKeys.length; j++) {
    candidates.push({ source: nUnigrams + j, df: bigramDf.at(j) });
  }
  const selected = selectByDocumentFrequency(candidates, maxFeatures, n, termOf).sort(byTerm);

  const nCols = selected.length;
  const unigramFeature = new Int32Array(nUnigrams).fill(-1);
  const bigramFeature = new Map<number, number>();
  const documentFrequency = new Int32Array(nCols);
  const idf64 = new Float64Array(nCols);
  selected.forEach((c, f) => {
    if (c.source < nUnigrams) unigramFeature[c.source] = f;
    else bigramFeature.set(bigramKeys.at(c.source - nUnigrams), f);
    documentFrequency[f] = c.df;
    idf64[f] = smoothIdf(n, c.df);
  });

  // Pass 3: the rows, columns ascending, sublinear tf times idf, L2-normalised.
  const indptr = new Int32Array(n + 1);
  const indices = new GrowableArray((length) => new Int32Array(length));
  const values = new GrowableArray((length) => new Float32Array(length));
  const counts = new Int32Array(nCols);
  const touched: number[] = [];
  const count = (f: number) => {
    if (counts[f]!++ === 0) touched.push(f);
  };
  for (let d = 0; d < n; d++) {
    touched.length = 0;
    for (let i = docStart[d]!; i < docStart[d + 1]!; i++) {
      const b = tokens[i]!;
      if (unigramFeature[b]! >= 0) count(unigramFeature[b]!);
      if (bigramFeature.size > 0 && i > docStart[d]!) {
        const a = tokens[i - 1]!;
        const f = frequent(a) && frequent(b) ? bigramFeature.get(a * nUnigrams + b) : undefined;
        if (f !== undefined) count(f);
      }
    }
    touched.sort((x, y) => x - y);
    let sumSquares = 0;
    for (const f of touched) {
      const w = (1 + Math.log(counts[f]!)) * idf64[f]!;
      sumSquares += w * w;
    }
    const inverseNorm = sumSquares > 0 ? 1 / Math.sqrt(sumSquares) : 0;
    for (const f of touched) {
      indices.push(f);
      values.push((1 + Math.log(counts[f]!)) * idf64[f]! * inverseNorm);
      counts[f] = 0;
    }
    indptr[d + 1] = indices.length;
    await pace(0.8 + (0.2 * (d + 1)) / n);
  }
  job.onProgress?.(1, 'tf-idf');
  return {
    indptr,
    indices: indices.toArray(),
    values: values.toArray(),
    nRows: n,
    nCols,
    vocabulary: selected.map((c) => c.term),
    documentFrequency,
    idf: Float32Array.from(idf64),
  };
}

/** Orders terms by code unit, independent of the locale. */
function byTerm(x: Term, y: Term): number {
  return x.term < y.term ? -1 : x.term > y.term ? 1 : 0;
}

/**
 * The at most maxFeatures candidates of highest document frequency (df ≤ nDocs); ties at the cut
 * are broken by term in code-unit order so the vocabulary does not depend on document order.
 * Only the tied candidates need their term strings, which matters when there are millions.
 */
function selectByDocumentFrequency(
  candidates: Candidate[],
  maxFeatures: number,
  nDocs: number,
  termOf: (source: number) => string,
): Term[] {
  const spell = (c: Candidate): Term => ({ ...c, term: termOf(c.source) });
  if (candidates.length <= maxFeatures) return candidates.map(spell);
  const histogram = new Int32Array(nDocs + 1);
  for (const c of candidates) histogram[c.df]!++;
  let cutoff = nDocs;
  let above = 0;
  while (cutoff > 0 && above + histogram[cutoff]! <= maxFeatures) above += histogram[cutoff--]!;
  const kept = candidates.filter((c) => c.df > cutoff).map(spell);
  const ties = candidates
    .filter((c) => c.df === cutoff)
    .map(spell)
    .sort(byTerm);
  return kept.concat(ties.slice(0, maxFeatures - above));
}
