import { describe } from './bundle_header';
import { BundleError } from './bundle_error';
import type { BundleTopic } from './map_bundle';

/** Validates a bundle's topics section and returns fresh copies; `where` prefixes every message. */
export function validateTopics(raw: unknown, where: string): BundleTopic[] {
  const bad = (field: string, expected: string, value: unknown): never => {
    throw new BundleError(`${where}: ${field} should be ${expected}, but is ${describe(value)}.`);
  };
  if (!Array.isArray(raw)) return bad('topics', 'an array', raw);
  return raw.map((topic: unknown, i): BundleTopic => {
    const at = `topics[${i}]`;
    if (typeof topic !== 'object' || topic === null || Array.isArray(topic)) {
      return bad(at, 'an object', topic);
    }
    const t = topic as Record<string, unknown>;
    for (const field of ['level', 'cluster'] as const) {
      const v = t[field];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
        bad(`${at}.${field}`, 'a whole number ≥ 0', v);
      }
    }
    if (typeof t.label !== 'string') bad(`${at}.label`, 'a string', t.label);
    if (!Array.isArray(t.keywords)) return bad(`${at}.keywords`, 'an array of strings', t.keywords);
    t.keywords.forEach((word: unknown, j) => {
      if (typeof word !== 'string') bad(`${at}.keywords[${j}]`, 'a string', word);
    });
    return {
      level: t.level as number,
      cluster: t.cluster as number,
      label: t.label as string,
      keywords: [...(t.keywords as string[])],
    };
  });
}

/**
 * Why per-level topic assignments do not fit the topics, or null: every level l needs a row of
 * n entries, topics at level l numbered 0..m−1 exactly once, every entry in [0, m) and no topic
 * above the last level.
 */
export function topicLevelsProblem(
  topics: readonly BundleTopic[],
  levels: readonly Int32Array[],
  n: number,
): string | null {
  const perLevel = new Array<number>(levels.length).fill(0);
  for (const t of topics) {
    if (t.level >= levels.length) {
      return `a topic is at level ${t.level}, but there are ${levels.length} levels`;
    }
    perLevel[t.level]!++;
  }
  for (let l = 0; l < levels.length; l++) {
    const m = perLevel[l]!;
    const seen = new Uint8Array(m);
    for (const t of topics) {
      if (t.level !== l) continue;
      if (t.cluster >= m || seen[t.cluster]) {
        return `the ${m} topics of level ${l} should be numbered 0 to ${m - 1}, each once`;
      }
      seen[t.cluster] = 1;
    }
    const row = levels[l]!;
    if (row.length !== n) return `level ${l} has ${row.length} entries, expected n = ${n}`;
    for (let i = 0; i < n; i++) {
      const v = row[i]!;
      if (!(v >= 0 && v < m)) {
        return `level ${l} gives paper ${i} topic ${v}, outside [0, ${m}) (the level's topics)`;
      }
    }
  }
  return null;
}
