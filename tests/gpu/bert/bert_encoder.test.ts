import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBertConfig } from '../../../src/core/bert/bert_config';
import { bertWeightsFromSafetensors } from '../../../src/core/bert/bert_weights';
import { parseSafetensors } from '../../../src/core/bert/safetensors';
import { bertReference } from '../../../src/core/reference/bert_reference';
import type { Vectors } from '../../../src/core/vectors';
import { loadBert, type LoadedBert } from '../../../src/gpu/bert/bert_loader';
import { createBertEmbedder } from '../../../src/gpu/minilm_embedder';
import { nodeBackends, useBackend } from '../../helpers/tf_backends';
import {
  folderFetcher,
  tinyBertFiles,
  TINY_BASE_URL,
  type TinyBertFiles,
} from '../../helpers/tiny_bert';

// Different lengths, so every batch pads and the attention mask matters; one text runs past the
// tiny model's 64 positions and is truncated; one has no known word at all.
const TEXTS = [
  'We propose a new graph neural network.',
  'Attention!',
  'Diffusion models for video, speech and audio: state of the art results on three benchmarks.',
  Array.from({ length: 80 }, (_, i) => `w${i % 120}`).join(' '),
  'Café naïve résumé — zzz qqq',
  'learning',
];

function maxAbsDifference(a: Vectors, b: Vectors): number {
  expect([a.n, a.dim]).toEqual([b.n, b.dim]);
  let max = 0;
  for (let i = 0; i < a.data.length; i++) max = Math.max(max, Math.abs(a.data[i]! - b.data[i]!));
  return max;
}

/** The float64 reference embedding of the texts, from the same file bytes. */
function reference(files: TinyBertFiles, loaded: LoadedBert, maxTokens: number): Vectors {
  const config = parseBertConfig(files['config.json']);
  const st = parseSafetensors(files['model.safetensors'].slice().buffer);
  const sequences = TEXTS.map((t) => loaded.tokenizer.encode(t, maxTokens));
  return bertReference(config, bertWeightsFromSafetensors(st, config), sequences);
}

const BACKENDS = await nodeBackends();

describe.each(BACKENDS)('the BERT encoder on the %s backend', (backend) => {
  beforeAll(() => useBackend(backend));
  const loaded: LoadedBert[] = [];
  afterAll(() => loaded.forEach((l) => l.model.dispose()));

  it.each(['F32', 'F16'] as const)(
    'matches the float64 reference within 1e-4 with padded batches (%s weights)',
    async (dtype) => {
      const files = tinyBertFiles({ dtype, seed: dtype === 'F32' ? 7 : 8 });
      const bert = await loadBert({ fetcher: folderFetcher(files), baseUrl: TINY_BASE_URL });
      loaded.push(bert);
      const vectors = await createBertEmbedder({ ...bert, batchSize: 4 }).embed(TEXTS);
      expect(vectors.dim).toBe(32);
      const expected = reference(files, bert, 64);
      expect(maxAbsDifference(vectors, expected)).toBeLessThan(1e-4);
      // The rows differ from each other: the check is not passing on a constant output.
      expect(
        maxAbsDifference(
          { ...vectors, n: 1, data: vectors.data.subarray(0, 32) },
          {
            ...vectors,
            n: 1,
            data: vectors.data.subarray(32, 64),
          },
        ),
      ).toBeGreaterThan(0.05);
    },
  );

  it('gives the same vectors whatever the batch size, and matches with maxTokens 8', async () => {
    const files = tinyBertFiles({ prefix: 'bert.' });
    const bert = await loadBert({ fetcher: folderFetcher(files), baseUrl: TINY_BASE_URL });
    loaded.push(bert);
    const one = await createBertEmbedder({ ...bert, batchSize: 1, maxTokens: 8 }).embed(TEXTS);
    const all = await createBertEmbedder({ ...bert, batchSize: 64, maxTokens: 8 }).embed(TEXTS);
    expect(maxAbsDifference(one, all)).toBeLessThan(1e-5);
    expect(maxAbsDifference(all, reference(files, bert, 8))).toBeLessThan(1e-4);
  });

  it('leaks no tensors: loading, embedding and disposing leave the count where it was', async () => {
    const before = tf.memory().numTensors;
    const bert = await loadBert({
      fetcher: folderFetcher(tinyBertFiles()),
      baseUrl: TINY_BASE_URL,
    });
    const afterLoad = tf.memory().numTensors;
    expect(afterLoad).toBeGreaterThan(before);
    await createBertEmbedder(bert).embed(TEXTS);
    expect(tf.memory().numTensors).toBe(afterLoad);
    bert.model.dispose();
    bert.model.dispose(); // idempotent
    expect(tf.memory().numTensors).toBe(before);
    expect(bert.model.disposed).toBe(true);
    expect(() => bert.model.tensors).toThrow(/disposed/);
  });
});
