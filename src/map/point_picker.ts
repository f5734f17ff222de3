import { PointGrid } from '../core/geometry/point_grid';

/**
 * Finds the paper under the pointer on the CPU, from the positions of the points and the radii
 * they are drawn with, through a uniform grid over the layout built once per set of positions.
 *
 * deck.gl's own picking draws every point again into an offscreen buffer and reads a pixel back
 * on each pointer move: at 100k papers in software WebGL (llvmpipe) a tenth of a second per move,
 * and a quarter of a second more on the first hover to compile the picking draw. Here a hover
 * looks at the few points near the pointer.
 */
export class PointPicker {
  private readonly grid: PointGrid;

  /** Indexes `n` points at `xy` (x0, y0, x1, y1, … in layout units); non-finite ones are left out. */
  constructor(
    private readonly xy: Float32Array,
    n: number,
  ) {
    this.grid = new PointGrid(xy, n);
  }

  /**
   * The paper drawn on top (the highest index: deck.gl draws in index order) whose disc contains
   * the point (x, y) in layout units, or −1. `scale` is pixels per layout unit, `radiusPx(i)` the
   * outer radius paper i is drawn with in pixels, and `maxRadiusPx` the largest of them.
   */
  pick(
    x: number,
    y: number,
    scale: number,
    radiusPx: (i: number) => number,
    maxRadiusPx: number,
  ): number {
    if (!(scale > 0) || !Number.isFinite(x) || !Number.isFinite(y)) return -1;
    const { grid, xy } = this;
    const reach = maxRadiusPx / scale;
    let best = -1;
    const test = (i: number): void => {
      if (i <= best) return;
      const dx = (xy[2 * i]! - x) * scale;
      const dy = (xy[2 * i + 1]! - y) * scale;
      const radius = radiusPx(i);
      if (dx * dx + dy * dy <= radius * radius) best = i;
    };
    for (let gy = grid.cellY(y - reach); gy <= grid.cellY(y + reach); gy++)
      for (let gx = grid.cellX(x - reach); gx <= grid.cellX(x + reach); gx++)
        grid.forEachIn(gx, gy, test);
    return best;
  }
}
