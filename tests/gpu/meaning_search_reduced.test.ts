import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCorpusFile } from '../../src/core/corpus_file';
import { paperText } from '../../src/core/paper';
import { dequantiseInt8, quantiseInt8 } from '../../src/core/quantise';
import type { SearchHit } from '../../src/core/search/top_k';
import { createLsaEmbedder } from '../../src/gpu/lsa_embedder';
import {
  createCosineIndex,
  createMeaningSearch,
  type MeaningCorpus,
} from '../../src/gpu/meaning_search';
import { compactVectors } from '../../src/share/bundle/compact_vectors';
import type { MapBundle } from '../../src/share/bundle/map_bundle';
import { useBackend } from '../helpers/tf_backends';

// The default corpus (236 real papers), as `npm run corpus` builds it.
const corpus = readCorpusFile(
  JSON.parse(readFileSync('public/corpus/default.json', 'utf8')),
  'default.json',
);
const texts = corpus.papers.map(paperText);
const QUERIES = [
  'large language models reasoning',
  'diffusion models for image generation',
  'robot manipulation from demonstrations',
  'speech recognition',
  'reinforcement learning from human feedback',
  'protein structure prediction',
  'video understanding benchmark',
  'efficient attention for long context',
  'retrieval augmented generation',
  '3D scene reconstruction',
  ...corpus.papers.filter((_, i) => i % 25 === 0).map((p) => p.title),
];

const overlap = (a: SearchHit[], b: SearchHit[]) => {
  const ids = new Set(a.map((h) => h.index));
  return b.filter((h) => ids.has(h.index)).length / Math.max(1, a.length);
};

/** How a search over `stored` agrees with one over the full vectors, over QUERIES. */
async function agreement(full: MeaningCorpus, stored: MeaningCorpus) {
  const a = createMeaningSearch();
  const b = createMeaningSearch();
  a.setCorpus(full);
  b.setCorpus(stored);
  let top10 = 0;
  let top1 = 0;
  let scoreError = 0;
  for (const query of QUERIES) {
    const x = await a.search(query, 10);
    const y = await b.search(query, 10);
    expect(x.length).toBe(10);
    top10 += overlap(x, y) / QUERIES.length;
    if (x[0]!.index === y[0]!.index) top1 += 1 / QUERIES.length;
    scoreError = Math.max(scoreError, Math.abs(x[0]!.score - y[0]!.score));
  }
  a.dispose();
  b.dispose();
  return { top10, top1, scoreError };
}

describe('search by meaning over a bundle’s compact vectors, on the default corpus', () => {
  beforeAll(() => useBackend('cpu'));

  it('4-bit codes rank nearly as the full vectors do', async () => {
    const embedder = createLsaEmbedder();
    const vectors = dequantiseInt8(quantiseInt8(await embedder.embed(texts)));
    const load = async () => embedder;
    const corpus = { embedderId: embedder.id, embedder, load };
    const compact = compactVectors({ vectors: quantiseInt8(vectors) } as MapBundle);
    expect(compact.vectors!.dim).toBe(vectors.dim);
    const stored = dequantiseInt8(compact.vectors!);
    const result = await agreement({ ...corpus, vectors }, { ...corpus, vectors: stored });
    console.log('4-bit codes against full vectors:', JSON.stringify(result));
    expect(result.top10).toBeGreaterThan(0.85);
    expect(result.top1).toBeGreaterThan(0.95);
    expect(result.scoreError).toBeLessThan(0.05);
  });

  it('vectors projected on principal axes are searched with the query projected the same way', async () => {
    const embedder = createLsaEmbedder();
    const vectors = dequantiseInt8(quantiseInt8(await embedder.embed(texts)));
    const load = async () => embedder;
    const corpus = { embedderId: embedder.id, embedder, load };
    // 192 of lsa's 235 dimensions here, as MiniLM's 384 are stored on 256 axes.
    const compact = compactVectors({ vectors: quantiseInt8(vectors) } as MapBundle, 192);
    const basis = compact.vectorBasis!;
    expect([basis.dim, basis.fullDim]).toEqual([192, vectors.dim]);
    const stored = dequantiseInt8(compact.vectors!);
    const result = await agreement({ ...corpus, vectors }, { ...corpus, vectors: stored, basis });
    console.log('192 principal axes, 4-bit, against full vectors:', JSON.stringify(result));
    expect(result.top10).toBeGreaterThan(0.75);
    expect(result.top1).toBeGreaterThan(0.85);
    // Scores approximate the full cosines (the query's full norm), not reduced-space cosines.
    expect(result.scoreError).toBeLessThan(0.25);
    // Without the basis, a full-length query does not fit the projected rows.
    const index = createCosineIndex(stored);
    await expect(index.search(vectors.data.subarray(0, vectors.dim), 3)).rejects.toThrow(
      /dimensions, not 192/,
    );
    index.dispose();
  });
});
