import { describe, expect, it } from 'vitest';
import { clusterHierarchy, regionTarget } from '../../../src/core/topics/cluster_hierarchy';
import { mergeSmallClusters } from '../../../src/core/topics/merge_small_clusters';
import { graphFromEdges, graphFromKnn } from '../../../src/core/topics/weighted_graph';
import { nestedKnn } from './synthetic_knn';

describe('clusterHierarchy', () => {
  it('builds nested levels from a few regions down to topics of at most about 50', async () => {
    const graph = graphFromKnn(nestedKnn(3000, 15, 30, 10));
    const levels = await clusterHierarchy(graph, { seed: 3 });
    expect(levels.length).toBeGreaterThanOrEqual(2);
    expect(levels[0]!.count).toBeGreaterThanOrEqual(4);
    expect(levels[0]!.count).toBeLessThanOrEqual(12);
    for (let l = 0; l < levels.length; l++) {
      const { assignment, count, parent } = levels[l]!;
      const size = new Int32Array(count);
      assignment.forEach((c) => size[c]!++);
      // No singleton or fragment topics.
      for (const s of size) expect(s).toBeGreaterThanOrEqual(3);
      if (l === 0) {
        expect(Array.from(parent).every((p) => p === -1)).toBe(true);
        continue;
      }
      // Every child's papers lie within its parent's.
      const above = levels[l - 1]!.assignment;
      for (let i = 0; i < assignment.length; i++) expect(parent[assignment[i]!]).toBe(above[i]);
      expect(count).toBeGreaterThan(levels[l - 1]!.count);
    }
    const finest = levels.at(-1)!;
    const size = new Int32Array(finest.count);
    finest.assignment.forEach((c) => size[c]!++);
    expect(Math.max(...size)).toBeLessThanOrEqual(60);
  });

  it('is repeatable for a seed', async () => {
    const graph = graphFromKnn(nestedKnn(1200, 10, 25, 8, 11));
    const a = await clusterHierarchy(graph, { seed: 9 });
    const b = await clusterHierarchy(graph, { seed: 9 });
    expect(a.map((l) => Array.from(l.assignment))).toEqual(b.map((l) => Array.from(l.assignment)));
  });

  it('stops when cancelled', async () => {
    const graph = graphFromKnn(nestedKnn(500, 10));
    const controller = new AbortController();
    controller.abort();
    await expect(clusterHierarchy(graph, { signal: controller.signal })).rejects.toThrow();
  });

  it('aims at 4 to 12 regions', () => {
    expect(regionTarget(60)).toBe(4);
    expect(regionTarget(1000)).toBe(6);
    expect(regionTarget(100_000)).toBe(10);
    expect(regionTarget(1e9)).toBe(12);
  });
});

describe('mergeSmallClusters', () => {
  it('merges fragments into their most connected neighbour and isolated points into the largest', () => {
    // Two triangles 0-1-2 and 3-4-5, a pair 6-7 hanging off node 3, and an isolated node 8.
    const pairs = [
      [0, 1],
      [1, 2],
      [0, 2],
      [3, 4],
      [4, 5],
      [3, 5],
      [6, 7],
      [6, 3],
    ];
    const graph = graphFromEdges({
      n: 9,
      heads: Int32Array.from(pairs.map((p) => p[0]!)),
      tails: Int32Array.from(pairs.map((p) => p[1]!)),
      weights: new Float32Array(pairs.length).fill(1),
    });
    const membership = Int32Array.from([0, 0, 0, 1, 1, 1, 2, 2, 3]);
    const merged = mergeSmallClusters(graph, { membership, count: 4 }, 3);
    expect(merged.count).toBe(2);
    const m = merged.membership;
    expect(m[6]).toBe(m[3]);
    expect(m[7]).toBe(m[3]);
    expect(m[0]).not.toBe(m[3]);
    // Node 8 has no edges: it joins a largest cluster (a triangle, as it is merged first).
    expect([m[0], m[3]]).toContain(m[8]);
  });
});
