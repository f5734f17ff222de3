import type { SectionWeights } from './class_term_counts';
import { HYPHENATED, JOINED, TOKEN_FLAGS, wordDisplay, type LabelCorpus } from './label_corpus';

/** A chosen keyword: its words (unigram ids, 1 to 3), the bigram term joining each pair, its score. */
export interface Keyword {
  words: number[];
  links: number[];
  score: number;
}

/** A scored candidate term. */
export interface ScoredTerm {
  term: number;
  score: number;
}

/** What selectKeywords needs to know about the class it labels. */
export interface KeywordContext {
  /** The class's documents. */
  docs: Int32Array;
  /** The class's weighted count of a term (see classTermCounts). */
  countOf: (term: number) => number;
  weights?: SectionWeights;
}

/** A crude English singular ("laws" → "law", "LLMs" → "llm", "studies" → "study"), as a match key. */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && /(?:sses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word))
    return word.slice(0, -1);
  return word;
}

/**
 * Picks up to `count` keywords from candidates ranked best first, removing near-duplicates the
 * way KeyBERT-style post-processing does: a plural/singular variant of a chosen keyword is
 * skipped, a unigram inside a chosen phrase is skipped, a bigram replaces the chosen unigram it
 * contains ("diffusion" → "diffusion models"), and of two overlapping bigrams ("retrieval
 * augmented", "augmented generation") whose trigram accounts for at least half the uses of the
 * commoner one, the trigram replaces both; when it accounts only for half the rarer one's uses,
 * the rarer is a fragment ("image diffusion" in "image diffusion models") and is dropped.
 */
export function selectKeywords(
  corpus: LabelCorpus,
  ranked: readonly ScoredTerm[],
  count: number,
  context: KeywordContext,
): Keyword[] {
  const keyOf = (words: number[]) => words.map((u) => singular(corpus.words[u]!));
  const chosen: { kw: Keyword; key: string[] }[] = [];
  const covers = (outer: string[], inner: string[]): boolean => {
    for (let i = 0; i + inner.length <= outer.length; i++) {
      if (inner.every((w, j) => outer[i + j] === w)) return true;
    }
    return false;
  };
  const dropCovered = (key: string[], keep: number) => {
    for (let i = chosen.length - 1; i >= 0; i--) {
      if (i !== keep && covers(key, chosen[i]!.key)) chosen.splice(i, 1);
    }
  };
  for (const { term, score } of ranked) {
    if (chosen.length >= count) break;
    const second = corpus.termSecond[term]!;
    const words = second < 0 ? [corpus.termFirst[term]!] : [corpus.termFirst[term]!, second];
    const key = keyOf(words);
    if (key.length === 2 && key[0] === key[1]) continue;
    if (chosen.some((c) => covers(c.key, key))) continue;
    const kw: Keyword = { words, links: second < 0 ? [] : [term], score };
    if (words.length === 2) {
      const merged = mergeIntoTrigram(corpus, chosen, kw, key, context);
      if (merged === SKIP) continue;
      if (merged >= 0) {
        dropCovered(chosen[merged]!.key, merged);
        continue;
      }
      const inside = chosen.findIndex((c) => c.key.length === 1 && covers(key, c.key));
      if (inside >= 0) {
        // The phrase takes the place (and rank) of the word it contains.
        chosen[inside] = { kw: { ...kw, score: chosen[inside]!.kw.score }, key };
        dropCovered(key, inside);
        continue;
      }
    }
    chosen.push({ kw, key });
  }
  return chosen.map((c) => c.kw);
}

/** mergeIntoTrigram's answer when the candidate is a fragment of a chosen keyword's trigram. */
const SKIP = -2;

/**
 * Resolves kw against an overlapping chosen bigram: replaces that bigram by their trigram, or by
 * kw when the chosen one is the fragment, and returns its index; SKIP when kw is the fragment;
 * −1 when kw overlaps nothing it should merge with.
 */
function mergeIntoTrigram(
  corpus: LabelCorpus,
  chosen: { kw: Keyword; key: string[] }[],
  kw: Keyword,
  key: string[],
  context: KeywordContext,
): number {
  for (let i = 0; i < chosen.length; i++) {
    const other = chosen[i]!;
    if (other.key.length !== 2) continue;
    let words: number[];
    let links: number[];
    if (other.key[1] === key[0] && other.key[0] !== key[1]) {
      words = [other.kw.words[0]!, other.kw.words[1]!, kw.words[1]!];
      links = [other.kw.links[0]!, kw.links[0]!];
    } else if (key[1] === other.key[0] && key[0] !== other.key[1]) {
      words = [kw.words[0]!, kw.words[1]!, other.kw.words[1]!];
      links = [kw.links[0]!, other.kw.links[0]!];
    } else {
      continue;
    }
    const mine = context.countOf(kw.links[0]!);
    const theirs = context.countOf(other.kw.links[0]!);
    const together = trigramCount(corpus, words, context);
    if (together >= 0.5 * Math.max(mine, theirs)) {
      const merged = { words, links, score: other.kw.score };
      chosen[i] = { kw: merged, key: words.map((u) => singular(corpus.words[u]!)) };
      return i;
    }
    if (together < 0.5 * Math.min(mine, theirs)) continue;
    if (mine <= theirs) return SKIP;
    chosen[i] = { kw: { ...kw, score: other.kw.score }, key };
    return i;
  }
  return -1;
}

/** The class's weighted count of papers using the three words adjacently, as classTermCounts counts. */
function trigramCount(corpus: LabelCorpus, words: number[], context: KeywordContext): number {
  const [a, b, c] = words as [number, number, number];
  const titleWeight = context.weights?.title ?? 3;
  const abstractWeight = context.weights?.abstract ?? 1;
  const linked = (p: number) => (corpus.tokens[p]! & (JOINED | HYPHENATED)) !== 0;
  const id = (p: number) => Math.floor(corpus.tokens[p]! / TOKEN_FLAGS);
  let total = 0;
  for (const d of context.docs) {
    let inTitle = false;
    let inAbstract = false;
    for (let p = corpus.docStart[d]! + 2; p < corpus.docStart[d + 1]!; p++) {
      if (id(p) !== c || id(p - 1) !== b || id(p - 2) !== a || !linked(p) || !linked(p - 1)) {
        continue;
      }
      if (p < corpus.titleEnd[d]!) inTitle = true;
      else inAbstract = true;
    }
    total += (inTitle ? titleWeight : 0) + (inAbstract ? abstractWeight : 0);
  }
  return total;
}

/** A keyword as shown: acronyms in capitals, words joined by a hyphen where the text mostly has one. */
export function keywordDisplay(corpus: LabelCorpus, kw: Keyword): string {
  let out = wordDisplay(corpus, kw.words[0]!);
  for (let i = 1; i < kw.words.length; i++) {
    out +=
      (corpus.termHyphenated[kw.links[i - 1]!] ? '-' : ' ') + wordDisplay(corpus, kw.words[i]!);
  }
  return out;
}
