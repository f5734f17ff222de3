import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { placePaperLabels, PAPER_LABEL_SIZE } from '../../src/map/paper_labels';
import type { PlacedLabel } from '../../src/map/label_placement';

const view = { target: [0, 0] as [number, number], zoom: 5, width: 800, height: 600 };

/** Screen boxes of paper labels, as the placement computes them (text to the right of the point). */
function boxes(labels: PlacedLabel[]): number[][] {
  const scale = 2 ** view.zoom;
  return labels.map((l) => {
    const sx = l.x * scale + view.width / 2 + 8;
    const sy = l.y * scale + view.height / 2;
    return [sx, sy - 8.6, sx + l.text.length * 0.56 * PAPER_LABEL_SIZE + 4, sy + 8.6];
  });
}

describe('placePaperLabels', () => {
  it('labels points when few are on screen, never overlapping, and nothing when many are', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -14, max: 14, noNaN: true }),
            fc.double({ min: -10, max: 10, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 80,
          },
        ),
        (points) => {
          const xy = Float32Array.from(points.flat());
          const titles = points.map((_, i) => `Paper number ${i} on something`);
          const labels = placePaperLabels(xy, titles, view, [], [], 60);
          if (points.length > 60) expect(labels).toEqual([]);
          const b = boxes(labels);
          for (let i = 0; i < b.length; i++) {
            for (let j = i + 1; j < b.length; j++) {
              const overlap =
                b[i]![0]! < b[j]![2]! &&
                b[j]![0]! < b[i]![2]! &&
                b[i]![1]! < b[j]![3]! &&
                b[j]![1]! < b[i]![3]!;
              expect(overlap).toBe(false);
            }
            expect(b[i]![2]).toBeLessThanOrEqual(view.width);
          }
        },
      ),
    );
  });

  it('cuts long titles and leaves off-screen points out', () => {
    const xy = Float32Array.from([0, 0, 1000, 1000]);
    const long = 'A very long title about retrieval-augmented generation that goes on and on';
    const labels = placePaperLabels(xy, [long, 'Far away'], view, []);
    expect(labels).toHaveLength(1);
    expect(labels[0]!.text.endsWith('…')).toBe(true);
    expect(labels[0]!.text.length).toBeLessThanOrEqual(48);
  });
});
