import type { RpcHandlers } from '../rpc/protocol';
import type { TopicLabel } from './class_tfidf';
import {
  buildSelectionLabeller,
  selectionLabel,
  type FinestTopics,
  type SelectionLabeller,
} from './selection_label';
import type { LabelText } from './label_corpus';

/** The selection worker's API: labels for lasso selections of the current corpus. */
export interface SelectionLabelApi {
  /** Tokenises a corpus for labelling (and the finest topics, for genericness), replacing the last. */
  setCorpus(args: { papers: LabelText[]; finest: FinestTopics | null }): Promise<{ size: number }>;
  /** The label of a set of paper indices against the rest of the corpus. */
  label(args: { indices: Int32Array }): Promise<TopicLabel>;
}

/** The selection worker's handlers (workers/selection.worker.ts serves them). */
export function createSelectionLabelHandlers(): RpcHandlers<SelectionLabelApi> {
  let labeller: SelectionLabeller | null = null;
  return {
    setCorpus: async ({ papers, finest }, context) => {
      labeller = null;
      labeller = await buildSelectionLabeller(papers, finest, context);
      return { size: papers.length };
    },
    label: async ({ indices }) => {
      if (!labeller) throw new Error('No corpus to label the selection of.');
      return selectionLabel(labeller, indices);
    },
  };
}
