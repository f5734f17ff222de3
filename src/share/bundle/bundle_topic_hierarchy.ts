import type { Topic, TopicHierarchy } from '../../core/topics/topic';
import type { BundleTopic } from './map_bundle';

/** A hierarchy as a bundle stores it: every topic as a BundleTopic, and each level's assignment. */
export function bundleTopicsOf(hierarchy: TopicHierarchy): {
  topics: BundleTopic[];
  topicLevels: Int32Array[];
} {
  const topics = hierarchy.levels.flatMap(({ topics: level }) =>
    level.map((t, c) => ({
      level: t.level,
      cluster: c,
      label: t.label,
      keywords: [...t.keywords],
    })),
  );
  return { topics, topicLevels: hierarchy.levels.map((l) => l.assignment) };
}

/**
 * The hierarchy a bundle holds. Sizes, parents and path ids are rebuilt from the assignments
 * (a topic's parent is the topic above of its first paper, as levels nest). A bundle without
 * levels (written before topics) gets one level from its k-means clusters, labelled by its
 * level-0 topics where it has them, else "Cluster N".
 */
export function hierarchyFromBundle(bundle: {
  topics: readonly BundleTopic[];
  topicLevels?: readonly Int32Array[];
  clusters: Int32Array;
  clusterCount: number;
}): TopicHierarchy {
  const rows = bundle.topicLevels?.length ? bundle.topicLevels : [bundle.clusters];
  const fromClusters = !bundle.topicLevels?.length;
  const hierarchy: TopicHierarchy = { levels: [] };
  rows.forEach((assignment, level) => {
    const stored = bundle.topics.filter((t) => t.level === level);
    const count = fromClusters ? bundle.clusterCount : stored.length;
    const byCluster = new Map(stored.map((t) => [t.cluster, t]));
    const sizes = new Int32Array(count);
    const parents = new Int32Array(count).fill(-1);
    const above = hierarchy.levels[level - 1]?.assignment;
    for (let i = 0; i < assignment.length; i++) {
      const c = assignment[i]!;
      if (sizes[c]!++ === 0 && above) parents[c] = above[i]!;
    }
    const ranks = new Map<number, number>();
    const topics = Array.from({ length: count }, (_, c): Topic => {
      const parent = parents[c]!;
      const rank = ranks.get(parent) ?? 0;
      ranks.set(parent, rank + 1);
      const up = hierarchy.levels[level - 1]?.topics[parent];
      const t = byCluster.get(c);
      return {
        id: up ? `${up.id}.${rank}` : String(rank),
        level,
        parent,
        size: sizes[c]!,
        label: t?.label || `Cluster ${c + 1}`,
        keywords: t ? [...t.keywords] : [],
      };
    });
    hierarchy.levels.push({ assignment, topics });
  });
  return hierarchy;
}
