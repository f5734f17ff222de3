import { DEFAULT_UMAP_PARAMS } from '../core/layout/layout';
import { dequantiseInt8, quantiseInt8 } from '../core/quantise';
import { bundleTopicsOf, hierarchyFromBundle } from '../share/bundle/bundle_topic_hierarchy';
import type { MapBundle } from '../share/bundle/map_bundle';
import type { Vectors } from '../core/vectors';
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

/**
 * The map a bundle holds, ready to draw: nothing is recomputed. Its vectors are decoded from
 * their int8 codes when first asked for (a search by meaning, a save): at 100k papers they are
 * 100 MB of floats that opening a shared map does not need. `abstracts` is the map's promise of
 * its papers' abstracts when they are still coming (BuiltMap.abstracts).
 */
export function builtFromBundle(bundle: MapBundle, abstracts?: Promise<void>): BuiltMap {
  let vectors: Vectors | null | undefined;
  return {
    corpus: bundle.corpus,
    ...(abstracts ? { abstracts } : {}),
    get vectors() {
      return (vectors ??= bundle.vectors ? dequantiseInt8(bundle.vectors) : null);
    },
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
