import { unpackStrings, type PackedStrings } from '../packed_strings';
import type { RpcHandlers } from '../rpc/protocol';
import { buildBm25Index, type Bm25Index } from './bm25_index';
import type { SearchHit } from './top_k';

/** The search worker's API: a BM25 index of the current corpus, queried as the user types. */
export interface SearchApi {
  /** Indexes a corpus's titles and abstracts (packed: see PackedStrings), replacing the index. */
  setCorpus(args: { titles: PackedStrings; abstracts: PackedStrings }): Promise<{ size: number }>;
  /** The best matches for a query by words (BM25F), best first; [] before any corpus. */
  searchWords(args: { query: string; limit?: number }): Promise<SearchHit[]>;
}

/** The search worker's handlers (workers/search.worker.ts serves them). */
export function createSearchHandlers(): RpcHandlers<SearchApi> {
  let index: Bm25Index | null = null;
  return {
    setCorpus: async (args) => {
      const titles = unpackStrings(args.titles);
      const abstracts = unpackStrings(args.abstracts);
      if (titles.length !== abstracts.length)
        throw new RangeError(`${titles.length} titles but ${abstracts.length} abstracts`);
      index = buildBm25Index(titles.map((title, i) => ({ title, abstract: abstracts[i]! })));
      return { size: index.size };
    },
    searchWords: async ({ query, limit }) => index?.search(query, limit ?? 50) ?? [],
  };
}
