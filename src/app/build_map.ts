import { hashStrings } from '../core/hash';
import { paperText, type Corpus } from '../core/paper';
import { asStored } from '../core/quantise';
import type { VectorBasis } from '../core/vector_basis';
import type { Vectors } from '../core/vectors';
import type { BackendReport } from '../gpu/backend';
import type {
  ComputeService,
  EmbedderSpec,
  LayoutEngine,
  PartialProjection,
  Projection,
} from '../gpu/compute_api';
import { embedsPerText } from '../gpu/embeds_per_text';
import { vectorCacheKey, type VectorStore } from '../store/vector_store';
import { embedPerText } from './embed_per_text';

/** The stages of building a map, in order; the progress bar names them (topics run in 'project'). */
export type StageName = 'load' | 'embed' | 'project';

/** Progress of the pipeline: which stage, how far (0–1), and a user-facing detail. */
export interface StageProgress {
  stage: StageName;
  fraction: number;
  detail: string;
}

/** Everything the map needs for one corpus. */
export interface BuiltMap {
  corpus: Corpus;
  /**
   * Resolves when every paper in `corpus` has its abstract, for a map shown from a bundle before
   * they came (MapSession.openBundle); absent when they are there. Whatever reads abstracts
   * (search by words, topic labels of a selection, a save, a recompute) waits for it first.
   */
  abstracts?: Promise<void>;
  /** The vectors the map was built from; null for a bundle saved without them. */
  vectors: Vectors | null;
  /** When `vectors` are a bundle's, projected: the basis queries are projected on (search). */
  vectorBasis?: VectorBasis;
  projection: Projection;
  embedderId: string;
  /**
   * Whether the vectors came from the cache, were computed now, were partly computed (the texts a
   * per-text embedder had not seen; the rest from the cache), or the map came from a bundle.
   */
  vectorsFrom: 'cache' | 'computed' | 'partial' | 'bundle';
  /** How many vectors were embedded now, of `corpus.papers.length`; absent for bundles. */
  vectorsComputed?: number;
  /** Notices for the user (a cache that could not be written, …). */
  notices: string[];
}

/** Options of {@link buildMap}. */
export interface BuildMapOptions {
  embedder: EmbedderSpec;
  backend: BackendReport;
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (progress: StageProgress) => void;
  onPartialLayout?: (partial: PartialProjection) => void;
  /** papermap's UMAP (default) or umap-js, the reference it is checked against. */
  layout?: LayoutEngine;
}

/**
 * Corpus → vectors (from the cache when the same embedder saw the same texts: the whole corpus for
 * lsa, each text on its own for minilm, so only changed texts are embedded) → kNN, UMAP and
 * clusters. The heavy stages run wherever `compute` runs them: a worker in the browser.
 */
export async function buildMap(
  corpus: Corpus,
  compute: ComputeService,
  store: VectorStore,
  options: BuildMapOptions,
): Promise<BuiltMap> {
  const { signal, onProgress } = options;
  const notices: string[] = [];
  const texts = corpus.papers.map(paperText);
  const embedderId = await compute.embedderId(options.embedder);
  const on = options.backend.name;
  const embedProgress =
    (what: string) =>
    (fraction: number, stage: string): void =>
      onProgress?.({ stage: 'embed', fraction, detail: `Embedding ${what}(${stage}) on ${on}` });
  const cacheFailed = (why: unknown): void => {
    notices.push(`The vectors could not be cached: ${why instanceof Error ? why.message : why}`);
  };

  onProgress?.({ stage: 'embed', fraction: 0, detail: 'Looking for cached vectors' });
  let vectors: Vectors | undefined;
  let vectorsComputed: number;
  if (embedsPerText(options.embedder)) {
    // Rows are cached per text, so editing one abstract embeds one text, not the corpus.
    const perText = await embedPerText(texts, compute, store, embedderId, options.embedder, {
      signal,
      onProgress: (fraction, stage, embedding) =>
        embedProgress(`${embedding} of ${texts.length} texts `)(fraction, stage),
    });
    vectors = perText.vectors;
    vectorsComputed = perText.computed;
    if (perText.storeError !== null) cacheFailed(perText.storeError);
  } else {
    const key = vectorCacheKey(embedderId, hashStrings(texts));
    vectors = await store.get(key).catch(() => undefined);
    if (vectors && vectors.n === texts.length) {
      vectorsComputed = 0;
    } else {
      const computed = await compute.embed(texts, options.embedder, {
        signal,
        onProgress: embedProgress(''),
      });
      // Use exactly what the cache will give back, so the map of a reload is the same map.
      vectors = asStored(computed);
      vectorsComputed = texts.length;
      await store.put(key, vectors).catch(cacheFailed);
    }
  }
  // Damaged entries were dropped (and their papers embedded again): the store says so, once.
  notices.push(...(store.takeNotices?.() ?? []));
  const vectorsFrom =
    vectorsComputed === 0 ? 'cache' : vectorsComputed === texts.length ? 'computed' : 'partial';
  if (vectorsFrom !== 'computed') {
    onProgress?.({
      stage: 'embed',
      fraction: 1,
      detail: vectorsDetail(vectorsComputed, texts.length),
    });
  }
  signal?.throwIfAborted();

  const labelTexts = corpus.papers.map(({ title, abstract }) => ({ title, abstract }));
  const projection = await compute.project(
    vectors,
    labelTexts,
    { seed: options.seed ?? 42 },
    {
      signal,
      layout: options.layout,
      onPartial: options.onPartialLayout,
      onProgress: (fraction, stage) =>
        onProgress?.({ stage: 'project', fraction, detail: `Projecting (${stage}) on ${on}` }),
    },
  );
  return { corpus, vectors, projection, embedderId, vectorsFrom, vectorsComputed, notices };
}

/** What the progress bar and the header say about where the vectors came from. */
export function vectorsDetail(computed: number, total: number): string {
  if (computed === 0) return 'Vectors loaded from the cache';
  if (computed === total) return `${total} vectors computed`;
  return `${computed} of ${total} vectors computed, the rest from the cache`;
}
