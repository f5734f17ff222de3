import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../../src/core/rpc/protocol';
import { loadBert, type LoadedBert } from '../../src/gpu/bert/bert_loader';
import { createBertModelCache } from '../../src/gpu/bert/bert_model_cache';
import type { Fetcher } from '../../src/gpu/bert/fetcher';
import { createComputeHandlers, embedderFor, embedderIdFor } from '../../src/gpu/compute_handlers';
import { bertEmbedderId, createBertEmbedder } from '../../src/gpu/minilm_embedder';
import { nodeBackends, useBackend } from '../helpers/tf_backends';
import { folderFetcher, tinyBertFiles, TINY_BASE_URL } from '../helpers/tiny_bert';

const TEXTS = [
  'We propose a new graph neural network.',
  'Attention!',
  'Diffusion models for video, speech and audio: state of the art results.',
  'protein molecule',
  'reinforcement learning with a reward model for robot policy',
  'quantum code',
  'Café',
];

const load = (): Promise<LoadedBert> =>
  loadBert({ fetcher: folderFetcher(tinyBertFiles()), baseUrl: TINY_BASE_URL });

const BACKENDS = await nodeBackends();

describe('the minilm embedder id', () => {
  it('encodes the model, maxTokens and the pooling', async () => {
    expect(bertEmbedderId('sentence-transformers/all-MiniLM-L6-v2')).toBe(
      'minilm-v1:model=sentence-transformers/all-MiniLM-L6-v2;maxTokens=256;pool=mean',
    );
    await expect(embedderIdFor({ kind: 'minilm' })).resolves.toBe(
      'minilm-v1:model=sentence-transformers/all-MiniLM-L6-v2;maxTokens=256;pool=mean',
    );
    await expect(
      embedderIdFor({
        kind: 'minilm',
        baseUrl: 'https://huggingface.co/BAAI/bge-small-en-v1.5/resolve/main/',
        maxTokens: 128,
      }),
    ).resolves.toBe('minilm-v1:model=BAAI/bge-small-en-v1.5;maxTokens=128;pool=mean');
    await expect(embedderIdFor({ kind: 'lsa' })).resolves.toMatch(/^lsa-v1:/);
  });
});

describe.each(BACKENDS)('the minilm embedder on the %s backend', (backend) => {
  let bert: LoadedBert;
  beforeAll(async () => {
    await useBackend(backend);
    bert = await load();
  });
  afterAll(() => bert.model.dispose());

  it('gives unit rows in input order, whatever order the batches run in', async () => {
    const embedder = createBertEmbedder({ ...bert, batchSize: 3 });
    expect(embedder.id).toBe('minilm-v1:model=models.example/tiny-bert;maxTokens=256;pool=mean');
    const forward = await embedder.embed(TEXTS);
    const backward = await embedder.embed([...TEXTS].reverse());
    expect([forward.n, forward.dim]).toEqual([TEXTS.length, 32]);
    for (let i = 0; i < forward.n; i++) {
      const row = forward.data.subarray(i * 32, (i + 1) * 32);
      expect(row.reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 5);
      const mirrored = backward.data.subarray((forward.n - 1 - i) * 32, (forward.n - i) * 32);
      for (let j = 0; j < 32; j++) expect(Math.abs(row[j]! - mirrored[j]!)).toBeLessThan(1e-5);
    }
    const none = await embedder.embed([]);
    expect([none.n, none.dim, none.data.length]).toEqual([0, 32, 0]);
  });

  it('reports papers done / total as stage "embed", one step per batch', async () => {
    const steps: [number, string][] = [];
    await createBertEmbedder({ ...bert, batchSize: 3 }).embed(TEXTS, {
      onProgress: (fraction, stage) => steps.push([fraction, stage]),
    });
    expect(steps).toEqual([
      [3 / 7, 'embed'],
      [6 / 7, 'embed'],
      [1, 'embed'],
    ]);
  });

  it('stops between batches when cancelled, leaking no tensors', async () => {
    const before = tf.memory().numTensors;
    const embedder = createBertEmbedder({ ...bert, batchSize: 2 });
    await expect(embedder.embed(TEXTS, { signal: AbortSignal.abort() })).rejects.toThrow();
    const controller = new AbortController();
    let batches = 0;
    const run = embedder.embed(TEXTS, {
      signal: controller.signal,
      onProgress: () => {
        batches++;
        controller.abort(new Error('cancelled'));
      },
    });
    await expect(run).rejects.toThrow('cancelled');
    expect(batches).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves the tensor count where it started after embedding', async () => {
    const before = tf.memory().numTensors;
    await createBertEmbedder({ ...bert, batchSize: 4, maxTokens: 16 }).embed(TEXTS);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('minilm in the compute handlers', () => {
  beforeAll(() => useBackend('cpu'));

  it('loads a model once per base URL and reuses it for later embeds', async () => {
    const inner = folderFetcher(tinyBertFiles());
    const fetched: string[] = [];
    const counting: Fetcher = {
      fetch: (url, options) => {
        fetched.push(url);
        return inner.fetch(url, options);
      },
    };
    const models = createBertModelCache(counting);
    const handlers = createComputeHandlers(models);
    const stages = new Set<string>();
    const ctx: CallContext = {
      signal: new AbortController().signal,
      onProgress: (_, stage) => stages.add(stage),
      onPartial: () => {},
    };
    const spec = { kind: 'minilm' as const, baseUrl: TINY_BASE_URL, maxTokens: 32 };
    const first = await handlers.embed({ texts: TEXTS, embedder: spec }, ctx);
    const second = await handlers.embed({ texts: TEXTS.slice(0, 2), embedder: spec }, ctx);
    expect(fetched).toHaveLength(3);
    expect(stages).toEqual(new Set(['download model', 'embed']));
    expect(second.data).toEqual(first.data.subarray(0, 64));
    expect(await handlers.embedderId({ embedder: spec }, ctx)).toBe(
      'minilm-v1:model=models.example/tiny-bert;maxTokens=32;pool=mean',
    );
    const before = tf.memory().numTensors;
    models.dispose();
    models.dispose();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(tf.memory().numTensors).toBeLessThan(before);
  });

  it('forgets a failed load, so the next call tries again', async () => {
    const files = tinyBertFiles();
    let available = false;
    const fetcher: Fetcher = {
      fetch: (url, options) =>
        available
          ? folderFetcher(files).fetch(url, options)
          : folderFetcher({}).fetch(url, options),
    };
    const models = createBertModelCache(fetcher);
    await expect(embedderFor({ kind: 'minilm', baseUrl: TINY_BASE_URL }, models)).rejects.toThrow(
      /404/,
    );
    available = true;
    const embedder = await embedderFor({ kind: 'minilm', baseUrl: TINY_BASE_URL }, models);
    expect((await embedder.embed(['graph'])).dim).toBe(32);
    models.dispose();
  });
});
