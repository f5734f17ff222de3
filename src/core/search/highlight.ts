import { parseQuery } from './search_query';
import { isSearchTerm, searchTokens } from './search_tokens';

/**
 * The character ranges [start, end) of the words of `text` that the query matches (its terms,
 * folded as the BM25 index folds them, and words the typed last word begins), sorted and
 * non-overlapping, in UTF-16 code units of the original text, so the UI can wrap them in spans
 * with the original casing and accents; never HTML.
 */
export function highlightRanges(text: string, query: string): [number, number][] {
  const { terms, prefix } = parseQuery(query);
  if (terms.length === 0 && prefix === null) return [];
  const wanted = new Set(terms);
  const ranges: [number, number][] = [];
  for (const { term, start, end } of searchTokens(text)) {
    if (!isSearchTerm(term)) continue;
    if (wanted.has(term) || (prefix !== null && term.startsWith(prefix))) ranges.push([start, end]);
  }
  return ranges;
}
