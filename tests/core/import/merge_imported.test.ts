import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PaperDraft } from '../../../src/core/import/format';
import {
  ImportMerger,
  NO_ABSTRACT_FLAG,
  normaliseArxivId,
  normaliseDoi,
} from '../../../src/core/import/merge_imported';

function draft(title: string, extra: Partial<PaperDraft> = {}): PaperDraft {
  return {
    title,
    abstract: 'An abstract.',
    authors: [],
    authorCount: null,
    org: null,
    date: null,
    upvotes: null,
    url: null,
    ...extra,
  };
}

function merge(items: [PaperDraft, string][]) {
  const merger = new ImportMerger();
  for (const [d, file] of items) merger.add(d, file);
  return merger.finish();
}

describe('ImportMerger', () => {
  it('merges records with the same arXiv id even when their titles differ', () => {
    const result = merge([
      [draft('Attention Is All You Need', { arxivId: '1706.03762v5', abstract: 'short' }), 'a.csv'],
      [
        draft('Attention is all you need (NeurIPS)', {
          arxivId: 'arXiv:1706.03762',
          abstract: 'a much longer abstract',
          upvotes: 7,
        }),
        'b.jsonl',
      ],
    ]);
    expect(result.papers).toHaveLength(1);
    expect(result.duplicatesMerged).toBe(1);
    const [paper] = result.papers;
    expect(paper!.id).toBe('1706.03762');
    expect(paper!.title).toBe('Attention Is All You Need');
    expect(paper!.abstract).toBe('a much longer abstract');
    expect(paper!.upvotes).toBe(7);
    expect(paper!.source).toEqual(['a.csv', 'b.jsonl']);
  });

  it('merges records with the same DOI, whatever its spelling, and ids it doi:…', () => {
    const result = merge([
      [draft('A', { doi: 'https://doi.org/10.1000/XYZ.1', authors: ['Ada'] }), 'a.bib'],
      [
        draft('B', { doi: 'doi:10.1000/xyz.1', authors: ['Ada', 'Bo'], date: '2020-01-02' }),
        'b.ris',
      ],
    ]);
    expect(result.papers).toHaveLength(1);
    expect(result.papers[0]!.id).toBe('doi:10.1000/xyz.1');
    expect(result.papers[0]!.authors).toEqual(['Ada', 'Bo']);
    expect(result.papers[0]!.authorCount).toBe(2);
    expect(result.papers[0]!.date).toBe('2020-01-02');
  });

  it('merges records with the same normalised title and keeps the first one’s ids', () => {
    const result = merge([
      [draft('Scaling Laws: Part I'), 'a.csv'],
      [draft('scaling laws — part i', { arxivId: '2001.08361', categories: ['cs.LG'] }), 'a.csv'],
      [draft('SCALING LAWS PART I', { categories: ['stat.ML', 'cs.LG'] }), 'c.csv'],
    ]);
    expect(result.papers).toHaveLength(1);
    expect(result.duplicatesMerged).toBe(2);
    expect(result.papers[0]!.id).toBe('2001.08361');
    expect(result.papers[0]!.categories).toEqual(['cs.LG', 'stat.ML']);
    expect(result.papers[0]!.source).toEqual(['a.csv', 'c.csv']);
  });

  it('keeps papers that share a title but have different arXiv ids apart', () => {
    const result = merge([
      [draft('Introduction', { arxivId: '2101.00001' }), 'a.csv'],
      [draft('Introduction', { arxivId: '2101.00002' }), 'a.csv'],
    ]);
    expect(result.papers.map((p) => p.id)).toEqual(['2101.00001', '2101.00002']);
    expect(result.duplicatesMerged).toBe(0);
  });

  it('joins two papers that a later record shows to be one (union of groups)', () => {
    const result = merge([
      [draft('First title', { arxivId: '2101.00001' }), 'a'],
      [draft('Second title', { doi: '10.1/x' }), 'b'],
      [draft('Third title', { arxivId: '2101.00001', doi: '10.1/x' }), 'c'],
    ]);
    expect(result.papers).toHaveLength(1);
    expect(result.papers[0]!.title).toBe('First title');
    expect(result.papers[0]!.source).toEqual(['a', 'c', 'b']);
    expect(result.duplicatesMerged).toBe(2);
  });

  it('flags and counts papers without an abstract, and keeps them', () => {
    const result = merge([
      [draft('Only a title', { abstract: '' }), 'a'],
      [draft('With abstract'), 'a'],
    ]);
    expect(result.papers).toHaveLength(2);
    expect(result.flaggedNoAbstract).toBe(1);
    expect(result.papers[0]!.flags).toEqual([NO_ABSTRACT_FLAG]);
    expect(result.papers[1]!.flags).toBeUndefined();
  });

  it('gives ids from source ids, else title hashes, and never the same id twice', () => {
    const result = merge([
      [draft('One', { sourceId: 'W123' }), 'a'],
      [draft('Two', { sourceId: 'W123' }), 'b'],
      [draft('Three'), 'c'],
    ]);
    const ids = result.papers.map((p) => p.id);
    expect(ids.slice(0, 2)).toEqual(['W123', 'W123~2']);
    expect(ids[2]).toMatch(/^[0-9a-f]{16}$/);
    expect(result.papers.every((p) => !('sourceId' in p))).toBe(true);
  });

  it('keeps every paper or counts it as merged: papers + merged = drafts, ids unique', () => {
    const word = fc.constantFrom('alpha', 'beta', 'Gamma', 'delta!', '');
    const arb = fc.array(
      fc.record({
        title: fc.tuple(word, word).map(([a, b]) => `${a} ${b}`.trim() || 'x'),
        arxivId: fc.option(fc.constantFrom('2101.00001', '2101.00002v3'), { nil: undefined }),
        doi: fc.option(fc.constantFrom('10.1/a', '10.1/B'), { nil: undefined }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const result = merge(rows.map((r) => [draft(r.title, r), 'f']));
        expect(result.papers.length + result.duplicatesMerged).toBe(rows.length);
        expect(new Set(result.papers.map((p) => p.id)).size).toBe(result.papers.length);
      }),
    );
  });
});

describe('id normalisation', () => {
  it('strips prefixes and versions from arXiv ids and DOIs', () => {
    expect(normaliseArxivId('https://arxiv.org/abs/2504.07164v2')).toBe('2504.07164');
    expect(normaliseArxivId('arXiv:hep-th/9901001v1')).toBe('hep-th/9901001');
    expect(normaliseDoi('https://doi.org/10.1000/ABC')).toBe('10.1000/abc');
  });
});
