/**
 * Point-in-polygon selection over many points. A polygon is a flat list of vertices
 * [x0, y0, x1, y1, …], at least 3, implicitly closed (the last vertex joins the first).
 * Inside means the even-odd rule (W. R. Franklin, "PNPOLY", 1970s; O'Rourke, Computational
 * Geometry in C, §7.4): a horizontal ray from the point crosses the boundary an odd number of
 * times. It is defined for any closed path, so a lasso that crosses itself works too: a loop
 * drawn twice around an area leaves it out, as in vector drawing programs.
 */

/** How many horizontal bands edges are bucketed into, at most; each point tests only its band. */
const MAX_BANDS = 256;

/** True when (x, y) is inside the polygon by the even-odd rule; false for fewer than 3 vertices. */
export function pointInPolygon(x: number, y: number, polygon: ArrayLike<number>): boolean {
  const m = Math.floor(polygon.length / 2);
  if (m < 3) return false;
  let inside = false;
  for (let i = 0, j = m - 1; i < m; j = i++) {
    if (crosses(x, y, polygon[2 * i]!, polygon[2 * i + 1]!, polygon[2 * j]!, polygon[2 * j + 1]!))
      inside = !inside;
  }
  return inside;
}

/**
 * Indices of the points of xy (n×2, row-major) inside the polygon, ascending. Points outside the
 * polygon's bounding box are skipped at once; the others test only the edges of their horizontal
 * band, so a lasso of hundreds of vertices over 100k points stays a few milliseconds. Empty for a
 * polygon of fewer than 3 vertices or with a non-finite coordinate.
 */
export function pointsInPolygon(xy: Float32Array, polygon: ArrayLike<number>): Int32Array {
  const m = Math.floor(polygon.length / 2);
  if (m < 3) return new Int32Array(0);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < m; i++) {
    const x = polygon[2 * i]!;
    const y = polygon[2 * i + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return new Int32Array(0);
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  if (!(maxY > minY) || !(maxX > minX)) return new Int32Array(0);

  const nBands = Math.min(MAX_BANDS, m);
  const bandHeight = (maxY - minY) / nBands;
  const bandOf = (y: number) => Math.min(nBands - 1, Math.floor((y - minY) / bandHeight));
  const { bandStart, bandEdges } = edgesByBand(polygon, nBands, bandOf);

  const n = Math.floor(xy.length / 2);
  const found = new Int32Array(n);
  let count = 0;
  for (let p = 0; p < n; p++) {
    const x = xy[2 * p]!;
    const y = xy[2 * p + 1]!;
    if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) continue;
    const b = bandOf(y);
    let inside = false;
    for (let q = bandStart[b]!; q < bandStart[b + 1]!; q++) {
      const i = bandEdges[q]!;
      const j = i === 0 ? m - 1 : i - 1;
      if (crosses(x, y, polygon[2 * i]!, polygon[2 * i + 1]!, polygon[2 * j]!, polygon[2 * j + 1]!))
        inside = !inside;
    }
    if (inside) found[count++] = p;
  }
  return found.slice(0, count);
}

/**
 * The polygon's edges bucketed by the horizontal bands their y-range overlaps, as CSR: band b's
 * edges (by the index i of their end vertex; the edge runs from vertex i − 1) are
 * bandEdges[bandStart[b] .. bandStart[b+1]). A ray at height y can cross only edges whose y-range
 * contains y, and those all overlap y's band.
 */
function edgesByBand(
  polygon: ArrayLike<number>,
  nBands: number,
  bandOf: (y: number) => number,
): { bandStart: Int32Array; bandEdges: Int32Array } {
  const m = Math.floor(polygon.length / 2);
  const bandStart = new Int32Array(nBands + 1);
  const span = (i: number, j: number): [number, number] => {
    const y0 = polygon[2 * i + 1]!;
    const y1 = polygon[2 * j + 1]!;
    return [bandOf(Math.min(y0, y1)), bandOf(Math.max(y0, y1))];
  };
  for (let i = 0, j = m - 1; i < m; j = i++) {
    const [first, last] = span(i, j);
    for (let b = first; b <= last; b++) bandStart[b + 1]!++;
  }
  for (let b = 0; b < nBands; b++) bandStart[b + 1]! += bandStart[b]!;
  const cursor = bandStart.slice(0, nBands);
  const bandEdges = new Int32Array(bandStart[nBands]!);
  for (let i = 0, j = m - 1; i < m; j = i++) {
    const [first, last] = span(i, j);
    for (let b = first; b <= last; b++) bandEdges[cursor[b]!++] = i;
  }
  return { bandStart, bandEdges };
}

/** A box [x0, y0] – [x1, y1] (corners in any order) as a 4-vertex polygon. */
export function boxPolygon(x0: number, y0: number, x1: number, y1: number): Float64Array {
  return Float64Array.of(x0, y0, x1, y0, x1, y1, x0, y1);
}

/** Width and height of a polygon's bounding box, for telling a drag from a click. */
export function polygonExtent(polygon: ArrayLike<number>): [number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i + 1 < polygon.length; i += 2) {
    minX = Math.min(minX, polygon[i]!);
    maxX = Math.max(maxX, polygon[i]!);
    minY = Math.min(minY, polygon[i + 1]!);
    maxY = Math.max(maxY, polygon[i + 1]!);
  }
  return Number.isFinite(minX) ? [maxX - minX, maxY - minY] : [0, 0];
}

/**
 * Whether the ray from (x, y) towards +x crosses edge (xi, yi)–(xj, yj). The half-open test
 * (yi > y) ≠ (yj > y) counts a vertex on the ray's line once, never twice.
 */
function crosses(x: number, y: number, xi: number, yi: number, xj: number, yj: number): boolean {
  return yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi;
}
