import type { JobOptions } from '../core/job';
import { fixComponentSigns, truncatedRank } from '../core/linalg/svd_conventions';
import { projectLsaQueries, type LsaQueryModel } from '../core/search/lsa_projection';
import { buildTfidf } from '../core/text/tfidf';
import { normaliseRows, type Vectors } from '../core/vectors';
import type { Embedder } from './embedder';
import { lsaQueryModel, type LsaFit } from './lsa_query_model';
import { randomizedSvd } from './randomized_svd';

/** Parameters of the LSA embedder; all enter its id. */
export interface LsaParams {
  /** Largest output dimension; the actual one is min(n − 1, vocabulary, dim), ≥ 1. Default 256. */
  dim: number;
  /** Minimum document frequency of a term; 1 for corpora under 20 texts (effectiveMinDf). Default 2. */
  minDf: number;
  /** Vocabulary cap, by document frequency. Default 2^18 = 262144. */
  maxFeatures: number;
  /** Longest n-gram: 1 (words) or 2 (words and consecutive pairs). Default 2. */
  ngramMax: number;
  /** Extra columns of the random sketch beyond dim. Default 10. */
  oversampling: number;
  /** Power iterations of the range finder. Default 2. */
  power: number;
  /** Seed of the random sketch (uint32). Default 42. */
  seed: number;
}

/** The defaults of LsaParams. */
export const LSA_DEFAULTS: Readonly<LsaParams> = {
  dim: 256,
  minDf: 2,
  maxFeatures: 2 ** 18,
  ngramMax: 2,
  oversampling: 10,
  power: 2,
  seed: 42,
};

/** Smallest allowed value of each parameter; all are integers. */
const MINIMUM: Readonly<LsaParams> = {
  dim: 1,
  minDf: 1,
  maxFeatures: 1,
  ngramMax: 1,
  oversampling: 0,
  power: 0,
  seed: 0,
};

/**
 * The cache id of an LSA embedder, e.g.
 * `lsa-v1:dim=256;minDf=2;ngrams=1-2;maxFeatures=262144;oversample=10;power=2;seed=42`;
 * bump `v1` whenever the algorithm changes what vectors the same parameters give.
 */
export function lsaEmbedderId(p: LsaParams): string {
  return (
    `lsa-v1:dim=${p.dim};minDf=${p.minDf};ngrams=1-${p.ngramMax};maxFeatures=${p.maxFeatures};` +
    `oversample=${p.oversampling};power=${p.power};seed=${p.seed}`
  );
}

/** Fills defaults and checks every parameter is a known name and an integer in range. */
function resolveParams(params: Partial<LsaParams>): LsaParams {
  const resolved = { ...LSA_DEFAULTS };
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (!(name in LSA_DEFAULTS)) throw new RangeError(`lsa: unknown parameter "${name}"`);
    const key = name as keyof LsaParams;
    const ok = Number.isInteger(value) && value >= MINIMUM[key] && value <= 2 ** 32 - 1;
    if (!ok || (key === 'ngramMax' && value > 2)) {
      throw new RangeError(`lsa: invalid ${name} = ${value}`);
    }
    resolved[key] = value;
  }
  return resolved;
}

/**
 * The built-in embedder that needs no download: latent semantic analysis. TF-IDF (core/text/tfidf,
 * sparse) then a randomised truncated SVD on the current tfjs backend (randomized_svd), components
 * by descending singular value with signs fixed (largest-magnitude entry positive), rows
 * L2-normalised. Deterministic for given texts and parameters. The seed is a parameter so the id
 * always describes the vectors: `options.seed` of embed() is ignored. 0 texts give n = 0, dim = 0;
 * 1 text gives the single unit vector [1]; a text with no vocabulary term gives a zero row.
 * embed() keeps its fit (TF-IDF and coordinates) so that embedQueries() can project new texts into
 * the same space (lsa_query_model, built on first use; lsa_projection); dispose() drops it.
 */
export function createLsaEmbedder(params: Partial<LsaParams> = {}): Embedder {
  const p = resolveParams(params);
  // The last corpus's fit: a TF-IDF + SVD, or the size of a corpus too small to fit (0 or 1 text).
  let fit: LsaFit | { trivial: number } | null = null;
  let model: Promise<LsaQueryModel> | null = null;
  return {
    id: lsaEmbedderId(p),
    async embed(texts: readonly string[], options: JobOptions = {}): Promise<Vectors> {
      const { onProgress, signal } = options;
      signal?.throwIfAborted();
      const n = texts.length;
      fit = null;
      model = null;
      if (n <= 1) {
        fit = { trivial: n };
        return { data: new Float32Array(n).fill(1), n, dim: n };
      }
      const ngramMax = p.ngramMax === 1 ? 1 : 2;
      const tfidf = await buildTfidf(
        texts,
        { minDf: p.minDf, maxFeatures: p.maxFeatures, ngramMax },
        { onProgress, signal },
      );
      const dim = truncatedRank(n, tfidf.nCols, p.dim);
      const { embedding, singularValues } = await randomizedSvd(tfidf, {
        rank: dim,
        oversampling: p.oversampling,
        powerIterations: p.power,
        seed: p.seed,
        onProgress,
        signal,
      });
      fixComponentSigns(embedding, n, dim);
      // A copy: the returned rows are normalised in place and may be transferred away.
      fit = { tfidf, coordinates: embedding.slice(), singularValues, dim, ngramMax };
      return normaliseRows({ data: embedding, n, dim });
    },
    async embedQueries(texts: readonly string[], options: JobOptions = {}): Promise<Vectors> {
      options.signal?.throwIfAborted();
      const current = fit;
      if (current === null) {
        throw new Error('lsa: embedQueries() needs a fitted corpus: call embed() first');
      }
      const n = texts.length;
      if ('trivial' in current) {
        return { data: new Float32Array(n * current.trivial).fill(1), n, dim: current.trivial };
      }
      model ??= lsaQueryModel(current, options);
      try {
        return projectLsaQueries(await model, texts);
      } catch (error) {
        // A cancelled or failed build is retried by the next call.
        model = null;
        throw error;
      }
    },
    dispose(): void {
      fit = null;
      model = null;
    },
  };
}
