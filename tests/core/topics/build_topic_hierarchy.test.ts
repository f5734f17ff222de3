import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTopicHierarchy } from '../../../src/core/topics/build_topic_hierarchy';
import type { TopicHierarchy } from '../../../src/core/topics/topic';
import { nestedKnn } from './synthetic_knn';
import { syntheticPapers } from './synthetic_papers';
import { paperOf, tfidfKnn } from './text_knn';

interface Row {
  topic: 'rag' | 'scaling' | 'diffusion' | 'robot';
  title: string;
  abstract: string;
}
const rows = JSON.parse(
  readFileSync(new URL('../../fixtures/topics/four_topics.json', import.meta.url), 'utf8'),
) as Row[];
const expected: Record<Row['topic'], RegExp> = {
  rag: /retrieval/i,
  scaling: /scaling law/i,
  diffusion: /diffusion/i,
  robot: /robot/i,
};
const GENERIC = /^(models?|papers?|methods?|propose[sd]?|approach|results?|show)$/i;

/** Checks the invariants every hierarchy keeps: full assignment, nesting, sizes, unique ids. */
function expectWellFormed(h: TopicHierarchy, n: number): void {
  h.levels.forEach((level, l) => {
    expect(level.assignment.length).toBe(n);
    const size = new Array<number>(level.topics.length).fill(0);
    level.assignment.forEach((t) => {
      expect(t).toBeGreaterThanOrEqual(0);
      expect(t).toBeLessThan(level.topics.length);
      size[t]!++;
    });
    level.topics.forEach((topic, t) => {
      expect(topic.size).toBe(size[t]);
      expect(topic.level).toBe(l);
      expect(topic.label.length).toBeGreaterThan(0);
      if (l > 0)
        expect(topic.id.startsWith(h.levels[l - 1]!.topics[topic.parent]!.id + '.')).toBe(true);
    });
    expect(new Set(level.topics.map((t) => t.id)).size).toBe(level.topics.length);
    if (l > 0) {
      const above = h.levels[l - 1]!.assignment;
      level.assignment.forEach((t, i) => expect(level.topics[t]!.parent).toBe(above[i]));
    }
  });
}

describe('buildTopicHierarchy', () => {
  it('labels the clusters of a hand-written corpus with their key phrase', async () => {
    const papers = rows.map((r, i) => paperOf(String(i), r.title, r.abstract));
    const h = await buildTopicHierarchy(papers, await tfidfKnn(papers, 8), { seed: 1 });
    expectWellFormed(h, papers.length);
    const level = h.levels[0]!;
    for (const [t, topic] of level.topics.entries()) {
      const members = rows.filter((_, i) => level.assignment[i] === t);
      const counts = new Map<Row['topic'], number>();
      for (const r of members) counts.set(r.topic, (counts.get(r.topic) ?? 0) + 1);
      const [majority, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
      expect(count / members.length).toBeGreaterThan(0.9);
      expect(topic.label).toMatch(expected[majority]);
      for (const part of topic.label.split(' · ')) expect(part).not.toMatch(GENERIC);
      for (const word of topic.keywords) expect(word).not.toMatch(GENERIC);
    }
    expect(new Set(level.topics.map((t) => t.label)).size).toBe(level.topics.length);
  });

  it('keeps acronyms in capitals and hyphenated phrases hyphenated', async () => {
    const papers = rows.map((r, i) => paperOf(String(i), r.title, r.abstract));
    const h = await buildTopicHierarchy(papers, await tfidfKnn(papers, 8), { seed: 1 });
    const keywords = h.levels[0]!.topics.flatMap((t) => t.keywords);
    expect(keywords).toContain('retrieval-augmented generation');
    expect(keywords).toContain('RAG');
  });

  it('builds a nested, deterministic hierarchy of 100k papers (time logged)', async () => {
    const n = 100_000;
    const knn = nestedKnn(n, 15);
    const papers = syntheticPapers(n, 30, 20);
    const start = performance.now();
    const h = await buildTopicHierarchy(papers, knn, { seed: 2 });
    const ms = performance.now() - start;
    console.log(
      `topic hierarchy of ${n} papers × 15 neighbours: ${ms.toFixed(0)} ms, ` +
        `levels ${h.levels.map((l) => l.topics.length).join(' / ')}`,
    );
    expectWellFormed(h, n);
    expect(h.levels[0]!.topics.length).toBeGreaterThanOrEqual(4);
    expect(h.levels[0]!.topics.length).toBeLessThanOrEqual(12);
    for (const t of h.levels.at(-1)!.topics) expect(t.size).toBeGreaterThanOrEqual(3);
  });

  it('is repeatable for a seed', async () => {
    const papers = syntheticPapers(900, 30, 30);
    const knn = nestedKnn(900, 10, 30, 6);
    const a = await buildTopicHierarchy(papers, knn, { seed: 5 });
    const b = await buildTopicHierarchy(papers, knn, { seed: 5 });
    expect(a.levels.map((l) => l.topics)).toEqual(b.levels.map((l) => l.topics));
    expect(a.levels.map((l) => Array.from(l.assignment))).toEqual(
      b.levels.map((l) => Array.from(l.assignment)),
    );
  });

  it('never throws on random graphs and gives every paper a topic at every level', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 0, max: 80 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(
                fc.tuple(
                  fc.integer({ min: 0, max: Math.max(0, n - 1) }),
                  fc.integer({ min: 0, max: Math.max(0, n - 1) }),
                  fc.double({ min: 0, max: 1, noNaN: true }),
                ),
                { maxLength: n === 0 ? 0 : 300 },
              ),
              fc.integer(),
            ),
          ),
        async ([n, edges, seed]) => {
          const papers = Array.from({ length: n }, (_, i) =>
            paperOf(String(i), `paper ${i % 7} about topic ${i % 5}`, i % 3 ? 'some words' : ''),
          );
          const graph = {
            n,
            heads: Int32Array.from(edges.map((e) => e[0])),
            tails: Int32Array.from(edges.map((e) => e[1])),
            weights: Float32Array.from(edges.map((e) => e[2])),
          };
          const h = await buildTopicHierarchy(papers, graph, { seed });
          expectWellFormed(h, n);
          if (n >= 3)
            for (const t of h.levels.at(-1)!.topics) expect(t.size).toBeGreaterThanOrEqual(3);
        },
      ),
      { numRuns: 60, seed: 17 },
    );
  });

  it('rejects a graph of another size and honours an aborted signal', async () => {
    const papers = syntheticPapers(40);
    await expect(buildTopicHierarchy(papers, nestedKnn(39, 5))).rejects.toThrow(RangeError);
    const controller = new AbortController();
    controller.abort();
    await expect(
      buildTopicHierarchy(papers, nestedKnn(40, 5), { signal: controller.signal }),
    ).rejects.toThrow();
  });
});
