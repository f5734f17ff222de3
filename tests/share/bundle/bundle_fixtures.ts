import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Paper } from '../../../src/core/paper';
import { quantiseInt8 } from '../../../src/core/quantise';
import { mulberry32 } from '../../../src/core/random';
import { storedDistances } from '../../../src/share/bundle/distance_codes';
import type { MapBundle } from '../../../src/share/bundle/map_bundle';
import { bruteForceKnn, clusteredVectors } from '../../helpers/synthetic';

const SEEDS = join(import.meta.dirname, '../../../data/seeds');

/**
 * Words of the seed pages in order, so generated text has English's statistics; without the
 * pages' "•" list bullets, which abstracts do not have (a character outside Latin-1 in a third
 * of all abstracts would make their text twice the size in memory).
 */
function seedWords(): string[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(SEEDS, f), 'utf8').split(/\s+/))
    .filter((w) => w && w !== '•');
}

/**
 * A seeded generator of text from a bigram chain over the seed pages' words: it compresses like
 * real abstracts (gzip ≈ 3×), unlike random characters (worse) or repeated text (far better).
 */
export function textGenerator(seed: number): (chars: number) => string {
  const words = seedWords();
  const next = new Map<string, string[]>();
  for (let i = 0; i + 1 < words.length; i++) {
    const list = next.get(words[i]!) ?? [];
    list.push(words[i + 1]!);
    next.set(words[i]!, list);
  }
  const random = mulberry32(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  return (chars) => {
    let word = pick(words);
    const out = [word];
    let length = word.length;
    while (length < chars) {
      const options = next.get(word);
      word = options && random() < 0.9 ? pick(options) : pick(words);
      out.push(word);
      length += word.length + 1;
    }
    return out.join(' ');
  };
}

/** n papers like an import makes them, with ~abstractChars-character abstracts. */
export function syntheticPapers(n: number, abstractChars: number, seed = 1): Paper[] {
  const text = textGenerator(seed);
  return Array.from({ length: n }, (_, i): Paper => {
    const authors = [text(10), text(12), text(8)];
    return {
      id: `2405.${String(10000 + i)}`,
      title: text(70),
      abstract: text(abstractChars),
      authors,
      authorCount: authors.length,
      org: i % 3 === 0 ? text(12) : null,
      date: `2024-05-${String(1 + (i % 28)).padStart(2, '0')}`,
      upvotes: i % 7 === 0 ? null : (i * 37) % 200,
      url: `https://arxiv.org/abs/2405.${10000 + i}`,
      source: ['papers.jsonl'],
      arxivId: `2405.${10000 + i}`,
    };
  });
}

/** A small, realistic map with every optional paper field, awkward text and int8 vectors. */
export function realisticMap(n = 60, withVectors = true): MapBundle {
  const papers = syntheticPapers(n, 300, 3);
  papers[0]!.title = 'Commas, "quotes" and\nnew lines: ünïcödé 数学 😀';
  papers[1]!.doi = '10.1000/xyz123';
  papers[1]!.categories = ['cs.CL', 'cs.LG'];
  papers[1]!.fields = { venue: 'ACL', 'page count': '12' };
  papers[2]!.flags = ['no abstract: embedded on its title'];
  papers[2]!.abstract = '';
  const { vectors, labels } = clusteredVectors(n, 32, 4, 0.5, 11);
  const k = Math.min(8, n - 1);
  const knn = bruteForceKnn(vectors, k);
  const random = mulberry32(5);
  const map: MapBundle = {
    name: 'papers.jsonl',
    corpus: { papers, hash: 'abc123def4567890' },
    embedderId: 'lsa-v1:dim=32;seed=42',
    layout: {
      xy: Float32Array.from({ length: n * 2 }, () => (random() - 0.5) * 20),
      n,
      id: 'umap-papermap-v1:k=15;minDist=0.1;epochs=500;seed=42',
    },
    layoutParams: { nNeighbors: 15, minDist: 0.1, nEpochs: 0, seed: 42 },
    // As they read back: a bundle stores distances as uint16 codes.
    graph: { indices: knn.indices, distances: storedDistances(knn.sims.map((s) => 1 - s)), n, k },
    clusters: labels,
    clusterCount: 4,
    topics: [{ level: 0, cluster: 1, label: 'Language models', keywords: ['llm', 'tokens'] }],
  };
  if (withVectors) map.vectors = quantiseInt8(vectors);
  return map;
}
