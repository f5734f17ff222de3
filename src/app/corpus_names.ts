import type { Corpus } from '../core/paper';

// A WeakMap, so a name goes away with its corpus and MapSession needs no name of its own.
const names = new WeakMap<Corpus, string>();

/** Gives a corpus the name the header shows (a file name, the default corpus's title). */
export function nameCorpus(corpus: Corpus, name: string): Corpus {
  names.set(corpus, name);
  return corpus;
}

/** The name given to a corpus with nameCorpus, or null. */
export function corpusName(corpus: Corpus): string | null {
  return names.get(corpus) ?? null;
}
