import { membersOf, type ClusterMembers } from './cluster_members';
import { TOKEN_FLAGS, type LabelCorpus } from './label_corpus';

/** Weighted term counts per class, sparse: class c's terms are terms[start[c] .. start[c+1]). */
export interface ClassTermCounts {
  start: Int32Array;
  terms: Int32Array;
  counts: Float32Array;
  /** Σ of class c's counts. */
  totals: Float64Array;
  /** The documents of each class. */
  members: ClusterMembers;
}

/** How much a term's presence counts in a title and in an abstract; default title 3, abstract 1. */
export interface SectionWeights {
  title?: number;
  abstract?: number;
}

/**
 * Each class's term counts: a document adds `title` (default 3) when its title contains the term
 * and `abstract` (default 1) when its abstract does, so a term repeated within one abstract does
 * not outweigh one found across many papers. Classes are 0..nClasses−1 (assignment per doc).
 */
export function classTermCounts(
  corpus: LabelCorpus,
  assignment: Int32Array,
  nClasses: number,
  weights: SectionWeights = {},
): ClassTermCounts {
  const titleWeight = weights.title ?? 3;
  const abstractWeight = weights.abstract ?? 1;
  const members = membersOf(assignment, nClasses);
  const sum = new Float64Array(corpus.nTerms);
  const stamp = new Int32Array(corpus.nTerms).fill(-1);
  const touched = new Int32Array(corpus.nTerms);
  const start = new Int32Array(nClasses + 1);
  const totals = new Float64Array(nClasses);
  let terms = new Int32Array(1024);
  let counts = new Float32Array(1024);
  let length = 0;
  for (let c = 0; c < nClasses; c++) {
    let nTouched = 0;
    const add = (t: number, section: number, w: number) => {
      if (t < 0 || stamp[t] === section) return;
      stamp[t] = section;
      if (sum[t] === 0) touched[nTouched++] = t;
      sum[t]! += w;
    };
    for (let q = members.start[c]!; q < members.start[c + 1]!; q++) {
      const d = members.items[q]!;
      for (let p = corpus.docStart[d]!; p < corpus.docStart[d + 1]!; p++) {
        const title = p < corpus.titleEnd[d]!;
        const section = 2 * d + (title ? 0 : 1);
        const w = title ? titleWeight : abstractWeight;
        add(corpus.unigramTerm[Math.floor(corpus.tokens[p]! / TOKEN_FLAGS)]!, section, w);
        add(corpus.bigramTerm[p]!, section, w);
      }
    }
    if (length + nTouched > terms.length) {
      const capacity = Math.max(2 * terms.length, length + nTouched);
      const grownTerms = new Int32Array(capacity);
      const grownCounts = new Float32Array(capacity);
      grownTerms.set(terms.subarray(0, length));
      grownCounts.set(counts.subarray(0, length));
      terms = grownTerms;
      counts = grownCounts;
    }
    for (let i = 0; i < nTouched; i++) {
      const t = touched[i]!;
      terms[length] = t;
      counts[length++] = sum[t]!;
      totals[c]! += sum[t]!;
      sum[t] = 0;
    }
    start[c + 1] = length;
  }
  return { start, terms: terms.slice(0, length), counts: counts.slice(0, length), totals, members };
}
