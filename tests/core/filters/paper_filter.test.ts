import { describe, expect, it } from 'vitest';
import {
  countKept,
  filterMask,
  isEmptyFilter,
  unknownCounts,
} from '../../../src/core/filters/paper_filter';
import { defaultPapers, paper } from './default_corpus';

const papers = [
  paper({
    title: 'a',
    date: '2024-01-15',
    upvotes: 3,
    authorCount: 2,
    org: 'Apple',
    source: ['x'],
  }),
  paper({ title: 'b', date: '2024-03-01', upvotes: 10, authorCount: 8, categories: ['cs.CL'] }),
  paper({ title: 'c', date: null, upvotes: null, authorCount: null, source: ['x', 'y'] }),
  paper({ title: 'd', date: '2023-12-31', upvotes: 0, authorCount: 1, org: 'Tencent' }),
  paper({ title: 'e', date: '2024', upvotes: 7, categories: ['cs.LG', 'cs.CL'], source: ['y'] }),
];
const kept = (filter: Parameters<typeof filterMask>[1]): string[] =>
  papers.filter((_, i) => filterMask(papers, filter)[i]).map((p) => p.title);

describe('filterMask', () => {
  it('keeps every paper under the empty filter', () => {
    expect(isEmptyFilter({})).toBe(true);
    expect(Array.from(filterMask(papers, {}))).toEqual([1, 1, 1, 1, 1]);
  });

  it('keeps a date range by month, both ends included, hiding papers with no monthly date', () => {
    expect(kept({ date: { from: '2024-01', to: '2024-03' } })).toEqual(['a', 'b']);
    expect(kept({ date: { to: '2024-01' } })).toEqual(['a', 'd']);
    expect(kept({ date: { from: '2024-02' } })).toEqual(['b']);
    // 'c' has no date and 'e' only a year: both are unknown to a date range.
    expect(unknownCounts(papers, { date: { from: '2000-01' } })).toEqual({
      date: 2,
      upvotes: 0,
      authors: 0,
    });
  });

  it('applies minimum upvotes and author ranges, hiding unknown figures', () => {
    expect(kept({ minUpvotes: 0 })).toEqual(['a', 'b', 'd', 'e']);
    expect(kept({ minUpvotes: 7 })).toEqual(['b', 'e']);
    expect(kept({ authors: { min: 2, max: 8 } })).toEqual(['a', 'b']);
    expect(kept({ authors: { max: 1 } })).toEqual(['d']);
    expect(unknownCounts(papers, { minUpvotes: 1, authors: {} })).toEqual({
      date: 0,
      upvotes: 1,
      authors: 2,
    });
  });

  it('keeps papers with any chosen organisation, category or source, and ANDs the criteria', () => {
    expect(kept({ orgs: ['Apple', 'Tencent'] })).toEqual(['a', 'd']);
    expect(kept({ categories: ['cs.CL'] })).toEqual(['b', 'e']);
    expect(kept({ sources: ['y'] })).toEqual(['c', 'e']);
    expect(kept({ sources: ['x'], minUpvotes: 1 })).toEqual(['a']);
    expect(kept({ orgs: ['Apple'], categories: ['cs.CL'] })).toEqual([]);
  });
});

describe('filterMask on the default corpus', () => {
  const corpus = defaultPapers();

  it('keeps exactly the papers dated in the range, by a plain string comparison', () => {
    const mask = filterMask(corpus, { date: { from: '2024-01', to: '2024-12' } });
    const expected = corpus.filter(
      (p) => p.date !== null && p.date.slice(0, 7) >= '2024-01' && p.date.slice(0, 7) <= '2024-12',
    ).length;
    expect(expected).toBeGreaterThan(10);
    expect(countKept(mask)).toBe(expected);
    const undated = corpus.filter((p) => p.date === null).length;
    expect(unknownCounts(corpus, { date: { from: '2024-01' } }).date).toBe(undated);
  });

  it('keeps the papers of one seed page, and of two pages more than of either', () => {
    const [first, second] = [...new Set(corpus.flatMap((p) => p.source))];
    const one = countKept(filterMask(corpus, { sources: [first!] }));
    const both = countKept(filterMask(corpus, { sources: [first!, second!] }));
    expect(one).toBe(corpus.filter((p) => p.source.includes(first!)).length);
    expect(both).toBeGreaterThan(one);
    expect(both).toBeLessThan(corpus.length);
  });

  it('narrows as criteria are added', () => {
    const a = countKept(filterMask(corpus, { minUpvotes: 1 }));
    const b = countKept(filterMask(corpus, { minUpvotes: 1, authors: { min: 5 } }));
    expect(a).toBe(corpus.filter((p) => (p.upvotes ?? -1) >= 1).length);
    expect(b).toBeLessThan(a);
    expect(b).toBe(
      corpus.filter((p) => (p.upvotes ?? -1) >= 1 && (p.authorCount ?? -1) >= 5).length,
    );
  });
});
