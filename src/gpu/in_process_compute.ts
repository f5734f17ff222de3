import type { CallContext } from '../core/rpc/protocol';
import type { BackendName } from './backend';
import type { BertModelCache } from './bert/bert_model_cache';
import type { ComputeCallOptions, ComputeService } from './compute_api';
import { createComputeHandlers } from './compute_handlers';
import { createMeaningSearch } from './meaning_search';

/**
 * The compute API without a worker: Node (the papermap command, tests, benchmarks); `models`
 * (default: downloaded over HTTP) serves minilm models.
 */
export function createInProcessCompute(
  init: {
    exclude?: BackendName[];
    wasmPaths?: Record<string, string>;
    models?: BertModelCache;
  } = {},
): ComputeService {
  const { models, ...backendOptions } = init;
  const search = createMeaningSearch();
  const handlers = createComputeHandlers(models, search);
  const context = (
    o: ComputeCallOptions & { onPartial?: (p: never) => void } = {},
  ): CallContext => ({
    signal: o.signal ?? new AbortController().signal,
    onProgress: o.onProgress ?? (() => {}),
    onPartial: (value) => (o.onPartial as ((v: unknown) => void) | undefined)?.(value),
  });
  return {
    init: (preferred) => handlers.init({ preferred, ...backendOptions }, context()),
    embedderId: (embedder) => handlers.embedderId({ embedder }, context()),
    embed: (texts, embedder, o) => handlers.embed({ texts, embedder }, context(o)),
    project: (vectors, texts, umap, o) =>
      handlers.project({ vectors, texts, umap, layout: o?.layout }, context(o)),
    setCorpusVectors: (vectors, embedder, texts, basis) =>
      handlers.setCorpusVectors({ vectors, embedder, texts, basis }, context()),
    searchByMeaning: (query, topK, o) => handlers.searchByMeaning({ query, topK }, context(o)),
    // Frees the search's uploaded vectors and fitted model; safe to call twice.
    destroy: () => search.dispose(),
  };
}
