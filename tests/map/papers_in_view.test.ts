import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { papersInView } from '../../src/map/papers_in_view';
import type { MapView } from '../../src/map/view_fit';

/** The same answer the slow way: project every point, filter, sort everything. */
function reference(xy: Float32Array, view: MapView, width: number, height: number, cap: number) {
  const scale = 2 ** view.zoom;
  const all: { i: number; d: number }[] = [];
  for (let i = 0; i < xy.length / 2; i++) {
    const px = width / 2 + (xy[2 * i]! - view.target[0]) * scale;
    const py = height / 2 + (xy[2 * i + 1]! - view.target[1]) * scale;
    if (px < -1e-6 || px > width + 1e-6 || py < -1e-6 || py > height + 1e-6) continue;
    const dx = xy[2 * i]! - view.target[0];
    const dy = xy[2 * i + 1]! - view.target[1];
    all.push({ i, d: Math.fround(dx * dx + dy * dy) });
  }
  all.sort((a, b) => a.d - b.d || a.i - b.i);
  return { indices: all.slice(0, cap).map((e) => e.i), total: all.length };
}

describe('papersInView', () => {
  it('lists the points inside the viewport, nearest the centre first', () => {
    // A 3×3 grid, one unit apart; at zoom 1 (2 px per unit) a 4×4 px view around (1, 1) holds
    // all nine: the middle, its four edge neighbours, then the corners on the border.
    const xy = new Float32Array([0, 0, 1, 0, 2, 0, 0, 1, 1, 1, 2, 1, 0, 2, 1, 2, 2, 2]);
    const view: MapView = { target: [1, 1], zoom: 1 };
    expect(Array.from(papersInView(xy, view, 4, 4).indices)).toEqual([4, 1, 3, 5, 7, 0, 2, 6, 8]);
    expect(Array.from(papersInView(xy, view, 2, 2).indices)).toEqual([4]);
    // y points down the screen: a view wider than tall keeps the middle row only.
    expect(Array.from(papersInView(xy, view, 4, 1).indices)).toEqual([4, 3, 5]);
  });

  it('caps the list but counts every point on screen', () => {
    const xy = new Float32Array([0, 0, 1, 0, 2, 0, 0, 1, 1, 1, 2, 1, 0, 2, 1, 2, 2, 2]);
    const result = papersInView(xy, { target: [1, 1], zoom: 1 }, 4, 4, 3);
    expect(result.total).toBe(9);
    expect(Array.from(result.indices)).toEqual([4, 1, 3]);
    expect(papersInView(xy, { target: [40, 40], zoom: 1 }, 4, 4).total).toBe(0);
  });

  it('agrees with projecting and sorting every point, for random points and views', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -50, max: 50, noNaN: true }), { minLength: 0, maxLength: 400 }),
        fc.float({ min: -20, max: 20, noNaN: true }),
        fc.float({ min: -20, max: 20, noNaN: true }),
        fc.float({ min: -2, max: 4, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        (coords, tx, ty, zoom, cap) => {
          const xy = new Float32Array(coords.length - (coords.length % 2));
          xy.set(coords.slice(0, xy.length));
          const view: MapView = { target: [tx, ty], zoom };
          const got = papersInView(xy, view, 300, 200, cap);
          const want = reference(xy, view, 300, 200, cap);
          // Points within a rounding error of the border may fall either way: compare inside it.
          expect(Math.abs(got.total - want.total)).toBeLessThanOrEqual(2);
          if (got.total === want.total) expect(Array.from(got.indices)).toEqual(want.indices);
          expect(got.indices.length).toBe(Math.min(cap, got.total));
        },
      ),
    );
  });

  it('handles 100k points with many ties in one pass', () => {
    // Points on a coarse grid: thousands share each distance, the cap cuts through a tie.
    const n = 100_000;
    const xy = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      xy[2 * i] = (i % 100) - 50;
      xy[2 * i + 1] = Math.floor(i / 1000) - 50;
    }
    const result = papersInView(xy, { target: [0, 0], zoom: 3 }, 800, 600, 150);
    const want = reference(xy, { target: [0, 0], zoom: 3 }, 800, 600, 150);
    expect(result.total).toBe(want.total);
    expect(Array.from(result.indices)).toEqual(want.indices);
  });
});

describe('papers in view under a filter', () => {
  it('neither lists nor counts the papers the filter hides', () => {
    const xy = Float32Array.from([0, 0, 1, 0, 2, 0, 50, 50]);
    const view = { target: [1, 0] as [number, number], zoom: 0 };
    const all = papersInView(xy, view, 20, 20);
    expect([...all.indices].sort()).toEqual([0, 1, 2]);
    const some = papersInView(xy, view, 20, 20, 200, Uint8Array.from([1, 0, 1, 1]));
    expect(some.total).toBe(2);
    expect([...some.indices]).toEqual([0, 2]);
  });
});
