import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MapSession } from '../../src/app/map_session.svelte';
import { SearchSession } from '../../src/app/search_session.svelte';
import type { SearchClient } from '../../src/compute/search_client';
import { WORKER_CRASHED } from '../../src/compute/rpc_client';
import type { Corpus } from '../../src/core/paper';
import { buildSeedCorpus } from '../../src/core/seeds/load_seed_corpus';
import type { BackendReport } from '../../src/gpu/backend';
import { BACKEND_LOST } from '../../src/gpu/backend_lost_error';
import type { ComputeService } from '../../src/gpu/compute_api';
import { createInProcessCompute } from '../../src/gpu/in_process_compute';
import { IdbVectorStore } from '../../src/store/idb_vector_store';
import { MemoryVectorStore } from '../../src/store/memory_vector_store';
import { KNN_STAGE } from '../../src/gpu/knn_choice';

function seedCorpus(): Corpus {
  const pages = readdirSync('data/seeds')
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), text: readFileSync(`data/seeds/${f}`, 'utf8') }));
  return buildSeedCorpus(pages);
}

function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/**
 * The real in-process compute (cpu) with hooks: `onStage` sees every progress stage of embed and
 * project before the pipeline does, and `fail` can make the next call of a method throw.
 */
function hookedCompute() {
  const real = createInProcessCompute({ exclude: ['webgpu', 'webgl', 'wasm'] });
  const hooks = {
    onStage: (_stage: string, _fraction: number): void => {},
    fail: new Map<'embed' | 'project', Error>(),
    embedCalls: 0,
    initCalls: 0,
    restarts: 0,
    /** What init reports, in turn; the real cpu backend runs underneath. */
    reports: [] as Partial<BackendReport>[],
  };
  const takeFailure = (method: 'embed' | 'project'): void => {
    const error = hooks.fail.get(method);
    hooks.fail.delete(method);
    if (error) throw error;
  };
  const compute: ComputeService & { restart(): void } = {
    ...real,
    init: async (preferred) => {
      const report = await real.init(preferred);
      return { ...report, ...hooks.reports[hooks.initCalls++] };
    },
    embed: async (texts, spec, o = {}) => {
      hooks.embedCalls++;
      takeFailure('embed');
      return real.embed(texts, spec, {
        ...o,
        onProgress: (f, stage) => {
          hooks.onStage('embed', f);
          o.onProgress?.(f, stage);
        },
      });
    },
    project: async (vectors, texts, umap, o = {}) => {
      takeFailure('project');
      return real.project(vectors, texts, umap, {
        ...o,
        onProgress: (f, stage) => {
          hooks.onStage(stage, f);
          o.onProgress?.(f, stage);
        },
      });
    },
    restart: () => void hooks.restarts++,
  };
  return { compute, hooks };
}

describe('MapSession when things go wrong', () => {
  let corpus: Corpus;
  let smaller: Corpus;
  beforeAll(() => {
    corpus = seedCorpus();
    smaller = { papers: corpus.papers.slice(0, 180), hash: `${corpus.hash}-first-180` };
  });

  it('cancelling at any stage leaves the previous map on screen, whole, with no progress left', async () => {
    const { compute, hooks } = hookedCompute();
    const session = new MapSession(compute, new MemoryVectorStore());
    expect(await session.open(async () => corpus)).toBe(true);
    const previous = session.built!;
    const labels = previous.projection.topics.levels.map((l) =>
      l.topics.map((t) => t.label).join('|'),
    );

    for (const stage of ['load', 'embed', KNN_STAGE.exact, 'layout', 'topics']) {
      let cancelled = false;
      let sawPartial = false;
      hooks.onStage = (at, fraction) => {
        // Half way into the layout, partial positions have been streamed to the session.
        if (cancelled || at !== stage || (at === 'layout' && fraction < 0.5)) return;
        sawPartial = session.partialXy !== null;
        cancelled = true;
        session.cancel();
      };
      const shown = await session.open(async () => {
        // A loader that ignores the signal, as a fetch already answered would.
        if (stage === 'load') {
          cancelled = true;
          session.cancel();
        }
        return smaller;
      });
      expect(cancelled, stage).toBe(true);
      expect(shown, stage).toBe(false);
      expect(session.built, stage).toBe(previous);
      expect(session.papers.length, stage).toBe(236);
      expect(session.built!.projection.layout.xy.length, stage).toBe(2 * 236);
      expect(
        session.built!.projection.topics.levels.map((l) => l.topics.map((t) => t.label).join('|')),
        stage,
      ).toEqual(labels);
      expect(session.progress, stage).toBeNull();
      expect(session.partialXy, stage).toBeNull();
      expect(session.error, stage).toBeNull();
      if (stage === 'layout') expect(sawPartial).toBe(true);
    }
    // The smaller corpus was embedded once (the embed-stage cancel), never finished.
    expect(session.notices).toEqual([]);
    session.destroy();
  });

  it('a backend lost mid-run is replaced by the next one, the map finishes, and the user is told once', async () => {
    const { compute, hooks } = hookedCompute();
    hooks.reports = [
      { name: 'webgpu', device: 'test gpu' },
      { name: 'wasm', device: 'CPU' },
    ];
    hooks.fail.set(
      'project',
      namedError(BACKEND_LOST, 'webgpu stopped working: the WebGPU device was lost (destroyed)'),
    );
    const session = new MapSession(compute, new MemoryVectorStore());
    expect(await session.open(async () => corpus)).toBe(true);
    expect(session.built!.corpus.papers.length).toBe(236);
    expect(session.backend?.name).toBe('wasm');
    expect(hooks.initCalls).toBe(2);
    // The rerun starts from the last finished stage: the vectors came from the cache.
    expect(hooks.embedCalls).toBe(1);
    expect(session.built!.vectorsFrom).toBe('cache');
    expect(session.notices).toHaveLength(1);
    expect(session.notices[0]).toMatch(/webgpu stopped working.*device was lost.*finished on wasm/);
    expect(session.error).toBeNull();
    session.destroy();
  });

  it('a backend lost during a search by meaning: the next one takes the vectors and answers', async () => {
    const { compute, hooks } = hookedCompute();
    hooks.reports = [
      { name: 'webgpu', device: 'test gpu' },
      { name: 'wasm', device: 'CPU' },
    ];
    let lose = true;
    let handedOver = 0;
    const searching: ComputeService = {
      ...compute,
      setCorpusVectors: async (...args) => {
        handedOver++;
        return compute.setCorpusVectors(...args);
      },
      searchByMeaning: async (query, k) => {
        if (lose) {
          lose = false;
          throw namedError(BACKEND_LOST, 'webgpu stopped working: the WebGPU device was lost');
        }
        return compute.searchByMeaning(query, k);
      },
    };
    const session = new MapSession(searching, new MemoryVectorStore());
    expect(await session.open(async () => corpus)).toBe(true);
    const search = new SearchSession(session, {} as SearchClient, searching);
    search.update('retrieval-augmented generation with dense retrievers', 'meaning');
    const best = await search.run();
    expect(search.error).toBeNull();
    expect(best).not.toBeNull();
    expect(search.hits.length).toBeGreaterThan(10);
    expect(session.backend?.name).toBe('wasm');
    // Computed vectors lived in the lost backend: they were handed over to the new one.
    expect(handedOver).toBe(1);
    expect(session.notices).toEqual([
      'webgpu stopped working: the WebGPU device was lost; search continues on wasm (CPU).',
    ]);
    session.destroy();
  });

  it('says which backend runs when the one asked for cannot be used', async () => {
    const { compute, hooks } = hookedCompute();
    hooks.reports = [{ name: 'wasm', skipped: ['webgpu: no WebGPU adapter'] }];
    const session = new MapSession(compute, new MemoryVectorStore());
    expect(await session.open(async () => corpus, 'webgpu')).toBe(true);
    expect(session.notices).toEqual([
      'webgpu could not be used (no WebGPU adapter); the map is computed on wasm.',
    ]);
    session.destroy();
  });

  it('a crashed worker keeps the previous map, offers a retry, and the retry reuses the cached vectors', async () => {
    const { compute, hooks } = hookedCompute();
    const session = new MapSession(compute, new MemoryVectorStore());
    expect(await session.open(async () => corpus)).toBe(true);
    const previous = session.built!;

    hooks.fail.set('project', namedError(WORKER_CRASHED, 'The compute worker stopped: boom'));
    expect(await session.open(async () => smaller)).toBe(false);
    expect(session.built).toBe(previous);
    expect(session.progress).toBeNull();
    expect(session.canRetry).toBe(true);
    expect(session.error).toMatch(/stopped unexpectedly.*compute worker stopped: boom/);
    expect(session.backend).toBeNull();
    const embedsBefore = hooks.embedCalls;

    expect(await session.retry()).toBe(true);
    expect(hooks.restarts).toBe(1);
    expect(hooks.embedCalls).toBe(embedsBefore);
    expect(session.built!.corpus).toBe(smaller);
    expect(session.built!.vectorsFrom).toBe('cache');
    expect(session.canRetry).toBe(false);
    expect(session.error).toBeNull();
    // Nothing left to retry.
    expect(await session.retry()).toBe(false);
    session.destroy();
  });

  it('a full disk: every map still builds, and the user is told once, not at every build', async () => {
    const { compute, hooks } = hookedCompute();
    const store = await IdbVectorStore.open();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    try {
      const session = new MapSession(compute, store);
      expect(await session.open(async () => corpus)).toBe(true);
      expect(await session.open(async () => corpus)).toBe(true);
      // Nothing could be cached, so the second build embedded again.
      expect(hooks.embedCalls).toBe(2);
      expect(session.built!.corpus.papers.length).toBe(236);
      expect(session.notices).toHaveLength(1);
      expect(session.notices[0]).toMatch(/could not be cached.*storage for this site is full/);
      session.destroy();
    } finally {
      put.mockRestore();
    }
  });
});
