import { describe, expect, it } from 'vitest';
import { sphericalKMeans, suggestedClusterCount } from '../../../src/core/cluster/kmeans';
import { clusteredVectors } from '../../helpers/synthetic';

describe('sphericalKMeans', () => {
  it('recovers planted clusters', () => {
    const { vectors, labels } = clusteredVectors(400, 32, 4, 0.3);
    const { labels: found, k } = sphericalKMeans(vectors, 4, 1);
    expect(k).toBe(4);
    // Each planted cluster maps to one found cluster (purity ≥ 0.97).
    let agree = 0;
    for (let c = 0; c < 4; c++) {
      const counts = new Map<number, number>();
      labels.forEach((l, i) => l === c && counts.set(found[i]!, (counts.get(found[i]!) ?? 0) + 1));
      agree += Math.max(...counts.values());
    }
    expect(agree / 400).toBeGreaterThanOrEqual(0.97);
  });

  it('numbers clusters by size, largest first, and is repeatable for a seed', () => {
    const { vectors } = clusteredVectors(300, 16, 5, 1.2);
    const a = sphericalKMeans(vectors, 6, 3);
    const b = sphericalKMeans(vectors, 6, 3);
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    const sizes = new Array(a.k).fill(0);
    a.labels.forEach((l) => sizes[l]++);
    for (let c = 1; c < a.k; c++) expect(sizes[c]).toBeLessThanOrEqual(sizes[c - 1]);
  });

  it('handles fewer points than clusters', () => {
    const { vectors } = clusteredVectors(2, 8, 2);
    expect(sphericalKMeans(vectors, 5).k).toBe(2);
    expect(sphericalKMeans({ data: new Float32Array(0), n: 0, dim: 8 }, 5).k).toBe(0);
  });

  it('suggests about √(n/4) clusters, 1 to 12', () => {
    expect(suggestedClusterCount(1)).toBe(1);
    expect(suggestedClusterCount(236)).toBe(8);
    expect(suggestedClusterCount(1_000_000)).toBe(12);
  });
});
