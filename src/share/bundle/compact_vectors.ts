import { dequantiseInt8, quantiseInt8 } from '../../core/quantise';
import { principalBasis, projectVectors } from '../../core/vector_basis';
import type { MapBundle } from './map_bundle';

/**
 * The dimension a bundle file stores vectors at, at most: 128 int8 codes per paper (12.8 MB at
 * 100k papers, against 25.6 MB for 256 and 38.4 MB for MiniLM's 384), with the basis that maps
 * queries into the same space, so search by meaning ranks nearly as with the full vectors
 * (tests/gpu/meaning_search_reduced.test.ts measures how nearly on the default corpus).
 */
export const STORED_VECTOR_DIM = 128;

/**
 * The map with its vectors projected on their STORED_VECTOR_DIM principal axes and quantised
 * again (src/core/vector_basis.ts), when they have more dimensions and no basis yet; otherwise
 * the map itself. Linear in n: about 1–3 s at 100k × 256 in one thread, so it runs where files
 * are written (the bundle worker, the CLI), never on the page's main thread.
 */
export function compactVectors(map: MapBundle, maxDim = STORED_VECTOR_DIM): MapBundle {
  const { vectors } = map;
  if (!vectors || map.vectorBasis || vectors.dim <= maxDim || vectors.n === 0) return map;
  const full = dequantiseInt8(vectors);
  const basis = principalBasis(full, maxDim);
  return { ...map, vectors: quantiseInt8(projectVectors(full, basis)), vectorBasis: basis };
}
