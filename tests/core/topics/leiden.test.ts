import { describe, expect, it } from 'vitest';
import { leiden } from '../../../src/core/topics/leiden';
import { modularity } from '../../../src/core/topics/modularity';
import { graphFromEdges } from '../../../src/core/topics/weighted_graph';
import { adjustedRandIndex, plantedPartition } from './planted_partition';

describe('leiden', () => {
  it('recovers the blocks of a planted partition graph', () => {
    for (const seed of [1, 2, 3]) {
      const { edges, blocks } = plantedPartition(600, 6, 0.08, 0.004, seed);
      const graph = graphFromEdges(edges);
      const { membership, count } = leiden(graph, { seed });
      expect(count).toBe(6);
      expect(adjustedRandIndex(membership, blocks)).toBeGreaterThan(0.95);
      // At least as good as the planted partition, up to a small tolerance.
      expect(modularity(graph, membership)).toBeGreaterThanOrEqual(
        modularity(graph, blocks) - 1e-3,
      );
    }
  });

  it('is repeatable for a seed and numbers clusters by size', () => {
    const { edges } = plantedPartition(300, 5, 0.1, 0.02, 9);
    const graph = graphFromEdges(edges);
    const a = leiden(graph, { seed: 4 });
    const b = leiden(graph, { seed: 4 });
    expect(Array.from(a.membership)).toEqual(Array.from(b.membership));
    const size = new Array<number>(a.count).fill(0);
    a.membership.forEach((c) => size[c]!++);
    for (let c = 1; c < a.count; c++) expect(size[c]).toBeLessThanOrEqual(size[c - 1]!);
  });

  it('finds more clusters at a higher resolution', () => {
    const { edges } = plantedPartition(400, 4, 0.1, 0.01, 5);
    const graph = graphFromEdges(edges);
    const low = leiden(graph, { resolution: 0.05 }).count;
    const high = leiden(graph, { resolution: 4 }).count;
    expect(low).toBeLessThan(4);
    expect(high).toBeGreaterThan(4);
  });

  it('gives every node of an edgeless graph its own cluster', () => {
    const graph = graphFromEdges({
      n: 3,
      heads: new Int32Array(0),
      tails: new Int32Array(0),
      weights: new Float32Array(0),
    });
    expect(leiden(graph).count).toBe(3);
    expect(
      leiden(
        graphFromEdges({
          ...graph,
          n: 0,
          heads: new Int32Array(0),
          tails: new Int32Array(0),
          weights: new Float32Array(0),
        }),
      ).count,
    ).toBe(0);
  });
});
