import { describe, expect, it } from 'vitest';
import { hashString } from '../../../src/core/hash';
import { mergePapers, normaliseTitle } from '../../../src/core/seeds/merge_papers';
import type { SeedEntry } from '../../../src/core/seeds/parse_daily_papers_page';

function seed(title: string, source: string, fields: Partial<SeedEntry> = {}): SeedEntry {
  return {
    title,
    abstract: 'An abstract.',
    org: null,
    authorCount: null,
    date: null,
    upvotes: null,
    source,
    ...fields,
  };
}

describe('normaliseTitle', () => {
  it('lower-cases, strips punctuation and collapses whitespace', () => {
    expect(normaliseTitle('  Scaling Laws:  Part I ')).toBe('scaling laws part i');
    expect(normaliseTitle("Inverse Scaling: When Bigger Isn't Better")).toBe(
      'inverse scaling when bigger isnt better',
    );
    expect(normaliseTitle('Re-Ranking, at Scale?')).toBe(normaliseTitle('re-ranking at scale'));
  });

  it('keeps letters and digits of any script', () => {
    expect(normaliseTitle('Θ(1/k²) Bounds — Ünïcode')).toBe('θ1k2 bounds ünïcode');
  });
});

describe('mergePapers', () => {
  it('merges entries whose titles differ only in case, spacing and punctuation', () => {
    const papers = mergePapers([
      seed('Scaling Laws: Part I', 'a'),
      seed('scaling  laws part I', 'b'),
      seed('Something Else', 'a'),
    ]);
    expect(papers.map((p) => p.title)).toEqual(['Scaling Laws: Part I', 'Something Else']);
    expect(papers[0]?.source).toEqual(['a', 'b']);
    expect(papers[0]?.id).toBe(hashString('scaling laws part i'));
    expect(papers[0]?.id).not.toBe(papers[1]?.id);
  });

  it('keeps the richest metadata: non-null over null, a dated day, the most upvotes', () => {
    const [paper, ...rest] = mergePapers([
      seed('T', 'bare'),
      seed('T', 'no-year', { authorCount: 6, upvotes: 3 }),
      seed('T', 'dated', { org: 'Acme', date: '2025-04-18', upvotes: 9, authorCount: 7 }),
      seed('T', 'later', { org: 'Other', date: '2020-01-01', upvotes: 5 }),
    ]);
    expect(rest).toEqual([]);
    expect(paper).toEqual({
      id: hashString('t'),
      title: 'T',
      abstract: 'An abstract.',
      authors: [],
      authorCount: 6,
      org: 'Acme',
      date: '2025-04-18',
      upvotes: 9,
      url: null,
      source: ['bare', 'no-year', 'dated', 'later'],
    });
  });

  it('leaves upvotes null when no entry has any, and keeps the longest abstract', () => {
    const [paper] = mergePapers([
      seed('T', 'a', { abstract: 'Short.' }),
      seed('T', 'b', { abstract: 'A longer, complete abstract.' }),
      seed('T', 'c', { abstract: '' }),
    ]);
    expect(paper?.upvotes).toBeNull();
    expect(paper?.abstract).toBe('A longer, complete abstract.');
  });

  it('lists a source once, in order of first appearance', () => {
    const papers = mergePapers([seed('T', 'b'), seed('T', 'a'), seed('T', 'b'), seed('U', 'a')]);
    expect(papers.map((p) => p.source)).toEqual([['b', 'a'], ['a']]);
  });

  it('does not change the entries it is given', () => {
    const entries = [seed('T', 'a'), seed('T', 'b', { upvotes: 4, org: 'Acme' })];
    const copy = structuredClone(entries);
    mergePapers(entries);
    expect(entries).toEqual(copy);
  });

  it('keeps titles made only of punctuation apart', () => {
    expect(mergePapers([seed('???', 'a'), seed('!!!', 'a')])).toHaveLength(2);
  });
});
