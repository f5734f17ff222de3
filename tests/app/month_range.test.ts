import { describe, expect, it } from 'vitest';
import { clampRange, rangeOfFilter, withRange } from '../../src/app/month_range';
import { parseMonth } from '../../src/core/filters/months';

const histogram = { first: parseMonth('2023-11')!, counts: new Int32Array(6), undated: 0 };

describe('month ranges of the date histogram', () => {
  it('keeps a range inside the bars, stopping the moved end at the other', () => {
    expect(clampRange({ from: -3, to: 9 }, 6, 'to')).toEqual({ from: 0, to: 5 });
    expect(clampRange({ from: 4, to: 2 }, 6, 'from')).toEqual({ from: 2, to: 2 });
    expect(clampRange({ from: 4, to: 2 }, 6, 'to')).toEqual({ from: 4, to: 4 });
  });

  it('turns bars into a filter date range and back, open ends at the span ends', () => {
    const filter = withRange({ minUpvotes: 2 }, { from: 1, to: 3 }, histogram);
    expect(filter).toEqual({ minUpvotes: 2, date: { from: '2023-12', to: '2024-02' } });
    expect(rangeOfFilter(filter, histogram)).toEqual({ from: 1, to: 3 });
    expect(rangeOfFilter({ date: { from: '2024-01' } }, histogram)).toEqual({ from: 2, to: 5 });
    expect(rangeOfFilter({ date: { to: '2030-01' } }, histogram)).toEqual({ from: 0, to: 5 });
    expect(rangeOfFilter({}, histogram)).toBeNull();
    expect(withRange(filter, null, histogram)).toEqual({ minUpvotes: 2 });
  });
});
