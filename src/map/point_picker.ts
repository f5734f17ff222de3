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
  private readonly minX: number;
  private readonly minY: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly cellWidth: number;
  private readonly cellHeight: number;
  /** Points of cell c are order[starts[c] .. starts[c + 1]), ascending. */
  private readonly starts: Uint32Array;
  private readonly order: Uint32Array;

  /** Indexes `n` points at `xy` (x0, y0, x1, y1, … in layout units); non-finite ones are left out. */
  constructor(
    private readonly xy: Float32Array,
    n: number,
  ) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const x = xy[2 * i]!;
      const y = xy[2 * i + 1]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      kept++;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    const width = kept ? maxX - minX : 0;
    const height = kept ? maxY - minY : 0;
    // About two points a cell; square cells, at most 4096 along a side.
    const cells = Math.max(1, kept >> 1);
    const aspect = width > 0 && height > 0 ? width / height : 1;
    this.cols = Math.min(4096, Math.max(1, Math.round(Math.sqrt(cells * aspect))));
    this.rows = Math.min(4096, Math.max(1, Math.round(cells / this.cols)));
    this.minX = kept ? minX : 0;
    this.minY = kept ? minY : 0;
    this.cellWidth = width / this.cols || 1;
    this.cellHeight = height / this.rows || 1;

    const cellOf = new Int32Array(n).fill(-1);
    const starts = new Uint32Array(this.cols * this.rows + 1);
    for (let i = 0; i < n; i++) {
      const x = xy[2 * i]!;
      const y = xy[2 * i + 1]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const c = this.row(y) * this.cols + this.col(x);
      cellOf[i] = c;
      starts[c + 1]!++;
    }
    for (let c = 0; c < this.cols * this.rows; c++) starts[c + 1]! += starts[c]!;
    const fill = starts.slice(0, -1);
    const order = new Uint32Array(kept);
    for (let i = 0; i < n; i++) {
      const c = cellOf[i]!;
      if (c >= 0) order[fill[c]!++] = i;
    }
    this.starts = starts;
    this.order = order;
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
    if (!this.order.length || !(scale > 0) || !Number.isFinite(x) || !Number.isFinite(y)) return -1;
    const reach = maxRadiusPx / scale;
    const c0 = this.col(x - reach);
    const c1 = this.col(x + reach);
    const r0 = this.row(y - reach);
    const r1 = this.row(y + reach);
    const { xy, order, starts } = this;
    let best = -1;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = r * this.cols + c;
        for (let k = starts[cell]!; k < starts[cell + 1]!; k++) {
          const i = order[k]!;
          if (i <= best) continue;
          const dx = (xy[2 * i]! - x) * scale;
          const dy = (xy[2 * i + 1]! - y) * scale;
          const radius = radiusPx(i);
          if (dx * dx + dy * dy <= radius * radius) best = i;
        }
      }
    }
    return best;
  }

  private col(x: number): number {
    const c = Math.floor((x - this.minX) / this.cellWidth);
    return Math.min(this.cols - 1, Math.max(0, c));
  }

  private row(y: number): number {
    const r = Math.floor((y - this.minY) / this.cellHeight);
    return Math.min(this.rows - 1, Math.max(0, r));
  }
}
