import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/core/paper';
import { MAX_RADIUS, MIN_RADIUS, upvoteRadii } from '../../src/map/point_sizes';

const paper = (upvotes: number | null): Paper => ({
  id: String(upvotes),
  title: 't',
  abstract: '',
  authors: [],
  authorCount: null,
  org: null,
  date: null,
  upvotes,
  url: null,
  source: [],
});

describe('upvoteRadii', () => {
  it('grows with upvotes on a log scale between the bounds, smallest for unknown', () => {
    const r = upvoteRadii([0, 9, 99, 999, null].map(paper));
    expect(r[0]).toBeCloseTo(MIN_RADIUS, 5);
    expect(r[3]).toBeCloseTo(MAX_RADIUS, 5);
    // log(1 + v) steps evenly for 9, 99, 999: equal radius steps.
    expect(r[2]! - r[1]!).toBeCloseTo(r[3]! - r[2]!, 4);
    expect(r[4]).toBeLessThan(MIN_RADIUS);
    expect(r[4]).toBeGreaterThan(0);
  });

  it('keeps one known value at a middle size', () => {
    const r = upvoteRadii([paper(5), paper(5)]);
    expect(r[0]).toBeCloseTo((MIN_RADIUS + MAX_RADIUS) / 2, 5);
  });
});
