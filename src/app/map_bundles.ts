import { DEFAULT_UMAP_PARAMS } from '../core/layout/layout';
import { dequantiseInt8, quantiseInt8 } from '../core/quantise';
import { bundleTopicsOf, hierarchyFromBundle } from '../share/bundle/bundle_topic_hierarchy';
import type { MapBundle } from '../share/bundle/map_bundle';
import type { BuiltMap } from './build_map';

/**
 * The bundle of a built map. The map was built from the stored (int8) vectors, so the codes
 * written here are exactly its vectors; `vectors: false` leaves them out (no search by meaning).
 */
export function bundleFromBuilt(
  built: BuiltMap,
  name: string,
  options: { vectors: boolean; seed?: number },
): MapBundle {
  const { layout, graph, clusters, clusterCount, topics } = built.projection;
  const bundle: MapBundle = {
    name,
    corpus: built.corpus,
    embedderId: built.embedderId,
    layout,
    layoutParams: { ...DEFAULT_UMAP_PARAMS, seed: options.seed ?? DEFAULT_UMAP_PARAMS.seed },
    graph,
    clusters,
    clusterCount,
    ...bundleTopicsOf(topics),
  };
  if (options.vectors && built.vectors) {
    bundle.vectors = quantiseInt8(built.vectors);
    // A map opened from a bundle keeps the basis its vectors were projected on; the file writer
    // projects full vectors itself (compact_vectors.ts), off the main thread.
    if (built.vectorBasis) bundle.vectorBasis = built.vectorBasis;
  }
  return bundle;
}

/** The map a bundle holds, ready to draw: nothing is recomputed. */
export function builtFromBundle(bundle: MapBundle): BuiltMap {
  return {
    corpus: bundle.corpus,
    vectors: bundle.vectors ? dequantiseInt8(bundle.vectors) : null,
    ...(bundle.vectors && bundle.vectorBasis ? { vectorBasis: bundle.vectorBasis } : {}),
    projection: {
      layout: bundle.layout,
      graph: bundle.graph,
      clusters: bundle.clusters,
      clusterCount: bundle.clusterCount,
      topics: hierarchyFromBundle(bundle),
    },
    embedderId: bundle.embedderId,
    vectorsFrom: 'bundle',
    notices: [],
  };
}
