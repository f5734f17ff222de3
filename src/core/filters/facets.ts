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

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function sorted(counts: Map<string, number>): FacetValue[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
