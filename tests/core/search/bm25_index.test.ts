import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBm25Index } from '../../../src/core/search/bm25_index';
import { selectTopK } from '../../../src/core/search/top_k';

/** A hand-built corpus whose rankings can be worked out by reading it. */
const PAPERS = [
  {
    title: 'Dense passage retrieval for open-domain question answering',
    abstract:
      'We train a dual encoder for passage retrieval. Retrieval quality improves answer accuracy.',
  },
  {
    title: 'Protein structure prediction with deep learning',
    abstract: 'A network predicts protein structure from sequence alone.',
  },
  {
    title: 'Graph neural networks for molecules',
    abstract: 'Message passing over molecular graphs predicts properties of molecules.',
  },
  {
    title: 'Solving the Schrödinger equation with neural networks',
    abstract: 'Neural wave functions approximate ground states of small molecules.',
  },
  {
    title: 'A survey of language models',
    abstract: 'Large language models retrieve facts; we survey retrieval augmented generation.',
  },
  {
    title: 'Robot learning from demonstration',
    abstract: 'Policies learned from human demonstration transfer to real robots.',
  },
];

const index = buildBm25Index(PAPERS);
const ids = (query: string, limit = 10) => index.search(query, limit).map((h) => h.index);

describe('the BM25 index', () => {
  it('ranks the paper about a query first and leaves out papers without its words', () => {
    expect(ids('protein structure')).toEqual([1]);
    // Paper 3 says "neural" in its abstract too.
    expect(ids('neural networks ')).toEqual([3, 2]);
    expect(ids('molecules ')[0]).toBe(2);
    expect(new Set(ids('molecules '))).toEqual(new Set([2, 3]));
  });

  it('scores are positive and descending, and limit caps the results', () => {
    const hits = index.search('retrieval language models ', 10);
    expect(hits.length).toBeGreaterThan(1);
    for (let i = 1; i < hits.length; i++)
      expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    expect(hits.every((h) => h.score > 0)).toBe(true);
    expect(index.search('retrieval language models ', 1)).toEqual(hits.slice(0, 1));
  });

  it('weights a word in the title above the same word in the abstract', () => {
    const boosted = buildBm25Index([
      { title: 'Attention in vision', abstract: 'We study transformers.' },
      { title: 'Vision transformers', abstract: 'We study attention.' },
    ]);
    expect(boosted.search('attention ', 2).map((h) => h.index)).toEqual([0, 1]);
    const flat = buildBm25Index(
      [
        { title: 'Attention in vision', abstract: 'We study transformers.' },
        { title: 'Vision transformers', abstract: 'We study attention.' },
      ],
      { titleWeight: 1 },
    );
    const [a, b] = flat.search('attention ', 2);
    expect(a!.score).toBeCloseTo(b!.score, 5);
  });

  it('matches the word being typed as a prefix, but not once a space follows it', () => {
    expect(ids('retriev')).toEqual(expect.arrayContaining([0, 4]));
    expect(ids('retriev ')).toEqual([]);
    expect(ids('dense retriev')[0]).toBe(0);
    // "retrieval" and "retrieve" both start with the prefix; a paper counts its best one once.
    const prefixed = index.search('retriev', 10);
    expect(prefixed.map((h) => h.index)).toEqual([0, 4]);
  });

  it('folds accents and case: "schrodinger" finds "Schrödinger"', () => {
    expect(ids('schrodinger ')).toEqual([3]);
    expect(ids('SCHRÖDINGER ')).toEqual([3]);
    expect(ids('Schro\u0308dinger ')).toEqual([3]);
  });

  it('answers a quoted phrase only with papers holding its words side by side', () => {
    expect(ids('"neural networks"')).toEqual([3, 2]);
    expect(ids('"wave functions"')).toEqual([3]);
    expect(ids('"networks neural"')).toEqual([]);
    expect(ids('"passage retrieval"')).toEqual([0]);
    // Stop words inside a phrase are skipped, as the index skips them.
    expect(ids('"solving the schrodinger equation"')).toEqual([3]);
    // A phrase may not run from the title into the abstract.
    expect(ids('"answering we train"')).toEqual([]);
    expect(ids('"unknownword networks"')).toEqual([]);
  });

  it('returns [] for empty, stop-word-only and garbage queries and a zero limit', () => {
    for (const query of ['', '   ', 'the of and ', '!!! ??? ', '"', '""', 'x', 'zzzz qqqq ']) {
      expect(index.search(query, 10)).toEqual([]);
    }
    expect(index.search('protein', 0)).toEqual([]);
    expect(buildBm25Index([]).search('protein', 10)).toEqual([]);
  });

  it('never throws and returns valid hits for any query (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.integer({ min: -2, max: 8 }),
        (query, limit) => {
          const hits = index.search(query, limit);
          expect(hits.length).toBeLessThanOrEqual(Math.max(0, limit));
          for (const h of hits) {
            expect(h.index).toBeGreaterThanOrEqual(0);
            expect(h.index).toBeLessThan(PAPERS.length);
            expect(h.score).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});

describe('selectTopK', () => {
  it('equals a full sort, best first, ties by lower index (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 70 }),
        (values, k) => {
          const expected = values
            .map((score, index) => ({ index, score }))
            .sort((a, b) => b.score - a.score || a.index - b.index)
            .slice(0, k);
          expect(selectTopK(Float32Array.from(values), k)).toEqual(expected);
        },
      ),
    );
  });

  it('considers only the candidates when given', () => {
    const scores = Float32Array.from([5, 1, 4, 3]);
    expect(selectTopK(scores, 2, [1, 2, 3])).toEqual([
      { index: 2, score: 4 },
      { index: 3, score: 3 },
    ]);
  });
});
