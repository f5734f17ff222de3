import { sphericalKMeans, suggestedClusterCount } from '../core/cluster/kmeans';
import { umapReference } from '../core/layout/umap_reference';
import { buildTopicHierarchy } from '../core/topics/build_topic_hierarchy';
import type { JobOptions } from '../core/job';
import type { CallContext, RpcHandlers } from '../core/rpc/protocol';
import { chooseBackend } from './backend';
import { DEFAULT_BERT_BASE_URL, modelIdFromBaseUrl } from './bert/bert_loader';
import { createBertModelCache, type BertModelCache } from './bert/bert_model_cache';
import { createHttpFetcher } from './bert/http_fetcher';
import { LocalModels } from './bert/local_model';
import type { ComputeApi, EmbedderSpec, PartialProjection } from './compute_api';
import type { Embedder } from './embedder';
import { knnGraph } from './knn_choice';
import { umapLayout } from './umap/umap_layout';
import { createLsaEmbedder } from './lsa_embedder';
import { createMeaningSearch, type MeaningSearch } from './meaning_search';
import { bertEmbedderId, createBertEmbedder } from './minilm_embedder';

/** Neighbours kept per paper: UMAP's 15 and the detail panel's 10 both come from this graph. */
const GRAPH_NEIGHBOURS = 15;

/**
 * The cache id of the embedder a spec names, without loading any model (files picked from disk
 * are read once, for their fingerprint).
 */
export async function embedderIdFor(
  spec: EmbedderSpec,
  local: LocalModels = defaultLocalModels,
): Promise<string> {
  switch (spec.kind) {
    case 'lsa':
      return createLsaEmbedder(spec.params).id;
    case 'minilm': {
      const model = spec.files
        ? await local.id(spec.files)
        : modelIdFromBaseUrl(spec.baseUrl ?? DEFAULT_BERT_BASE_URL);
      return bertEmbedderId(model, spec.maxTokens);
    }
  }
}

/** Models picked from disk, for calls that pass none. */
const defaultLocalModels = new LocalModels();

/**
 * Builds the embedder a spec names; a `minilm` model is loaded through `models` (downloaded once
 * per base URL, progress as stage 'download model').
 */
export async function embedderFor(
  spec: EmbedderSpec,
  models?: BertModelCache,
  options: Pick<JobOptions, 'onProgress' | 'signal'> = {},
  local: LocalModels = defaultLocalModels,
): Promise<Embedder> {
  switch (spec.kind) {
    case 'lsa':
      return createLsaEmbedder(spec.params);
    case 'minilm': {
      const { cache, baseUrl } = spec.files
        ? await local.cacheFor(spec.files)
        : {
            cache: models ?? (defaultModels ??= createBertModelCache(createHttpFetcher())),
            baseUrl: spec.baseUrl,
          };
      const { model, tokenizer } = await cache.get(baseUrl, options);
      return createBertEmbedder({ model, tokenizer, maxTokens: spec.maxTokens });
    }
  }
}

/** Models loaded by embedderFor calls that pass no cache. */
let defaultModels: BertModelCache | undefined;

/**
 * The compute worker's handlers: what workers/compute.worker.ts serves. `search` holds the corpus
 * that searchByMeaning ranks (the last one embedded or set); its owner disposes it.
 */
export function createComputeHandlers(
  models: BertModelCache = createBertModelCache(createHttpFetcher()),
  search: MeaningSearch = createMeaningSearch(),
): RpcHandlers<ComputeApi> {
  return {
    init: (args) => chooseBackend(args),
    embedderId: async ({ embedder }) => embedderIdFor(embedder),
    // Seeds are embedder parameters (EmbedderSpec.params), so the cache id always covers them.
    embed: async ({ texts, embedder: spec }, ctx) => {
      const job = { onProgress: ctx.onProgress, signal: ctx.signal };
      const embedder = await embedderFor(spec, models, job);
      const vectors = await embedder.embed(texts, job);
      // Kept with its fit, so that searching this corpus needs no second fit.
      search.setCorpus({
        vectors,
        embedderId: embedder.id,
        embedder,
        load: (loadJob) => embedderFor(spec, models, loadJob),
      });
      return vectors;
    },
    setCorpusVectors: async ({ vectors, embedder: spec, texts, basis }) =>
      search.setCorpus({
        vectors,
        basis,
        embedderId: await embedderIdFor(spec),
        load: (job) => embedderFor(spec, models, job),
        texts,
      }),
    searchByMeaning: ({ query, topK }, ctx) =>
      search.search(query, topK, { onProgress: ctx.onProgress, signal: ctx.signal }),
    project: async ({ vectors, texts, umap, neighbours, layout }, ctx: CallContext) => {
      const k = Math.max(neighbours ?? GRAPH_NEIGHBOURS, umap?.nNeighbors ?? 15);
      // Exact on a GPU; NN-descent on a CPU backend past CPU_EXACT_MAX_N (src/gpu/knn_choice.ts).
      const { graph } = await knnGraph(vectors, k, {
        onProgress: ctx.onProgress,
        signal: ctx.signal,
        seed: umap?.seed ?? 42,
      });
      const project = layout === 'umap-js' ? umapReference : umapLayout;
      const result = await project(vectors, graph, umap, {
        onProgress: ctx.onProgress,
        signal: ctx.signal,
        onPartial: (xy, epoch, nEpochs) =>
          ctx.onPartial({ xy, epoch, nEpochs } satisfies PartialProjection),
      });
      const clustering = sphericalKMeans(
        vectors,
        suggestedClusterCount(vectors.n),
        umap?.seed ?? 42,
      );
      const topics = await buildTopicHierarchy(texts, graph, {
        seed: umap?.seed ?? 42,
        onProgress: (fraction) => ctx.onProgress(fraction, 'topics'),
        signal: ctx.signal,
      });
      return {
        layout: result,
        graph,
        clusters: clustering.labels,
        clusterCount: clustering.k,
        topics,
      };
    },
  };
}
