import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightRanges } from '../../../src/core/search/highlight';
import { parseQuery } from '../../../src/core/search/search_query';

const cut = (text: string, ranges: [number, number][]) => ranges.map(([s, e]) => text.slice(s, e));

describe('highlightRanges', () => {
  it('gives the exact ranges of the query words in the original text', () => {
    const text = 'Dense Retrieval for retrieval-augmented generation';
    expect(highlightRanges(text, 'retrieval ')).toEqual([
      [6, 15],
      [20, 29],
    ]);
    expect(cut(text, highlightRanges(text, 'generation dense '))).toEqual(['Dense', 'generation']);
  });

  it('keeps original casing and accents while matching folded words', () => {
    const text = 'Solving the Schrödinger equation';
    expect(highlightRanges(text, 'schrodinger ')).toEqual([[12, 23]]);
    expect(cut(text, highlightRanges(text, 'schrodinger '))).toEqual(['Schrödinger']);
    const decomposed = 'Schro\u0308dinger waves';
    expect(cut(decomposed, highlightRanges(decomposed, 'SCHRÖDINGER '))).toEqual([
      'Schro\u0308dinger',
    ]);
  });

  it('highlights every word the typed last word begins', () => {
    const text = 'We retrieve passages; retrieval helps. Retro styles do not.';
    expect(cut(text, highlightRanges(text, 'retriev'))).toEqual(['retrieve', 'retrieval']);
  });

  it('highlights no stop words and nothing for empty or garbage queries', () => {
    const text = 'The model of the world';
    expect(highlightRanges(text, 'the of ')).toEqual([]);
    expect(highlightRanges(text, '')).toEqual([]);
    expect(highlightRanges(text, '?!')).toEqual([]);
    expect(cut(text, highlightRanges(text, 'the world '))).toEqual(['world']);
  });

  it('gives sorted, non-overlapping ranges within the text (fast-check)', () => {
    const words = fc.constantFrom(
      'model',
      'Modèle',
      'the',
      'graph',
      'GRAPHS',
      'ß',
      'ﬁne',
      '😀',
      '-',
      ' ',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme' }),
          fc.array(words).map((w) => w.join(' ')),
        ),
        fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), words),
        (text, query) => {
          const ranges = highlightRanges(text, query);
          let last = 0;
          for (const [start, end] of ranges) {
            expect(start).toBeGreaterThanOrEqual(last);
            expect(end).toBeGreaterThan(start);
            expect(end).toBeLessThanOrEqual(text.length);
            last = end;
          }
        },
      ),
    );
  });
});

describe('parseQuery', () => {
  it('splits words, quoted phrases and the typed prefix', () => {
    expect(parseQuery('graph "neural network" embed')).toEqual({
      terms: ['graph', 'neural', 'network'],
      phrases: [['neural', 'network']],
      prefix: 'embed',
    });
    expect(parseQuery('"large language models')).toEqual({
      terms: ['large', 'language', 'models'],
      phrases: [['large', 'language', 'models']],
      prefix: null,
    });
    expect(parseQuery('Élan vital ')).toEqual({
      terms: ['elan', 'vital'],
      phrases: [],
      prefix: null,
    });
  });
});
