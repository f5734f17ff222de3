/** An orthographic view: the layout point at the centre and log2 pixels per layout unit. */
export interface MapView {
  target: [number, number];
  zoom: number;
}

/** Bounding box of points xy (n×2): [minX, minY, maxX, maxY]; a unit box around 0 when empty. */
export function boundsOf(
  xy: Float32Array,
  indices?: ArrayLike<number>,
): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const count = indices ? indices.length : xy.length / 2;
  for (let j = 0; j < count; j++) {
    const i = indices ? indices[j]! : j;
    const x = xy[2 * i]!;
    const y = xy[2 * i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (!Number.isFinite(minX)) return [-1, -1, 1, 1];
  return [minX, minY, maxX, maxY];
}

/**
 * The view that fits a box into a width×height pixel viewport with a margin (fraction of the
 * viewport, default 8%); a box of zero size gets a fixed zoom.
 */
export function fitView(
  bounds: [number, number, number, number],
  width: number,
  height: number,
  margin = 0.08,
  maxZoom = 8,
): MapView {
  const [minX, minY, maxX, maxY] = bounds;
  const dx = Math.max(maxX - minX, 1e-6);
  const dy = Math.max(maxY - minY, 1e-6);
  const scale = Math.min((width * (1 - 2 * margin)) / dx, (height * (1 - 2 * margin)) / dy);
  return {
    target: [(minX + maxX) / 2, (minY + maxY) / 2],
    zoom: Math.min(maxZoom, Math.log2(Math.max(scale, 1e-6))),
  };
}
