import type { Paper } from '../core/paper';
import type { BuiltMap } from './build_map';
import { regionOf } from './topic_view';

/** One row of the detail panel's nearest papers. */
export interface NeighbourRow {
  index: number;
  paper: Paper;
  /** Cosine similarity from the neighbour graph. */
  similarity: number;
  /** The neighbour's region (level-0 topic), for its colour. */
  cluster: number;
}

/** The rows for paper `selected`'s nearest papers (`neighbours`, nearest first). */
export function neighbourRows(
  built: BuiltMap,
  selected: number,
  neighbours: Int32Array,
): NeighbourRow[] {
  const { graph, topics } = built.projection;
  const row = selected * graph.k;
  const regions = regionOf(topics);
  return Array.from(neighbours, (index, r) => ({
    index,
    paper: built.corpus.papers[index]!,
    // The graph's cosine distances: the same figure with or without vectors (bundles).
    similarity: 1 - graph.distances[row + r]!,
    cluster: regions[index]!,
  }));
}
