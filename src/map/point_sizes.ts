import type { Paper } from '../core/paper';

/** The map's usual point radius in pixels, when points are not sized by a value. */
export const BASE_RADIUS = 4.5;
/** Radius in pixels of the paper with the fewest upvotes, and of papers with none known. */
export const MIN_RADIUS = 3.5;
/** Radius in pixels of the paper with the most upvotes: a bound, so no point hides a region. */
export const MAX_RADIUS = 12;

/**
 * Point radii in pixels (one per paper) growing with log(1 + upvotes), from MIN_RADIUS for the
 * fewest upvotes in the corpus to MAX_RADIUS for the most; papers without upvotes get MIN_RADIUS
 * less half a pixel. A log scale because upvotes are heavy-tailed (a few papers get hundreds).
 */
export function upvoteRadii(papers: readonly Paper[]): Float32Array {
  const n = papers.length;
  const logs = new Float64Array(n);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = papers[i]!.upvotes;
    const l = v !== null && Number.isFinite(v) ? Math.log1p(Math.max(0, v)) : NaN;
    logs[i] = l;
    if (l < min) min = l;
    if (l > max) max = l;
  }
  const out = new Float32Array(n);
  const span = max - min;
  for (let i = 0; i < n; i++) {
    const l = logs[i]!;
    if (Number.isNaN(l)) out[i] = MIN_RADIUS - 0.5;
    else out[i] = MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * (span > 0 ? (l - min) / span : 0.5);
  }
  return out;
}
