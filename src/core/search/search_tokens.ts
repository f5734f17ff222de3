import { ENGLISH_STOP_WORDS } from '../text/stop_words';

// The word pattern of core/text/tokenize: letters, combining marks and digits of any script.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const COMBINING_MARK = /\p{M}/gu;
// Anything but printable ASCII and common whitespace takes the folding path (lint forbids \x00).
const NON_ASCII = /[^ -~\t\n\r]/;

/** A word of a text as search sees it: its folded term and where it sits in the original text. */
export interface SearchToken {
  /** Lower-case, accent-folded, NFKC-normalised spelling. */
  term: string;
  /** First UTF-16 code unit of the word in the original text. */
  start: number;
  /** One past its last code unit. */
  end: number;
}

/**
 * Folds a word for search: NFKD, combining marks dropped (so "Schrödinger" and "schrodinger"
 * meet), NFKC (ligatures and full-width forms), lower case. ASCII words only need lower case.
 */
export function foldWord(word: string): string {
  if (!NON_ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(COMBINING_MARK, '').normalize('NFKC').toLowerCase();
}

/**
 * Whether a folded term is worth indexing: not a stop word (ENGLISH_STOP_WORDS) and not a single
 * character, as tokenize() decides; unlike tokenize, numbers of two or more digits are kept,
 * because a reader searches for years and model sizes.
 */
export function isSearchTerm(term: string): boolean {
  if (term.length === 1 || (term.length === 2 && term.codePointAt(0)! > 0xffff)) return false;
  return !ENGLISH_STOP_WORDS.has(term);
}

/**
 * Every word of a text with its folded term and original character range, in reading order;
 * stop words included (callers filter with isSearchTerm), empty folds dropped.
 */
export function searchTokens(text: string): SearchToken[] {
  const tokens: SearchToken[] = [];
  // A pure-ASCII text keeps its length when lower-cased, so it is folded in one call.
  const ascii = !NON_ASCII.test(text);
  const lower = ascii ? text.toLowerCase() : text;
  for (const match of lower.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    const term = ascii ? match[0] : foldWord(match[0]);
    if (term.length > 0) tokens.push({ term, start, end });
  }
  return tokens;
}

/** The folded search terms of a text in reading order (stop words and single characters dropped). */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  const ascii = !NON_ASCII.test(text);
  const source = ascii ? text.toLowerCase() : text;
  for (const match of source.matchAll(WORD)) {
    const term = ascii ? match[0] : foldWord(match[0]);
    if (isSearchTerm(term)) terms.push(term);
  }
  return terms;
}
