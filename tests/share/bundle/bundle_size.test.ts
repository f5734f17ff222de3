import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { quantiseInt8 } from '../../../src/core/quantise';
import { mulberry32 } from '../../../src/core/random';
import { encodeBundleFile } from '../../../src/share/bundle/bundle_file';
import { compactVectors } from '../../../src/share/bundle/compact_vectors';
import type { MapBundle } from '../../../src/share/bundle/map_bundle';
import { writeBundle } from '../../../src/share/bundle/write_bundle';
import { clusteredVectors } from '../../helpers/synthetic';
import { syntheticPapers } from './bundle_fixtures';
import { openBundle } from './bundle_surgery';

const MB = 1e6;

/** A map of n papers with ~1 KB abstracts, k = 15 and int8 vectors of dimension 256 (in memory). */
function largeMap(n: number): MapBundle {
  const k = 15;
  const { vectors, labels } = clusteredVectors(n, 256, 50, 0.8, 3);
  const random = mulberry32(9);
  // Neighbours of a real corpus are scattered over the whole index range, as random ones are.
  const indices = Int32Array.from({ length: n * k }, () => Math.floor(random() * n));
  const distances = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    let d = 0.2 + random() * 0.2;
    for (let j = 0; j < k; j++) distances[i * k + j] = d += random() * 0.03;
  }
  return {
    name: 'large.jsonl',
    corpus: { papers: syntheticPapers(n, 1000), hash: 'h' },
    embedderId: 'lsa-v1:dim=256',
    layout: { xy: Float32Array.from({ length: 2 * n }, () => (random() - 0.5) * 30), n, id: 'u' },
    layoutParams: { seed: 42 },
    graph: { indices, distances, n, k },
    clusters: labels,
    clusterCount: 50,
    topics: [],
    vectors: quantiseInt8(vectors),
  };
}

describe('bundle size', () => {
  it('a 100k-paper bundle with vectors stays under 60 MB', async () => {
    // Built for real at 10k papers (~3 s) and scaled by 10: every section grows linearly in n,
    // except that 100k neighbour indices need log2(10) ≈ 3.3 more bits each, added below.
    const n = 10_000;
    const map = largeMap(n);
    const file = await encodeBundleFile(map);
    const sections = openBundle(writeBundle(compactVectors(map))).sections;
    const gz = (name: string) => gzipSync(sections.get(name)!).length;
    const scale = 100_000 / n;
    const extraIndexBits = (100_000 * map.graph.k * Math.log2(scale)) / 8;
    const mb = (bytes: number) => (bytes * scale) / MB;
    const total = mb(file.length) + extraIndexBits / MB;
    const vectors = mb(gz('vectors.codes4') + gz('vectors.scales'));
    const papers = mb(gz('papers'));
    console.log(
      `100k papers, ~1 KB abstracts, 4-bit vectors dim 256: ${total.toFixed(1)} MB gzipped ` +
        `(papers ${papers.toFixed(1)} MB, vectors ${vectors.toFixed(1)} MB, neighbours ` +
        `${(mb(gz('knn.indices') + gz('knn.distances')) + extraIndexBits / MB).toFixed(1)} MB); ` +
        `without vectors ${(total - vectors).toFixed(1)} MB`,
    );
    expect(total).toBeLessThan(60);
    // Stored by column, the papers gzip smaller than the same papers as one JSON array.
    expect(gz('papers')).toBeLessThan(gzipSync(JSON.stringify(map.corpus.papers)).length * 0.96);
    // 4-bit codes: half the bytes of int8 (12.8 MB at 100k), nearly incompressible.
    expect(vectors).toBeLessThan(14);
  });
});
