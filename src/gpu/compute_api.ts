import type { KnnGraph } from '../core/knn_graph';
import type { Layout, UmapParams } from '../core/layout/layout';
import type { SearchHit } from '../core/search/top_k';
import type { LabelText } from '../core/topics/label_corpus';
import type { TopicHierarchy } from '../core/topics/topic';
import type { VectorBasis } from '../core/vector_basis';
import type { Vectors } from '../core/vectors';
import type { BackendName, BackendReport } from './backend';
import type { PickedModelFile } from './bert/local_model';

/**
 * Which embedder to run and with what parameters: `lsa` is built in and needs no download;
 * `minilm` is a BERT-family sentence transformer downloaded from `baseUrl` (a folder with
 * config.json, tokenizer.json and model.safetensors; default all-MiniLM-L6-v2 on Hugging Face),
 * with inputs cut at `maxTokens` tokens (default 256), or read from `files` the user picked from
 * disk (then `baseUrl` is ignored and the model is named by a fingerprint of its bytes).
 */
export type EmbedderSpec =
  | { kind: 'lsa'; params?: Record<string, number> }
  | {
      kind: 'minilm';
      baseUrl?: string;
      maxTokens?: number;
      files?: readonly PickedModelFile[];
    };

/** Which UMAP implementation lays out the map. */
export type LayoutEngine = 'papermap' | 'umap-js';

/**
 * The result of projecting a corpus: layout, neighbour graph, k-means cluster of each paper
 * (kept for old bundles and the CSV export) and the labelled topic hierarchy the map shows.
 */
export interface Projection {
  layout: Layout;
  graph: KnnGraph;
  clusters: Int32Array;
  clusterCount: number;
  topics: TopicHierarchy;
}

/** Intermediate layouts streamed while UMAP optimises. */
export interface PartialProjection {
  xy: Float32Array;
  epoch: number;
  nEpochs: number;
}

/** The compute worker's API (workers/compute.worker.ts); every method runs off the main thread. */
export interface ComputeApi {
  /** Chooses and initialises the tfjs backend; call once before the others. */
  init(args: {
    preferred?: BackendName;
    wasmPaths?: Record<string, string>;
    exclude?: BackendName[];
  }): Promise<BackendReport>;
  /** The cache id of an embedder: model and parameters. */
  embedderId(args: { embedder: EmbedderSpec }): Promise<string>;
  /** Embeds texts into unit vectors on the chosen backend. */
  embed(args: { texts: string[]; embedder: EmbedderSpec }): Promise<Vectors>;
  /**
   * Exact kNN on the GPU, UMAP layout, clustering and the topic hierarchy (labelled from `texts`,
   * one per vector; progress stage 'topics'). `layout` picks papermap's UMAP (default: tensors on
   * a GPU backend, exact SGD on the CPU) or umap-js, the reference.
   */
  project(args: {
    vectors: Vectors;
    texts: LabelText[];
    umap?: Partial<UmapParams>;
    neighbours?: number;
    layout?: LayoutEngine;
  }): Promise<Projection>;
  /**
   * Makes these the corpus vectors that searchByMeaning ranks, for vectors read from a cache (embed
   * sets them itself). A corpus-fitted embedder (lsa) not fitted on them in this worker is refitted
   * on `texts` at the first search; without texts that search fails and asks for them. `basis`:
   * the vectors are a map bundle's, projected on it (queries are projected too).
   */
  setCorpusVectors(args: {
    vectors: Vectors;
    embedder: EmbedderSpec;
    texts?: string[];
    basis?: VectorBasis;
  }): Promise<void>;
  /**
   * The topK (default 10) papers nearest a query in meaning, best first, with cosines in [−1, 1]:
   * the query embedded by the embedder of the last corpus embedded or set, ranked on the backend.
   */
  searchByMeaning(args: { query: string; topK?: number }): Promise<SearchHit[]>;
}

/** Progress, cancellation and streaming for one compute call. */
export interface ComputeCallOptions {
  onProgress?: (fraction: number, stage: string) => void;
  signal?: AbortSignal;
}

/**
 * The compute API as the app and the CLI use it: a worker in the browser (src/compute), the
 * same handlers in-process in Node (in_process_compute.ts).
 */
export interface ComputeService {
  init(preferred?: BackendName): Promise<BackendReport>;
  embedderId(embedder: EmbedderSpec): Promise<string>;
  embed(texts: string[], embedder: EmbedderSpec, options?: ComputeCallOptions): Promise<Vectors>;
  project(
    vectors: Vectors,
    texts: LabelText[],
    umap: Partial<UmapParams>,
    options?: ComputeCallOptions & {
      onPartial?: (p: PartialProjection) => void;
      /** papermap's UMAP (default) or umap-js, the reference. */
      layout?: LayoutEngine;
    },
  ): Promise<Projection>;
  setCorpusVectors(
    vectors: Vectors,
    embedder: EmbedderSpec,
    texts?: string[],
    basis?: VectorBasis,
  ): Promise<void>;
  searchByMeaning(query: string, topK?: number, options?: ComputeCallOptions): Promise<SearchHit[]>;
  destroy(): void;
}
