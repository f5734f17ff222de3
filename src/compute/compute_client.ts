import type { BackendName, BackendReport } from '../gpu/backend';
import type {
  ComputeCallOptions,
  ComputeService,
  EmbedderSpec,
  LayoutEngine,
  PartialProjection,
  Projection,
} from '../gpu/compute_api';
import type { UmapParams } from '../core/layout/layout';
import type { SearchHit } from '../core/search/top_k';
import type { LabelText } from '../core/topics/label_corpus';
import type { VectorBasis } from '../core/vector_basis';
import type { Vectors } from '../core/vectors';
import { RpcClient } from './rpc_client';
import { startPolicyWorker } from './policy_worker';
import computeWorkerUrl from '../../workers/compute.worker.ts?worker&url';

/** The page's typed handle on the compute worker (tfjs, kNN, UMAP). */
export class ComputeClient implements ComputeService {
  private rpc: RpcClient;

  /** Starts a new compute worker; `start` makes the workers of later restarts. */
  constructor(
    worker?: Worker,
    private readonly start: () => Worker = startComputeWorker,
  ) {
    this.rpc = new RpcClient(worker ?? start());
  }

  /**
   * Replaces the worker with a fresh one (after a crash): calls still running on the old one are
   * rejected, and the new worker must be given `init` again before anything else.
   */
  restart(): void {
    this.rpc.destroy();
    this.rpc = new RpcClient(this.start());
  }

  /** Chooses the tfjs backend in the worker: webgpu → webgl → wasm → cpu. */
  init(preferred?: BackendName): Promise<BackendReport> {
    return this.rpc.call('init', { preferred });
  }

  /** The id that enters the vector cache key for this embedder. */
  embedderId(embedder: EmbedderSpec): Promise<string> {
    return this.rpc.call('embedderId', { embedder });
  }

  /** Embeds texts in the worker. */
  embed(
    texts: string[],
    embedder: EmbedderSpec,
    options: ComputeCallOptions = {},
  ): Promise<Vectors> {
    return this.rpc.call('embed', { texts, embedder }, options);
  }

  /** kNN, UMAP, clusters and topics (labelled from `texts`) in the worker; `onPartial` receives layouts while UMAP runs. */
  project(
    vectors: Vectors,
    texts: LabelText[],
    umap: Partial<UmapParams>,
    options: ComputeCallOptions & {
      onPartial?: (p: PartialProjection) => void;
      layout?: LayoutEngine;
    } = {},
  ): Promise<Projection> {
    // A copy travels so the caller's vectors stay usable (search, export).
    return this.rpc.call('project', { vectors, texts, umap, layout: options.layout }, options);
  }

  /**
   * Tells the worker which vectors search by meaning ranks, when they came from the cache; pass
   * the corpus texts so an lsa model can be refitted there (at the first search).
   */
  setCorpusVectors(
    vectors: Vectors,
    embedder: EmbedderSpec,
    texts?: string[],
    basis?: VectorBasis,
  ): Promise<void> {
    // A copy travels so the caller's vectors stay usable.
    return this.rpc.call('setCorpusVectors', { vectors, embedder, texts, basis });
  }

  /** The papers nearest a query in meaning, best first, ranked in the worker. */
  searchByMeaning(
    query: string,
    topK?: number,
    options: ComputeCallOptions = {},
  ): Promise<SearchHit[]> {
    return this.rpc.call('searchByMeaning', { query, topK }, options);
  }

  /** Stops the worker; safe to call twice. */
  destroy(): void {
    this.rpc.destroy();
  }
}

/** Starts the compute worker as an ES module worker bundled by Vite. */
export function startComputeWorker(): Worker {
  return startPolicyWorker(computeWorkerUrl, 'papermap-compute');
}
