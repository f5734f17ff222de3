import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { lsaReference } from '../../src/core/reference/lsa_reference';
import { mulberry32 } from '../../src/core/random';
import type { Vectors } from '../../src/core/vectors';
import { createLsaEmbedder, LSA_DEFAULTS } from '../../src/gpu/lsa_embedder';
import { SMALL_CORPUS } from '../fixtures/small_corpus';
import { nodeBackends, useBackend } from '../helpers/tf_backends';

const TEXTS = SMALL_CORPUS.map((d) => d.text);
const TOPICS = SMALL_CORPUS.map((d) => d.topic);

/** Cosine of row i of a with row i of b (rows are unit vectors). */
function rowCosines(a: Vectors, b: Vectors): number[] {
  return Array.from({ length: a.n }, (_, i) => {
    let dot = 0;
    for (let j = 0; j < a.dim; j++) dot += a.data[i * a.dim + j]! * b.data[i * b.dim + j]!;
    return dot;
  });
}

function expectUnitRows(v: Vectors): void {
  for (let i = 0; i < v.n; i++) {
    let sum = 0;
    for (let j = 0; j < v.dim; j++) sum += v.data[i * v.dim + j]! ** 2;
    expect(sum).toBeCloseTo(1, 5);
  }
}

/** For each topic: mean cosine between its papers, and between its papers and the others. */
function topicCohesion(v: Vectors): { within: number; across: number }[] {
  return [...new Set(TOPICS)].map((topic) => {
    let within = 0;
    let withinCount = 0;
    let across = 0;
    let acrossCount = 0;
    for (let i = 0; i < v.n; i++) {
      if (TOPICS[i] !== topic) continue;
      for (let j = 0; j < v.n; j++) {
        if (i === j) continue;
        let dot = 0;
        for (let d = 0; d < v.dim; d++) dot += v.data[i * v.dim + d]! * v.data[j * v.dim + d]!;
        if (TOPICS[j] === topic) [within, withinCount] = [within + dot, withinCount + 1];
        else [across, acrossCount] = [across + dot, acrossCount + 1];
      }
    }
    return { within: within / withinCount, across: across / acrossCount };
  });
}

const BACKENDS = await nodeBackends();
const REFERENCE = await lsaReference(TEXTS);

describe.each(BACKENDS)('the lsa embedder on the %s backend', (backend) => {
  beforeAll(() => useBackend(backend));

  it('matches the exact reference: every row has cosine > 0.99 with its reference row', async () => {
    const vectors = await createLsaEmbedder().embed(TEXTS);
    expect(vectors.n).toBe(48);
    expect(vectors.dim).toBe(47); // min(n − 1, 256)
    expect(REFERENCE.dim).toBe(47);
    expectUnitRows(vectors);
    for (const cosine of rowCosines(vectors, REFERENCE)) expect(cosine).toBeGreaterThan(0.99);
  });

  it('captures the reference subspace through the random range finder (dim 8, l 18 < n)', async () => {
    // The spectrum of 48 short abstracts is flat (σ8/σ9 ≈ 1.02), so the per-row comparison
    // needs more power iterations than the default to separate component 8 from 9.
    const vectors = await createLsaEmbedder({ dim: 8, power: 16 }).embed(TEXTS);
    const reference = await lsaReference(TEXTS, { dim: 8 });
    expect(vectors.dim).toBe(8);
    expectUnitRows(vectors);
    for (const cosine of rowCosines(vectors, reference)) expect(cosine).toBeGreaterThan(0.99);
  });

  it.each([{}, { dim: 8 }])(
    'places papers nearer to their own topic (params %o)',
    async (params) => {
      const vectors = await createLsaEmbedder(params).embed(TEXTS);
      for (const { within, across } of topicCohesion(vectors)) {
        expect(within).toBeGreaterThan(across + 0.05);
      }
    },
  );

  it('is repeatable: the same seed gives identical vectors, another seed other ones', async () => {
    const first = await createLsaEmbedder({ dim: 8 }).embed(TEXTS);
    const second = await createLsaEmbedder({ dim: 8 }).embed(TEXTS);
    expect(second.data).toEqual(first.data);
    const reseeded = await createLsaEmbedder({ dim: 8, seed: 7 }).embed(TEXTS);
    expect(reseeded.data).not.toEqual(first.data);
    expectUnitRows(reseeded);
  });

  it('leaks no tensors, whether exact, randomised or aborted', async () => {
    const before = tf.memory().numTensors;
    await createLsaEmbedder().embed(TEXTS);
    await createLsaEmbedder({ dim: 8 }).embed(TEXTS);
    const controller = new AbortController();
    await expect(
      createLsaEmbedder({ dim: 8 }).embed(TEXTS, {
        signal: controller.signal,
        onProgress: (_, stage) => stage === 'tf-idf' && controller.abort(),
      }),
    ).rejects.toThrow();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects when its signal is aborted before or during the run', async () => {
    const embedder = createLsaEmbedder();
    await expect(embedder.embed(TEXTS, { signal: AbortSignal.abort() })).rejects.toThrow();
    const controller = new AbortController();
    const run = embedder.embed(TEXTS, {
      signal: controller.signal,
      onProgress: (fraction, stage) => {
        if (stage === 'tf-idf' && fraction === 1) controller.abort(new Error('cancelled'));
      },
    });
    await expect(run).rejects.toThrow('cancelled');
  });

  it('embeds tiny and degenerate corpora without throwing', async () => {
    const embedder = createLsaEmbedder();
    expect(await embedder.embed([])).toEqual({ data: new Float32Array(0), n: 0, dim: 0 });
    expect(await embedder.embed(['A lone abstract about graphs.'])).toEqual({
      data: Float32Array.of(1),
      n: 1,
      dim: 1,
    });
    const two = await embedder.embed(['Graph neural networks.', 'Protein graph structure.']);
    expect(two.dim).toBe(1);
    expectUnitRows(two);
    const empty = await embedder.embed(['', '', '']);
    expect(empty.dim).toBe(1);
    expect(Array.from(empty.data)).toEqual([0, 0, 0]);
    const mixed = await embedder.embed(['', 'the of and', ...TEXTS.slice(0, 3)]);
    expect(mixed.dim).toBe(4);
    expect(Array.from(mixed.data.subarray(0, 8))).toEqual(new Array(8).fill(0));
    expectUnitRows({ ...mixed, data: mixed.data.subarray(8), n: 3 });
    const duplicates = await embedder.embed([TEXTS[0]!, TEXTS[0]!, TEXTS[1]!, TEXTS[1]!]);
    expect(duplicates.dim).toBe(3);
    expect(rowCosines(duplicates, { ...duplicates, data: swapPairs(duplicates) })[0]).toBeCloseTo(
      1,
      5,
    );
  });

  it('matches the reference when terms are fewer than documents (sketch Ω = I)', async () => {
    const words = ['graph', 'protein', 'robot', 'image', 'language'];
    const rand = mulberry32(5);
    // Words drawn with unequal probabilities, so no two singular values tie.
    const texts = Array.from(
      { length: 30 },
      () => words.filter((_, w) => rand() < 0.2 + 0.15 * w).join(' ') || 'graph',
    );
    const vectors = await createLsaEmbedder({ ngramMax: 1 }).embed(texts);
    const reference = await lsaReference(texts, { ngramMax: 1 });
    expect(vectors.dim).toBe(5);
    for (const cosine of rowCosines(vectors, reference)) expect(cosine).toBeGreaterThan(0.99);
  });

  it('handles a rank below dim in the randomised path (repeated texts)', async () => {
    const texts = Array.from({ length: 40 }, (_, i) => TEXTS[(i % 3) * 13]!);
    const vectors = await createLsaEmbedder({ dim: 8 }).embed(texts);
    const reference = await lsaReference(texts, { dim: 8 });
    expect(vectors.dim).toBe(8);
    expectUnitRows(vectors);
    for (const cosine of rowCosines(vectors, reference)) expect(cosine).toBeGreaterThan(0.99);
  });

  it('reports progress in the tf-idf and svd stages, ending each at 1', async () => {
    const seen = new Map<string, number[]>();
    await createLsaEmbedder({ dim: 8 }).embed(TEXTS, {
      onProgress: (fraction, stage) => seen.set(stage, [...(seen.get(stage) ?? []), fraction]),
    });
    expect([...seen.keys()]).toEqual(['tf-idf', 'svd']);
    for (const fractions of seen.values()) {
      expect(fractions.at(-1)).toBe(1);
      for (const f of fractions) expect(f >= 0 && f <= 1).toBe(true);
    }
  });
});

/** The rows of a 4-row matrix reordered 1, 0, 3, 2. */
function swapPairs(v: Vectors): Float32Array {
  const out = new Float32Array(v.data.length);
  [1, 0, 3, 2].forEach((from, to) =>
    out.set(v.data.subarray(from * v.dim, (from + 1) * v.dim), to * v.dim),
  );
  return out;
}

describe('createLsaEmbedder parameters', () => {
  it('encodes every parameter in its id', () => {
    expect(createLsaEmbedder().id).toBe(
      'lsa-v1:dim=256;minDf=2;ngrams=1-2;maxFeatures=262144;oversample=10;power=2;seed=42',
    );
    expect(createLsaEmbedder({ dim: 64, seed: 7, ngramMax: 1 }).id).toBe(
      'lsa-v1:dim=64;minDf=2;ngrams=1-1;maxFeatures=262144;oversample=10;power=2;seed=7',
    );
    expect(LSA_DEFAULTS.dim).toBe(256);
  });

  it('rejects unknown or out-of-range parameters', () => {
    expect(() => createLsaEmbedder({ dim: 0 })).toThrow(RangeError);
    expect(() => createLsaEmbedder({ ngramMax: 3 })).toThrow(RangeError);
    expect(() => createLsaEmbedder({ power: 1.5 })).toThrow(RangeError);
    expect(() => createLsaEmbedder({ dims: 8 } as Record<string, number>)).toThrow(/unknown/);
  });
});
