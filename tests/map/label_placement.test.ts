import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TopicHierarchy } from '../../src/core/topics/topic';
import { labelBoxes, placeLabels, type LabelViewport } from '../../src/map/label_placement';
import { topicAnchors, type TopicAnchor } from '../../src/map/topic_anchors';

/** Four square regions of 4 topics each, 25 points per topic, laid out on a grid of side 16. */
function gridMap(): { xy: Float32Array; hierarchy: TopicHierarchy } {
  const n = 4 * 4 * 25;
  const xy = new Float32Array(n * 2);
  const region = new Int32Array(n);
  const topic = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = Math.floor(i / 25);
    const r = Math.floor(t / 4);
    const j = i % 25;
    xy[2 * i] = (r % 2) * 8 + (t % 2) * 4 + (j % 5) * 0.5;
    xy[2 * i + 1] = Math.floor(r / 2) * 8 + (Math.floor(t / 2) % 2) * 4 + Math.floor(j / 5) * 0.5;
    region[i] = r;
    topic[i] = t;
  }
  const topicsAt = (level: number, count: number, size: number) =>
    Array.from({ length: count }, (_, c) => ({
      id: String(c),
      level,
      parent: level === 0 ? -1 : Math.floor(c / 4),
      size,
      label: `${level === 0 ? 'region' : 'topic'} ${c}`,
      keywords: [],
    }));
  return {
    xy,
    hierarchy: {
      levels: [
        { assignment: region, topics: topicsAt(0, 4, 100) },
        { assignment: topic, topics: topicsAt(1, 16, 25) },
      ],
    },
  };
}

const view = (zoom: number, target: [number, number] = [8, 8]): LabelViewport => ({
  target,
  zoom,
  width: 1000,
  height: 700,
});

describe('topic anchors', () => {
  it('sit on a member point, not the empty centroid of a crescent', () => {
    const n = 41;
    const xy = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) {
      const a = (Math.PI * i) / (n - 1);
      xy[2 * i] = Math.cos(a) * 10;
      xy[2 * i + 1] = Math.sin(a) * 10;
    }
    const hierarchy: TopicHierarchy = {
      levels: [
        {
          assignment: new Int32Array(n),
          topics: [{ id: '0', level: 0, parent: -1, size: n, label: 'arc', keywords: [] }],
        },
      ],
    };
    const [a] = topicAnchors(xy, hierarchy);
    expect(Math.hypot(a!.x, a!.y)).toBeCloseTo(10, 4);
    expect(a!.radius).toBeGreaterThan(5);
  });
});

describe('label placement', () => {
  const { xy, hierarchy } = gridMap();
  const anchors = topicAnchors(xy, hierarchy);

  it('shows only level-0 regions zoomed out, and finer topics zoomed in', () => {
    const out = placeLabels(anchors, view(4));
    expect(out.length).toBeGreaterThan(0);
    expect(out.every((l) => l.level === 0)).toBe(true);
    const inside = placeLabels(anchors, view(6.5, [4, 4]));
    expect(inside.some((l) => l.level === 1)).toBe(true);
  });

  it('hides a region bigger than the screen', () => {
    const close = placeLabels(anchors, view(9, [2, 2]));
    expect(close.some((l) => l.level === 0)).toBe(false);
  });

  it('is deterministic', () => {
    expect(placeLabels(anchors, view(6, [5, 5]))).toEqual(placeLabels(anchors, view(6, [5, 5])));
  });

  it('never places two labels that overlap, nor one off screen', () => {
    const anchor = fc.record({
      level: fc.integer({ min: 0, max: 3 }),
      x: fc.double({ min: -50, max: 50, noNaN: true }),
      y: fc.double({ min: -50, max: 50, noNaN: true }),
      radius: fc.double({ min: 0, max: 40, noNaN: true }),
      size: fc.integer({ min: 1, max: 500 }),
      label: fc.string({ minLength: 1, maxLength: 40 }),
    });
    fc.assert(
      fc.property(
        fc.array(anchor, { maxLength: 80 }),
        fc.double({ min: -2, max: 8, noNaN: true }),
        fc.tuple(fc.double({ min: -40, max: 40 }), fc.double({ min: -40, max: 40 })),
        (raw, zoom, target) => {
          const list: TopicAnchor[] = raw.map((a, index) => ({
            ...a,
            index,
            parent: -1,
            parentRadius: a.level === 0 ? Infinity : 50,
          }));
          const v = view(zoom, target);
          const placed = placeLabels(list, v);
          const boxes = labelBoxes(placed, v);
          for (let i = 0; i < boxes.length; i++) {
            const a = boxes[i]!;
            expect(a[0]).toBeGreaterThanOrEqual(0);
            expect(a[2]).toBeLessThanOrEqual(v.width);
            for (let j = 0; j < i; j++) {
              const b = boxes[j]!;
              const overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
              expect(overlap).toBe(false);
            }
          }
          expect(new Set(placed.map((l) => l.key)).size).toBe(placed.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
