import type { Topic, TopicHierarchy } from '../core/topics/topic';
import { boundsOf } from '../map/view_fit';

/** A topic as the topic list shows it: its place in the hierarchy and its own fields. */
export interface TopicRef {
  level: number;
  index: number;
  topic: Topic;
}

/** The topics one level below topic `index` of `level`, largest first; none at the finest level. */
export function childTopics(hierarchy: TopicHierarchy, level: number, index: number): TopicRef[] {
  const below = hierarchy.levels[level + 1];
  if (!below) return [];
  const children = below.topics
    .map((topic, i): TopicRef => ({ level: level + 1, index: i, topic }))
    .filter((r) => r.topic.parent === index);
  // An only child is the same group one level down (same label): show its children instead.
  if (children.length === 1) return childTopics(hierarchy, level + 1, children[0]!.index);
  return children.sort((a, b) => b.topic.size - a.topic.size);
}

/** The level-0 regions, largest first. */
export function regionTopics(hierarchy: TopicHierarchy): TopicRef[] {
  const level = hierarchy.levels[0];
  if (!level) return [];
  return level.topics
    .map((topic, index): TopicRef => ({ level: 0, index, topic }))
    .sort((a, b) => b.topic.size - a.topic.size);
}

/**
 * The labels of a paper's topics from its region down, e.g. ["vision", "diffusion", "video"];
 * a level that repeats the label above (an only child) is left out.
 */
export function topicPath(hierarchy: TopicHierarchy, paper: number): string[] {
  const path: string[] = [];
  for (const { assignment, topics } of hierarchy.levels) {
    const label = topics[assignment[paper]!]?.label;
    if (label && label !== path.at(-1)) path.push(label);
  }
  return path;
}

/** The region (level-0 topic) of each paper, the colour key of the map; empty without topics. */
export function regionOf(hierarchy: TopicHierarchy): Int32Array {
  return hierarchy.levels[0]?.assignment ?? new Int32Array(0);
}

/** Bounding box [minX, minY, maxX, maxY] of a topic's papers in layout units. */
export function topicBounds(
  xy: Float32Array,
  hierarchy: TopicHierarchy,
  level: number,
  index: number,
): [number, number, number, number] {
  const assignment = hierarchy.levels[level]?.assignment ?? new Int32Array(0);
  const members: number[] = [];
  assignment.forEach((t, i) => t === index && members.push(i));
  return boundsOf(xy, members);
}
