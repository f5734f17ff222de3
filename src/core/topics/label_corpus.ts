import type { JobOptions } from '../job';
import { GrowableArray } from '../linalg/growable_array';
import { createJobPacer } from '../linalg/job_pacer';
import { ENGLISH_STOP_WORDS } from '../text/stop_words';
import { effectiveMinDf } from '../text/tfidf';
import { ACADEMIC_FILLER } from './academic_filler';

/** The text of a paper that labels read: its title and abstract. */
export interface LabelText {
  title: string;
  abstract: string;
}

/** Token flag: the previous token of the same section is adjacent, separated by white space only. */
export const JOINED = 1;
/** Token flag: the previous token of the same section is adjacent, separated by one hyphen. */
export const HYPHENATED = 2;
/** Token flag: written in capitals (e.g. "LLM", "RAG"). */
export const CAPITALS = 4;
/** Token flag: capitals with a plural s (e.g. "LLMs"). */
export const CAPITALS_PLURAL = 8;
/** Tokens are stored as unigram id × TOKEN_FLAGS + flags. */
export const TOKEN_FLAGS = 16;

/**
 * The word streams and vocabulary that topic labels are computed from. A term is a unigram or
 * a bigram of two words adjacent in the text (no stop word, number or punctuation between),
 * kept when at least effectiveMinDf documents contain it; terms are numbered unigrams first.
 */
export interface LabelCorpus {
  nDocs: number;
  /** Every document's tokens, title first: unigram id × TOKEN_FLAGS + flags. */
  tokens: Int32Array;
  /** Document d's tokens are tokens[docStart[d] .. docStart[d+1]), n + 1 entries. */
  docStart: Int32Array;
  /** Index of document d's first abstract token (its title's tokens come before). */
  titleEnd: Int32Array;
  /** Lower-case word of each unigram id. */
  words: string[];
  /** How unigram u is written: 0 lower case, CAPITALS or CAPITALS_PLURAL (most common form). */
  wordCase: Uint8Array;
  /** Unigram id → its term id, or −1 when too rare. */
  unigramTerm: Int32Array;
  /** Per token: the term id of the bigram ending at it, or −1. */
  bigramTerm: Int32Array;
  nTerms: number;
  /** First and second unigram id of each term; second is −1 for a unigram. */
  termFirst: Int32Array;
  termSecond: Int32Array;
  /** Number of documents containing each term. */
  documentFrequency: Int32Array;
  /** 1 for a bigram written with a hyphen in most of its occurrences ("retrieval-augmented"). */
  termHyphenated: Uint8Array;
  /** 1 for a term that is, or contains, an ACADEMIC_FILLER word: never a label. */
  excluded: Uint8Array;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu; // the same word pattern as tokenize()
const NUMBER_ONLY = /^\p{N}+$/u;
const ALL_CAPS = /^(?=.*\p{Lu})[\p{Lu}\p{N}]+$/u;
const CAPS_PLURAL = /^(?=.*\p{Lu}.*\p{Lu})[\p{Lu}\p{N}]+s$/u;

/** The flags of the gap text[from, to) between two kept tokens: JOINED, HYPHENATED or 0. */
function gapFlags(text: string, from: number, to: number): number {
  if (to - from === 1) {
    const c = text.charCodeAt(from);
    if (c === 0x2d || c === 0x2010 || c === 0x2011) return HYPHENATED;
  }
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xa0) return 0;
  }
  return JOINED;
}

/**
 * Tokenises titles and abstracts for labelling, as tokenize() does (NFKC, Unicode words,
 * English stop words, numbers and one-character words dropped) but keeping adjacency, hyphens
 * and capitals, then counts document frequencies and keeps terms in ≥ effectiveMinDf documents.
 * Reports progress as stage "topic labels" and honours job.signal.
 */
export async function buildLabelCorpus(
  texts: readonly LabelText[],
  job: Pick<JobOptions, 'onProgress' | 'signal'> = {},
): Promise<LabelCorpus> {
  const n = texts.length;
  const pace = createJobPacer('topic labels', job);
  const ids = new Map<string, number>();
  const words: string[] = [];
  const df: number[] = [];
  const lastDoc: number[] = [];
  const caseVotes: number[] = []; // per unigram: 3 counts (lower, capitals, capitals plural)
  const tokens = new GrowableArray((length) => new Int32Array(length));
  const docStart = new Int32Array(n + 1);
  const titleEnd = new Int32Array(n);
  const addSection = (raw: string, d: number) => {
    const text = raw.normalize('NFKC');
    let prevEnd = -1;
    for (const match of text.matchAll(WORD)) {
      const surface = match[0];
      const word = surface.toLowerCase();
      const start = match.index;
      const joinable = prevEnd >= 0 ? gapFlags(text, prevEnd, start) : 0;
      prevEnd = start + surface.length;
      const numeric = word.charCodeAt(0) < 0x3a && NUMBER_ONLY.test(word);
      if (word.length < 2 || numeric || ENGLISH_STOP_WORDS.has(word)) {
        prevEnd = -1;
        continue;
      }
      let id = ids.get(word);
      if (id === undefined) {
        id = words.length;
        ids.set(word, id);
        words.push(word);
        df.push(0);
        lastDoc.push(-1);
        caseVotes.push(0, 0, 0);
      }
      if (lastDoc[id] !== d) {
        lastDoc[id] = d;
        df[id]!++;
      }
      let caps = 0;
      if (surface !== word) {
        caps = ALL_CAPS.test(surface) ? CAPITALS : CAPS_PLURAL.test(surface) ? CAPITALS_PLURAL : 0;
      }
      caseVotes[3 * id + (caps === CAPITALS ? 1 : caps === CAPITALS_PLURAL ? 2 : 0)]!++;
      tokens.push(id * TOKEN_FLAGS + joinable + caps);
    }
  };
  for (let d = 0; d < n; d++) {
    docStart[d] = tokens.length;
    addSection(texts[d]!.title, d);
    titleEnd[d] = tokens.length;
    addSection(texts[d]!.abstract, d);
    await pace((0.7 * (d + 1)) / n);
  }
  docStart[n] = tokens.length;
  const stream = tokens.toArray();
  const nWords = words.length;
  const minDf = effectiveMinDf(n);

  // Bigram document frequencies, by sorting each document's distinct pair keys (as buildTfidf).
  const frequent = (u: number) => df[u]! >= minDf;
  const pairKey = (p: number): number => {
    const t = stream[p]!;
    if ((t & (JOINED | HYPHENATED)) === 0) return -1;
    const a = Math.floor(stream[p - 1]! / TOKEN_FLAGS);
    const b = Math.floor(t / TOKEN_FLAGS);
    return frequent(a) && frequent(b) ? a * nWords + b : -1;
  };
  const allKeys = new GrowableArray((length) => new Float64Array(length));
  let scratch = new Float64Array(256);
  for (let d = 0; d < n; d++) {
    if (scratch.length < docStart[d + 1]! - docStart[d]!) {
      scratch = new Float64Array(2 * (docStart[d + 1]! - docStart[d]!));
    }
    let nKeys = 0;
    for (let p = docStart[d]! + 1; p < docStart[d + 1]!; p++) {
      const key = pairKey(p);
      if (key >= 0) scratch[nKeys++] = key;
    }
    const docKeys = scratch.subarray(0, nKeys).sort();
    for (let i = 0; i < nKeys; i++) {
      if (i === 0 || docKeys[i] !== docKeys[i - 1]) allKeys.push(docKeys[i]!);
    }
    await pace(0.7 + (0.15 * (d + 1)) / n);
  }
  const sorted = allKeys.view().sort();

  const termFirst: number[] = [];
  const termSecond: number[] = [];
  const termDf: number[] = [];
  const unigramTerm = new Int32Array(nWords).fill(-1);
  for (let u = 0; u < nWords; u++) {
    if (!frequent(u)) continue;
    unigramTerm[u] = termFirst.length;
    termFirst.push(u);
    termSecond.push(-1);
    termDf.push(df[u]!);
  }
  // Kept bigram keys ascending (written over the front of `sorted`): term id = nUnigramTerms + rank.
  const nUnigramTerms = termFirst.length;
  let nBigrams = 0;
  for (let start = 0; start < sorted.length;) {
    let end = start + 1;
    while (end < sorted.length && sorted[end] === sorted[start]) end++;
    if (end - start >= minDf) {
      const key = sorted[start]!;
      const a = Math.floor(key / nWords);
      sorted[nBigrams++] = key;
      termFirst.push(a);
      termSecond.push(key - a * nWords);
      termDf.push(end - start);
    }
    start = end;
  }
  const nTerms = termFirst.length;

  // Bigrams grouped by first word, so a lookup searches only that word's few keys.
  const byFirst = new Int32Array(nWords + 1);
  for (let t = nUnigramTerms; t < nTerms; t++) byFirst[termFirst[t]! + 1]!++;
  for (let u = 0; u < nWords; u++) byFirst[u + 1]! += byFirst[u]!;
  const bigramTerm = new Int32Array(stream.length).fill(-1);
  const hyphens = new Int32Array(nTerms);
  const occurrences = new Int32Array(nTerms);
  for (let d = 0; d < n; d++) {
    for (let p = docStart[d]! + 1; p < docStart[d + 1]!; p++) {
      const key = pairKey(p);
      if (key < 0) continue;
      const a = Math.floor(stream[p - 1]! / TOKEN_FLAGS);
      const rank = binarySearch(sorted, byFirst[a]!, byFirst[a + 1]!, key);
      if (rank < 0) continue;
      const t = nUnigramTerms + rank;
      bigramTerm[p] = t;
      occurrences[t]!++;
      if (stream[p]! & HYPHENATED) hyphens[t]!++;
    }
    await pace(0.85 + (0.15 * (d + 1)) / n);
  }
  const termHyphenated = new Uint8Array(nTerms);
  const excluded = new Uint8Array(nTerms);
  for (let t = 0; t < nTerms; t++) {
    termHyphenated[t] = 2 * hyphens[t]! > occurrences[t]! ? 1 : 0;
    const second = termSecond[t]!;
    const filler =
      ACADEMIC_FILLER.has(words[termFirst[t]!]!) ||
      (second >= 0 && ACADEMIC_FILLER.has(words[second]!));
    excluded[t] = filler ? 1 : 0;
  }
  const wordCase = new Uint8Array(nWords);
  for (let u = 0; u < nWords; u++) {
    const [lower, caps, plural] = [caseVotes[3 * u]!, caseVotes[3 * u + 1]!, caseVotes[3 * u + 2]!];
    if (caps + plural > lower) wordCase[u] = caps >= plural ? CAPITALS : CAPITALS_PLURAL;
  }
  job.onProgress?.(1, 'topic labels');
  return {
    nDocs: n,
    tokens: stream,
    docStart,
    titleEnd,
    words,
    wordCase,
    unigramTerm,
    bigramTerm,
    nTerms,
    termFirst: Int32Array.from(termFirst),
    termSecond: Int32Array.from(termSecond),
    documentFrequency: Int32Array.from(termDf),
    termHyphenated,
    excluded,
  };
}

/** How a word is shown: upper case for an acronym ("LLM", "LLMs"), else as the lower-case token. */
export function wordDisplay(corpus: LabelCorpus, u: number): string {
  const word = corpus.words[u]!;
  if (corpus.wordCase[u] === CAPITALS) return word.toUpperCase();
  if (corpus.wordCase[u] === CAPITALS_PLURAL) return word.slice(0, -1).toUpperCase() + 's';
  return word;
}

/** The index of key in keys[from .. to), ascending, or −1. */
function binarySearch(keys: Float64Array, from: number, to: number, key: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}
