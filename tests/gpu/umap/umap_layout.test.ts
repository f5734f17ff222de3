import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { umapReference } from '../../../src/core/layout/umap_reference';
import { layoutQuality } from '../../../src/core/metrics/layout_quality';
import { exactKnn } from '../../../src/gpu/exact_knn';
import { umapLayout } from '../../../src/gpu/umap/umap_layout';
import type { KnnGraph } from '../../../src/core/knn_graph';
import type { Vectors } from '../../../src/core/vectors';
import { clusteredVectors } from '../../helpers/synthetic';
import { nodeBackends, useBackend } from '../../helpers/tf_backends';

const BACKENDS = await nodeBackends();

describe('umapLayout', () => {
  let vectors: Vectors;
  let graph: KnnGraph;

  beforeAll(async () => {
    await useBackend('cpu');
    vectors = clusteredVectors(400, 32, 6, 0.9, 11).vectors;
    graph = await exactKnn(vectors, 15);
  });

  it('is as trustworthy as umap-js on the CPU path (within 0.01), and preserves as many neighbours', async () => {
    const ours = await umapLayout(vectors, graph, { nEpochs: 300 }, { optimiser: 'cpu' });
    const reference = await umapReference(vectors, graph, { nEpochs: 300 });
    const q = layoutQuality(vectors, graph, ours.xy);
    const r = layoutQuality(vectors, graph, reference.xy);
    expect(q.trustworthiness).toBeGreaterThan(r.trustworthiness - 0.01);
    expect(q.knnPreservation).toBeGreaterThan(r.knnPreservation - 0.03);
  });

  it('gives bit-identical layouts for the same seed on the CPU path, another for another seed', async () => {
    const a = await umapLayout(vectors, graph, { nEpochs: 80, seed: 3 }, { optimiser: 'cpu' });
    const b = await umapLayout(vectors, graph, { nEpochs: 80, seed: 3 }, { optimiser: 'cpu' });
    const c = await umapLayout(vectors, graph, { nEpochs: 80, seed: 4 }, { optimiser: 'cpu' });
    expect(Buffer.from(a.xy.buffer).equals(Buffer.from(b.xy.buffer))).toBe(true);
    expect(Buffer.from(a.xy.buffer).equals(Buffer.from(c.xy.buffer))).toBe(false);
    expect(a.id).toContain('optimiser=cpu');
  });

  it('streams partial layouts, reports progress to 1, and stops when cancelled', async () => {
    const fractions: number[] = [];
    await umapLayout(
      vectors,
      graph,
      { nEpochs: 200 },
      { optimiser: 'cpu', onProgress: (f) => fractions.push(f) },
    );
    expect(fractions.at(-1)).toBe(1);
    const controller = new AbortController();
    controller.abort();
    await expect(
      umapLayout(vectors, graph, {}, { signal: controller.signal, optimiser: 'cpu' }),
    ).rejects.toThrow();
  });

  it('places 0–2 papers without UMAP', async () => {
    for (const n of [0, 1, 2]) {
      const v = clusteredVectors(n, 8, 1).vectors;
      const layout = await umapLayout(v, await exactKnn(v, 15));
      expect(layout.xy.length).toBe(2 * n);
    }
  });
});

describe.each(BACKENDS.filter((b) => b !== 'cpu'))(
  'the tensor optimiser on the %s backend',
  (backend) => {
    let vectors: Vectors;
    let graph: KnnGraph;

    beforeAll(async () => {
      await useBackend('cpu');
      vectors = clusteredVectors(300, 24, 5, 0.9, 5).vectors;
      graph = await exactKnn(vectors, 15);
      await useBackend(backend);
    });

    it('lays out as faithfully as umap-js (trustworthiness within 0.01)', async () => {
      const ours = await umapLayout(vectors, graph, { nEpochs: 200 }, { optimiser: 'gpu' });
      expect(ours.xy.every(Number.isFinite)).toBe(true);
      const reference = await umapReference(vectors, graph, { nEpochs: 200 });
      const q = layoutQuality(vectors, graph, ours.xy);
      const r = layoutQuality(vectors, graph, reference.xy);
      expect(q.trustworthiness).toBeGreaterThan(r.trustworthiness - 0.01);
    });

    it('is deterministic on the same backend and leaves no tensor behind', async () => {
      const before = tf.memory().numTensors;
      const a = await umapLayout(vectors, graph, { nEpochs: 40 }, { optimiser: 'gpu' });
      const b = await umapLayout(vectors, graph, { nEpochs: 40 }, { optimiser: 'gpu' });
      expect(Array.from(a.xy)).toEqual(Array.from(b.xy));
      expect(tf.memory().numTensors).toBe(before);
    });
  },
);
