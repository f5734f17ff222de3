import { describe, expect, it } from 'vitest';
import { PointPicker } from '../../src/map/point_picker';
import { MAX_REACH_PX, paperReachPx } from '../../src/map/papers_layer';
import { upvoteRadii } from '../../src/map/point_sizes';
import { mulberry32 } from '../../src/core/random';

/** The reference: every point tested, the last one drawn wins. */
function pickByScan(
  xy: Float32Array,
  x: number,
  y: number,
  scale: number,
  reach: (i: number) => number,
): number {
  let best = -1;
  for (let i = 0; i < xy.length / 2; i++) {
    const dx = (xy[2 * i]! - x) * scale;
    const dy = (xy[2 * i + 1]! - y) * scale;
    if (dx * dx + dy * dy <= reach(i) ** 2) best = i;
  }
  return best;
}

/** Clustered points like a UMAP layout: dense blobs of different sizes, a few strays. */
function clusteredLayout(n: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  const centres = Array.from({ length: 12 }, () => [random() * 40 - 20, random() * 30 - 15]);
  const xy = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const stray = random() < 0.02;
    const [cx, cy] = stray ? [random() * 60 - 30, random() * 60 - 30] : centres[i % 12]!;
    const spread = stray ? 0 : 0.3 + (i % 12) * 0.15;
    xy[2 * i] = cx! + (random() - 0.5) * spread;
    xy[2 * i + 1] = cy! + (random() - 0.5) * spread;
  }
  return xy;
}

describe('finding the paper under the pointer', () => {
  it('finds the same paper as testing every point, at every zoom, sized by upvotes', () => {
    const n = 5000;
    const xy = clusteredLayout(n, 7);
    const random = mulberry32(3);
    const papers = Array.from({ length: n }, () => ({
      upvotes: random() < 0.3 ? null : Math.floor(random() ** 4 * 500),
    }));
    const points = { xy, colours: new Uint8Array(4 * n), n, radii: upvoteRadii(papers as never) };
    const reach = (i: number) => paperReachPx(points, i);
    const picker = new PointPicker(xy, n);
    let hits = 0;
    for (const zoom of [-2, 0, 3, 6, 10]) {
      const scale = 2 ** zoom;
      for (let q = 0; q < 400; q++) {
        // Half the pointers near a paper, half anywhere.
        const near = Math.floor(random() * n);
        const x = q % 2 ? xy[2 * near]! + (random() - 0.5) * (20 / scale) : random() * 70 - 35;
        const y = q % 2 ? xy[2 * near + 1]! + (random() - 0.5) * (20 / scale) : random() * 70 - 35;
        const expected = pickByScan(xy, x, y, scale, reach);
        expect(picker.pick(x, y, scale, reach, MAX_REACH_PX)).toBe(expected);
        if (expected >= 0) hits++;
      }
    }
    // The comparison covered both answers, not only "nothing here".
    expect(hits).toBeGreaterThan(500);
  });

  it('answers the paper drawn on top where two overlap, and nothing just outside a paper', () => {
    const xy = new Float32Array([0, 0, 0.5, 0, 100, 100]);
    const reach = () => 5;
    const picker = new PointPicker(xy, 3);
    // At 2 px per unit the two first papers are 1 px apart: the pointer between them gets the
    // later one, which deck.gl draws over the earlier.
    expect(picker.pick(0.25, 0, 2, reach, 5)).toBe(1);
    expect(picker.pick(-2.4, 0, 2, reach, 5)).toBe(0);
    expect(picker.pick(-2.6, 0, 2, reach, 5)).toBe(-1);
    expect(picker.pick(100, 102.4, 2, reach, 5)).toBe(2);
    expect(picker.pick(100, 102.6, 2, reach, 5)).toBe(-1);
  });

  it('leaves out points without a finite position, and copes with one spot or none', () => {
    const xy = new Float32Array([NaN, 0, 3, 3, 3, 3, Infinity, 1]);
    const picker = new PointPicker(xy, 4);
    expect(picker.pick(3, 3, 1, () => 4, 4)).toBe(2);
    expect(picker.pick(NaN, 0, 1, () => 4, 4)).toBe(-1);
    expect(new PointPicker(new Float32Array(0), 0).pick(0, 0, 1, () => 4, 4)).toBe(-1);
    expect(new PointPicker(new Float32Array([NaN, NaN]), 1).pick(0, 0, 1, () => 4, 4)).toBe(-1);
  });
});

describe('where a paper is under the pointer', () => {
  it('reaches over its fill, outline and smoothed edge, never less than the smallest point', () => {
    const points = {
      xy: new Float32Array(4),
      colours: new Uint8Array(8),
      n: 2,
      radii: new Float32Array([12, 0.5]),
    };
    expect(paperReachPx(points, 0)).toBe(MAX_REACH_PX);
    expect(paperReachPx(points, 1)).toBeGreaterThan(2.5);
    expect(paperReachPx({ ...points, radii: null }, 1)).toBeGreaterThan(paperReachPx(points, 1));
  });
});
