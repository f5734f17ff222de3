import type { JobOptions } from '../job';
import type { KnnGraph } from '../knn_graph';
import { createJobPacer } from '../linalg/job_pacer';
import { classTfidfLabels } from './class_tfidf';
import { classTermCounts } from './class_term_counts';
import { clusterHierarchy } from './cluster_hierarchy';
import { buildLabelCorpus, type LabelText } from './label_corpus';
import { termGenericness } from './term_genericness';
import type { Topic, TopicHierarchy } from './topic';
import { graphFromEdges, graphFromKnn, isKnnGraph, type EdgeList } from './weighted_graph';

/** Parameters of buildTopicHierarchy(); every field is optional. */
export interface TopicHierarchyOptions extends JobOptions {
  /** Modularity resolution γ of the Leiden runs: higher gives smaller topics; default 1. */
  resolution?: number;
  /** Topics of fewer papers are merged into their most connected neighbour; default 3. */
  minTopicSize?: number;
  /** Topics of more papers are subdivided at the next level; default 50. */
  maxTopicSize?: number;
  /** At most this many levels; default 5. */
  maxLevels?: number;
  /** How many topics level 0 aims at; default round(2 log10 n) clamped to 4..12. */
  regions?: number;
  /** Keywords per topic; default 8. */
  keywords?: number;
  /** Weight of a title's words against an abstract's (1); default 3. */
  titleWeight?: number;
}

/**
 * The topic hierarchy of a corpus: Leiden clusters of its neighbour graph at nested levels
 * (clusterHierarchy), each topic labelled by c-TF-IDF over titles and abstracts against its
 * siblings (classTfidfLabels; level 0 against all of level 0), with a genericness penalty
 * measured on the finest level. A KnnGraph is turned into UMAP's fuzzy simplicial set first; an
 * edge list is used as given (symmetrised). A topic that is its parent's only child inherits the
 * parent's label. Async: reports progress (stages "topics" and "topic labels"), honours
 * options.signal, and is deterministic for options.seed (default 42).
 */
export async function buildTopicHierarchy(
  papers: readonly LabelText[],
  graph: EdgeList | KnnGraph,
  options: TopicHierarchyOptions = {},
): Promise<TopicHierarchy> {
  options.signal?.throwIfAborted();
  if (graph.n !== papers.length) {
    throw new RangeError(`the graph has ${graph.n} nodes for ${papers.length} papers`);
  }
  const weighted = isKnnGraph(graph) ? graphFromKnn(graph) : graphFromEdges(graph);
  const levels = await clusterHierarchy(weighted, options);
  const corpus = await buildLabelCorpus(papers, options);
  const weights = { title: options.titleWeight ?? 3, abstract: 1 };
  const counts = levels.map((l) => classTermCounts(corpus, l.assignment, l.count, weights));
  const genericness = counts.length > 0 ? termGenericness(corpus, counts.at(-1)!) : undefined;
  const pace = createJobPacer('topic labels', options);

  const result: TopicHierarchy = { levels: [] };
  for (let depth = 0; depth < levels.length; depth++) {
    const { assignment, count, parent } = levels[depth]!;
    const labels = classTfidfLabels(corpus, assignment, count, {
      groups: depth === 0 ? new Int32Array(count) : parent,
      genericness,
      counts: counts[depth],
      weights,
      keywords: options.keywords ?? 8,
    });
    const above = result.levels[depth - 1]?.topics ?? [];
    const children = new Int32Array(Math.max(1, above.length));
    for (let c = 0; c < count; c++) if (parent[c]! >= 0) children[parent[c]!]!++;
    const topics: Topic[] = [];
    let rank = 0;
    for (let c = 0; c < count; c++) {
      const p = parent[c]!;
      rank = c > 0 && parent[c - 1] === p ? rank + 1 : 0;
      const id = p < 0 ? String(rank) : `${above[p]!.id}.${rank}`;
      const size = counts[depth]!.members.start[c + 1]! - counts[depth]!.members.start[c]!;
      let { label, keywords } = labels[c]!;
      // An only child is its parent again, one level down: same name, so the map reads that way.
      if (p >= 0 && (children[p] === 1 || label === '')) {
        label = above[p]!.label;
        keywords = above[p]!.keywords;
      }
      topics.push({ id, level: depth, parent: p, size, label: label || `Topic ${id}`, keywords });
    }
    result.levels.push({ assignment, topics });
    await pace((depth + 1) / levels.length);
  }
  options.onProgress?.(1, 'topic labels');
  return result;
}
