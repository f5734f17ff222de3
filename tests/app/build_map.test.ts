import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMap, type StageProgress } from '../../src/app/build_map';
import { buildSeedCorpus } from '../../src/core/seeds/load_seed_corpus';
import { paperText, type Corpus } from '../../src/core/paper';
import { asStored } from '../../src/core/quantise';
import { createBertModelCache } from '../../src/gpu/bert/bert_model_cache';
import type { ComputeService, EmbedderSpec } from '../../src/gpu/compute_api';
import { embedsPerText } from '../../src/gpu/embeds_per_text';
import { createInProcessCompute } from '../../src/gpu/in_process_compute';
import { MemoryVectorStore } from '../../src/store/memory_vector_store';
import { folderFetcher, tinyBertFiles, TINY_BASE_URL } from '../helpers/tiny_bert';

/** The real in-process compute, counting how often the embedder actually runs. */
function countingCompute(): { compute: ComputeService; embedCalls: () => number } {
  const real = createInProcessCompute({ exclude: ['webgpu', 'webgl', 'wasm'] });
  let calls = 0;
  return {
    compute: {
      ...real,
      embed: (...args) => {
        calls++;
        return real.embed(...args);
      },
    },
    embedCalls: () => calls,
  };
}

/** The in-process compute with the tiny BERT, counting the texts the embedder runs on. */
function countingBertCompute(): {
  compute: ComputeService;
  embedded: () => number;
  dispose: () => void;
} {
  const models = createBertModelCache(folderFetcher(tinyBertFiles()));
  const real = createInProcessCompute({ exclude: ['webgpu', 'webgl', 'wasm'], models });
  let texts = 0;
  return {
    compute: {
      ...real,
      embed: (...args) => {
        texts += args[0].length;
        return real.embed(...args);
      },
    },
    embedded: () => texts,
    dispose: () => {
      real.destroy();
      models.dispose();
    },
  };
}

const TINY_MINILM: EmbedderSpec = { kind: 'minilm', baseUrl: TINY_BASE_URL, maxTokens: 32 };

/** Row i of n×dim vectors. */
const row = (v: { data: Float32Array; dim: number }, i: number): number[] =>
  Array.from(v.data.subarray(i * v.dim, (i + 1) * v.dim));

function seedCorpus(): Corpus {
  const pages = readdirSync('data/seeds')
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), text: readFileSync(`data/seeds/${f}`, 'utf8') }));
  return buildSeedCorpus(pages);
}

describe('buildMap on the seed corpus', () => {
  let corpus: Corpus;
  beforeAll(() => {
    corpus = seedCorpus();
  });

  it('embeds, projects and clusters all 236 papers, then reads the vectors from the cache', async () => {
    const { compute, embedCalls } = countingCompute();
    const backend = await compute.init('cpu');
    const store = new MemoryVectorStore();
    const stages: StageProgress[] = [];
    const options = {
      embedder: { kind: 'lsa' as const },
      backend,
      onProgress: (p: StageProgress) => stages.push(p),
    };

    const first = await buildMap(corpus, compute, store, options);
    expect(first.vectorsFrom).toBe('computed');
    expect(embedCalls()).toBe(1);
    expect(first.vectors!.n).toBe(236);
    expect(first.projection.layout.xy.length).toBe(2 * 236);
    expect(first.projection.graph.k).toBe(15);
    expect(first.projection.clusterCount).toBeGreaterThan(1);
    expect(new Set(stages.map((s) => s.stage))).toEqual(new Set(['embed', 'project']));

    const second = await buildMap(corpus, compute, store, options);
    expect(second.vectorsFrom).toBe('cache');
    expect(embedCalls()).toBe(1);
    // Same vectors and seed: the same map.
    expect(Array.from(second.projection.layout.xy)).toEqual(Array.from(first.projection.layout.xy));
  });

  it('embeds again when a text changes', async () => {
    const { compute, embedCalls } = countingCompute();
    const backend = await compute.init('cpu');
    const store = new MemoryVectorStore();
    const small = { ...corpus, papers: corpus.papers.slice(0, 40) };
    await buildMap(small, compute, store, { embedder: { kind: 'lsa' }, backend });
    const edited = {
      ...small,
      papers: small.papers.map((p, i) =>
        i === 3 ? { ...p, abstract: p.abstract + ' Revised.' } : p,
      ),
    };
    const rebuilt = await buildMap(edited, compute, store, { embedder: { kind: 'lsa' }, backend });
    expect(rebuilt.vectorsFrom).toBe('computed');
    expect(embedCalls()).toBe(2);
  });

  it('keeps working when the cache cannot be written, and says so', async () => {
    const { compute } = countingCompute();
    const backend = await compute.init('cpu');
    const store = new MemoryVectorStore();
    store.put = () => Promise.reject(new Error('QuotaExceededError'));
    const small = { ...corpus, papers: corpus.papers.slice(0, 30) };
    const built = await buildMap(small, compute, store, { embedder: { kind: 'lsa' }, backend });
    expect(built.projection.layout.n).toBe(30);
    expect(built.notices.join(' ')).toMatch(/could not be cached.*Quota/);
  });

  it('stops when cancelled', async () => {
    const { compute } = countingCompute();
    const backend = await compute.init('cpu');
    const controller = new AbortController();
    controller.abort();
    await expect(
      buildMap(corpus, compute, new MemoryVectorStore(), {
        embedder: { kind: 'lsa' },
        backend,
        signal: controller.signal,
      }),
    ).rejects.toThrow();
  });

  it('caches whole corpora for lsa, per text for minilm', () => {
    expect(embedsPerText({ kind: 'lsa' })).toBe(false);
    expect(embedsPerText({ kind: 'minilm' })).toBe(true);
  });

  it('re-embeds only the paper whose text changed with a per-text embedder', async () => {
    const { compute, embedded, dispose } = countingBertCompute();
    try {
      const backend = await compute.init('cpu');
      const store = new MemoryVectorStore();
      const options = { embedder: TINY_MINILM, backend };
      const small = { ...corpus, papers: corpus.papers.slice(0, 30) };

      const first = await buildMap(small, compute, store, options);
      expect(first.vectorsFrom).toBe('computed');
      expect(first.vectorsComputed).toBe(30);
      expect(embedded()).toBe(30);

      const edited = {
        ...small,
        papers: small.papers.map((p, i) => (i === 7 ? { ...p, title: 'Revised: ' + p.title } : p)),
      };
      const stages: StageProgress[] = [];
      const second = await buildMap(edited, compute, store, {
        ...options,
        onProgress: (p) => stages.push(p),
      });
      expect(second.vectorsFrom).toBe('partial');
      expect(second.vectorsComputed).toBe(1);
      expect(embedded()).toBe(31);
      expect(stages.map((s) => s.detail)).toContain(
        '1 of 30 vectors computed, the rest from the cache',
      );
      expect(second.vectors!.n).toBe(30);

      // Every row equals the stored form of a fresh embedding of the whole edited corpus (exactly:
      // the CPU backend masks padding to exact zeros, so batch company does not change a row).
      const fresh = asStored(await compute.embed(edited.papers.map(paperText), TINY_MINILM));
      for (let i = 0; i < 30; i++) {
        expect(row(second.vectors!, i)).toEqual(row(fresh, i));
        if (i !== 7) expect(row(second.vectors!, i)).toEqual(row(first.vectors!, i));
      }
      expect(row(second.vectors!, 7)).not.toEqual(row(first.vectors!, 7));

      const third = await buildMap(edited, compute, store, options);
      expect(third.vectorsFrom).toBe('cache');
      expect(third.vectorsComputed).toBe(0);
      expect(embedded()).toBe(31 + 30); // only the fresh embedding above
      expect(Array.from(third.vectors!.data)).toEqual(Array.from(second.vectors!.data));
      expect(Array.from(third.projection.layout.xy)).toEqual(
        Array.from(second.projection.layout.xy),
      );
    } finally {
      dispose();
    }
  });

  it('keeps a per-text map working when its rows cannot be cached, and says so', async () => {
    const { compute, dispose } = countingBertCompute();
    try {
      const backend = await compute.init('cpu');
      const store = new MemoryVectorStore();
      store.putRows = () => Promise.reject(new Error('QuotaExceededError'));
      const small = { ...corpus, papers: corpus.papers.slice(0, 20) };
      const built = await buildMap(small, compute, store, { embedder: TINY_MINILM, backend });
      expect(built.vectorsFrom).toBe('computed');
      expect(built.projection.layout.n).toBe(20);
      expect(built.notices.join(' ')).toMatch(/could not be cached.*Quota/);
    } finally {
      dispose();
    }
  });
});
