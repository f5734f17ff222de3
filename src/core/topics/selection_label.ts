import type { JobOptions } from '../job';
import { classTfidfLabels, type TopicLabel } from './class_tfidf';
import { classTermCounts, type SectionWeights } from './class_term_counts';
import { buildLabelCorpus, type LabelCorpus, type LabelText } from './label_corpus';
import { termGenericness } from './term_genericness';

/** What selectionLabel() needs of a corpus, built once per corpus by buildSelectionLabeller(). */
export interface SelectionLabeller {
  corpus: LabelCorpus;
  /** Per-term genericness measured on the map's finest topics, as the topic labels use it. */
  genericness: Float32Array | undefined;
  weights: SectionWeights;
}

/** The finest topic level of the map: each paper's topic (0..count−1) and the topic count. */
export interface FinestTopics {
  assignment: Int32Array;
  count: number;
}

/**
 * Tokenises a corpus for labelling selections, exactly as the topic hierarchy does
 * (buildLabelCorpus, title weight 3, abstract 1), with the genericness penalty measured on the
 * map's finest topics when they are given. Async and paced (stage "topic labels").
 */
export async function buildSelectionLabeller(
  texts: readonly LabelText[],
  finest: FinestTopics | null,
  job: Pick<JobOptions, 'onProgress' | 'signal'> = {},
): Promise<SelectionLabeller> {
  const weights = { title: 3, abstract: 1 };
  const corpus = await buildLabelCorpus(texts, job);
  let genericness: Float32Array | undefined;
  if (finest && finest.assignment.length === texts.length && finest.count > 0) {
    const counts = classTermCounts(corpus, finest.assignment, finest.count, weights);
    genericness = termGenericness(corpus, counts);
  }
  return { corpus, genericness, weights };
}

/**
 * A label for any set of papers (a lasso selection) against the rest of the corpus: the same
 * class-based TF-IDF as the topic labels (classTfidfLabels) with two classes, the selection and
 * everything else, so a selection of one topic's papers is named as that topic is. Indices may
 * repeat; an empty selection gets an empty label. Throws a RangeError for an index outside the
 * corpus.
 */
export function selectionLabel(labeller: SelectionLabeller, indices: Int32Array): TopicLabel {
  const n = labeller.corpus.nDocs;
  const assignment = new Int32Array(n).fill(1);
  for (const i of indices) {
    if (!(i >= 0 && i < n)) throw new RangeError(`paper ${i} is not in the corpus of ${n} papers`);
    assignment[i] = 0;
  }
  if (indices.length === 0) return { label: '', keywords: [] };
  const [selected] = classTfidfLabels(labeller.corpus, assignment, 2, {
    genericness: labeller.genericness,
    weights: labeller.weights,
  });
  return selected!;
}
