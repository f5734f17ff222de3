import { PointGrid } from '../geometry/point_grid';

/**
 * Exact k nearest neighbours of every point of a 2-D layout (Euclidean), excluding the point
 * itself, nearest first: a uniform grid of about 2 points per cell searched in growing rings,
 * so the cost is about n·k rather than n². Row-major n×k.
 */
export function knn2d(xy: Float32Array, k: number): Int32Array {
  const n = xy.length / 2;
  const kk = Math.min(k, n - 1);
  const out = new Int32Array(n * Math.max(kk, 0));
  if (kk <= 0) return out;
  const grid = new PointGrid(xy, n);
  const bestD = new Float64Array(kk);
  const bestI = new Int32Array(kk);
  for (let i = 0; i < n; i++) {
    const x = xy[2 * i]!;
    const y = xy[2 * i + 1]!;
    bestD.fill(Infinity);
    bestI.fill(-1);
    const cx = grid.cellX(x);
    const cy = grid.cellY(y);
    for (let ring = 0; ; ring++) {
      for (let gy = cy - ring; gy <= cy + ring; gy++) {
        for (let gx = cx - ring; gx <= cx + ring; gx++) {
          // Only the cells on the ring's border are new.
          if (Math.max(Math.abs(gx - cx), Math.abs(gy - cy)) !== ring) continue;
          grid.forEachIn(gx, gy, (j) => {
            if (j === i) return;
            const d = (xy[2 * j]! - x) ** 2 + (xy[2 * j + 1]! - y) ** 2;
            if (d < bestD[kk - 1]! || (d === bestD[kk - 1]! && j < bestI[kk - 1]!))
              insert(bestD, bestI, d, j);
          });
        }
      }
      // Every point outside the searched square is at least `ring` cells away.
      const reach = ring * grid.cell;
      if (bestI[kk - 1]! >= 0 && bestD[kk - 1]! <= reach * reach) break;
      if (ring > grid.size) break;
    }
    out.set(bestI, i * kk);
  }
  return out;
}

function insert(d: Float64Array, idx: Int32Array, dist: number, j: number): void {
  let p = d.length - 1;
  while (p > 0 && (d[p - 1]! > dist || (d[p - 1] === dist && idx[p - 1]! > j))) {
    d[p] = d[p - 1]!;
    idx[p] = idx[p - 1]!;
    p--;
  }
  d[p] = dist;
  idx[p] = j;
}
