import type { Paper } from '../paper';

/** One value of a facet with the number of papers that have it. */
export interface FacetValue {
  value: string;
  count: number;
}

/** What a corpus offers to filter on; a facet with no data is an empty list or null. */
export interface CorpusFacets {
  /** Organisations, most frequent first (ties by name). */
  orgs: FacetValue[];
  /** Categories, most frequent first. */
  categories: FacetValue[];
  /** Sources (seed pages, file names), most frequent first. */
  sources: FacetValue[];
  /** Largest upvote figure, or null when no paper has one. */
  maxUpvotes: number | null;
  /** Smallest and largest author count, or null when no paper has one. */
  authors: { min: number; max: number } | null;
}

/** The facets of a corpus with their counts. One pass over the papers plus a sort per facet. */
export function corpusFacets(papers: readonly Paper[]): CorpusFacets {
  const orgs = new Map<string, number>();
  const categories = new Map<string, number>();
  const sources = new Map<string, number>();
  let maxUpvotes: number | null = null;
  let authors: { min: number; max: number } | null = null;
  for (const p of papers) {
    if (p.org) bump(orgs, p.org);
    // A paper counts once per distinct value, as the filter keeps it once.
    for (const c of new Set(p.categories ?? [])) bump(categories, c);
    for (const s of new Set(p.source)) bump(sources, s);
    if (p.upvotes !== null) maxUpvotes = Math.max(maxUpvotes ?? 0, p.upvotes);
    const n = p.authorCount;
    if (n !== null) {
      authors = authors
        ? { min: Math.min(authors.min, n), max: Math.max(authors.max, n) }
        : { min: n, max: n };
    }
  }
  return {
    orgs: sorted(orgs),
    categories: sorted(categories),
    sources: sorted(sources),
    maxUpvotes,
    authors,
  };
}

/** The facets whose values a filter chooses among. */
export type FacetKey = 'orgs' | 'categories' | 'sources';

/**
 * A facet's values counted again among the papers `kept` marks (1), most frequent first (ties
 * in the order given): with a date range set, "Source: Apr 27 · 54" becomes the papers from
 * Apr 27 in that range, as in any faceted search. Values counted 0 stay listed, last. The caller
 * leaves the facet's own choice out of `kept`, so ticking a value never reorders its own list.
 */
export function countFacetIn(
  papers: readonly Paper[],
  key: FacetKey,
  values: readonly FacetValue[],
  kept: Uint8Array,
): FacetValue[] {
  const counts = new Map<string, number>(values.map((v) => [v.value, 0]));
  for (let i = 0; i < papers.length; i++) {
    if (!kept[i]) continue;
    const p = papers[i]!;
    const own =
      key === 'orgs' ? (p.org ? [p.org] : []) : key === 'sources' ? p.source : p.categories;
    for (const value of new Set(own ?? [])) {
      const c = counts.get(value);
      if (c !== undefined) counts.set(value, c + 1);
    }
  }
  return values
    .map((v) => ({ value: v.value, count: counts.get(v.value)! }))
    .sort((a, b) => b.count - a.count);
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function sorted(counts: Map<string, number>): FacetValue[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
