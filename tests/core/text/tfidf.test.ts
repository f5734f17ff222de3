import { describe, expect, it } from 'vitest';
import {
  buildTfidf,
  effectiveMinDf,
  smoothIdf,
  type TfidfMatrix,
} from '../../../src/core/text/tfidf';

/** Row i as a term → weight map. */
function rowOf(m: TfidfMatrix, i: number): Map<string, number> {
  const row = new Map<string, number>();
  for (let p = m.indptr[i]!; p < m.indptr[i + 1]!; p++) {
    row.set(m.vocabulary[m.indices[p]!]!, m.values[p]!);
  }
  return row;
}

const THREE_DOCS = [
  'Graph neural networks',
  'Graph neural networks learn graph structure.',
  'Protein structure',
];

describe('buildTfidf', () => {
  it('matches hand-computed sublinear, smooth-idf, L2-normalised weights on three documents', async () => {
    const m = await buildTfidf(THREE_DOCS);
    // Three documents is a tiny corpus, so every term is kept (minDf falls back to 1).
    expect(m.vocabulary).toEqual([
      'graph',
      'graph neural',
      'graph structure',
      'learn',
      'learn graph',
      'networks',
      'networks learn',
      'neural',
      'neural networks',
      'protein',
      'protein structure',
      'structure',
    ]);
    expect(m.nRows).toBe(3);
    expect(m.nCols).toBe(12);
    // idf = ln(4 / (1 + df)) + 1: 1.287682 for df 2, 1.693147 for df 1.
    expect(m.idf[m.vocabulary.indexOf('graph')]).toBeCloseTo(1.287682, 6);
    expect(m.idf[m.vocabulary.indexOf('protein')]).toBeCloseTo(1.693147, 6);
    expect(Array.from(m.documentFrequency)).toEqual([2, 2, 1, 1, 1, 2, 1, 2, 2, 1, 1, 2]);

    // Five terms of equal weight: 1/√5 each.
    const d0 = rowOf(m, 0);
    expect([...d0.keys()]).toEqual([
      'graph',
      'graph neural',
      'networks',
      'neural',
      'neural networks',
    ]);
    for (const w of d0.values()) expect(w).toBeCloseTo(0.4472136, 6);

    // "graph" occurs twice: (1 + ln 2)·1.287682 before normalising.
    const d1 = rowOf(m, 1);
    const expected1: Record<string, number> = {
      graph: 0.4403748,
      'graph neural': 0.2600925,
      'graph structure': 0.3419903,
      learn: 0.3419903,
      'learn graph': 0.3419903,
      networks: 0.2600925,
      'networks learn': 0.3419903,
      neural: 0.2600925,
      'neural networks': 0.2600925,
      structure: 0.2600925,
    };
    expect(d1.size).toBe(10);
    for (const [term, w] of Object.entries(expected1)) expect(d1.get(term)).toBeCloseTo(w, 6);

    const d2 = rowOf(m, 2);
    expect(d2.get('protein')).toBeCloseTo(0.622766, 6);
    expect(d2.get('protein structure')).toBeCloseTo(0.622766, 6);
    expect(d2.get('structure')).toBeCloseTo(0.4736296, 6);
  });

  it('stores unit rows with ascending columns, and empty rows for texts without terms', async () => {
    const m = await buildTfidf(['', ...THREE_DOCS, 'the of and 2024']);
    expect(m.nRows).toBe(5);
    expect(m.indptr[1]).toBe(0);
    expect(m.indptr[5]).toBe(m.indptr[4]);
    for (let i = 1; i < 4; i++) {
      let sum = 0;
      for (let p = m.indptr[i]!; p < m.indptr[i + 1]!; p++) {
        sum += m.values[p]! ** 2;
        if (p > m.indptr[i]!) expect(m.indices[p]!).toBeGreaterThan(m.indices[p - 1]!);
      }
      expect(sum).toBeCloseTo(1, 6);
    }
  });

  it('gives a 0 × 0 matrix for no texts', async () => {
    const m = await buildTfidf([]);
    expect(m.nRows).toBe(0);
    expect(m.nCols).toBe(0);
    expect(Array.from(m.indptr)).toEqual([0]);
  });

  it('requires two documents per term from 20 documents on, one below', async () => {
    expect(effectiveMinDf(19)).toBe(1);
    expect(effectiveMinDf(20)).toBe(2);
    expect(effectiveMinDf(20, 5)).toBe(5);
    const texts = Array.from({ length: 20 }, (_, i) => `shared words appear daily unique${i}x`);
    const m = await buildTfidf(texts);
    expect(m.vocabulary).toEqual([
      'appear',
      'appear daily',
      'daily',
      'shared',
      'shared words',
      'words',
      'words appear',
    ]);
    // A bigram needs the document frequency too, even when both its words have it.
    const m2 = await buildTfidf([...texts, 'daily shared', 'words shared']);
    expect(m2.vocabulary).not.toContain('daily shared');
    expect((await buildTfidf(texts, { minDf: 1 })).nCols).toBeGreaterThan(m.nCols);
  });

  it('caps the vocabulary by document frequency, breaking ties alphabetically', async () => {
    const texts = ['alpha beta gamma', 'alpha beta delta', 'alpha zeta epsilon', 'omega'];
    const m = await buildTfidf(texts, { maxFeatures: 3, ngramMax: 1 });
    // alpha (df 3), beta (df 2), then the first of the df-1 terms: delta.
    expect(m.vocabulary).toEqual(['alpha', 'beta', 'delta']);
    expect(m.indptr[4]! - m.indptr[3]!).toBe(0);
  });

  it('builds the same vocabulary whatever the order of the documents', async () => {
    const texts = [...THREE_DOCS, 'Neural structure of protein graphs', 'graph learning'];
    const forward = await buildTfidf(texts);
    const backward = await buildTfidf([...texts].reverse());
    expect(backward.vocabulary).toEqual(forward.vocabulary);
    expect(rowOf(backward, 0)).toEqual(rowOf(forward, texts.length - 1));
  });

  it('uses the smooth idf ln((1 + n) / (1 + df)) + 1', () => {
    expect(smoothIdf(3, 3)).toBe(1);
    expect(smoothIdf(3, 1)).toBeCloseTo(1 + Math.log(2), 12);
  });

  it('rejects when its signal is already aborted, and reports the tf-idf stage', async () => {
    await expect(buildTfidf(THREE_DOCS, {}, { signal: AbortSignal.abort() })).rejects.toThrow();
    const stages: [number, string][] = [];
    await buildTfidf(THREE_DOCS, {}, { onProgress: (f, s) => stages.push([f, s]) });
    expect(stages.at(-1)).toEqual([1, 'tf-idf']);
  });
});
