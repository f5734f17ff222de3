import type { Paper } from '../core/paper';
import type { TopicLevel } from '../core/topics/topic';

/** How many selected papers one topic holds. */
export interface TopicShare {
  /** The topic's index in its level (its colour, for level 0). */
  topic: number;
  label: string;
  count: number;
}

/** The topics of a level that the selection falls in, most papers first (ties by topic index). */
export function topicBreakdown(indices: Int32Array, level: TopicLevel | undefined): TopicShare[] {
  if (!level) return [];
  const counts = new Int32Array(level.topics.length);
  for (const i of indices) counts[level.assignment[i]!]!++;
  const shares: TopicShare[] = [];
  counts.forEach((count, topic) => {
    if (count > 0) shares.push({ topic, label: level.topics[topic]!.label, count });
  });
  return shares.sort((a, b) => b.count - a.count || a.topic - b.topic);
}

/**
 * The selected papers in the order the panel lists them: most upvoted first (papers without a
 * count last), then by index. A copy: the selection itself stays ascending.
 */
export function listingOrder(indices: Int32Array, papers: readonly Paper[]): Int32Array {
  const votes = (i: number) => papers[i]?.upvotes ?? -1;
  return indices.slice().sort((a, b) => votes(b) - votes(a) || a - b);
}
