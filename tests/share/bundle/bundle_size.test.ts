import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { quantiseInt8 } from '../../../src/core/quantise';
import { mulberry32 } from '../../../src/core/random';
import { encodeBundleFile } from '../../../src/share/bundle/bundle_file';
import type { MapBundle } from '../../../src/share/bundle/map_bundle';
import { writeBundle } from '../../../src/share/bundle/write_bundle';
import { clusteredVectors } from '../../helpers/synthetic';
import { syntheticPapers } from './bundle_fixtures';
import { openBundle } from './bundle_surgery';

const MB = 1e6;

/** A map of n papers with ~1 KB abstracts, k = 15 and int8 vectors of dimension 256. */
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
  it('adds nothing to the data: 100k papers need ~33 MB besides their gzipped text', async () => {
    // Built for real at 10k papers (~3 s) and scaled by 10: every section grows linearly in n,
    // except that 100k neighbour indices need one more bit each, which the margin covers.
    const n = 10_000;
    const map = largeMap(n);
    const file = await encodeBundleFile(map);
    const sections = openBundle(writeBundle(map)).sections;
    const gz = (name: string) => gzipSync(sections.get(name)!).length;
    const papersGz = gz('papers');
    const plainPapersGz = gzipSync(JSON.stringify(map.corpus.papers)).length;
    const scale = 100_000 / n;
    const total = (file.length * scale) / MB;
    const withoutText = ((file.length - papersGz) * scale) / MB;
    const withoutVectors = total - ((gz('vectors.codes') + gz('vectors.scales')) * scale) / MB;
    console.log(
      `100k papers, ~1 KB abstracts, int8 vectors dim 256: ${total.toFixed(1)} MB gzipped ` +
        `(papers ${((papersGz * scale) / MB).toFixed(1)} MB, the rest ${withoutText.toFixed(1)} MB); ` +
        `without vectors ${withoutVectors.toFixed(1)} MB`,
    );
    // The papers section is plain JSON: the format adds nothing to what gzip makes of it.
    expect(papersGz).toBeLessThan(plainPapersGz * 1.02);
    // Vectors (25.6 MB of int8, nearly incompressible), neighbours, layout, clusters.
    expect(withoutText).toBeLessThan(34);
    expect(withoutVectors).toBeLessThan(60);
  });
});
