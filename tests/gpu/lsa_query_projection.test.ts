import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectLsaQueries } from '../../src/core/search/lsa_projection';
import { buildTfidf } from '../../src/core/text/tfidf';
import { tfidfRowOf, vocabularyColumns } from '../../src/core/text/tfidf_query';
import type { Vectors } from '../../src/core/vectors';
import { createLsaEmbedder } from '../../src/gpu/lsa_embedder';
import { SMALL_CORPUS } from '../fixtures/small_corpus';
import { nodeBackends, useBackend } from '../helpers/tf_backends';

const TEXTS = SMALL_CORPUS.map((d) => d.text);

/** Cosine of row i of a with row j of b. */
function cosine(a: Vectors, i: number, b: Vectors, j: number): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < a.dim; d++) {
    const x = a.data[i * a.dim + d]!;
    const y = b.data[j * b.dim + d]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return dot / Math.sqrt(na * nb);
}

describe('tfidfRowOf', () => {
  it('gives a corpus text exactly its own TF-IDF row', async () => {
    const tfidf = await buildTfidf(TEXTS);
    const columns = vocabularyColumns(tfidf);
    for (const d of [0, 17, 47]) {
      const row = tfidfRowOf(TEXTS[d]!, { columns, idf: tfidf.idf, ngramMax: 2 });
      const from = tfidf.indptr[d]!;
      const to = tfidf.indptr[d + 1]!;
      expect(Array.from(row.indices)).toEqual(Array.from(tfidf.indices.subarray(from, to)));
      const expected = tfidf.values.subarray(from, to);
      row.values.forEach((v, p) => expect(v).toBeCloseTo(expected[p]!, 6));
    }
  });

  it('gives an empty row to a text without a known term', async () => {
    const tfidf = await buildTfidf(TEXTS);
    const row = tfidfRowOf('zzz qqq', {
      columns: vocabularyColumns(tfidf),
      idf: tfidf.idf,
      ngramMax: 2,
    });
    expect(row.indices.length).toBe(0);
  });
});

const BACKENDS = await nodeBackends();

describe.each(BACKENDS)('the lsa query projection on the %s backend', (backend) => {
  beforeAll(() => useBackend(backend));

  it.each([{}, { dim: 8, power: 16 }])(
    'projects every corpus text onto its own embedded row (params %o)',
    async (params) => {
      const embedder = createLsaEmbedder(params);
      const vectors = await embedder.embed(TEXTS);
      const queries = await embedder.embedQueries!(TEXTS);
      expect(queries.n).toBe(TEXTS.length);
      expect(queries.dim).toBe(vectors.dim);
      for (let i = 0; i < TEXTS.length; i++) {
        expect(cosine(queries, i, vectors, i)).toBeGreaterThan(0.99);
      }
      embedder.dispose!();
    },
  );

  it('gives a text with no known word a zero row, and leaks no tensor', async () => {
    const embedder = createLsaEmbedder({ dim: 8 });
    await embedder.embed(TEXTS);
    const before = tf.memory().numTensors;
    const q = await embedder.embedQueries!(['zzz qqq', 'protein structure']);
    expect(tf.memory().numTensors).toBe(before);
    expect(Array.from(q.data.subarray(0, 8))).toEqual(new Array(8).fill(0));
    expect(cosine(q, 1, q, 1)).toBeCloseTo(1, 5);
  });

  it('refuses queries before embed() and after dispose(), and handles tiny corpora', async () => {
    const embedder = createLsaEmbedder();
    await expect(embedder.embedQueries!(['protein'])).rejects.toThrow(/call embed\(\) first/);
    await embedder.embed(['one lonely text']);
    expect(await embedder.embedQueries!(['protein'])).toEqual({
      data: Float32Array.from([1]),
      n: 1,
      dim: 1,
    });
    embedder.dispose!();
    embedder.dispose!();
    await expect(embedder.embedQueries!(['protein'])).rejects.toThrow(/call embed\(\) first/);
  });
});

describe('projectLsaQueries', () => {
  it('is the TF-IDF row times the basis, normalised', () => {
    const model = {
      columns: new Map([
        ['graph', 0],
        ['neural', 1],
      ]),
      idf: Float32Array.from([1, 1]),
      ngramMax: 1 as const,
      basis: Float32Array.from([1, 0, 0, 2]),
      dim: 2,
    };
    const q = projectLsaQueries(model, ['graph', 'neural graph', 'nothing']);
    expect(Array.from(q.data)).toEqual(
      [1, 0, 1 / Math.sqrt(5), 2 / Math.sqrt(5), 0, 0].map(Math.fround),
    );
  });
});
