import { packStrings } from '../core/packed_strings';
import type { SearchHit } from '../core/search/top_k';
import { RpcClient } from './rpc_client';
import { startPolicyWorker } from './policy_worker';
import searchWorkerUrl from '../../workers/search.worker.ts?worker&url';

/** The page's handle on the search worker (search by words). */
export class SearchClient {
  private readonly rpc = new RpcClient(
    startPolicyWorker(searchWorkerUrl, 'papermap-search'),
    'search worker',
  );

  /** Indexes the corpus's titles and abstracts. */
  setCorpus(papers: readonly { title: string; abstract: string }[]): Promise<{ size: number }> {
    const titles = packStrings(papers.map((p) => p.title));
    const abstracts = packStrings(papers.map((p) => p.abstract));
    return this.rpc.call('setCorpus', { titles, abstracts });
  }

  /** Papers matching a query by words, best first. */
  searchWords(query: string, limit = 50): Promise<SearchHit[]> {
    return this.rpc.call('searchWords', { query, limit });
  }

  /** Stops the worker; safe to call twice. */
  destroy(): void {
    this.rpc.destroy();
  }
}
