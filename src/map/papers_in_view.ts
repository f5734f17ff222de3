import type { MapView } from './view_fit';

/** The papers whose points are on screen: the `cap` nearest the centre, and how many there are. */
export interface PapersInView {
  /** Paper indices, nearest the view's centre first; at most `cap` of them. */
  indices: Int32Array;
  /** How many points are inside the viewport in all (≥ indices.length). */
  total: number;
}

/**
 * The papers whose points (xy, n×2 layout units) fall inside a width×height pixel viewport of
 * an orthographic, y-down view (deck.gl's OrthographicView with flipY, as DeckMap uses), the
 * `cap` (default 200) nearest the centre first, ties by index. Linear in n: one pass over xy,
 * a quickselect for the cap-th distance, and a sort of at most `cap` indices. With `shown`
 * (1 = shown), papers a filter hides are neither listed nor counted.
 */
export function papersInView(
  xy: Float32Array,
  view: MapView,
  width: number,
  height: number,
  cap = 200,
  shown: Uint8Array | null = null,
): PapersInView {
  const n = Math.floor(xy.length / 2);
  const scale = 2 ** view.zoom;
  const [tx, ty] = view.target;
  // Half the viewport in layout units: a point is on screen when |x − tx| ≤ halfW (same for y).
  const halfW = width / 2 / scale;
  const halfH = height / 2 / scale;
  const inside = new Int32Array(n);
  const dist = new Float32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (shown && !shown[i]) continue;
    const dx = xy[2 * i]! - tx;
    const dy = xy[2 * i + 1]! - ty;
    if (dx < -halfW || dx > halfW || dy < -halfH || dy > halfH) continue;
    inside[total] = i;
    dist[total] = dx * dx + dy * dy;
    total++;
  }
  const keep = Math.max(0, Math.min(cap, total));
  let chosen: Int32Array;
  if (total <= keep) chosen = inside.slice(0, total);
  else {
    // The keep-th smallest distance; every point below it is in, ties at it fill the rest.
    const threshold = kthSmallest(dist.slice(0, total), keep - 1);
    chosen = new Int32Array(keep);
    let k = 0;
    for (let j = 0; j < total && k < keep; j++) if (dist[j]! < threshold) chosen[k++] = inside[j]!;
    for (let j = 0; j < total && k < keep; j++) if (dist[j] === threshold) chosen[k++] = inside[j]!;
  }
  const d2 = (i: number): number => {
    const dx = xy[2 * i]! - tx;
    const dy = xy[2 * i + 1]! - ty;
    return dx * dx + dy * dy;
  };
  // Math.fround: the same float32 rounding as `dist`, so the order agrees with the selection.
  chosen.sort((a, b) => Math.fround(d2(a)) - Math.fround(d2(b)) || a - b);
  return { indices: chosen, total };
}

/** The k-th smallest value (0-based) of `values`, which it reorders (Hoare's quickselect). */
function kthSmallest(values: Float32Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}
