import type { KnnGraph } from '../../core/knn_graph';
import type { Layout } from '../../core/layout/layout';
import type { Corpus } from '../../core/paper';
import type { QuantisedVectors } from '../../core/quantise';
import type { VectorBasis } from '../../core/vector_basis';

/** The `format` field of every bundle header. */
export const BUNDLE_FORMAT = 'papermap-bundle';

/**
 * The bundle version this code writes. Version 3 stores the papers as packed binary columns
 * (paper_table_bytes.ts). Version 2 stored them as JSON columns (paper_columns.ts), and brought
 * neighbour distances as uint16 (distance_codes.ts) and vectors projected on a basis (section
 * 'vectors.basis'); versions 1 and 2 are still read.
 */
export const BUNDLE_VERSION = 3;

/** The versions this code reads. */
export const READABLE_VERSIONS: readonly number[] = [1, 2, 3];

/** The 8 bytes a bundle container starts with (before gzip, see bundle_file.ts). */
export const BUNDLE_MAGIC = 'PMAPBNDL';

/** Largest bundle the reader accepts, in bytes (1 GiB), compressed or not. */
export const MAX_BUNDLE_BYTES = 1024 * 1024 * 1024;

/** Most papers a bundle may hold (10 million). */
export const MAX_BUNDLE_PAPERS = 10_000_000;

/** A labelled topic at one zoom level; labels come later (an empty list is a valid bundle). */
export interface BundleTopic {
  /** Zoom level of the topic hierarchy, 0 = coarsest. */
  level: number;
  /** The cluster id at that level that this topic labels, ≥ 0. */
  cluster: number;
  label: string;
  /** Keywords behind the label, most telling first. */
  keywords: string[];
}

/**
 * Everything a shared map needs to open instantly without recomputing: papers, layout, neighbour
 * graph, clusters, topics, and optionally int8 vectors so search by meaning still works.
 */
export interface MapBundle {
  /** A human-readable name of the corpus, shown in the app. */
  name: string;
  /** The papers with every field, and their content hash. */
  corpus: Corpus;
  /** The id of the embedder that made the vectors (see EmbedderSpec), e.g. "lsa-v1:dim=256;…". */
  embedderId: string;
  /** The xy coordinates (n×2) and the id of the layout algorithm. */
  layout: Layout;
  /** The parameters that made the layout (UMAP's nNeighbors, minDist, nEpochs, seed), finite numbers. */
  layoutParams: Record<string, number>;
  /** k nearest neighbours of each paper with cosine distances; k ≤ n − 1. */
  graph: KnnGraph;
  /** The cluster of each paper, in [0, clusterCount). */
  clusters: Int32Array;
  clusterCount: number;
  topics: BundleTopic[];
  /**
   * Each topic level's assignment (paper → `cluster` of the level's topics), coarsest first, each
   * of length n; absent in bundles written before topic hierarchies.
   */
  topicLevels?: Int32Array[];
  /** The embedding as int8 codes with one scale per row (src/core/quantise.ts), when included. */
  vectors?: QuantisedVectors;
  /**
   * When the vectors are stored projected (compact_vectors.ts): the orthonormal basis, from the
   * embedder's dimension (fullDim) to the vectors' dim, that queries are projected on too.
   */
  vectorBasis?: VectorBasis;
}

/** Thousands separators for error messages: 1180 → "1,180". */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
