import type { CorpusFacets } from './facets';
import type { PaperFilter } from './paper_filter';

/**
 * A filter from elsewhere (a shared link) made to fit this corpus: organisations, categories and
 * sources the corpus does not have are left out, each named in `problems`, so a link made for
 * another corpus does not silently hide every paper.
 */
export function fitFilterToCorpus(
  filter: PaperFilter,
  facets: CorpusFacets,
): { filter: PaperFilter; problems: string[] } {
  const problems: string[] = [];
  const fitted: PaperFilter = { ...filter };
  const lists = [
    ['orgs', 'organisation', facets.orgs],
    ['categories', 'category', facets.categories],
    ['sources', 'source', facets.sources],
  ] as const;
  for (const [key, noun, known] of lists) {
    const values = filter[key];
    if (!values) continue;
    const have = new Set(known.map((f) => f.value));
    const kept = values.filter((v) => have.has(v));
    for (const v of values)
      if (!have.has(v)) problems.push(`the ${noun} "${v}" is not in this map`);
    if (kept.length) fitted[key] = kept;
    else delete fitted[key];
  }
  return { filter: fitted, problems };
}
