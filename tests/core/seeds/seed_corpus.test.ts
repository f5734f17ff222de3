import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCorpusFile, toCorpusFile } from '../../../src/core/corpus_file';
import type { Paper } from '../../../src/core/paper';
import {
  buildSeedCorpus,
  hashPapers,
  parseSeedPages,
  seedPageTitles,
  type SeedPage,
} from '../../../src/core/seeds/load_seed_corpus';

const SEED_DIR = fileURLToPath(new URL('../../../data/seeds', import.meta.url));
const pages: SeedPage[] = readdirSync(SEED_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({
    name: path.basename(name, '.txt'),
    text: readFileSync(path.join(SEED_DIR, name), 'utf8'),
  }));
const corpus = buildSeedCorpus(pages);

function paper(titleStart: string): Paper {
  const found = corpus.papers.filter((p) => p.title.startsWith(titleStart));
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** Each page's file name and the source name its papers carry. */
const FILES = {
  a: '000_63584e6c9a8da8b5',
  b: '001_f1814a412565b5ab',
  c: '002_10d6ad8e9d043066',
  d: '003_c337a2900cc306bd',
  e: '004_968cce7aabad0200',
};
const P = {
  a: 'Daily Papers · Apr 27',
  b: 'Daily Papers · Nov 24',
  c: 'Daily Papers · Apr 28',
  d: 'Daily Papers · Feb 2',
  e: 'Daily Papers · Jan 5',
};

describe('buildSeedCorpus on the five seed pages', () => {
  it('finds 274 entries of 236 distinct papers, 30 of them on several pages', () => {
    expect(pages.map((p) => p.name)).toEqual(Object.values(FILES));
    expect(seedPageTitles(pages)).toEqual(Object.values(P));
    expect(parseSeedPages(pages)).toHaveLength(274);
    expect(corpus.papers).toHaveLength(236);
    const bySourceCount = new Map<number, number>();
    for (const p of corpus.papers) {
      bySourceCount.set(p.source.length, (bySourceCount.get(p.source.length) ?? 0) + 1);
    }
    expect(Object.fromEntries(bySourceCount)).toEqual({ 1: 206, 2: 22, 3: 8 });
  });

  it('gives every paper a unique id and keeps them in order of first appearance', () => {
    expect(new Set(corpus.papers.map((p) => p.id)).size).toBe(236);
    expect(corpus.papers[0]?.title).toBe(
      'AdaptVision: Efficient Vision-Language Models via Adaptive Visual Acquisition',
    );
    expect(corpus.papers.at(-1)?.title).toBe(
      'AttentionInfluence: Adopting Attention Head Influence for Weak-to-Strong Pretraining Data Selection',
    );
  });

  it('merges a paper first seen without metadata with its dated entry on a later page', () => {
    expect(paper('MIG: Automatic Data Selection')).toMatchObject({
      authorCount: 6,
      date: '2025-04-18',
      upvotes: 3,
      org: null,
      authors: [],
      url: null,
      source: [P.c, P.d],
    });
  });

  it('takes the date with a year and the upvotes that one page shows', () => {
    expect(paper('Scales++')).toMatchObject({ date: '2025-10-30', source: [P.b, P.d] });
    expect(paper('Influence Guided Sampling')).toMatchObject({
      authorCount: 4,
      date: null,
      upvotes: 1,
      source: [P.a, P.d],
    });
  });

  it('lists all three pages of a paper seen three times', () => {
    expect(paper('Large Language Monkeys')).toMatchObject({
      authorCount: 7,
      date: '2024-07-31',
      upvotes: null,
      source: [P.a, P.c, P.d],
    });
  });

  it('keeps organisations by their display names', () => {
    const orgs = corpus.papers.flatMap((p) => (p.org ? [p.org] : []));
    expect(orgs).toEqual([
      'Tencent',
      'ServiceNow-AI',
      'Princeton University',
      'OpenBMB',
      'AQ',
      'alibaba',
      'Apple',
      'KaLM-Embedding',
      'Harvard University',
    ]);
  });

  it('hashes ids, titles and abstracts, so the hash is repeatable and follows the content', () => {
    expect(corpus.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(buildSeedCorpus(pages).hash).toBe(corpus.hash);
    expect(corpus.hash).toBe(hashPapers(corpus.papers));
    const edited = corpus.papers.map((p, i) =>
      i === 100 ? { ...p, abstract: `${p.abstract}!` } : p,
    );
    expect(hashPapers(edited)).not.toBe(corpus.hash);
    // Page order decides paper order, which the hash covers.
    expect(buildSeedCorpus([...pages].reverse()).hash).not.toBe(corpus.hash);
  });

  it('survives a round trip through the corpus file', () => {
    const json = JSON.parse(JSON.stringify(toCorpusFile(corpus, 'seeds')));
    expect(readCorpusFile(json, 'default.json')).toEqual(corpus);
  });
});

describe('seedPageTitles', () => {
  it('names a page by the day in its header, else by its file, and keeps names distinct', () => {
    const page = (name: string, day: string) => ({
      name,
      text: `new\n\nDaily Papers\n\nbyAK and the research community\n\n${day}\n\nA title\n`,
    });
    expect(seedPageTitles([page('x', 'Mar 3'), page('y', 'no day here')])).toEqual([
      'Daily Papers · Mar 3',
      'y',
    ]);
    expect(seedPageTitles([page('x', 'Mar 3'), page('y', 'Mar 3')])).toEqual([
      'Daily Papers · Mar 3 (x)',
      'Daily Papers · Mar 3 (y)',
    ]);
  });
});
