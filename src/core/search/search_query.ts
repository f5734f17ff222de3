import { foldWord, searchTerms } from './search_tokens';

/** A search query split into what the index matches. */
export interface ParsedQuery {
  /** Distinct folded terms that score, in query order (the prefix term excluded). */
  terms: string[];
  /** Quoted phrases of two or more terms, which must occur as adjacent indexed terms. */
  phrases: string[][];
  /**
   * The last word while it is being typed (the query ends inside it, outside quotes), folded, at
   * least two characters; it matches every indexed term it begins. Null otherwise.
   */
  prefix: string | null;
}

/** Straight and typographic double quotes delimit phrases. */
const QUOTES = /["“”„]/;
const LAST_WORD = /[\p{L}\p{M}\p{N}]+$/u;

/**
 * Parses a query as papermap's search box reads it: words (folded as searchTokens does, stop words
 * and single characters dropped), "quoted phrases" (an unclosed quote runs to the end), and the
 * last word as a prefix when no space or quote follows it, so results appear while typing.
 */
export function parseQuery(query: string): ParsedQuery {
  const segments = query.split(QUOTES);
  const terms: string[] = [];
  const phrases: string[][] = [];
  const seen = new Set<string>();
  const lastOutside = segments.length % 2 === 1;
  const lastWord = lastOutside ? LAST_WORD.exec(query)?.[0] : undefined;
  const folded = lastWord === undefined ? '' : foldWord(lastWord);
  const prefix = folded.length >= 2 ? folded : null;
  segments.forEach((segment, s) => {
    // The prefix word is left out of the last segment's terms: its expansions include it.
    const text =
      prefix !== null && s === segments.length - 1 ? segment.slice(0, -lastWord!.length) : segment;
    const segmentTerms = searchTerms(text);
    if (s % 2 === 1 && segmentTerms.length >= 2) phrases.push(segmentTerms);
    for (const term of segmentTerms) {
      if (!seen.has(term)) {
        seen.add(term);
        terms.push(term);
      }
    }
  });
  return { terms, phrases, prefix };
}
