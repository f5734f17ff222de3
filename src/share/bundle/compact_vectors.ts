import { dequantiseInt8, quantiseInt8 } from '../../core/quantise';
import { principalBasis, projectVectors } from '../../core/vector_basis';
import { quantiseInt4 } from './int4_codes';
import type { MapBundle } from './map_bundle';

/**
 * The most dimensions a bundle file stores vectors at: with 4-bit codes (int4_codes.ts), 128 bytes
 * a paper, 12.8 MB at 100k papers (int8 at 256 dimensions took 25.6 MB). lsa's 256 dimensions are
 * kept; MiniLM's 384 are projected on their 256 principal axes, with the basis that projects
 * queries the same way (src/core/vector_basis.ts).
 */
export const MAX_STORED_DIM = 256;

/**
 * The map with its vectors as a bundle file stores them: projected on their MAX_STORED_DIM
 * principal axes when they have more dimensions (and no basis yet), then requantised to 4-bit
 * codes; a map without vectors is returned as it is. Linear in n (the projection ~1–3 s at
 * 100k × 384 in one thread), so it runs where files are written (the bundle worker, the CLI),
 * never on the page's main thread.
 */
export function compactVectors(map: MapBundle, maxDim = MAX_STORED_DIM): MapBundle {
  const { vectors } = map;
  if (!vectors || vectors.n === 0) return map;
  if (map.vectorBasis || vectors.dim <= maxDim) {
    const codes = quantiseInt4(vectors);
    return codes === vectors ? map : { ...map, vectors: codes };
  }
  const full = dequantiseInt8(vectors);
  const basis = principalBasis(full, maxDim);
  const projected = quantiseInt4(quantiseInt8(projectVectors(full, basis)));
  return { ...map, vectors: projected, vectorBasis: basis };
}
