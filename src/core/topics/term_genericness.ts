import type { ClassTermCounts } from './class_term_counts';
import type { LabelCorpus } from './label_corpus';

/**
 * How generic each term is in this corpus, in [0, 1]: the fraction of documents containing it
 * times how evenly it spreads over the finest topics (the perplexity of its counts across them
 * divided by their number). "model" in 60% of papers, spread everywhere, scores ≈ 0.5; a topic
 * word in 10% of papers, concentrated in a few topics, scores ≈ 0.01. Computed from the corpus
 * rather than a word list, since a word is boilerplate in one corpus and a topic in another.
 */
export function termGenericness(corpus: LabelCorpus, finest: ClassTermCounts): Float32Array {
  const { nTerms } = corpus;
  const total = new Float64Array(nTerms);
  const sumLog = new Float64Array(nTerms);
  const nClasses = finest.totals.length;
  let nonEmpty = 0;
  for (let c = 0; c < nClasses; c++) {
    if (finest.members.start[c + 1]! > finest.members.start[c]!) nonEmpty++;
    for (let q = finest.start[c]!; q < finest.start[c + 1]!; q++) {
      const t = finest.terms[q]!;
      const x = finest.counts[q]!;
      total[t]! += x;
      sumLog[t]! += x * Math.log(x);
    }
  }
  const out = new Float32Array(nTerms);
  if (corpus.nDocs === 0 || nonEmpty === 0) return out;
  for (let t = 0; t < nTerms; t++) {
    if (total[t] === 0) continue;
    // Entropy of the term's distribution over classes: ln T − Σ x ln x / T.
    const entropy = Math.log(total[t]!) - sumLog[t]! / total[t]!;
    const spread = Math.min(1, Math.exp(entropy) / nonEmpty);
    out[t] = (corpus.documentFrequency[t]! / corpus.nDocs) * spread;
  }
  return out;
}
