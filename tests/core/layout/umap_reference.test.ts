import { beforeAll, describe, expect, it } from 'vitest';
import { umapReference } from '../../../src/core/layout/umap_reference';
import { exactKnn } from '../../../src/gpu/exact_knn';
import { clusteredVectors } from '../../helpers/synthetic';
import { useCpuBackend } from '../../helpers/tf_backends';

/** Fraction of points whose nearest 2-D neighbour has the same planted cluster. */
function clusterAgreement(xy: Float32Array, labels: Int32Array): number {
  const n = labels.length;
  let same = 0;
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bestD = Infinity;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d = (xy[2 * i]! - xy[2 * j]!) ** 2 + (xy[2 * i + 1]! - xy[2 * j + 1]!) ** 2;
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    }
    if (labels[best] === labels[i]) same++;
  }
  return same / n;
}

describe('umapReference', () => {
  beforeAll(useCpuBackend);

  it('keeps planted clusters together in 2-D', async () => {
    const { vectors, labels } = clusteredVectors(240, 32, 4, 0.35);
    const graph = await exactKnn(vectors, 15);
    const layout = await umapReference(vectors, graph, { nEpochs: 200 });
    expect(layout.n).toBe(240);
    expect(layout.xy.every(Number.isFinite)).toBe(true);
    expect(clusterAgreement(layout.xy, labels)).toBeGreaterThan(0.95);
  });

  it('gives the same layout for the same seed and a different one for another seed', async () => {
    const { vectors } = clusteredVectors(120, 16, 3);
    const graph = await exactKnn(vectors, 15);
    const a = await umapReference(vectors, graph, { nEpochs: 60, seed: 5 });
    const b = await umapReference(vectors, graph, { nEpochs: 60, seed: 5 });
    const c = await umapReference(vectors, graph, { nEpochs: 60, seed: 6 });
    expect(Array.from(a.xy)).toEqual(Array.from(b.xy));
    expect(Array.from(a.xy)).not.toEqual(Array.from(c.xy));
    expect(a.id).toContain('seed=5');
  });

  it('reports progress up to 1 and streams partial layouts', async () => {
    const { vectors } = clusteredVectors(150, 16, 3);
    const graph = await exactKnn(vectors, 15);
    const fractions: number[] = [];
    const layout = await umapReference(
      vectors,
      graph,
      { nEpochs: 400 },
      {
        onProgress: (f) => fractions.push(f),
      },
    );
    expect(fractions.at(-1)).toBe(1);
    expect(layout.xy.length).toBe(300);
  });

  it('places tiny corpora without UMAP and never throws', async () => {
    for (const n of [0, 1, 2, 3, 4]) {
      const { vectors } = clusteredVectors(n, 8, 1);
      const graph = await exactKnn(vectors, 15);
      const layout = await umapReference(vectors, graph);
      expect(layout.xy.length).toBe(2 * n);
      expect(layout.xy.every(Number.isFinite)).toBe(true);
    }
  });

  it('stops when cancelled', async () => {
    const { vectors } = clusteredVectors(150, 16, 3);
    const graph = await exactKnn(vectors, 15);
    const controller = new AbortController();
    controller.abort();
    await expect(
      umapReference(vectors, graph, { nEpochs: 500 }, { signal: controller.signal }),
    ).rejects.toThrow();
  });
});
