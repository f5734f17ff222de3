/**
 * A uniform grid of square cells over 2-D points, about two points a cell: the points of a cell
 * are found without looking at the others. Points without a finite position are left out.
 */
export class PointGrid {
  /** Cells along each side. */
  readonly size: number;
  /** A cell's side, in the points' units. */
  readonly cell: number;
  private readonly minX: number;
  private readonly minY: number;
  /** Points of cell c are order[starts[c] .. starts[c + 1]), ascending (a counting sort). */
  private readonly starts: Int32Array;
  private readonly order: Int32Array;

  /** Indexes `n` points at `xy` (x0, y0, x1, y1, …). */
  constructor(xy: Float32Array, n: number) {
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
    this.minX = kept ? minX : 0;
    this.minY = kept ? minY : 0;
    this.size = Math.max(1, Math.ceil(Math.sqrt(kept / 2)));
    this.cell = (kept ? Math.max(maxX - minX, maxY - minY, 1e-12) : 1) / this.size;
    const cells = this.size * this.size;
    const cellOf = new Int32Array(n).fill(-1);
    const starts = new Int32Array(cells + 1);
    for (let i = 0; i < n; i++) {
      const x = xy[2 * i]!;
      const y = xy[2 * i + 1]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      cellOf[i] = this.cellY(y) * this.size + this.cellX(x);
      starts[cellOf[i]! + 1]!++;
    }
    for (let c = 0; c < cells; c++) starts[c + 1]! += starts[c]!;
    const fill = starts.slice(0, cells);
    const order = new Int32Array(kept);
    for (let i = 0; i < n; i++) {
      const c = cellOf[i]!;
      if (c >= 0) order[fill[c]!++] = i;
    }
    this.starts = starts;
    this.order = order;
  }

  /** The column of x, clamped to the grid (points beyond it count in its edge cells). */
  cellX(x: number): number {
    return Math.min(this.size - 1, Math.max(0, Math.floor((x - this.minX) / this.cell)));
  }

  /** The row of y, clamped to the grid. */
  cellY(y: number): number {
    return Math.min(this.size - 1, Math.max(0, Math.floor((y - this.minY) / this.cell)));
  }

  /** Calls `fn` with each point of cell (gx, gy) in ascending order; none outside the grid. */
  forEachIn(gx: number, gy: number, fn: (i: number) => void): void {
    if (gx < 0 || gy < 0 || gx >= this.size || gy >= this.size) return;
    const c = gy * this.size + gx;
    for (let p = this.starts[c]!; p < this.starts[c + 1]!; p++) fn(this.order[p]!);
  }
}
