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
      const list = members.list.subarray(members.starts[index], members.starts[index + 1]);
      const sample = strided(list, SAMPLE);
      let best = list[0] ?? -1;
      let bestSum = Infinity;
      // Index loops: this runs once per map, mostly before V8 has optimised it, and iterators
      // are slow in its interpreter.
      const candidates = strided(list, CANDIDATES);
      for (let k = 0; k < candidates.length; k++) {
        const c = candidates[k]!;
        const cx = xy[2 * c]!;
        const cy = xy[2 * c + 1]!;
        let sum = 0;
        for (let m = 0; m < sample.length; m++) sum += distance(xy, sample[m]!, cx, cy);
        if (sum < bestSum) {
          bestSum = sum;
          best = c;
        }
      }
      const x = best >= 0 ? xy[2 * best]! : 0;
      const y = best >= 0 ? xy[2 * best + 1]! : 0;
      const distances = Float64Array.from(sample, (j) => distance(xy, j, x, y)).sort();
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

/** Distance from point j to (x, y); Math.hypot is several times slower in V8. */
function distance(xy: Float32Array, j: number, x: number, y: number): number {
  const dx = xy[2 * j]! - x;
  const dy = xy[2 * j + 1]! - y;
  return Math.sqrt(dx * dx + dy * dy);
}

/**
 * Paper indices of each topic, in paper order: topic t's are list[starts[t] .. starts[t + 1]).
 * Papers outside every topic (t < 0 or ≥ count) are left out.
 */
function membersOf(
  assignment: Int32Array,
  count: number,
): { starts: Int32Array; list: Int32Array } {
  const starts = new Int32Array(count + 1);
  for (let i = 0; i < assignment.length; i++) {
    const t = assignment[i]!;
    if (t >= 0 && t < count) starts[t + 1]!++;
  }
  for (let t = 0; t < count; t++) starts[t + 1]! += starts[t]!;
  const fill = starts.slice(0, count);
  const list = new Int32Array(starts[count]!);
  for (let i = 0; i < assignment.length; i++) {
    const t = assignment[i]!;
    if (t >= 0 && t < count) list[fill[t]!++] = i;
  }
  return { starts, list };
}

/** At most `max` items of a list, evenly spaced, deterministic. */
function strided(list: Int32Array, max: number): Int32Array {
  if (list.length <= max) return list;
  const step = list.length / max;
  return Int32Array.from({ length: max }, (_, k) => list[Math.floor(k * step)]!);
}
