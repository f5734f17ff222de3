import { GrowableArray } from '../linalg/growable_array';
import type { Paper } from '../paper';
import { parseQuery } from './search_query';
import { searchTerms } from './search_tokens';
import { selectTopK, type SearchHit } from './top_k';

/** Parameters of the BM25 index; defaults in BM25_DEFAULTS. */
export interface Bm25Options {
  /** Term-frequency saturation, ≥ 0; default 1.2. */
  k1?: number;
  /** Length normalisation, 0 (none) to 1 (full); default 0.75. */
  b?: number;
  /** How many abstract words one title word counts for (BM25F field weight), > 0; default 2.5. */
  titleWeight?: number;
}

/** The defaults of Bm25Options: k1 1.2, b 0.75 (Robertson & Zaragoza 2009), title weight 2.5. */
export const BM25_DEFAULTS = { k1: 1.2, b: 0.75, titleWeight: 2.5 } as const;

/** Most indexed terms a typed prefix expands to: the most frequent ones. */
export const MAX_PREFIX_EXPANSIONS = 64;

/** A word index of a corpus, answering ranked queries in milliseconds. */
export interface Bm25Index {
  /** Number of documents indexed. */
  readonly size: number;
  /** Number of distinct indexed terms. */
  readonly termCount: number;
  /**
   * The at most `limit` (default 20) best documents for a query, best first, ties by index;
   * documents matching no query term are left out, and a query without terms gives [].
   */
  search(query: string, limit?: number): SearchHit[];
}

/** Marks the boundary between a document's title and abstract in the token stream. */
const FIELD_BREAK = -1;

/**
 * Builds a BM25F index of the papers' titles and abstracts (Robertson, Zaragoza & Taylor 2004,
 * "Simple BM25 extension to multiple weighted fields"): per document and term, the field
 * frequencies, each divided by its field's length normalisation 1 − b + b·len/avgLen, are summed
 * with the title weighted by titleWeight, then saturated as tf/(k1 + tf) and stored in term-major
 * postings (Int32Array documents, Float32Array weights); a query adds idf × weight per term, with
 * idf = ln(1 + (N − df + 0.5)/(df + 0.5)) (Robertson–Spärck Jones, kept positive as Lucene does).
 * Words are folded by searchTokens; a forward index of term ids answers quoted phrases.
 */
export function buildBm25Index(
  papers: readonly Pick<Paper, 'title' | 'abstract'>[],
  options: Bm25Options = {},
): Bm25Index {
  const k1 = options.k1 ?? BM25_DEFAULTS.k1;
  const b = options.b ?? BM25_DEFAULTS.b;
  const titleWeight = options.titleWeight ?? BM25_DEFAULTS.titleWeight;
  const n = papers.length;

  // Pass 1: the forward index (title ids, FIELD_BREAK, abstract ids) and document frequencies.
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const df: number[] = [];
  const lastDoc: number[] = [];
  const tokens = new GrowableArray((length) => new Int32Array(length));
  const docStart = new Int32Array(n + 1);
  const titleLength = new Int32Array(n);
  const push = (text: string, d: number) => {
    for (const term of searchTerms(text)) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = terms.length;
        termIds.set(term, id);
        terms.push(term);
        df.push(0);
        lastDoc.push(-1);
      }
      tokens.push(id);
      if (lastDoc[id] !== d) {
        lastDoc[id] = d;
        df[id]!++;
      }
    }
  };
  let titleTotal = 0;
  let abstractTotal = 0;
  for (let d = 0; d < n; d++) {
    const paper = papers[d]!;
    const start = tokens.length;
    push(paper.title, d);
    titleLength[d] = tokens.length - start;
    tokens.push(FIELD_BREAK);
    push(paper.abstract, d);
    docStart[d + 1] = tokens.length;
    titleTotal += titleLength[d]!;
    abstractTotal += docStart[d + 1]! - start - 1 - titleLength[d]!;
  }
  const forward = tokens.toArray();
  const docFrequency = Int32Array.from(df);
  const nTerms = terms.length;

  // Pass 2: term-major postings, documents ascending within a term.
  const postingStart = new Int32Array(nTerms + 1);
  for (let t = 0; t < nTerms; t++) postingStart[t + 1] = postingStart[t]! + docFrequency[t]!;
  const postingDoc = new Int32Array(postingStart[nTerms]!);
  const postingWeight = new Float32Array(postingStart[nTerms]!);
  const cursor = postingStart.slice(0, nTerms);
  const titleTf = new Int32Array(nTerms);
  const abstractTf = new Int32Array(nTerms);
  const touched: number[] = [];
  const averageTitle = n > 0 ? titleTotal / n : 0;
  const averageAbstract = n > 0 ? abstractTotal / n : 0;
  const norm = (length: number, average: number) =>
    average > 0 ? 1 - b + (b * length) / average : 1;
  for (let d = 0; d < n; d++) {
    touched.length = 0;
    const titleEnd = docStart[d]! + titleLength[d]!;
    for (let i = docStart[d]!; i < docStart[d + 1]!; i++) {
      const t = forward[i]!;
      if (t === FIELD_BREAK) continue;
      if (titleTf[t] === 0 && abstractTf[t] === 0) touched.push(t);
      if (i < titleEnd) titleTf[t]!++;
      else abstractTf[t]!++;
    }
    const titleNorm = norm(titleLength[d]!, averageTitle);
    const abstractNorm = norm(docStart[d + 1]! - titleEnd - 1, averageAbstract);
    for (const t of touched) {
      const tf = (titleWeight * titleTf[t]!) / titleNorm + abstractTf[t]! / abstractNorm;
      const p = cursor[t]!++;
      postingDoc[p] = d;
      postingWeight[p] = tf / (k1 + tf);
      titleTf[t] = 0;
      abstractTf[t] = 0;
    }
  }
  const idf = new Float32Array(nTerms);
  for (let t = 0; t < nTerms; t++) {
    idf[t] = Math.log(1 + (n - docFrequency[t]! + 0.5) / (docFrequency[t]! + 0.5));
  }

  // Query scratch, reused so that a keystroke allocates nothing of size n.
  const scores = new Float32Array(n);
  const prefixScores = new Float32Array(n);
  let sortedTerms: Int32Array | null = null;
  const byTerm = () => {
    sortedTerms ??= Int32Array.from(terms.keys()).sort((x, y) =>
      terms[x]! < terms[y]! ? -1 : terms[x]! > terms[y]! ? 1 : 0,
    );
    return sortedTerms;
  };

  /** The ids of the most frequent indexed terms that begin with prefix. */
  const expand = (prefix: string): number[] => {
    const sorted = byTerm();
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[sorted[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    for (let i = lo; i < sorted.length && terms[sorted[i]!]!.startsWith(prefix); i++) {
      found.push(sorted[i]!);
    }
    found.sort((x, y) => docFrequency[y]! - docFrequency[x]! || x - y);
    return found.slice(0, MAX_PREFIX_EXPANSIONS);
  };

  /** Whether document d holds the term ids as a run of adjacent indexed terms in one field. */
  const hasPhrase = (d: number, phrase: number[]): boolean => {
    const end = docStart[d + 1]! - phrase.length;
    for (let i = docStart[d]!; i <= end; i++) {
      let j = 0;
      while (j < phrase.length && forward[i + j] === phrase[j]) j++;
      if (j === phrase.length) return true;
    }
    return false;
  };

  const search = (query: string, limit = 20): SearchHit[] => {
    if (n === 0 || !(limit >= 1)) return [];
    const parsed = parseQuery(query);
    const phrases: number[][] = [];
    for (const phrase of parsed.phrases) {
      const ids = phrase.map((term) => termIds.get(term) ?? -1);
      // A phrase with an unknown word matches nothing, so neither does the query.
      if (ids.includes(-1)) return [];
      phrases.push(ids);
    }
    const touchedDocs: number[] = [];
    const add = (d: number, s: number) => {
      if (scores[d] === 0) touchedDocs.push(d);
      scores[d]! += s;
    };
    for (const term of parsed.terms) {
      const t = termIds.get(term);
      if (t === undefined) continue;
      for (let p = postingStart[t]!; p < postingStart[t + 1]!; p++) {
        add(postingDoc[p]!, idf[t]! * postingWeight[p]!);
      }
    }
    if (parsed.prefix !== null) {
      // A document scores its best expansion once, so "model" does not also count "models".
      const prefixDocs: number[] = [];
      for (const t of expand(parsed.prefix)) {
        for (let p = postingStart[t]!; p < postingStart[t + 1]!; p++) {
          const d = postingDoc[p]!;
          const s = idf[t]! * postingWeight[p]!;
          if (prefixScores[d] === 0) prefixDocs.push(d);
          if (s > prefixScores[d]!) prefixScores[d] = s;
        }
      }
      for (const d of prefixDocs) {
        add(d, prefixScores[d]!);
        prefixScores[d] = 0;
      }
    }
    const candidates =
      phrases.length === 0
        ? touchedDocs
        : touchedDocs.filter((d) => phrases.every((phrase) => hasPhrase(d, phrase)));
    const hits = selectTopK(scores, limit, candidates);
    for (const d of touchedDocs) scores[d] = 0;
    return hits;
  };

  return { size: n, termCount: nTerms, search };
}
