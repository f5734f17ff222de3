import { describe, expect, it } from 'vitest';
import { fixComponentSigns, truncatedRank } from '../../../src/core/linalg/svd_conventions';

describe('svd conventions', () => {
  it('keeps fewer components than rows, at least one, none for no rows', () => {
    expect(truncatedRank(0, 10, 256)).toBe(0);
    expect(truncatedRank(1, 10, 256)).toBe(1);
    expect(truncatedRank(2, 10, 256)).toBe(1);
    expect(truncatedRank(48, 500, 256)).toBe(47);
    expect(truncatedRank(1000, 500, 256)).toBe(256);
    expect(truncatedRank(1000, 30, 256)).toBe(30);
    expect(truncatedRank(5, 0, 256)).toBe(1);
  });

  it('makes the largest-magnitude entry of each column positive, first row on ties', () => {
    const data = Float32Array.from([1, -2, 0, -3, 2, 0, 0.5, 2, 0]);
    fixComponentSigns(data, 3, 3);
    expect(Array.from(data)).toEqual([-1, 2, 0, 3, -2, 0, -0.5, -2, 0]);
    const tie = Float64Array.from([-1, 1]);
    fixComponentSigns(tie, 2, 1);
    expect(Array.from(tie)).toEqual([1, -1]);
  });
});
