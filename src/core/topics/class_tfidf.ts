import { membersOf } from './cluster_members';
import { classTermCounts, type ClassTermCounts, type SectionWeights } from './class_term_counts';
import {
  keywordDisplay,
  selectKeywords,
  singular,
  type Keyword,
  type ScoredTerm,
} from './keyword_selection';
import type { LabelCorpus } from './label_corpus';

/** Parameters of classTfidfLabels(); every field is optional. */
export interface ClassTfidfOptions {
  /** Class → sibling group: c-TF-IDF compares a class with its group only; default one group. */
  groups?: Int32Array;
  /** Per-term genericness in [0, 1] (termGenericness); default 0 for every term. */
  genericness?: Float32Array;
  /** Keywords per class, at most; default 8. */
  keywords?: number;
  /** Keywords in a label, at most; default 2. */
  labelTerms?: number;
  /** Section weights of the counts; default title 3, abstract 1. */
  weights?: SectionWeights;
  /** The counts, when the caller already has them for this assignment. */
  counts?: ClassTermCounts;
}

/** A class's label ("retrieval-augmented generation · RAG") and its keywords, best first. */
export interface TopicLabel {
  label: string;
  keywords: string[];
}

/** Genericness at which a term's score is halved; the penalty is 1 / (1 + (g / this)²). */
export const GENERIC_SCALE = 0.05;
/** Separator between the keywords of a label. */
export const LABEL_SEPARATOR = ' · ';
const CANDIDATES = 50;
const MAX_LABEL_LENGTH = 40;
const SECOND_TERM_RATIO = 0.4;

/**
 * Labels classes of documents by class-based TF-IDF (c-TF-IDF, Grootendorst 2022, BERTopic's
 * ClassTfidfTransformer): score(t, c) = tf(t, c) / |c| × log(1 + A / f(t)), where tf counts the
 * term in the class (classTermCounts), |c| is the class's total count, f(t) the term's count over
 * the classes of the group and A the group's average class total. Scores are multiplied by a
 * genericness penalty; filler terms are never chosen; terms met in fewer than two papers' worth
 * of text rank after the others. Keywords are de-duplicated (selectKeywords), and siblings get
 * distinct first label terms: classes of a group are labelled largest first, each avoiding the
 * first terms already taken.
 */
export function classTfidfLabels(
  corpus: LabelCorpus,
  assignment: Int32Array,
  nClasses: number,
  options: ClassTfidfOptions = {},
): TopicLabel[] {
  const counts = options.counts ?? classTermCounts(corpus, assignment, nClasses, options.weights);
  const groups = options.groups ?? new Int32Array(nClasses);
  let nGroups = 0;
  for (let c = 0; c < nClasses; c++) nGroups = Math.max(nGroups, groups[c]! + 1);
  const groupMembers = membersOf(groups, nGroups);
  const frequency = new Float64Array(corpus.nTerms);
  const out: TopicLabel[] = Array.from({ length: nClasses }, () => ({ label: '', keywords: [] }));
  const sizeOf = (c: number) => counts.members.start[c + 1]! - counts.members.start[c]!;

  for (let g = 0; g < nGroups; g++) {
    const classes = groupMembers.items.subarray(groupMembers.start[g], groupMembers.start[g + 1]);
    if (classes.length === 0) continue;
    let average = 0;
    for (const c of classes) {
      average += counts.totals[c]! / classes.length;
      for (let q = counts.start[c]!; q < counts.start[c + 1]!; q++) {
        frequency[counts.terms[q]!]! += counts.counts[q]!;
      }
    }
    const keywords = new Map<number, Keyword[]>();
    for (const c of classes) {
      keywords.set(c, classKeywords(corpus, counts, c, frequency, average, options));
    }
    for (const c of classes) {
      for (let q = counts.start[c]!; q < counts.start[c + 1]!; q++) frequency[counts.terms[q]!] = 0;
    }

    const order = Array.from(classes).sort((a, b) => sizeOf(b) - sizeOf(a) || a - b);
    const taken = new Set<string>();
    for (const c of order) {
      const kws = keywords.get(c)!;
      const keyOf = (kw: Keyword) => kw.words.map((u) => singular(corpus.words[u]!)).join(' ');
      const first = Math.max(
        0,
        kws.findIndex((kw) => !taken.has(keyOf(kw))),
      );
      const parts: string[] = [];
      if (kws[first]) {
        taken.add(keyOf(kws[first]));
        parts.push(keywordDisplay(corpus, kws[first]));
        for (let i = 0; i < kws.length && parts.length < (options.labelTerms ?? 2); i++) {
          if (i === first || kws[i]!.score < SECOND_TERM_RATIO * kws[first].score) continue;
          const next = keywordDisplay(corpus, kws[i]!);
          if (
            parts.join(LABEL_SEPARATOR).length + LABEL_SEPARATOR.length + next.length >
            MAX_LABEL_LENGTH
          ) {
            continue;
          }
          parts.push(next);
        }
      }
      out[c] = {
        label: parts.join(LABEL_SEPARATOR),
        keywords: kws.map((kw) => keywordDisplay(corpus, kw)),
      };
    }
  }
  return out;
}

/** The de-duplicated keywords of class c, given its group's term frequencies and average total. */
function classKeywords(
  corpus: LabelCorpus,
  counts: ClassTermCounts,
  c: number,
  frequency: Float64Array,
  average: number,
  options: ClassTfidfOptions,
): Keyword[] {
  const total = counts.totals[c]!;
  if (total === 0) return [];
  const strong: ScoredTerm[] = [];
  const weak: ScoredTerm[] = [];
  const minSupport = Math.min(2, options.weights?.title ?? 3);
  for (let q = counts.start[c]!; q < counts.start[c + 1]!; q++) {
    const term = counts.terms[q]!;
    if (corpus.excluded[term]) continue;
    const x = counts.counts[q]!;
    const g = (options.genericness?.[term] ?? 0) / GENERIC_SCALE;
    const score = (x / total) * Math.log(1 + average / frequency[term]!) * (1 / (1 + g * g));
    (x >= minSupport ? strong : weak).push({ term, score });
  }
  const best = (list: ScoredTerm[]) =>
    list.sort((a, b) => b.score - a.score || a.term - b.term).slice(0, CANDIDATES);
  const ranked = best(strong).concat(best(weak));
  let lookup: Map<number, number> | null = null;
  const countOf = (term: number): number => {
    if (lookup === null) {
      lookup = new Map();
      for (let q = counts.start[c]!; q < counts.start[c + 1]!; q++) {
        lookup.set(counts.terms[q]!, counts.counts[q]!);
      }
    }
    return lookup.get(term) ?? 0;
  };
  const docs = counts.members.items.subarray(counts.members.start[c], counts.members.start[c + 1]);
  const weights = options.weights ?? {};
  return selectKeywords(corpus, ranked, options.keywords ?? 8, { docs, countOf, weights });
}
