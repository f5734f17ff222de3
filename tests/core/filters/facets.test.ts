import { describe, expect, it } from 'vitest';
import { corpusFacets, countFacetIn } from '../../../src/core/filters/facets';
import { filterMask } from '../../../src/core/filters/paper_filter';
import { fitFilterToCorpus } from '../../../src/core/filters/fit_filter';
import { defaultPapers, paper } from './default_corpus';

describe('corpusFacets', () => {
  it('lists values most frequent first, counting a paper once per value', () => {
    const f = corpusFacets([
      paper({ org: 'B', categories: ['x', 'x'], source: ['s1'], upvotes: 4, authorCount: 3 }),
      paper({ org: 'A', categories: ['y'], source: ['s1', 's2'], authorCount: 9 }),
      paper({ org: 'B', source: ['s2'] }),
    ]);
    expect(f.orgs).toEqual([
      { value: 'B', count: 2 },
      { value: 'A', count: 1 },
    ]);
    expect(f.categories).toEqual([
      { value: 'x', count: 1 },
      { value: 'y', count: 1 },
    ]);
    expect(f.sources).toEqual([
      { value: 's1', count: 2 },
      { value: 's2', count: 2 },
    ]);
    expect(f.maxUpvotes).toBe(4);
    expect(f.authors).toEqual({ min: 3, max: 9 });
  });

  it('has no facet for data the corpus lacks', () => {
    const f = corpusFacets([paper({})]);
    expect([f.orgs, f.categories, f.maxUpvotes, f.authors]).toEqual([[], [], null, null]);
  });

  it('matches the default corpus', () => {
    const corpus = defaultPapers();
    const f = corpusFacets(corpus);
    expect(f.sources.reduce((a, s) => a + s.count, 0)).toBe(
      corpus.reduce((a, p) => a + new Set(p.source).size, 0),
    );
    expect(f.sources.map((s) => s.count)).toEqual(
      f.sources.map((s) => s.count).sort((a, b) => b - a),
    );
    expect(f.orgs.reduce((a, s) => a + s.count, 0)).toBe(corpus.filter((p) => p.org).length);
    expect(f.categories.reduce((a, s) => a + s.count, 0)).toBe(
      corpus.reduce((a, p) => a + new Set(p.categories ?? []).size, 0),
    );
    expect(f.authors?.max).toBe(Math.max(...corpus.map((p) => p.authorCount ?? 0)));
  });
});

describe('fitFilterToCorpus', () => {
  it('leaves out facet values the corpus does not have, naming each', () => {
    const facets = corpusFacets([paper({ org: 'A', source: ['s1'] })]);
    const { filter, problems } = fitFilterToCorpus(
      { orgs: ['A', 'Z'], sources: ['nope'], minUpvotes: 2 },
      facets,
    );
    expect(filter).toEqual({ orgs: ['A'], minUpvotes: 2 });
    expect(problems).toEqual([
      'the organisation "Z" is not in this map',
      'the source "nope" is not in this map',
    ]);
  });
});

describe('facet counts under the other filters', () => {
  it('count each value again among the kept papers, keeping every value, most frequent first', () => {
    const papers = defaultPapers();
    const facets = corpusFacets(papers);
    const range = { date: { from: '2025-01', to: '2025-06' } };
    const kept = filterMask(papers, range);
    const narrowed = countFacetIn(papers, 'sources', facets.sources, kept);
    expect(narrowed.map((v) => v.value).sort()).toEqual(facets.sources.map((v) => v.value).sort());
    const counts = narrowed.map((v) => v.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    for (const { value, count } of narrowed) {
      const expected = papers.filter((p, i) => kept[i] && p.source.includes(value)).length;
      expect(count).toBe(expected);
    }
    expect(narrowed.some((v) => v.count === 0)).toBe(true);
    expect(narrowed.reduce((s, v) => s + v.count, 0)).toBeLessThan(
      facets.sources.reduce((s, v) => s + v.count, 0),
    );
  });
});
