import type { TopicHierarchy } from '../core/topics/topic';

/** Where a topic's label goes and how big the topic is in layout units; computed once per map. */
export interface TopicAnchor {
  /** Level in the hierarchy, 0 = broadest. */
  level: number;
  /** Index of the topic within its level. */
  index: number;
  /** Index of the parent topic in the level above, −1 at level 0. */
  parent: number;
  label: string;
  size: number;
  /** The anchor: a dense member point (approximate medoid), in layout units. */
  x: number;
  y: number;
  /** 90th-percentile distance of members from the anchor, in layout units (≥ 0). */
  radius: number;
  /** The parent topic's radius in layout units; Infinity at level 0. */
  parentRadius: number;
}

/** Members sampled per topic: the medoid search costs candidates × sample distance checks. */
const CANDIDATES = 32;
const SAMPLE = 160;

/**
 * Every topic's anchor and radius. The anchor is the member with the least summed distance to a
 * deterministic sample of members (an approximate medoid), so it lies on the cluster even when the
 * cluster is a crescent whose centroid is empty space; one pass per level, O(n + topics × 5k).
 */
export function topicAnchors(xy: Float32Array, hierarchy: TopicHierarchy): TopicAnchor[] {
  const anchors: TopicAnchor[] = [];
  let above: TopicAnchor[] = [];
  hierarchy.levels.forEach(({ assignment, topics }, level) => {
    const start = anchors.length;
    const members = membersOf(assignment, topics.length);
    topics.forEach((topic, index) => {
      const list = members[index]!;
      const sample = strided(list, SAMPLE);
      let best = list[0] ?? -1;
      let bestSum = Infinity;
      for (const c of strided(list, CANDIDATES)) {
        let sum = 0;
        for (const j of sample)
          sum += Math.hypot(xy[2 * c]! - xy[2 * j]!, xy[2 * c + 1]! - xy[2 * j + 1]!);
        if (sum < bestSum) {
          bestSum = sum;
          best = c;
        }
      }
      const x = best >= 0 ? xy[2 * best]! : 0;
      const y = best >= 0 ? xy[2 * best + 1]! : 0;
      const distances = sample.map((j) => Math.hypot(xy[2 * j]! - x, xy[2 * j + 1]! - y));
      distances.sort((a, b) => a - b);
      const radius = distances[Math.floor(0.9 * (distances.length - 1))] ?? 0;
      anchors.push({
        level,
        index,
        parent: topic.parent,
        label: topic.label,
        size: topic.size,
        x,
        y,
        radius,
        parentRadius: above[topic.parent]?.radius ?? Infinity,
      });
    });
    above = anchors.slice(start);
  });
  return anchors;
}

/** Paper indices of each topic, in paper order. */
function membersOf(assignment: Int32Array, count: number): number[][] {
  const members = Array.from({ length: count }, (): number[] => []);
  assignment.forEach((t, i) => members[t]?.push(i));
  return members;
}

/** At most `max` items of a list, evenly spaced, deterministic. */
function strided(list: readonly number[], max: number): number[] {
  if (list.length <= max) return [...list];
  const step = list.length / max;
  return Array.from({ length: max }, (_, k) => list[Math.floor(k * step)]!);
}
