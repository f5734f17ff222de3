import type { DensityGrid } from './density';

/**
 * Segments where the grid's density crosses `level`, by marching squares (Lorensen & Cline's
 * marching cubes in two dimensions), with linear interpolation along cell edges and saddles
 * resolved by the cell's mean. Returns x0, y0, x1, y1 per segment in layout units.
 */
export function contourSegments(grid: DensityGrid, level: number): Float32Array {
  const { values, width, height, x0, y0, cell } = grid;
  const out: number[] = [];
  // Crossing point on edge e of cell (i, j): 0 bottom, 1 right, 2 top, 3 left (grid units).
  const point = (e: number, i: number, j: number, a: number, b: number, c: number, d: number) => {
    // a = (i, j), b = (i+1, j), c = (i+1, j+1), d = (i, j+1)
    const f = (p: number, q: number) => (level - p) / (q - p);
    if (e === 0) out.push(x0 + (i + f(a, b)) * cell, y0 + j * cell);
    else if (e === 1) out.push(x0 + (i + 1) * cell, y0 + (j + f(b, c)) * cell);
    else if (e === 2) out.push(x0 + (i + f(d, c)) * cell, y0 + (j + 1) * cell);
    else out.push(x0 + i * cell, y0 + (j + f(a, d)) * cell);
  };
  // Edge pairs per corner code (bit 0: a, 1: b, 2: c, 3: d above the level); saddles 5 and 10
  // are handled below.
  const PAIRS: readonly (readonly number[])[] = [
    [],
    [3, 0],
    [0, 1],
    [3, 1],
    [1, 2],
    [],
    [0, 2],
    [3, 2],
    [3, 2],
    [0, 2],
    [],
    [1, 2],
    [3, 1],
    [0, 1],
    [3, 0],
    [],
  ];
  for (let j = 0; j + 1 < height; j++) {
    for (let i = 0; i + 1 < width; i++) {
      const a = values[j * width + i]!;
      const b = values[j * width + i + 1]!;
      const c = values[(j + 1) * width + i + 1]!;
      const d = values[(j + 1) * width + i]!;
      const code =
        (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
      if (code === 0 || code === 15) continue;
      let pairs: readonly number[] = PAIRS[code]!;
      if (code === 5 || code === 10) {
        // Is the middle of the cell above the level? Then the two "above" corners connect.
        const joined = (a + b + c + d) / 4 > level;
        const cutA = code === 5 ? !joined : joined;
        pairs = cutA ? [3, 0, 1, 2] : [0, 1, 2, 3];
      }
      for (let p = 0; p < pairs.length; p += 2) {
        point(pairs[p]!, i, j, a, b, c, d);
        point(pairs[p + 1]!, i, j, a, b, c, d);
      }
    }
  }
  return Float32Array.from(out);
}
