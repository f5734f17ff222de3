import type { RpcHandlers } from '../rpc/protocol';
import { buildBm25Index, type Bm25Index } from './bm25_index';
import type { SearchHit } from './top_k';

/** The search worker's API: a BM25 index of the current corpus, queried as the user types. */
export interface SearchApi {
  /** Indexes a corpus's titles and abstracts, replacing the previous index. */
  setCorpus(args: { papers: { title: string; abstract: string }[] }): Promise<{ size: number }>;
  /** The best matches for a query by words (BM25F), best first; [] before any corpus. */
  searchWords(args: { query: string; limit?: number }): Promise<SearchHit[]>;
}

/** The search worker's handlers (workers/search.worker.ts serves them). */
export function createSearchHandlers(): RpcHandlers<SearchApi> {
  let index: Bm25Index | null = null;
  return {
    setCorpus: async ({ papers }) => {
      index = buildBm25Index(papers);
      return { size: index.size };
    },
    searchWords: async ({ query, limit }) => index?.search(query, limit ?? 50) ?? [],
  };
}
