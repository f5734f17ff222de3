import type { KnnGraph } from '../../../src/core/knn_graph';
import type { Paper } from '../../../src/core/paper';
import { buildTfidf } from '../../../src/core/text/tfidf';

/** A paper with only a title and an abstract set, for topic tests. */
export function paperOf(id: string, title: string, abstract: string): Paper {
  return {
    id,
    title,
    abstract,
    authors: [],
    authorCount: null,
    org: null,
    date: null,
    upvotes: null,
    url: null,
    source: ['test'],
  };
}

/** An exact cosine kNN graph of the papers' TF-IDF rows (dense, so small corpora only). */
export async function tfidfKnn(papers: readonly Paper[], k: number): Promise<KnnGraph> {
  const m = await buildTfidf(papers.map((p) => `${p.title}. ${p.abstract}`));
  const n = m.nRows;
  const dense = new Float64Array(n * m.nCols);
  for (let i = 0; i < n; i++) {
    for (let p = m.indptr[i]!; p < m.indptr[i + 1]!; p++)
      dense[i * m.nCols + m.indices[p]!] = m.values[p]!;
  }
  const kk = Math.min(k, n - 1);
  const indices = new Int32Array(n * kk);
  const distances = new Float32Array(n * kk);
  for (let i = 0; i < n; i++) {
    const row: { j: number; d: number }[] = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let s = 0;
      for (let f = 0; f < m.nCols; f++) s += dense[i * m.nCols + f]! * dense[j * m.nCols + f]!;
      row.push({ j, d: 1 - s });
    }
    row.sort((a, b) => a.d - b.d || a.j - b.j);
    for (let r = 0; r < kk; r++) {
      indices[i * kk + r] = row[r]!.j;
      distances[i * kk + r] = row[r]!.d;
    }
  }
  return { indices, distances, n, k: kk };
}
