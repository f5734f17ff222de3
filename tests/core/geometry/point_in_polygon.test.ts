import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  boxPolygon,
  pointInPolygon,
  pointsInPolygon,
  polygonExtent,
} from '../../../src/core/geometry/point_in_polygon';

/** A regular grid of points (x, y) for x, y in 0..size−1, row by row. */
function grid(size: number): Float32Array {
  const xy = new Float32Array(2 * size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) xy.set([x, y], 2 * (y * size + x));
  }
  return xy;
}

describe('pointsInPolygon', () => {
  it('selects the points of a box, whichever corners it is given by', () => {
    const xy = grid(10);
    const inside = pointsInPolygon(xy, boxPolygon(6.5, 4.5, 2.5, 1.5));
    // x in 3..6, y in 2..4: 4 × 3 points.
    const expected: number[] = [];
    for (let y = 2; y <= 4; y++) for (let x = 3; x <= 6; x++) expected.push(y * 10 + x);
    expect(Array.from(inside)).toEqual(expected);
  });

  it('follows a concave L-shaped lasso', () => {
    const xy = grid(10);
    // An L: the column x < 3 for y < 8, plus the row y < 3 for x < 8 (both from −0.5).
    const l = [-0.5, -0.5, 7.5, -0.5, 7.5, 2.5, 2.5, 2.5, 2.5, 7.5, -0.5, 7.5];
    const inside = new Set(pointsInPolygon(xy, l));
    for (let y = 0; y < 10; y++) {
      for (let x = 0; x < 10; x++) {
        const expected = (x <= 2 && y <= 7) || (y <= 2 && x <= 7);
        expect(inside.has(y * 10 + x), `(${x}, ${y})`).toBe(expected);
      }
    }
  });

  it('uses the even-odd rule on a self-intersecting lasso (a bow tie and a pentagram)', () => {
    // A bow tie: (0,0) → (4,4) → (4,0) → (0,4) crosses itself at (2,2).
    const bowTie = [0, 0, 4, 4, 4, 0, 0, 4];
    const xy = Float32Array.of(0.5, 2, 3.5, 2, 2, 0.5, 2, 3.5);
    expect(Array.from(pointsInPolygon(xy, bowTie))).toEqual([0, 1]);
    // A pentagram drawn in one stroke: its points are inside, its pentagon centre is not.
    const star: number[] = [];
    for (let k = 0; k < 5; k++) {
      const a = Math.PI / 2 + (k * 4 * Math.PI) / 5;
      star.push(10 * Math.cos(a), 10 * Math.sin(a));
    }
    const probes = Float32Array.of(0, 0, 0, 7);
    expect(Array.from(pointsInPolygon(probes, star))).toEqual([1]);
  });

  it('selects nothing for a degenerate polygon or a non-finite vertex', () => {
    const xy = grid(5);
    expect(pointsInPolygon(xy, [0, 0, 4, 4]).length).toBe(0);
    expect(pointsInPolygon(xy, [1, 1, 3, 1, 2, 1]).length).toBe(0);
    expect(pointsInPolygon(xy, [0, 0, 4, 0, NaN, 4]).length).toBe(0);
    expect(pointsInPolygon(new Float32Array(0), boxPolygon(0, 0, 1, 1)).length).toBe(0);
  });

  it('agrees with the plain even-odd test on random lassos and points', () => {
    // Coordinates on a 0.01 grid, like pixels: no denormal noise at the bounding box's edge.
    const coord = fc.integer({ min: -5000, max: 5000 }).map((v) => v / 100);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(coord, coord), { minLength: 3, maxLength: 400 }),
        fc.array(fc.tuple(coord, coord), { minLength: 0, maxLength: 200 }),
        (vertices, points) => {
          const polygon = vertices.flat();
          const xy = Float32Array.from(points.flat());
          const expected: number[] = [];
          for (let p = 0; p < points.length; p++) {
            if (pointInPolygon(xy[2 * p]!, xy[2 * p + 1]!, polygon)) expected.push(p);
          }
          expect(Array.from(pointsInPolygon(xy, polygon))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('handles a 600-vertex lasso over 100k points', () => {
    const xy = grid(317); // 100,489 points
    const circle: number[] = [];
    for (let k = 0; k < 600; k++) {
      const a = (2 * Math.PI * k) / 600;
      circle.push(158 + 100 * Math.cos(a), 158 + 100 * Math.sin(a));
    }
    const inside = pointsInPolygon(xy, circle);
    // The grid points inside a circle of radius 100 number about π · 100².
    expect(Math.abs(inside.length - Math.PI * 1e4) / (Math.PI * 1e4)).toBeLessThan(0.01);
    for (const p of inside) {
      const dx = xy[2 * p]! - 158;
      const dy = xy[2 * p + 1]! - 158;
      expect(Math.hypot(dx, dy)).toBeLessThan(100.01);
    }
  });
});

describe('polygonExtent', () => {
  it('measures the bounding box of a path', () => {
    expect(polygonExtent([1, 2, 4, -1, 2, 6])).toEqual([3, 7]);
    expect(polygonExtent([])).toEqual([0, 0]);
  });
});
