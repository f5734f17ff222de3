/** A cluster of papers at one level of the topic hierarchy, with its label. */
export interface Topic {
  /** Stable path id: the topic's rank under each ancestor, e.g. "2.5.1" (level 2); "0" at level 0. */
  id: string;
  /** Level in the hierarchy, 0 = broadest. */
  level: number;
  /** Index of the parent topic in the level above, −1 at level 0. */
  parent: number;
  /** Number of papers. */
  size: number;
  /** Short label, e.g. "retrieval-augmented generation · RAG"; never empty. */
  label: string;
  /** Keywords, best first (the label's terms among them). */
  keywords: string[];
}

/** One level of the hierarchy: every paper's topic and the topics, ordered by parent then size. */
export interface TopicLevel {
  /** Paper index → topic index at this level. */
  assignment: Int32Array;
  topics: Topic[];
}

/** Topic levels from broadest (level 0, a few regions) to finest (roughly 5 to 50 papers each). */
export interface TopicHierarchy {
  levels: TopicLevel[];
}
