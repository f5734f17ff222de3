import type { TopicLabel } from '../core/topics/class_tfidf';
import type { LabelText } from '../core/topics/label_corpus';
import type { FinestTopics } from '../core/topics/selection_label';
import { RpcClient } from './rpc_client';
import { startPolicyWorker } from './policy_worker';
import selectionWorkerUrl from '../../workers/selection.worker.ts?worker&url';

/** The page's handle on the selection worker (summary labels of lasso selections). */
export class SelectionLabelClient {
  private readonly rpc = new RpcClient(
    startPolicyWorker(selectionWorkerUrl, 'papermap-selection'),
    'selection worker',
  );

  /** Tokenises the corpus's titles and abstracts for labelling; `finest` tunes genericness. */
  setCorpus(papers: LabelText[], finest: FinestTopics | null): Promise<{ size: number }> {
    return this.rpc.call('setCorpus', { papers, finest });
  }

  /** The label of papers `indices` (copied to the worker) against the rest of the corpus. */
  label(indices: Int32Array): Promise<TopicLabel> {
    return this.rpc.call('label', { indices });
  }

  /** Stops the worker; safe to call twice. */
  destroy(): void {
    this.rpc.destroy();
  }
}
