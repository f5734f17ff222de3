/**
 * Cluster colours: Okabe–Ito's colour-blind-safe eight, then four of Paul Tol's muted scheme,
 * as RGB 0–255. Cluster c gets colour c mod 12.
 */
export const CLUSTER_PALETTE: readonly (readonly [number, number, number])[] = [
  [0, 114, 178],
  [230, 159, 0],
  [0, 158, 115],
  [204, 121, 167],
  [86, 180, 233],
  [213, 94, 0],
  [240, 228, 66],
  [0, 0, 0],
  [136, 34, 85],
  [68, 170, 153],
  [153, 153, 51],
  [102, 17, 0],
];

/** Okabe–Ito's black, which vanishes on a dark background: drawn in the dark theme's ink. */
const BLACK = 7;
const DARK_INK: readonly [number, number, number] = [236, 236, 239];

/** RGBA bytes (n×4) colouring each point by its cluster; alpha 0–255; `dark` for the dark theme. */
export function clusterColours(clusters: Int32Array, alpha = 210, dark = false): Uint8Array {
  const out = new Uint8Array(clusters.length * 4);
  clusters.forEach((c, i) => {
    const k = c % CLUSTER_PALETTE.length;
    const rgb = dark && k === BLACK ? DARK_INK : CLUSTER_PALETTE[k]!;
    out.set([rgb[0], rgb[1], rgb[2], alpha], i * 4);
  });
  return out;
}

/** A CSS colour for cluster c; black is the theme's ink (app.css --ink), so it shows in dark. */
export function clusterCss(c: number): string {
  if (c % CLUSTER_PALETTE.length === BLACK) return 'var(--ink)';
  const [r, g, b] = CLUSTER_PALETTE[c % CLUSTER_PALETTE.length]!;
  return `rgb(${r} ${g} ${b})`;
}

/** A copy of RGBA colours where every point outside `keep` fades to `alpha` (search, filters). */
export function fadeExcept(colours: Uint8Array, keep: ReadonlySet<number>, alpha = 28): Uint8Array {
  const out = colours.slice();
  for (let i = 3; i < out.length; i += 4) if (!keep.has((i - 3) / 4)) out[i] = alpha;
  return out;
}

/**
 * A copy of RGBA colours where every point with mask[i] = 0 fades to `alpha` (the paper filter);
 * points already fainter (a search's fade) stay as faint. Linear, no allocation per point.
 */
export function fadeByMask(colours: Uint8Array, mask: Uint8Array, alpha = 28): Uint8Array {
  const out = colours.slice();
  for (let i = 0; i < mask.length; i++)
    if (!mask[i]) out[i * 4 + 3] = Math.min(out[i * 4 + 3]!, alpha);
  return out;
}

/**
 * A copy of RGBA colours where every point not in `keep` (indices, any order) fades to `alpha`
 * at most; kept points keep their alpha, so this composes with fadeExcept (a lasso selection
 * within search results). Linear in the points, no per-point allocation.
 */
export function fadeByIndices(colours: Uint8Array, keep: Int32Array, alpha = 28): Uint8Array {
  const out = colours.slice();
  for (let i = 3; i < out.length; i += 4) out[i] = Math.min(out[i]!, alpha);
  for (const p of keep) {
    if (p >= 0 && 4 * p + 3 < out.length) out[4 * p + 3] = colours[4 * p + 3]!;
  }
  return out;
}

/**
 * The colours points are drawn with: `base`, faded outside the search's matches, the lasso
 * selection and the filter's kept papers (each optional). A point is bright only when all keep it.
 */
export function fadePoints(
  base: Uint8Array,
  leftIn: {
    matches?: ReadonlySet<number> | null;
    selection?: Int32Array | null;
    kept?: Uint8Array | null;
  },
): Uint8Array {
  const searched = leftIn.matches ? fadeExcept(base, leftIn.matches) : base;
  const selected = leftIn.selection ? fadeByIndices(searched, leftIn.selection) : searched;
  return leftIn.kept ? fadeByMask(selected, leftIn.kept) : selected;
}
