// A synthetic map bundle shaped like a real one, for the bundle benchmark: papers with ~1 KB
// abstracts (bigram text over the seed pages, which gzips like real abstracts), a three-level
// topic hierarchy with labels, a layout where topics form islands, a k = 15 neighbour graph
// within each leaf topic, and unit vectors of dimension 256 clustered by leaf topic.
import { quantiseInt8 } from '../src/core/quantise';
import { gaussian, mulberry32 } from '../src/core/random';
import type { BundleTopic, MapBundle } from '../src/share/bundle/map_bundle';
import { clusteredVectors } from '../tests/helpers/synthetic';
import { syntheticPapers, textGenerator } from '../tests/share/bundle/bundle_fixtures';

/** Topics per level, coarsest first; each topic splits into 5 below it. */
const LEVEL_SIZES = [8, 40, 200] as const;

/** A map of n papers (n > 200) as described above, seeded; dim is the vectors' dimension. */
export function syntheticBundle(n: number, options: { dim?: number; k?: number } = {}): MapBundle {
  const dim = options.dim ?? 256;
  const k = options.k ?? 15;
  const leaves = LEVEL_SIZES[2];
  const random = mulberry32(9);
  const normal = gaussian(random);
  const { vectors } = clusteredVectors(n, dim, leaves, 0.8, 3);
  // Paper i is in leaf i mod 200 (as clusteredVectors assigns), which nests in i mod 200 / 5 …
  const topicLevels = LEVEL_SIZES.map((_, l) =>
    Int32Array.from({ length: n }, (__, i) => Math.floor((i % leaves) / 5 ** (2 - l))),
  );
  const words = textGenerator(4);
  const topics: BundleTopic[] = LEVEL_SIZES.flatMap((size, level) =>
    Array.from({ length: size }, (_, cluster) => {
      const keywords = words(30).split(' ').slice(0, 4);
      return { level, cluster, label: keywords.slice(0, 3).join(' · '), keywords };
    }),
  );
  // Islands: a leaf sits near its parent, which sits near its own parent.
  const centre = (level: number, c: number, spread: number): [number, number] => {
    const angle = (2 * Math.PI * c) / LEVEL_SIZES[level]! + level;
    return [spread * Math.cos(angle), spread * Math.sin(angle)];
  };
  const xy = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    let x = 0;
    let y = 0;
    LEVEL_SIZES.forEach((_, l) => {
      const [cx, cy] = centre(l, topicLevels[l]![i]!, [12, 4, 1.2][l]!);
      x += cx;
      y += cy;
    });
    xy[2 * i] = x + 0.35 * normal();
    xy[2 * i + 1] = y + 0.35 * normal();
  }
  // Neighbours are other papers of the same leaf, scattered over the index range as in a corpus.
  const perLeaf = Math.floor(n / leaves);
  const indices = new Int32Array(n * k);
  const distances = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    const leaf = i % leaves;
    let d = 0.2 + random() * 0.2;
    for (let j = 0; j < k; j++) {
      let other = leaf + leaves * Math.floor(random() * perLeaf);
      if (other === i) other = (other + leaves) % (perLeaf * leaves);
      indices[i * k + j] = other;
      distances[i * k + j] = d += random() * 0.03;
    }
  }
  return {
    name: `synthetic-${n}.papermap`,
    corpus: { papers: syntheticPapers(n, 1000), hash: `synthetic-${n}` },
    embedderId: `lsa-v1:dim=${dim};seed=42`,
    layout: { xy, n, id: 'umap-papermap-v1:k=15;minDist=0.1;epochs=200;seed=42' },
    layoutParams: { nNeighbors: 15, minDist: 0.1, nEpochs: 200, seed: 42 },
    graph: { indices, distances, n, k },
    clusters: topicLevels[1]!,
    clusterCount: LEVEL_SIZES[1],
    topics,
    topicLevels,
    vectors: quantiseInt8(vectors),
  };
}
