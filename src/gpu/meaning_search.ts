import * as tf from '@tensorflow/tfjs-core';
import type { JobOptions } from '../core/job';
import { selectTopK, type SearchHit } from '../core/search/top_k';
import { projectQuery, type VectorBasis } from '../core/vector_basis';
import type { Vectors } from '../core/vectors';
import type { Embedder } from './embedder';

/** Backends where a tfjs topk beats reading n scores back and selecting in JS. */
const GPU_BACKENDS: ReadonlySet<string> = new Set(['webgpu', 'webgl']);

/** Unit vectors held on the tfjs backend, ranked against a query by cosine. */
export interface CosineIndex {
  readonly n: number;
  readonly dim: number;
  /**
   * The at most k rows most similar to the query (dim floats, or the basis's fullDim when the rows
   * are projected; any length), best first, with their cosines; a zero query gives []. Throws
   * after dispose().
   */
  search(query: Float32Array, k: number): Promise<SearchHit[]>;
  /** Frees the tensor; safe to call twice. */
  dispose(): void;
}

/**
 * Uploads n × dim unit vectors once (copied: the caller keeps its array) and answers cosine
 * queries as one matMul on the current backend, then tf.topk on GPU backends (only k values come
 * back) or a heap selection in JS on cpu and wasm, where the scores already live in main memory.
 * With a basis, the rows are unit vectors projected on it (a map bundle's, src/core/vector_basis.ts):
 * a query in the full space is projected the same way and divided by its full norm, so a score is
 * q·Pᵀ(Px) ≈ the full cosine.
 */
export function createCosineIndex(vectors: Vectors, basis: VectorBasis | null = null): CosineIndex {
  const { n, dim } = vectors;
  if (basis && basis.dim !== dim) {
    throw new Error(`search by meaning: the basis has ${basis.dim} axes, the vectors ${dim}`);
  }
  const queryDim = basis ? basis.fullDim : dim;
  let matrix: tf.Tensor2D | null = tf.tensor2d(vectors.data.slice(0, n * dim), [n, dim]);
  return {
    n,
    dim,
    async search(query: Float32Array, k: number): Promise<SearchHit[]> {
      if (matrix === null) throw new Error('search by meaning: the corpus vectors were replaced');
      if (query.length !== queryDim) {
        throw new Error(
          `search by meaning: the query has ${query.length} dimensions, not ${queryDim}`,
        );
      }
      let norm = 0;
      for (let j = 0; j < queryDim; j++) norm += query[j]! * query[j]!;
      const size = Math.min(Math.floor(k), n);
      if (!(norm > 0) || !(size >= 1)) return [];
      const inverse = 1 / Math.sqrt(norm);
      const q = basis ? projectQuery(query, basis) : query;
      const m = matrix;
      const scores = tf.tidy(() =>
        tf.reshape(tf.matMul(m, tf.mul(tf.tensor2d(q, [dim, 1]), inverse)), [n]),
      );
      try {
        if (!GPU_BACKENDS.has(tf.getBackend())) {
          return selectTopK((await scores.data()) as Float32Array, size);
        }
        const { values, indices } = tf.topk(scores, size);
        try {
          const [v, i] = await Promise.all([values.data(), indices.data()]);
          return Array.from(i, (index, r) => ({ index, score: v[r]! }));
        } finally {
          values.dispose();
          indices.dispose();
        }
      } finally {
        scores.dispose();
      }
    },
    dispose() {
      matrix?.dispose();
      matrix = null;
    },
  };
}

/** A corpus handed to a MeaningSearch: its vectors and how to get the embedder that made them. */
export interface MeaningCorpus {
  /** The corpus's unit vectors (copied). */
  vectors: Vectors;
  /** The cache id of the embedder that made them. */
  embedderId: string;
  /** That embedder, when it is at hand and (for a corpus-fitted one) fitted on this corpus. */
  embedder?: Embedder | null;
  /** Builds the embedder when none was given (a model from the cache, an unfitted LSA). */
  load: (job: Pick<JobOptions, 'onProgress' | 'signal'>) => Promise<Embedder>;
  /** The corpus texts, to refit an embedder whose space depends on the corpus (embedQueries). */
  texts?: readonly string[] | null;
  /** When the vectors are stored projected (a map bundle's), the basis queries are projected on. */
  basis?: VectorBasis | null;
}

/** Search by meaning over the last corpus a worker embedded or was given. */
export interface MeaningSearch {
  /** Makes this the corpus searched; keeps the current fitted embedder if the vectors are the same. */
  setCorpus(corpus: MeaningCorpus): void;
  /** The topK (default 10) papers nearest the query in meaning, best first, with their cosines. */
  search(
    query: string,
    topK?: number,
    job?: Pick<JobOptions, 'onProgress' | 'signal'>,
  ): Promise<SearchHit[]>;
  /** Frees the embedder's fit and the uploaded vectors; safe to call twice. */
  dispose(): void;
}

/** The error of a search by meaning before any corpus was embedded or handed over. */
export const NO_CORPUS_MESSAGE =
  'Search by meaning needs a corpus: embed one, or hand over its vectors with setCorpusVectors().';

/** The error of a search over cached vectors whose embedder must be refitted, without texts. */
export const NEEDS_TEXTS_MESSAGE =
  'Search by meaning with this embedder needs its fitted model, which cached vectors do not carry: ' +
  'pass the corpus texts to setCorpusVectors() (the model is refitted on them), or embed again.';

/** A prepared corpus: the embedder that embeds queries and the uploaded vectors. */
interface Prepared {
  embedder: Embedder;
  index: CosineIndex;
}

interface CorpusState extends MeaningCorpus {
  fingerprint: string;
  ready: Promise<Prepared> | null;
  /** What ready resolved to, so that a release frees it at once rather than a tick later. */
  prepared: Prepared | null;
  released: boolean;
}

/**
 * A search-by-meaning session: the query is embedded with the corpus's own embedder (embedQueries
 * where the space depends on the corpus, as LSA's does, else embed) and ranked by cosine against
 * the corpus vectors (createCosineIndex), uploaded on the first search. When the vectors came from
 * a cache and the embedder needs a fit, the fit is redone on the corpus texts at the first search
 * (deterministic, so the space is the cached one; its own vectors are then the ones searched).
 */
export function createMeaningSearch(): MeaningSearch {
  let corpus: CorpusState | null = null;

  const release = (state: CorpusState) => {
    state.released = true;
    if (state.prepared !== null) {
      state.prepared.index.dispose();
      state.prepared.embedder.dispose?.();
    } else if (state.ready === null) {
      state.embedder?.dispose?.();
    }
    // A preparation still running is freed when it ends (see search).
  };

  const prepare = async (state: CorpusState, job: Pick<JobOptions, 'onProgress' | 'signal'>) => {
    let { embedder, vectors } = state;
    let basis = state.basis ?? null;
    if (!embedder) {
      embedder = await state.load(job);
      if (embedder.embedQueries) {
        if (!state.texts) {
          embedder.dispose?.();
          throw new Error(NEEDS_TEXTS_MESSAGE);
        }
        try {
          vectors = await embedder.embed(state.texts, job);
        } catch (error) {
          embedder.dispose?.();
          throw error;
        }
        if (vectors.n !== state.vectors.n) {
          embedder.dispose?.();
          throw new Error('search by meaning: the texts do not match the corpus vectors');
        }
        // The refitted embedder's own vectors are full, not projected.
        basis = null;
      }
    }
    const index = createCosineIndex(vectors, basis);
    // The index holds its own copy; the fingerprint still identifies the corpus.
    state.vectors = { data: new Float32Array(0), n: vectors.n, dim: vectors.dim };
    return { embedder, index };
  };

  return {
    setCorpus(next) {
      const fingerprint = vectorsFingerprint(next.vectors);
      if (
        corpus !== null &&
        corpus.embedderId === next.embedderId &&
        corpus.fingerprint === fingerprint &&
        (corpus.embedder || corpus.ready)
      ) {
        corpus.texts = next.texts?.slice() ?? corpus.texts;
        if (next.embedder && next.embedder !== corpus.embedder) next.embedder.dispose?.();
        return;
      }
      if (corpus !== null) release(corpus);
      const { data, n, dim } = next.vectors;
      corpus = {
        ...next,
        vectors: { data: data.slice(0, n * dim), n, dim },
        texts: next.texts?.slice() ?? null,
        fingerprint,
        ready: null,
        prepared: null,
        released: false,
      };
    },

    async search(query, topK = 10, job = {}) {
      job.signal?.throwIfAborted();
      const state = corpus;
      if (state === null) throw new Error(NO_CORPUS_MESSAGE);
      if (query.trim() === '' || !(topK >= 1)) return [];
      if (state.ready === null) {
        state.ready = prepare(state, job).then(
          (prepared) => {
            state.prepared = prepared;
            if (state.released) release(state);
            return prepared;
          },
          (error: unknown) => {
            // A failed or cancelled preparation is retried by the next search.
            state.ready = null;
            if (state.released) state.embedder?.dispose?.();
            throw error;
          },
        );
      }
      const { embedder, index } = await state.ready;
      const texts = [query];
      const q = embedder.embedQueries
        ? await embedder.embedQueries(texts, job)
        : await embedder.embed(texts, job);
      return index.search(q.data, topK);
    },

    dispose() {
      if (corpus !== null) release(corpus);
      corpus = null;
    },
  };
}

/**
 * Identifies a set of vectors by size and two 32-bit hashes of every float's bits: MurmurHash3's
 * x86_32 block mix (Appleby) and a multiply-xorshift, both of which see sign flips (a plain FNV or
 * djb2 sum cancels an even number of them).
 */
function vectorsFingerprint(v: Vectors): string {
  const bits = new Uint32Array(v.data.buffer, v.data.byteOffset, v.n * v.dim);
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < bits.length; i++) {
    const b = bits[i]!;
    let k = Math.imul(b, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h1 ^= k;
    h1 = (Math.imul((h1 << 13) | (h1 >>> 19), 5) + 0xe6546b64) | 0;
    h2 = Math.imul(h2 ^ b, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return `${v.n}x${v.dim}:${(h1 >>> 0).toString(16)}:${(h2 >>> 0).toString(16)}`;
}
