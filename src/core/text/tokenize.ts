import { ENGLISH_STOP_WORDS } from './stop_words';

// Letters, combining marks and digits of any script; everything else (spaces, punctuation,
// hyphens, apostrophes, symbols) separates words, as scikit-learn's `\b\w\w+\b` does.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const NUMBER_ONLY = /^\p{N}+$/u;

/** Whether a token is a single character (a lone letter, or one astral-plane code point). */
function isSingleCharacter(token: string): boolean {
  return token.length === 1 || (token.length === 2 && token.codePointAt(0)! > 0xffff);
}

/**
 * Splits a text into lower-case word tokens in reading order: NFKC-normalised (so ligatures and
 * full-width forms match their plain spellings), Unicode-aware, with number-only tokens, one-
 * character tokens and stop words (default: ENGLISH_STOP_WORDS) dropped.
 */
export function tokenize(
  text: string,
  stopWords: ReadonlySet<string> = ENGLISH_STOP_WORDS,
): string[] {
  const tokens: string[] = [];
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(WORD)) {
    const token = match[0];
    if (isSingleCharacter(token) || NUMBER_ONLY.test(token) || stopWords.has(token)) continue;
    tokens.push(token);
  }
  return tokens;
}

/** The separator between the words of an n-gram term; tokens never contain it. */
export const NGRAM_SEPARATOR = ' ';

/**
 * The terms of a token list: every token, then (when ngramMax is 2, the default) every pair of
 * consecutive tokens joined by NGRAM_SEPARATOR; ngramMax is 1 or 2.
 */
export function termsOf(tokens: readonly string[], ngramMax: 1 | 2 = 2): string[] {
  const terms = tokens.slice();
  if (ngramMax === 2) {
    for (let i = 1; i < tokens.length; i++) {
      terms.push(tokens[i - 1]! + NGRAM_SEPARATOR + tokens[i]!);
    }
  }
  return terms;
}
