import { gaussian, mulberry32 } from '../../src/core/random';
import type { Paper } from '../../src/core/paper';
import type { BundleTopic, MapBundle } from '../../src/share/bundle/map_bundle';

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vo', 'xi', 'ze', 'po', 'dra', 'tem', 'gol'];
const FILLER =
  'we propose a method that improves results on benchmark tasks with efficient training and ' +
  'evaluation across large scale data showing strong performance over existing approaches';

/**
 * A synthetic map of n papers shaped like a real one, for measuring the app at scale without
 * computing it: `regions` Gaussian regions of `topicsPerRegion` topics each in 2-D, every paper
 * with a title and abstract of its topic's pseudo-words, a date over three years, upvotes and one
 * of four sources; each paper's k neighbours are papers of its own topic, nearest first; two topic
 * levels labelled by their words. Seeded: the same arguments give the same map.
 */
export function syntheticLargeMap(
  n: number,
  { regions = 14, topicsPerRegion = 6, k = 15, seed = 5 } = {},
): MapBundle {
  const random = mulberry32(seed);
  const normal = gaussian(random);
  const word = () =>
    Array.from(
      { length: 2 + Math.floor(random() * 2) },
      () => SYLLABLES[Math.floor(random() * SYLLABLES.length)],
    ).join('');
  const topicCount = regions * topicsPerRegion;
  const regionWords = Array.from({ length: regions }, () => [word(), word()]);
  const topicWords = Array.from({ length: topicCount }, () => [word(), word(), word(), word()]);
  const regionCentres = Array.from({ length: regions }, (_, r) => {
    const angle = (2 * Math.PI * r) / regions;
    const radius = 6 + 4 * random();
    return [radius * Math.cos(angle), radius * Math.sin(angle)] as const;
  });
  const topicCentres = Array.from({ length: topicCount }, (_, t) => {
    const [cx, cy] = regionCentres[Math.floor(t / topicsPerRegion)]!;
    return [cx + 1.6 * normal(), cy + 1.6 * normal()] as const;
  });

  const xy = new Float32Array(2 * n);
  const fine = new Int32Array(n);
  const coarse = new Int32Array(n);
  const papers: Paper[] = [];
  for (let i = 0; i < n; i++) {
    const t = Math.floor(random() * topicCount);
    const r = Math.floor(t / topicsPerRegion);
    fine[i] = t;
    coarse[i] = r;
    xy[2 * i] = topicCentres[t]![0] + 0.45 * normal();
    xy[2 * i + 1] = topicCentres[t]![1] + 0.45 * normal();
    const words = [...regionWords[r]!, ...topicWords[t]!];
    const pick = () => words[Math.floor(random() * words.length)]!;
    const month = Math.floor(random() * 36);
    papers.push({
      id: `synthetic-${i}`,
      title: `${pick()} ${pick()} for ${pick()} ${word()} ${i}`,
      abstract: `${pick()} ${pick()} ${FILLER} ${pick()} ${pick()} ${word()}.`,
      authors: [],
      authorCount: 1 + Math.floor(random() * 12),
      org: random() < 0.2 ? `Lab ${Math.floor(random() * 30)}` : null,
      date: `${2023 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-15`,
      upvotes: random() < 0.6 ? Math.floor(Math.exp(random() * 5)) : null,
      url: null,
      source: [`page-${i % 4}`],
    });
  }

  // Neighbours: k papers of the same topic (a real kNN graph is mostly within topics).
  const members: number[][] = Array.from({ length: topicCount }, () => []);
  for (let i = 0; i < n; i++) members[fine[i]!]!.push(i);
  const indices = new Int32Array(n * k);
  const distances = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    const pool = members[fine[i]!]!;
    let d = 0.15 + 0.1 * random();
    for (let j = 0; j < k; j++) {
      let other = pool[Math.floor(random() * pool.length)]!;
      if (other === i) other = (i + 1) % n;
      indices[i * k + j] = other;
      distances[i * k + j] = d += 0.02 * random();
    }
  }

  const topics: BundleTopic[] = [
    ...regionWords.map((w, cluster) => ({ level: 0, cluster, label: w.join(' · '), keywords: w })),
    ...topicWords.map((w, cluster) => ({
      level: 1,
      cluster,
      label: `${w[0]} ${w[1]}`,
      keywords: w,
    })),
  ];
  return {
    name: `synthetic ${n.toLocaleString('en-US')}`,
    corpus: { papers, hash: `synthetic-${n}-${seed}` },
    embedderId: 'lsa-v1:dim=256',
    layout: { xy, n, id: 'synthetic' },
    layoutParams: { seed },
    graph: { indices, distances, n, k },
    clusters: coarse,
    clusterCount: regions,
    topics,
    topicLevels: [coarse, fine],
  };
}
