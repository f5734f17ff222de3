import { describe, expect, it } from 'vitest';
import { findAbParams } from '../../../src/core/layout/ab_params';

describe('findAbParams', () => {
  it("matches umap-learn's fitted curve parameters", () => {
    // umap-learn 0.5 find_ab_params(1.0, min_dist) values.
    const cases: [number, number, number][] = [
      [0.1, 1.5769, 0.8951],
      [0.001, 1.929, 0.7915],
      [0.5, 0.583, 1.3342],
    ];
    for (const [minDist, a, b] of cases) {
      const fit = findAbParams(1, minDist);
      expect(fit.a).toBeCloseTo(a, 2);
      expect(fit.b).toBeCloseTo(b, 2);
    }
  });
});
