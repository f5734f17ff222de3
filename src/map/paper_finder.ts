import type { Viewport } from '@deck.gl/core';
import { MAX_REACH_PX, paperReachPx, type PaperPoints } from './papers_layer';
import { PointPicker } from './point_picker';

/** Finds the paper drawn at a pixel of the map; indexes each new set of points on first use. */
export class PaperFinder {
  private picker: PointPicker | null = null;
  private indexed: { xy: Float32Array; n: number } | null = null;

  /** The paper of `points` drawn at pixel (x, y) of `viewport`, or −1. */
  at(viewport: Viewport, points: PaperPoints, x: number, y: number): number {
    if (!this.picker || this.indexed?.xy !== points.xy || this.indexed.n !== points.n) {
      this.picker = new PointPicker(points.xy, points.n);
      this.indexed = { xy: points.xy, n: points.n };
    }
    const [lx, ly] = viewport.unproject([x, y]);
    const scale = 2 ** viewport.zoom;
    return this.picker.pick(lx!, ly!, scale, (i) => paperReachPx(points, i), MAX_REACH_PX);
  }
}
