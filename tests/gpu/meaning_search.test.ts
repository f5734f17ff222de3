import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectTopK } from '../../src/core/search/top_k';
import type { Vectors } from '../../src/core/vectors';
import { createBertModelCache } from '../../src/gpu/bert/bert_model_cache';
import type { EmbedderSpec } from '../../src/gpu/compute_api';
import type { Embedder } from '../../src/gpu/embedder';
import { createInProcessCompute } from '../../src/gpu/in_process_compute';
import { createLsaEmbedder } from '../../src/gpu/lsa_embedder';
import {
  createCosineIndex,
  createMeaningSearch,
  NEEDS_TEXTS_MESSAGE,
  NO_CORPUS_MESSAGE,
} from '../../src/gpu/meaning_search';
import { SMALL_CORPUS } from '../fixtures/small_corpus';
import { clusteredVectors } from '../helpers/synthetic';
import { nodeBackends, useBackend } from '../helpers/tf_backends';
import { folderFetcher, tinyBertFiles, TINY_BASE_URL } from '../helpers/tiny_bert';

const TEXTS = SMALL_CORPUS.map((d) => d.text);
const TOPICS = SMALL_CORPUS.map((d) => d.topic);
const LSA: EmbedderSpec = { kind: 'lsa', params: { dim: 16 } };
const CPU_ONLY = { exclude: ['webgpu', 'webgl', 'wasm'] as const };

/** The exact top k of the vectors against a unit query, by a full scan. */
function bruteForce(v: Vectors, query: Float32Array, k: number) {
  const scores = new Float32Array(v.n);
  for (let i = 0; i < v.n; i++) {
    for (let j = 0; j < v.dim; j++) scores[i]! += v.data[i * v.dim + j]! * query[j]!;
  }
  return selectTopK(scores, k);
}

const BACKENDS = await nodeBackends();

describe.each(BACKENDS)('the cosine index on the %s backend', (backend) => {
  beforeAll(() => useBackend(backend));

  it('finds the same top k as a full scan, and leaks no tensor', async () => {
    const before = tf.memory().numTensors;
    const { vectors } = clusteredVectors(500, 24, 8);
    const index = createCosineIndex(vectors);
    const query = vectors.data.slice(7 * 24, 8 * 24);
    const hits = await index.search(query, 10);
    const expected = bruteForce(vectors, query, 10);
    expect(hits.map((h) => h.index)).toEqual(expected.map((h) => h.index));
    hits.forEach((h, r) => expect(h.score).toBeCloseTo(expected[r]!.score, 4));
    expect(hits[0]!.index).toBe(7);
    expect(await index.search(new Float32Array(24), 10)).toEqual([]);
    expect((await index.search(query, 10_000)).length).toBe(500);
    index.dispose();
    index.dispose();
    expect(tf.memory().numTensors).toBe(before);
    await expect(index.search(query, 3)).rejects.toThrow(/replaced/);
  });
});

describe('search by meaning with lsa', () => {
  beforeAll(() => useBackend('cpu'));

  it('ranks the papers of the topic a query is about first', async () => {
    const compute = createInProcessCompute({ exclude: [...CPU_ONLY.exclude] });
    await compute.init('cpu');
    await compute.embed(TEXTS, LSA);
    const queries = {
      biology: 'protein structure and sequence models for molecules',
      vision: 'image segmentation and object detection',
      robotics: 'robot manipulation policies learned with reinforcement learning',
      language: 'large language models for text and translation',
    };
    for (const [topic, query] of Object.entries(queries)) {
      const hits = await compute.searchByMeaning(query, 5);
      expect(hits).toHaveLength(5);
      expect(hits.map((h) => TOPICS[h.index])).toEqual(new Array(5).fill(topic));
      for (const h of hits) expect(h.score).toBeLessThanOrEqual(1 + 1e-5);
    }
    compute.destroy();
    compute.destroy();
  });

  it('finds a paper by its own text at cosine ≈ 1, and an unknown word finds nothing', async () => {
    const compute = createInProcessCompute({ exclude: [...CPU_ONLY.exclude] });
    await compute.embed(TEXTS, LSA);
    const [top] = await compute.searchByMeaning(TEXTS[30]!, 1);
    expect(top!.index).toBe(30);
    expect(top!.score).toBeGreaterThan(0.99);
    expect(await compute.searchByMeaning('zzzz qqqq')).toEqual([]);
    expect(await compute.searchByMeaning('   ')).toEqual([]);
    compute.destroy();
  });

  it('says clearly that a search needs a corpus first', async () => {
    const compute = createInProcessCompute({ exclude: [...CPU_ONLY.exclude] });
    await expect(compute.searchByMeaning('protein')).rejects.toThrow(NO_CORPUS_MESSAGE);
    compute.destroy();
  });

  it('refits lsa on the texts when its vectors came from a cache, and asks for them otherwise', async () => {
    const cached = await createLsaEmbedder(LSA.params).embed(TEXTS);
    const withTexts = createInProcessCompute({ exclude: [...CPU_ONLY.exclude] });
    await withTexts.setCorpusVectors(cached, LSA, TEXTS);
    const hits = await withTexts.searchByMeaning('protein structure and sequence models', 3);
    expect(hits.map((h) => TOPICS[h.index])).toEqual(['biology', 'biology', 'biology']);
    withTexts.destroy();

    const withoutTexts = createInProcessCompute({ exclude: [...CPU_ONLY.exclude] });
    await withoutTexts.setCorpusVectors(cached, LSA);
    await expect(withoutTexts.searchByMeaning('protein')).rejects.toThrow(NEEDS_TEXTS_MESSAGE);
    withoutTexts.destroy();
  });

  it('keeps the fit of the corpus it embedded when handed the same vectors back', async () => {
    const embedder = createLsaEmbedder(LSA.params);
    const vectors = await embedder.embed(TEXTS);
    let loads = 0;
    const load = async (): Promise<Embedder> => {
      loads++;
      return createLsaEmbedder(LSA.params);
    };
    const search = createMeaningSearch();
    search.setCorpus({ vectors, embedderId: embedder.id, embedder, load });
    search.setCorpus({
      vectors: { ...vectors, data: vectors.data.slice() },
      embedderId: embedder.id,
      load,
    });
    expect((await search.search(TEXTS[5]!, 1))[0]!.index).toBe(5);
    expect(loads).toBe(0);
    // Other vectors are another corpus: its embedder is loaded (and, for lsa, refitted).
    const other = { ...vectors, data: vectors.data.map((x) => -x) };
    search.setCorpus({ vectors: other, embedderId: embedder.id, load, texts: TEXTS });
    await search.search('protein', 1);
    expect(loads).toBe(1);
    search.dispose();
    search.dispose();
  });

  it('leaks no tensor through embed, search and destroy', async () => {
    const compute = createInProcessCompute({ exclude: [...CPU_ONLY.exclude] });
    await compute.embed(TEXTS, LSA);
    await compute.searchByMeaning('warm up the backend', 3);
    const before = tf.memory().numTensors;
    await compute.searchByMeaning('image segmentation', 3);
    await compute.embed(TEXTS.slice(0, 20), LSA);
    await compute.searchByMeaning('image segmentation', 3);
    compute.destroy();
    expect(tf.memory().numTensors).toBe(before - 1);
  });
});

describe('search by meaning with a minilm model', () => {
  beforeAll(() => useBackend('cpu'));

  it('embeds the query with the same model, end to end through the in-process compute', async () => {
    const models = createBertModelCache(folderFetcher(tinyBertFiles()));
    const compute = createInProcessCompute({ exclude: [...CPU_ONLY.exclude], models });
    const spec: EmbedderSpec = { kind: 'minilm', baseUrl: TINY_BASE_URL, maxTokens: 32 };
    const texts = TEXTS.slice(0, 12).concat(TEXTS.slice(36, 48));
    const vectors = await compute.embed(texts, spec);
    const before = tf.memory().numTensors;
    const hits = await compute.searchByMeaning(texts[4]!, 3);
    expect(hits[0]!.index).toBe(4);
    expect(hits[0]!.score).toBeGreaterThan(0.999);
    expect(tf.memory().numTensors).toBe(before + 1); // the uploaded corpus vectors

    // Vectors from a cache need no texts: the model alone embeds queries.
    const fromCache = createInProcessCompute({ exclude: [...CPU_ONLY.exclude], models });
    await fromCache.setCorpusVectors(vectors, spec);
    expect((await fromCache.searchByMeaning(texts[9]!, 1))[0]!.index).toBe(9);
    fromCache.destroy();
    compute.destroy();
    expect(tf.memory().numTensors).toBe(before);
    models.dispose();
  });
});
